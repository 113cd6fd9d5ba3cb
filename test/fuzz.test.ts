// fuzz.test.ts — fast-check throws random, mostly invalid, arguments at every function `np` exports: shapes,
// axes, dtypes, strings, NaN, huge numbers, ragged lists, option objects with random keys, out= arrays.
// Every failure must be a thrown Error (never a non-Error, a hang, an array with broken invariants, an
// elementwise result of the wrong shape, or an `out` array written by a call that then failed).
// The calls run in child processes, so a hang (killed after 5 s) or a crash of V8 itself is caught and reported.
// Seed: TESSERA_FUZZ_SEED; calls per function: TESSERA_FUZZ_CALLS.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fork } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { np } from "../src/index.js";
import { NDArray } from "../src/core/ndarray.js";
import { DTYPES, DTYPE_INFO, type DType } from "../src/core/dtype.js";
import { broadcastShapes } from "../src/core/shape.js";

const SEED = Number(process.env.TESSERA_FUZZ_SEED ?? 7);
const CALLS = Number(process.env.TESSERA_FUZZ_CALLS ?? 80);

/** JS-engine errors: an Error subclass, but a sign tessera did not validate its input. */
const ENGINE_ERROR = /is not a function|Cannot read properties|Cannot set properties|is not iterable|Cannot mix BigInt|Cannot convert .* to a BigInt|Maximum call stack|Invalid typed array length|Invalid array length|is not a constructor|undefined is not|null is not|Do not know how to serialize/;

/** CPython's own wording that happens to match ENGINE_ERROR ("'float' object is not iterable"). */
const PYTHON_TEXT = /^'\w+' object is not iterable$/;

/** Functions whose failures are owned by this test's author; engine errors fail only here (others are reported). */
const OWNED = new Set(
  `add subtract multiply divide trueDivide floorDivide remainder mod fmod power pow arctan2 hypot copysign maximum minimum fmax fmin
equal notEqual less lessEqual greater greaterEqual logicalAnd logicalOr logicalXor bitwiseAnd bitwiseOr bitwiseXor leftShift rightShift
negative positive absolute abs sign sqrt cbrt square reciprocal exp exp2 log log2 log10 log1p expm1 sin cos tan arcsin arccos arctan
sinh cosh tanh arcsinh arccosh arctanh deg2rad rad2deg radians degrees floor ceil trunc rint logicalNot invert bitwiseNot isnan isinf
isfinite signbit round around clip isclose allclose arrayEqual zeros ones empty full zerosLike onesLike emptyLike fullLike arange
linspace logspace eye identity copy fromTyped array asarray astype promoteTypes canCast`.split(/\s+/),
);
const UFUNCS = new Set([...OWNED].slice(0, [...OWNED].indexOf("round")));

// ---- arbitraries ------------------------------------------------------------------------------------------

const dtypeArb = fc.constantFrom<DType>(...DTYPES);
const smallShape = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 });

const ndarrayArb: fc.Arbitrary<() => NDArray> = fc.tuple(dtypeArb, smallShape, fc.boolean(), fc.integer({ min: -3, max: 5 })).map(([dtype, shape, transpose, fill]) => () => {
  const a = np.full(shape, DTYPE_INFO[dtype].kind === "u" ? Math.abs(fill) : fill, { dtype });
  return transpose ? new NDArray(a.data, a.dtype, [...a.shape].reverse(), [...a._strides].reverse(), a._offset, a) : a;
});

const numberArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 6 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, 1e300, -1e12, 2 ** 40) },
);
const nestedArb: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: "small", withCrossShrink: true }, numberArb, fc.boolean(), fc.array(tie("v"), { maxLength: 3 })),
})).v;
const stringArb = fc.constantFrom(...DTYPES, "foo", "", "C", "F", "K", "same_kind", "unsafe", "safe", "no", ":", "...", "i8", "float", "complex128", "float16");
const optionKeys = `axis axes dtype out keepdims casting order shape k M N num endpoint base retstep copy decimals min max rtol atol equalNan
returnCounts returnIndex returnInverse initial where ddof dim keepdim start stop step side kind stable like`.split(/\s+/);

type Gen = () => unknown;
const leafArb: fc.Arbitrary<Gen> = fc.oneof(
  { weight: 4, arbitrary: ndarrayArb },
  { weight: 3, arbitrary: numberArb.map((v) => () => v) },
  { weight: 2, arbitrary: nestedArb.map((v) => () => structuredClone(v)) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: -4, max: 5 }), { maxLength: 4 }).map((v) => () => [...v]) },
  { weight: 1, arbitrary: fc.bigInt({ min: -5n, max: 2n ** 64n }).map((v) => () => v) },
  { weight: 1, arbitrary: fc.boolean().map((v) => () => v) },
  { weight: 1, arbitrary: stringArb.map((v) => () => v) },
  { weight: 1, arbitrary: fc.constantFrom(() => null, () => undefined) },
);
const optionsArb: fc.Arbitrary<Gen> = fc
  .array(fc.tuple(fc.constantFrom(...optionKeys), leafArb), { maxLength: 3 })
  .map((entries) => () => Object.fromEntries(entries.map(([k, g]) => [k, g()])));
const callArb = fc.tuple(fc.array(leafArb, { maxLength: 4 }), fc.option(optionsArb, { freq: 2 }));

// ---- checks ---------------------------------------------------------------------------------------------

/** An NDArray's invariants: a known dtype over its own storage class, sane shape/strides, every element in bounds. */
function checkArray(a: NDArray, what: string): void {
  assert.ok(a.dtype in DTYPE_INFO, `${what}: unknown dtype ${a.dtype}`);
  assert.ok(a.data instanceof DTYPE_INFO[a.dtype].ctor, `${what}: ${a.dtype} stored in ${a.data.constructor.name}`);
  assert.equal(a._strides.length, a.shape.length, `${what}: strides/shape rank`);
  for (const d of a.shape) assert.ok(Number.isInteger(d) && d >= 0, `${what}: bad dimension ${d}`);
  if (a.size === 0) return;
  let lo = a._offset, hi = a._offset;
  a.shape.forEach((d, i) => {
    const span = (d - 1) * a._strides[i]!;
    if (span < 0) lo += span;
    else hi += span;
  });
  assert.ok(Number.isInteger(lo) && lo >= 0 && hi < a.data.length, `${what}: elements outside the buffer [${lo}, ${hi}] of ${a.data.length}`);
}

function checkResult(r: unknown, what: string, depth = 0): void {
  if (r instanceof NDArray) checkArray(r, what);
  else if (Array.isArray(r) && depth < 2) r.forEach((x, i) => checkResult(x, `${what}[${i}]`, depth + 1));
}

function snapshot(a: NDArray): unknown[] {
  return [...a._values()].map((v) => (typeof v === "number" && Number.isNaN(v) ? "nan" : v));
}

interface Finding {
  fn: string;
  kind: "non-error" | "engine" | "invariant" | "out-written" | "hang" | "crash";
  detail: string;
}

function describe(args: unknown[]): string {
  return args
    .map((a) => (a instanceof NDArray ? `ndarray(${a.dtype},[${a.shape}])` : JSON.stringify(a, (_, v) => (typeof v === "bigint" ? `${v}n` : v instanceof NDArray ? `ndarray(${v.dtype},[${v.shape}])` : v)) ?? String(a)))
    .join(", ");
}

/** Fuzz one function; returns the findings (the worker reports them to the main thread). */
function fuzzOne(name: string, fn: (...a: unknown[]) => unknown, seed: number, onCall: (desc: string) => void): Finding[] {
  const findings: Finding[] = [];
  fc.assert(
    fc.property(callArb, ([argGens, optGen]) => {
      const args = argGens.map((g) => g());
      if (optGen !== null) args.push(optGen());
      const outs = args.flatMap((a) => (a && typeof a === "object" && !(a instanceof NDArray) && !Array.isArray(a) && (a as { out?: unknown }).out instanceof NDArray ? [(a as { out: NDArray }).out] : []));
      const before = outs.map(snapshot);
      const desc = `${name}(${describe(args)})`;
      onCall(desc);
      let result: unknown;
      try {
        result = fn(...args);
      } catch (e) {
        if (!(e instanceof Error)) findings.push({ fn: name, kind: "non-error", detail: `${desc} threw ${String(e)}` });
        else if ((ENGINE_ERROR.test(e.message) && !PYTHON_TEXT.test(e.message)) || e instanceof RangeError) findings.push({ fn: name, kind: "engine", detail: `${desc}: ${e.name}: ${e.message}` });
        outs.forEach((o, i) => {
          try {
            assert.deepEqual(snapshot(o), before[i]);
          } catch {
            findings.push({ fn: name, kind: "out-written", detail: `${desc}: out changed by a call that threw ${(e as Error).message}` });
          }
        });
        return;
      }
      try {
        checkResult(result, desc);
        if (UFUNCS.has(name) && result instanceof NDArray) {
          const shapes = args.filter((a) => a instanceof NDArray).map((a) => (a as NDArray).shape);
          const opt = args.at(-1) as { out?: unknown } | undefined;
          if (shapes.length === args.length - (optGen !== null ? 1 : 0) && !(opt && typeof opt === "object" && "out" in opt)) {
            assert.deepEqual([...result.shape], broadcastShapes(...shapes), `${desc}: result shape`);
          }
        }
      } catch (e) {
        findings.push({ fn: name, kind: "invariant", detail: (e as Error).message.split("\n")[0]! });
      }
    }),
    { numRuns: CALLS, seed },
  );
  return findings;
}

/** Every function np exports (classes and namespaces excluded). */
function functions(): [string, (...a: unknown[]) => unknown][] {
  return Object.entries(np as unknown as Record<string, unknown>)
    .filter(([k, v]) => typeof v === "function" && k !== "NDArray" && !/^[A-Z]/.test(k))
    .map(([k, v]) => [k, v as (...a: unknown[]) => unknown]);
}

// ---- child side -----------------------------------------------------------------------------------------

const CHILD = process.env.TESSERA_FUZZ_FROM;
if (CHILD !== undefined) {
  // The fuzz loop is synchronous, so progress is sent per call: the parent sees exactly which call hung or crashed.
  // IPC is asynchronous and lost when the process dies, so the current call is also written to a file, synchronously.
  const send = (m: unknown): void => void process.send!(m);
  const fd = openSync(process.env.TESSERA_FUZZ_LAST!, "w");
  const note = (d: string): void => {
    ftruncateSync(fd, 0);
    writeSync(fd, d.slice(0, 400), 0);
  };
  const fns = functions();
  for (let i = Number(CHILD); i < fns.length; i++) {
    const [name, fn] = fns[i]!;
    send({ type: "fn", index: i, name });
    note(`${i}\t${name}\t`);
    const findings = fuzzOne(name, fn, SEED + i * 7919, (d) => {
      note(`${i}\t${name}\t${d}`);
      send({ type: "call" });
    });
    if (findings.length) send({ type: "findings", findings });
  }
  closeSync(fd);
  // Disconnect only once "done" is flushed: an early disconnect can drop it and look like a crash.
  process.send!({ type: "done" }, undefined, {}, () => process.disconnect?.());
}

// ---- parent side ----------------------------------------------------------------------------------------

/**
 * Fuzz every function in child processes: a call that blocks for `hangMs`, or that kills the process (a V8 fatal
 * error is not catchable), becomes a finding, and a fresh child carries on from the next function.
 */
async function runAll(hangMs: number): Promise<{ findings: Finding[]; fns: number }> {
  const findings: Finding[] = [];
  let next = 0, fns = 0;
  for (;;) {
    const r = await runChild(next, hangMs);
    findings.push(...r.findings);
    fns = Math.max(fns, r.index + 1);
    if (r.done) return { findings, fns };
    next = r.index + 1;
  }
}

function runChild(from: number, hangMs: number): Promise<{ findings: Finding[]; index: number; done: boolean }> {
  return new Promise((resolve) => {
    const execArgv = import.meta.url.endsWith(".ts") ? ["--import", "tsx"] : [];
    const dir = mkdtempSync(join(tmpdir(), "tessera-fuzz-")), lastFile = join(dir, "last");
    const env = { ...process.env, TESSERA_FUZZ_FROM: String(from), TESSERA_FUZZ_LAST: lastFile };
    const child = fork(new URL(import.meta.url).pathname, [], { execArgv, env, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const findings: Finding[] = [];
    let index = from - 1, name = "", last = "", lastBeat = Date.now(), done = false, settled = false;
    const finish = (kind?: "hang" | "crash", why = ""): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      if (kind) {
        // The file names the call that was running, even when IPC messages were lost with the process.
        try {
          [index, name, last] = readFileSync(lastFile, "utf8").split("\t") as [never, string, string];
          index = Number(index);
        } catch {
          /* the child died before its first call: keep what IPC said */
        }
        findings.push({ fn: name, kind, detail: `${why}; last call ${last.slice(0, 300)}` });
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ findings, index: Math.max(index, from), done });
    };
    const watchdog = setInterval(() => {
      // Loading the child (and compiling tessera under tsx) is not a hang: allow a minute before the first call.
      if (Date.now() - lastBeat > (index < from ? 60_000 : hangMs)) {
        child.kill("SIGKILL");
        finish("hang", `no progress for ${hangMs} ms`);
      }
    }, 250);
    child.on("message", (m: { type: string; index?: number; name?: string; findings?: Finding[] }) => {
      lastBeat = Date.now();
      if (m.type === "fn") [index, name] = [m.index!, m.name!];
      else if (m.type === "findings") findings.push(...m.findings!);
      else if (m.type === "done") done = true;
    });
    child.on("exit", (code, signal) => {
      if (done) finish();
      else finish("crash", `process died (${signal ?? code})`);
    });
  });
}

if (CHILD === undefined) {
  const run = runAll(5000);
  const line = (f: Finding): string => `${f.kind} in np.${f.fn}: ${f.detail.slice(0, 400)}`;

  test("fuzz: np's elementwise and creation functions fail only with NumPy-style Errors, never half-write out", { timeout: 120_000 }, async (t) => {
    const { findings, fns } = await run;
    assert.ok(fns > 50, `fuzzed ${fns} functions`);
    t.diagnostic(`fuzzed ${fns} functions, ${CALLS} calls each`);
    const blocking = findings.filter((f) => OWNED.has(f.fn));
    for (const f of blocking) t.diagnostic(line(f));
    assert.deepEqual(blocking.map(line), []);
  });

  // Every other exported function: the same standard, blocking too (the first finding per function and kind).
  test("fuzz: every other np function fails only with NumPy-style Errors (no crash, hang, engine error, bad shape)", { timeout: 120_000 }, async (t) => {
    const { findings } = await run;
    const others = findings.filter((f) => !OWNED.has(f.fn));
    const first = new Map<string, Finding>();
    for (const f of others) if (!first.has(`${f.fn}:${f.kind}`)) first.set(`${f.fn}:${f.kind}`, f);
    for (const f of first.values()) t.diagnostic(line(f));
    assert.deepEqual([...first.values()].map(line), []);
  });
}

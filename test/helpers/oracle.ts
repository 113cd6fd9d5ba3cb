// oracle.ts — the live NumPy oracle and the call-spec interpreter shared by fixtures and differential tests.
// A call spec (format in scripts/fixtures/ufuncs.py) is JSON that Python evaluates with NumPy and this file
// evaluates with tessera; results come back in common.py's encoding. The oracle is one long-lived python3
// child per test file, speaking JSON lines over stdin/stdout, so thousands of queries cost milliseconds.

import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { np } from "../../src/index.js";
import { NDArray } from "../../src/core/ndarray.js";
import { broadcastStrides } from "../../src/core/shape.js";
import { assertMatches, assertThrowsLike, decode, type EncArray, type EncError, type Encoded } from "./fixtures.js";

// ---- specs ----------------------------------------------------------------------------------------------

export type View = "T" | ["flip", number] | ["slice", number, number | null, number | null, number | null] | ["bcast", number[]];
export type Operand =
  | { a: EncArray; v?: View[] }
  | { int: string }
  | { big: string }
  | { float: number | string }
  | { bool: boolean }
  | { ref: number }
  | CallSpec
  | Operand[]
  | number
  | string
  | boolean
  | null;
export interface CallSpec {
  f: string;
  args?: Operand[];
  kw?: Record<string, Operand>;
}
export interface SpecResult {
  r: Encoded;
  out?: EncArray;
  f16?: boolean;
}

export function repoRoot(): string {
  const here = new URL(".", import.meta.url).pathname;
  return here.includes("/dist/") ? here.slice(0, here.indexOf("/dist/")) : here.slice(0, here.indexOf("/test/"));
}

/** Python's slice.indices: (start, stop, step) normalised for a dimension of length n. */
function sliceIndices(n: number, start: number | null, stop: number | null, step: number | null): [number, number, number] {
  const st = step ?? 1;
  const clamp = (v: number | null, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    if (v < 0) v += n;
    return Math.min(Math.max(v, lo), hi);
  };
  return st > 0 ? [clamp(start, 0, 0, n), clamp(stop, n, 0, n), st] : [clamp(start, n - 1, -1, n - 1), clamp(stop, -1, -1, n - 1), st];
}

/** A view by stride arithmetic only (no tessera shape ops), as NumPy would make it. */
export function applyView(a: NDArray, v: View): NDArray {
  const owner = a.base ?? a;
  const shape = [...a.shape], strides = [...a._strides];
  let offset = a._offset;
  if (v === "T") return new NDArray(a.data, a.dtype, shape.reverse(), strides.reverse(), offset, owner, a._writeable);
  if (v[0] === "flip") {
    const ax = v[1] < 0 ? v[1] + a.ndim : v[1];
    if (shape[ax]! > 0) offset += (shape[ax]! - 1) * strides[ax]!;
    strides[ax] = -strides[ax]!;
    return new NDArray(a.data, a.dtype, shape, strides, offset, owner, a._writeable);
  }
  if (v[0] === "slice") {
    const ax = v[1];
    const [start, stop, step] = sliceIndices(shape[ax]!, v[2], v[3], v[4]);
    const len = Math.max(0, Math.ceil((stop - start) / step));
    offset += start * strides[ax]!; // NumPy moves the data pointer even when the slice is empty
    shape[ax] = len;
    strides[ax] = strides[ax]! * step;
    return new NDArray(a.data, a.dtype, shape, strides, offset, owner, a._writeable);
  }
  const target = v[1];
  return new NDArray(a.data, a.dtype, target, broadcastStrides(a.shape, a._strides, target), offset, owner, false);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Build a tessera value from a spec operand (args so far, for {"ref": i}). */
export function buildOperand(x: Operand, args: unknown[] = []): unknown {
  if (Array.isArray(x)) return x.map((y) => buildOperand(y, args));
  if (x === null || typeof x !== "object") return x;
  if ("a" in x) return (x.v ?? []).reduce(applyView, decode(x.a));
  if ("int" in x) {
    const b = BigInt(x.int);
    return b > SAFE || b < -SAFE ? b : Number(b);
  }
  if ("big" in x) return BigInt(x.big);
  if ("float" in x) return typeof x.float === "number" ? x.float : ({ nan: NaN, inf: Infinity, "-inf": -Infinity } as Record<string, number>)[x.float]!;
  if ("bool" in x) return x.bool;
  if ("ref" in x) return args[x.ref];
  if ("f" in x) return evalCall(x).value;
  throw new Error(`unknown operand ${JSON.stringify(x)}`);
}

/**
 * Evaluate a call spec with tessera: the result (or throws) and the out array it was given. `beforeCall` sees the
 * out array before the call, so a caller can snapshot it and check that a failed call left it untouched.
 */
export function evalCall(spec: CallSpec, beforeCall?: (out: NDArray) => void): { value: unknown; out?: NDArray; args: unknown[] } {
  const args: unknown[] = [];
  for (const x of spec.args ?? []) args.push(buildOperand(x, args));
  const opts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.kw ?? {})) opts[camel(k)] = buildOperand(v, args);
  const fn = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[camel(spec.f)];
  if (typeof fn !== "function") throw new Error(`np.${camel(spec.f)} is not a function`);
  const out = opts.out instanceof NDArray ? opts.out : undefined;
  if (out && beforeCall) beforeCall(out);
  const value = Object.keys(opts).length ? fn(...args, opts) : fn(...args);
  return { value, out, args };
}

/** Results computed by IEEE-exact operations (or integer/boolean ones) must match bit for bit. */
export const EXACT = new Set(
  `add subtract multiply true_divide floor_divide remainder fmod maximum minimum fmax fmin equal not_equal less less_equal
greater greater_equal logical_and logical_or logical_xor bitwise_and bitwise_or bitwise_xor left_shift right_shift negative
positive absolute sign sqrt square reciprocal floor ceil rint trunc logical_not invert isnan isinf isfinite signbit copysign
deg2rad rad2deg`.split(/\s+/),
);

const MINMAX = new Set(["maximum", "minimum", "fmax", "fmin"]);

/** rtol for a float result: 0 for exact ops and integer results; otherwise by the result dtype. */
export function tolerance(f: string, r: SpecResult["r"]): { rtol: number; atol: number } {
  const dtype = "dtype" in r ? r.dtype : "";
  // The sign of a zero picked by maximum/minimum/fmax/fmin depends on NumPy's SIMD path: compare zeros unsigned.
  if (MINMAX.has(f) && dtype.startsWith("float")) return { rtol: Number.MIN_VALUE, atol: 0 };
  if (EXACT.has(f) || !dtype.startsWith("float")) return { rtol: 0, atol: 0 };
  return dtype === "float32" || dtype === "float16" ? { rtol: 2e-6, atol: 1e-37 } : { rtol: 1e-15, atol: 1e-300 };
}

export interface CompareOptions {
  rtol?: number;
  atol?: number;
  what?: string;
  /** Replace the expected dtype (tessera's deliberate differences, e.g. float16 → float32). */
  dtype?: string;
}

/** Compare tessera's evaluation of `spec` with NumPy's encoded answer. */
export function checkSpec(spec: CallSpec, expected: SpecResult, opts: CompareOptions = {}): void {
  const what = opts.what ?? JSON.stringify(spec).slice(0, 300);
  const exp = expected.r;
  if ("error" in exp) {
    let out: NDArray | undefined;
    let before: unknown;
    assertThrowsLike(
      () =>
        evalCall(spec, (o) => {
          out = o;
          before = o.tolist();
        }),
      exp as EncError,
      what,
    );
    if (out !== undefined && expected.out) assert.deepEqual(out.tolist(), before, `${what}: out was written by a failed call`);
    return;
  }
  const { value, out } = evalCall(spec);
  compareValue(value, exp, { ...opts, what });
  if (expected.out && out) assertMatches(out, expected.out, { rtol: opts.rtol, atol: opts.atol, what: `${what} (out)` });
}

export function compareValue(value: unknown, exp: Encoded, opts: CompareOptions = {}): void {
  const what = opts.what ?? "";
  if ("error" in exp) assert.fail(`${what}: expected ${exp.error}: ${exp.message}, got a result`);
  if ("value" in exp) {
    assert.equal(value, exp.value, what);
    return;
  }
  if ("tuple" in exp) {
    assert.ok(Array.isArray(value), `${what}: expected a tuple`);
    assert.equal(value.length, exp.tuple.length, `${what}: tuple length`);
    exp.tuple.forEach((e, i) => compareValue((value as unknown[])[i], e, { ...opts, what: `${what}[${i}]` }));
    return;
  }
  if (!(value instanceof NDArray) && exp.shape.length === 0 && ["number", "bigint", "boolean"].includes(typeof value)) {
    // A JS scalar where NumPy returns a Python scalar (linspace's retstep): compare the value only.
    assertMatches(np.array(value as number), { ...exp, dtype: "float64", data: exp.data }, { rtol: opts.rtol, atol: opts.atol, what });
    return;
  }
  assert.ok(value instanceof NDArray, `${what}: expected an NDArray, got ${typeof value}`);
  const e = opts.dtype ? { ...exp, dtype: opts.dtype } : exp;
  assertMatches(value, e, { rtol: opts.rtol, atol: opts.atol, what });
}

// ---- the live oracle ------------------------------------------------------------------------------------

const SERVER = `
import sys, json, os
sys.path.insert(0, os.path.join(os.getcwd(), "scripts", "fixtures"))
from ufuncs import run_spec, operand
from common import run
import numpy as np
for line in sys.stdin:
    q = json.loads(line)
    if "specs" in q:
        res = [run_spec(s) for s in q["specs"]]
    else:
        env = {"np": np}
        env.update({k: operand(v) for k, v in q.get("env", {}).items()})
        res = [{"r": run(lambda: eval(src, env))} for src in q["py"]]
    sys.stdout.write(json.dumps({"results": res}, separators=(",", ":")) + "\\n")
    sys.stdout.flush()
`;

let availability: boolean | undefined;

/** True when python3 with numpy can be started here. */
export function oracleAvailable(): boolean {
  if (availability === undefined) {
    const r = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
    availability = r.status === 0;
  }
  return availability;
}

export class Oracle {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending: ((line: string) => void)[] = [];
  private failed: Error | null = null;

  private constructor() {
    this.proc = spawn("python3", ["-u", "-c", SERVER], { cwd: repoRoot(), stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    this.proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    this.proc.on("exit", (code) => {
      this.failed = new Error(`oracle exited (${code}): ${stderr}`);
      for (const p of this.pending.splice(0)) p("");
    });
    createInterface({ input: this.proc.stdout }).on("line", (line) => this.pending.shift()?.(line));
  }

  /** Start an oracle, or null when python3/numpy is missing (tests then skip). */
  static start(): Oracle | null {
    return oracleAvailable() ? new Oracle() : null;
  }

  private ask(q: unknown): Promise<SpecResult[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.push((line) => {
        if (this.failed) reject(this.failed);
        else resolve((JSON.parse(line) as { results: SpecResult[] }).results);
      });
      this.proc.stdin.write(JSON.stringify(q) + "\n");
    });
  }

  /** NumPy's answers to call specs, in one round trip. */
  run(specs: CallSpec[]): Promise<SpecResult[]> {
    return this.ask({ specs });
  }

  /** Evaluate Python expressions (with `np` and the given operands bound) — for programs specs cannot say. */
  async eval(exprs: string[], env: Record<string, Operand> = {}): Promise<Encoded[]> {
    return (await this.ask({ py: exprs, env })).map((x) => x.r);
  }

  close(): void {
    this.proc.stdin.end();
    this.proc.kill();
  }
}

// reduce.test.ts — reductions against NumPy's golden fixtures (scripts/fixtures/reduce.py): every function over
// dtypes, axis variants and memory layouts, float results compared exactly (rtol=0), plus NumPy's errors; and the
// method spellings, the options forms, and the plan against hand-worked NumPy iteration facts.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { np } from "../src/index.js";
import { NDArray } from "../src/core/ndarray.js";
import { DTYPE_INFO, type DType } from "../src/core/dtype.js";
import { castCopy } from "../src/core/convert.js";
import { reducePlan } from "../src/kernels/reduce-plan.js";
import { assertMatches, assertThrowsLike, loadFixture, type EncArray, type EncError } from "./helpers/fixtures.js";

interface InputSpec {
  seed: number;
  n: number;
  dtype: DType;
  kind: string;
  layout: string;
  shape: number[];
  strides: number[];
  offset: number;
}
interface Digest {
  dtype: string;
  shape: number[];
  sha256: string;
  head: (number | string | boolean)[];
}
interface Case {
  fn: string;
  in: number;
  args: Record<string, unknown>;
  expected: EncArray | EncError | Digest;
  tag: string;
}

const fx = loadFixture<{ inputs: InputSpec[]; cases: Case[] }>("reduce");

/** xorshift32, as scripts/fixtures/reduce.py. */
function xorshift(seed: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x;
  }
  return out;
}

/** The base buffer of a fixture input (two draws per element; see gen() in reduce.py). */
function gen(seed: number, n: number, dtype: DType, kind: string): NDArray {
  const r = xorshift(seed, 2 * n);
  const I = DTYPE_INFO[dtype];
  const data = new I.ctor(n) as unknown as (number | bigint)[];
  const bits = I.itemsize * 8;
  for (let i = 0; i < n; i++) {
    const r1 = r[2 * i]!, r2 = r[2 * i + 1]!;
    if (I.kind === "b") data[i] = r1 & 1;
    else if (I.kind === "i" || I.kind === "u") {
      const signed = I.kind === "i";
      if (kind === "small") data[i] = I.big ? BigInt(signed ? (r1 % 7) - 3 : r1 % 4) : signed ? (r1 % 7) - 3 : r1 % 4;
      else if (bits === 64) {
        const v = (BigInt(r1) << 32n) | BigInt(r2);
        data[i] = signed ? BigInt.asIntN(64, v) : v;
      } else data[i] = signed ? Number(BigInt.asIntN(bits, BigInt(r1))) : Number(BigInt.asUintN(bits, BigInt(r1)));
    } else {
      const u = r1 / 4294967296;
      if (kind === "nan" && r2 % 6 === 0) data[i] = NaN;
      else if (kind === "prod") data[i] = 0.5 + u;
      else if (kind === "unit") data[i] = u;
      else data[i] = (u - 0.5) * 2 ** ((r2 % 41) - 20);
    }
  }
  return new NDArray(data as never, dtype, [n]);
}

const bases = new Map<string, NDArray>();
function input(spec: InputSpec): NDArray {
  const key = `${spec.seed}/${spec.n}/${spec.dtype}/${spec.kind}`;
  let base = bases.get(key);
  if (!base) bases.set(key, (base = gen(spec.seed, spec.n, spec.dtype, spec.kind)));
  return new NDArray(base.data, spec.dtype, spec.shape, spec.strides, spec.offset, base);
}

function options(args: Record<string, unknown>): Record<string, unknown> {
  const o: Record<string, unknown> = { ...args };
  if (o.initial !== undefined && typeof o.initial === "number" && Number.isInteger(o.initial)) o.initial = o.initial as number;
  return o;
}

const NAN_BYTES: Record<string, number[]> = { float64: [0, 0, 0, 0, 0, 0, 0xf8, 0x7f], float32: [0, 0, 0xc0, 0x7f] };

/** SHA-256 of an array's C-order bytes, NaNs canonical (as digest() in reduce.py). */
function sha256(a: NDArray): string {
  const c = castCopy(a, a.dtype);
  const bytes = new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength).slice();
  const nanBytes = NAN_BYTES[c.dtype];
  if (nanBytes) {
    const w = nanBytes.length;
    const d = c.data as Float64Array;
    for (let i = 0; i < d.length; i++) if (Number.isNaN(d[i])) bytes.set(nanBytes, i * w);
  }
  return createHash("sha256").update(bytes).digest("hex");
}

function check(c: Case): void {
  const x = input(fx.inputs[c.in]!);
  const f = (np as unknown as Record<string, (a: NDArray, o: object) => NDArray>)[c.fn]!;
  const what = `${c.fn}(${JSON.stringify(fx.inputs[c.in])}, ${JSON.stringify(c.args)})`;
  const exp = c.expected;
  if ("error" in exp) return assertThrowsLike(() => f(x, options(c.args)), exp, what);
  const got = f(x, options(c.args));
  if ("sha256" in exp) {
    assert.equal(got.dtype, exp.dtype, `${what}: dtype`);
    assert.deepEqual([...got.shape], exp.shape, `${what}: shape`);
    const head = new NDArray(castCopy(got, got.dtype).data, got.dtype, [got.size]);
    assertMatches(new NDArray(head.data, got.dtype, [exp.head.length]), { dtype: exp.dtype, shape: [exp.head.length], data: exp.head }, { what: `${what} head` });
    assert.equal(sha256(got), exp.sha256, `${what}: bytes differ from NumPy's`);
    return;
  }
  assertMatches(got, exp as EncArray, { what });
}

const groups = new Map<string, Case[]>();
for (const c of fx.cases) {
  const k = `${c.tag || "all"} ${c.fn}`;
  if (!groups.has(k)) groups.set(k, []);
  groups.get(k)!.push(c);
}
for (const [name, cases] of groups) {
  test(`reduce fixtures: ${name} (${cases.length})`, () => {
    for (const c of cases) check(c);
  });
}

// ---- spellings ---------------------------------------------------------------------------------------------

test("methods accept NumPy's and PyTorch's option names and positional forms", () => {
  const a = np.array([[1, 2, 3], [4, 5, 6]], { dtype: "int32" });
  assert.deepEqual(a.sum({ axis: 0 }).tolist(), [5, 7, 9]);
  assert.deepEqual(a.sum({ dim: 1, keepdim: true }).tolist(), [[6], [15]]);
  assert.deepEqual(a.sum(1, true).tolist(), [[6], [15]]);
  assert.deepEqual(a.sum(0).tolist(), [5, 7, 9]);
  assert.deepEqual(np.sum(a, 1, { keepdims: true }).tolist(), [[6], [15]]);
  assert.deepEqual(np.sum(a, null, "float32").dtype, "float32");
  assert.deepEqual(a.mean({ dim: 0 }).tolist(), [2.5, 3.5, 4.5]);
  assert.deepEqual(a.max({ dim: 1 }).tolist(), [3, 6]);
  assert.deepEqual(a.argmax({ dim: 1, keepdim: true }).tolist(), [[2], [2]]);
  assert.deepEqual(a.cumsum({ dim: 1 }).tolist(), [[1, 3, 6], [4, 9, 15]]);
  assert.deepEqual(a.std({ axis: 1, ddof: 1 }).tolist(), [1, 1]);
  assert.equal(np.var(a).item(), 35 / 12);
  assert.equal(np.sum([[1, 2], [3, 4]]).item(), 10);
  assert.throws(() => np.sum(a, { axis: 0, dim: 0 }), TypeError);
  assert.throws(() => np.sum(a, 0, { axis: 0 }), { name: "TypeError", message: "argument for sum() given by name ('axis') and position (2)" });
});

test("full reductions give 0-d arrays; out receives the result with NumPy's checks", () => {
  const a = np.array([[1.5, 2.5], [3, 4]]);
  const s = np.sum(a);
  assert.equal(s.ndim, 0);
  assert.equal(s.item(), 11);
  const out = np.array([0, 0], { dtype: "int32" });
  assert.equal(np.sum(a, { axis: 0, out }), out);
  assert.deepEqual(out.tolist(), [4, 6]);
  assert.throws(() => np.sum(a, { axis: 0, out: np.array([0, 0, 0]) }), {
    name: "ValueError",
    message: "operands could not be broadcast together with remapped shapes [original->remapped]: (3,)->(3) (2,2) ",
  });
  assert.throws(() => np.sum(a, { out: np.array([0, 0]) }), {
    name: "ValueError",
    message: "output parameter for reduction operation add has the wrong number of dimensions: Found 1 but expected 0",
  });
  const m = np.array([0, 0], { dtype: "int32" });
  np.mean(np.array([[1.5, 2.5], [1.5, 2.5], [2.5, 2.5]]), { axis: 0, out: m });
  assert.deepEqual(m.tolist(), [1, 2]); // NumPy sums into out (5 -> 5, 7.5 -> 7), then divides there
  assert.throws(() => np.argmax(a, { out: np.array(0.0) }), {
    name: "TypeError",
    message: "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
  });
});

test("nanargmax raises on an all-NaN slice; nan-functions of all-NaN slices give nan", () => {
  const a = np.array([[NaN, 1], [NaN, NaN]]);
  assert.throws(() => np.nanargmax(a, { axis: 1 }), { name: "ValueError", message: "All-NaN slice encountered" });
  assert.deepEqual(np.nanargmax(np.array([[NaN, 1], [2, NaN]]), { axis: 0 }).tolist(), [1, 0]);
  assert.ok(Number.isNaN((np.nanmax(a, { axis: 1 }).tolist() as number[])[1]));
  assert.ok(Number.isNaN((np.nanmean(a, { axis: 1 }).tolist() as number[])[1]));
});

test("int64 sums are exact and wrap as NumPy's", () => {
  const big = np.array([2n ** 62n, 2n ** 62n, 3n]);
  assert.equal(np.sum(big).item(), -(2n ** 63n) + 3n);
  const u = np.array([2n ** 63n, 2n ** 63n, 5n], { dtype: "uint64" });
  assert.equal(np.sum(u).item(), 5);
  const exact = np.array([2n ** 53n, 1n, 1n]);
  assert.equal(np.sum(exact).item(), 2n ** 53n + 2n);
});

test("the plan reproduces NumPy's iteration: row sums pairwise, column sums row by row, casts buffered", () => {
  const plan = (shape: number[], strides: number[], reduced: boolean[], inCast = false) =>
    reducePlan({ shape, inStrides: strides, reduced, outStrides: null, inCast }).plan;
  const rows = plan([4096, 4096], [4096, 1], [false, true]);
  assert.deepEqual([rows.n, rows.os, rows.callDims, rows.chunk], [[4096, 4096], [0, 1], 1, 4096]);
  const cols = plan([4096, 4096], [4096, 1], [true, false]);
  assert.deepEqual([cols.os[0], cols.os[1]], [1, 0]);
  const whole = plan([4096, 4096], [4096, 1], [true, true]);
  assert.deepEqual([whole.n, whole.chunk], [[4096 * 4096], 4096 * 4096]);
  const cast = plan([20000], [1], [true], true);
  assert.equal(cast.chunk, 8192);
  const gaps = plan([5, 3980, 3], [16000, 4, 1], [true, true, true]);
  assert.deepEqual([gaps.callDims, gaps.chunk], [2, 8190]);
});

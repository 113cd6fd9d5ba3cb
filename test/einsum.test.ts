// einsum.test.ts — np.einsum and np.einsumPath against NumPy (scripts/fixtures/einsum.py): hand-picked and random
// subscripts over every dtype kind, strided operands, dtype=/casting=/out=/optimize=, the sublist form, NumPy's
// error texts, single-operand views (owner, byte strides, offset, writes through), the seed's identity frames,
// and a live differential run of random einsums against NumPy when python3 is present.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError, type Encoded } from "./helpers/fixtures.js";
import { Oracle, checkSpec, oracleAvailable, type CallSpec, type Operand, type View } from "./helpers/oracle.js";

interface EncOperand {
  base: EncArray;
  shape: number[];
  strides: number[];
  offset: number;
  readonly?: boolean;
}

/** Rebuild a fixture operand: the same owner, viewed with the same element strides and offset. */
function operand(e: EncOperand): { arr: NDArray; base: NDArray } {
  const base = decode(e.base);
  if (e.readonly) base.flags.writeable = false;
  if (e.shape.length === e.base.shape.length && e.shape.every((d, i) => d === e.base.shape[i]) && e.offset === 0 && e.strides.every((s, i) => s === base._strides[i]))
    return { arr: base, base };
  return { arr: new NDArray(base.data, base.dtype, e.shape, e.strides, e.offset, base), base };
}

/** Float results are summed in a different order than NumPy's loops (and float32 in float64): compare closely. */
function tol(dtype: string): { rtol: number; atol: number } {
  return dtype === "float32" ? { rtol: 2e-6, atol: 1e-5 } : dtype === "float64" ? { rtol: 1e-12, atol: 1e-12 } : { rtol: 0, atol: 0 };
}

interface Case {
  subs: string | ({ op: number } | (number | string)[])[];
  ops: EncOperand[];
  note: string;
  dtype?: string;
  casting?: string;
  optimize?: unknown;
  out?: EncOperand;
  result: Encoded;
  outAfter?: EncArray;
  view?: { strides: number[]; offset: number };
  baseAfterWrite?: EncArray;
}

interface PathCase {
  subs: string;
  shapes: number[][];
  optimize: unknown;
  path?: unknown[];
  report?: string;
  result?: EncError;
}

const fx = loadFixture<{ einsum: Case[]; paths: PathCase[] }>("einsum");

function call(c: Case, ops: NDArray[], out: NDArray | null): NDArray {
  const opts: Record<string, unknown> = {};
  if (c.dtype !== undefined) opts.dtype = c.dtype;
  if (c.casting !== undefined) opts.casting = c.casting;
  if (c.optimize !== undefined) opts.optimize = c.optimize;
  if (out) opts.out = out;
  const args: unknown[] =
    typeof c.subs === "string" ? [c.subs, ...ops] : c.subs.map((it) => (Array.isArray(it) ? it : ops[(it as { op: number }).op]));
  return (np.einsum as (...a: unknown[]) => NDArray)(...args, opts);
}

const what = (c: Case, i: number) => `case ${i} [${c.note}] ${JSON.stringify(c.subs)} ${c.ops.map((o) => `${o.base.dtype}${JSON.stringify(o.shape)}`).join(" ")}`;

test("einsum matches NumPy: values, dtypes, shapes and error texts", () => {
  let n = 0;
  fx.einsum.forEach((c, i) => {
    const ops = c.ops.map((o) => operand(o).arr);
    const out = c.out ? operand(c.out).arr : null;
    if ("error" in c.result) {
      assertThrowsLike(() => call(c, ops, out), c.result as EncError, what(c, i));
      return;
    }
    const r = call(c, ops, out);
    // common.py encodes a NumPy bool scalar (a 0-d bool result) as {"value": ...}.
    const want = "value" in c.result ? { dtype: "bool", shape: [], data: [c.result.value] } : (c.result as EncArray);
    assertMatches(r, want, { what: what(c, i), ...tol(want.dtype) });
    if (out) {
      assert.equal(r, out, `${what(c, i)}: returns out`);
      assertMatches(out, c.outAfter!, { what: `${what(c, i)} out`, ...tol(out.dtype) });
    }
    n++;
  });
  assert.ok(n > 500, `${n} value cases`);
});

test("single-operand einsums that only permute or take diagonals are writable views, as NumPy's", () => {
  let views = 0;
  fx.einsum.forEach((c, i) => {
    if ("error" in c.result || c.out || typeof c.subs !== "string" || c.ops.length !== 1) return;
    const { arr, base } = operand(c.ops[0]!);
    const r = call(c, [arr], null);
    if (!c.view) {
      assert.ok(r.size === 0 || r.data.buffer !== base.data.buffer, `${what(c, i)}: NumPy copies, so must we`);
      return;
    }
    views++;
    assert.equal(r.base, base, `${what(c, i)}: base is the owner`);
    assert.deepEqual(r.strides, c.view.strides, `${what(c, i)}: byte strides`);
    assert.equal(r.offset, c.view.offset, `${what(c, i)}: byte offset`);
    assert.equal(r.flags.writeable, true);
    r.set("...", r.dtype === "bool" ? true : 7);
    assertMatches(base, c.baseAfterWrite!, { what: `${what(c, i)}: write through` });
  });
  assert.ok(views >= 30, `${views} view cases`);
});

test("einsumPath matches NumPy's path and report", () => {
  for (const c of fx.paths) {
    const ops = c.shapes.map((s) => np.ones(s));
    const opts = { optimize: c.optimize as never };
    const label = `${c.subs} ${JSON.stringify(c.optimize)}`;
    if (c.result) {
      assertThrowsLike(() => np.einsumPath(c.subs, ...ops, opts), c.result, label);
      continue;
    }
    const [path, report] = np.einsumPath(c.subs, ...ops, opts);
    assert.deepEqual(path, c.path, `${label}: path`);
    assert.equal(report, c.report, `${label}: report`);
  }
});

test("a view of a read-only array stays read-only; a fresh result is writable", () => {
  const a = np.zeros([3, 3]);
  a.flags.writeable = false;
  const v = np.einsum("ii->i", a);
  assert.equal(v.flags.writeable, false);
  assert.throws(() => v.set("...", 1), /read-only/);
  assert.equal(np.einsum("ij,jk", a, a).flags.writeable, true);
});

test("writing through the diagonal view works with copyto too", () => {
  const out = np.zeros([2, 3, 3]);
  np.copyto(np.einsum("...ii->...i", out), 5);
  assert.deepEqual(out.get(1).tolist(), [[5, 0, 0], [0, 5, 0], [0, 0, 5]]);
});

/** The seed's identity frames: four ways to write ones on the last m axes' diagonal give identical arrays. */
function frames(baseShape: number[], n: number, m: number): NDArray[] {
  const shape = [...baseShape, ...new Array<number>(m).fill(n)];
  // (1) frames[..., i, i(, i)] = 1 in a loop
  const loop = np.zeros(shape);
  for (let i = 0; i < n; i++) loop.set(["...", ...new Array<number>(m).fill(i)], 1);
  // (2) np.einsum('...' + 'i'*m + '->...i', out)[:] = 1
  const viaEinsum = np.zeros(shape);
  const diag = np.einsum("..." + "i".repeat(m) + "->...i", viaEinsum);
  assert.equal(diag.base, viaEinsum);
  diag.set("...", 1);
  // (3) out.reshape(-1, n**m)[:, ::N] = 1 with N = 1 + n + ... + n**(m-1)
  const viaReshape = np.zeros(shape);
  const N = Array.from({ length: m }, (_, k) => n ** k).reduce((p, q) => p + q, 0);
  const rows = viaReshape.size / n ** m;
  const reshape = (viaReshape as unknown as { reshape?: (...s: number[]) => NDArray }).reshape;
  const flat2d = typeof reshape === "function" ? reshape.call(viaReshape, -1, n ** m) : new NDArray(viaReshape.data, viaReshape.dtype, [rows, n ** m], [n ** m, 1], 0, viaReshape);
  assert.equal(flat2d.base, viaReshape, "reshape of a contiguous array is a view");
  flat2d.set([":", `::${N}`], 1);
  // (4) out[..., I, I(, I)] = 1 with I = np.arange(n)
  const viaFancy = np.zeros(shape);
  const I = np.arange(n);
  viaFancy.set(["...", ...new Array<NDArray>(m).fill(I)], 1);
  return [loop, viaEinsum, viaReshape, viaFancy];
}

for (const m of [2, 3]) {
  test(`identity frames (10, 11, 12) + (4,)*${m}: loop, einsum view, reshape view and fancy index agree`, () => {
    const [loop, ...others] = frames([10, 11, 12], 4, m);
    const ref = loop!.data as Float64Array;
    let ones = 0;
    for (const v of ref) ones += v;
    assert.equal(ones, 10 * 11 * 12 * 4);
    assert.equal(ref[0], 1);
    for (const o of others) {
      assert.deepEqual([...o.shape], [...loop!.shape]);
      assert.deepEqual(o.data, loop!.data);
    }
  });
}

test("einsum propagates the tensor face and accepts JS arrays and numbers", () => {
  assert.equal(np.einsum("i,i", [1, 2, 3], [4, 5, 6]).item(), 32);
  assert.deepEqual(np.einsum(",i", 2, [1, 2]).tolist(), [2, 4]);
  assert.equal(np.einsum("i,i", [1, 2, 3], [4, 5, 6]).dtype, "float64");
});

test("einsum's options object is recognised after operands, and bad optimize values fail as NumPy's", () => {
  assert.deepEqual(np.einsum("ij->", [[1, 2], [3, 4]], { dtype: "int64", casting: "unsafe" }).tolist(), 10);
  assert.throws(() => np.einsum("ij,jk", np.ones([2, 2]), np.ones([2, 2]), { optimize: "fastest" as never }), { name: "KeyError" });
  assert.throws(() => np.einsum("ij,jk", np.ones([2, 2]), np.ones([2, 2]), { optimize: [1, 2, 3] as never }), { name: "TypeError" });
});

// ---- live differential test: random einsums, NumPy answering over the oracle (skipped without python3) ----

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with EINSUM_SEED. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomSpec(rand: () => number): CallSpec {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pool = "abcdeFG";
  const sizes = new Map([...pool].map((l) => [l, int(1, 4)]));
  const nop = pick([1, 1, 2, 2, 2, 3, 3, 4, 5]);
  const ell = rand() < 0.25 ? Array.from({ length: int(1, 2) }, () => int(1, 3)) : null;
  const sameDtype = rand() < 0.7;
  const dt0 = pick(["int32", "int64", "float32", "float64", "bool", "int8", "uint8", "uint64"]);
  const terms: string[] = [], args: Operand[] = [];
  for (let k = 0; k < nop; k++) {
    const labels = Array.from({ length: int(0, 3) }, () => pick([...pool.slice(0, 6)]));
    let shape = labels.map((l) => (labels.indexOf(l) === labels.lastIndexOf(l) && rand() < 0.1 ? 1 : sizes.get(l)!));
    let term = labels.join("");
    if (ell && rand() < 0.7) {
      const pos = int(0, labels.length);
      const e = ell.slice(ell.length - int(0, ell.length)).map((d) => (rand() < 0.2 ? 1 : d));
      term = term.slice(0, pos) + "..." + term.slice(pos);
      shape = [...shape.slice(0, pos), ...e, ...shape.slice(pos)];
    }
    terms.push(term);
    args.push(randomOperand(shape, sameDtype ? dt0 : pick(["int32", "float32", "float64", "bool", "int16"]), rand));
  }
  let subs = terms.join(",");
  if (rand() < 0.6) {
    const seen = [...new Set(subs.replace(/[.,]/g, ""))].sort().filter(() => rand() < 0.5);
    seen.sort(() => rand() - 0.5);
    let o = seen.join("");
    if (subs.includes("...")) {
      const p = int(0, o.length);
      o = o.slice(0, p) + "..." + o.slice(p);
    }
    subs += "->" + o;
  }
  return { f: "einsum", args: [subs, ...args] };
}

/** A random operand of `shape` in a random layout (C order, transposed, strided, reversed). */
function randomOperand(shape: number[], dtype: string, rand: () => number): Operand {
  const layout = shape.length === 0 ? "c" : ["c", "c", "T", "step", "flip"][Math.floor(rand() * 5)]!;
  const baseShape = layout === "T" ? [...shape].reverse() : layout === "step" ? [...shape.slice(0, -1), shape[shape.length - 1]! * 2] : shape;
  const n = baseShape.reduce((p, q) => p * q, 1);
  const data = Array.from({ length: n }, () => {
    if (dtype === "bool") return rand() < 0.5;
    if (dtype.startsWith("float")) return Math.round((rand() * 4 - 2) * 4) / 4;
    const v = Math.floor(rand() * 9) - (dtype.startsWith("u") ? 0 : 4);
    return dtype.endsWith("64") ? String(v) : v;
  });
  const a = { dtype, shape: baseShape, data };
  const v: View[] = layout === "T" ? ["T"] : layout === "step" ? [["slice", shape.length - 1, null, null, 2]] : layout === "flip" ? [["flip", 0]] : [];
  return { a, v };
}

test("live: random einsums agree with NumPy (values, dtypes, errors)", { skip: !oracleAvailable() && "python3 with numpy not available" }, async () => {
  const seed = Number(process.env.EINSUM_SEED ?? 12345);
  const rand = prng(seed);
  const specs = Array.from({ length: 400 }, () => randomSpec(rand));
  const oracle = Oracle.start()!;
  try {
    const answers = await oracle.run(specs);
    specs.forEach((spec, i) => {
      const r = answers[i]!.r;
      const dtype = "dtype" in r ? r.dtype : "";
      checkSpec(spec, answers[i]!, { ...tol(dtype), what: `seed ${seed} #${i} ${JSON.stringify(spec.args![0])}` });
    });
  } finally {
    oracle.close();
  }
});

// sorting.test.ts — sorting, searching, index selection, sets and histograms against NumPy 2.4 (fixtures from
// scripts/fixtures/sorting.py): values, dtypes, shapes, errors; partition contracts; the seed's entropy program;
// the radix kernel against a comparison sort on random data; view and read-only semantics.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { argsortLane, sortLane } from "../src/kernels/sort.js";
import { setSortWasm } from "../src/kernels/sort-wasm.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError, type Encoded } from "./helpers/fixtures.js";
import { buildOperand, camel, compareValue, type CallSpec, type Operand } from "./helpers/oracle.js";

interface Spec extends Partial<CallSpec> {
  m?: string;
  inplace?: boolean;
  args?: Operand[];
  kw?: Record<string, Operand>;
}
interface Case {
  call: Spec;
  check: "exact" | "loose0" | "close" | "inverse" | "argsort" | "partition" | "argpartition";
  r: Encoded;
  sorted?: EncArray;
  kth?: number[];
  axis?: number | null;
}

const { cases, entropy } = loadFixture<{ cases: Case[]; entropy: { x: EncArray; values: EncArray; counts: EncArray; entropy: EncArray }[] }>("sorting");

type Fn = (...a: unknown[]) => unknown;

/** Run a case's call with tessera: np.<f>(...args, opts) or args[0].<m>(...rest, opts); in-place calls give args[0]. */
function run(spec: Spec): { value: unknown; self: unknown } {
  const args: unknown[] = [];
  for (const x of spec.args ?? []) args.push(buildOperand(x, args));
  const opts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.kw ?? {})) opts[camel(k)] = buildOperand(v, args);
  const extra = Object.keys(opts).length ? [opts] : [];
  let value: unknown;
  if (spec.m !== undefined) {
    const self = args[0] as Record<string, Fn>;
    const fn = self[camel(spec.m)];
    assert.equal(typeof fn, "function", `ndarray.${spec.m}`);
    value = fn!.call(self, ...args.slice(1), ...extra);
  } else {
    const fn = (np as unknown as Record<string, Fn>)[camel(spec.f!)];
    assert.equal(typeof fn, "function", `np.${camel(spec.f!)}`);
    value = fn!(...args, ...extra);
  }
  return { value: spec.inplace ? args[0] : value, self: args[0] };
}

const LOOSE = { rtol: Number.MIN_VALUE, atol: 0 };

/** NumPy's sort order: NaN after everything. */
const before = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** The lanes of `a` along `axis` as JS numbers (by index arithmetic on the C-order values; no shape ops). */
function lanes(a: NDArray, axis: number): number[][] {
  const flat = [a.tolist()].flat(Infinity as 1) as (number | boolean | bigint)[];
  const n = a.shape[axis]!, inner = a.shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const outer = a.size / Math.max(n, 1) / inner;
  const out: number[][] = [];
  if (n === 0) return out;
  for (let o = 0; o < outer; o++)
    for (let j = 0; j < inner; j++) out.push(Array.from({ length: n }, (_, i) => Number(flat[(o * n + i) * inner + j]!)));
  return out;
}

function checkPartition(vals: NDArray, c: Case, what: string): void {
  const sorted = decode(c.sorted!);
  const axis = c.axis === null ? 0 : c.axis!;
  const ax = axis < 0 ? axis + vals.ndim : axis;
  assert.deepEqual([...vals.shape], [...sorted.shape], `${what}: shape`);
  assertMatches(np.sort(vals, { axis: ax }), c.sorted!, { ...LOOSE, what: `${what}: same multiset` });
  const got = lanes(vals, ax), want = lanes(sorted, ax);
  got.forEach((lane, l) => {
    for (const k0 of c.kth!) {
      const k = k0 < 0 ? k0 + lane.length : k0;
      const pivot = lane[k]!;
      assert.ok(Object.is(pivot, want[l]![k]) || pivot === want[l]![k] || (pivot !== pivot && want[l]![k] !== want[l]![k]), `${what}: lane ${l} kth ${k}`);
      for (let i = 0; i < k; i++) assert.ok(!before(pivot, lane[i]!), `${what}: lane ${l} element ${i} before kth ${k}`);
      for (let i = k + 1; i < lane.length; i++) assert.ok(!before(lane[i]!, pivot), `${what}: lane ${l} element ${i} after kth ${k}`);
    }
  });
}

function checkPermutation(idx: NDArray, axis: number, what: string): void {
  for (const lane of lanes(idx, axis)) assert.deepEqual([...lane].sort((p, q) => p - q), lane.map((_, i) => i), `${what}: permutation`);
}

function checkCase(c: Case, i: number): void {
  const what = `case ${i} ${JSON.stringify(c.call).slice(0, 160)}`;
  if ("error" in c.r) {
    let self: unknown;
    let snapshot: string | undefined;
    assertThrowsLike(
      () => {
        const args: unknown[] = [];
        for (const x of c.call.args ?? []) args.push(buildOperand(x, args));
        self = args[0];
        if (self instanceof NDArray) snapshot = JSON.stringify(self.tolist(), (_, v) => (typeof v === "bigint" ? v.toString() : v));
        return run(c.call);
      },
      c.r as EncError,
      what,
    );
    void self;
    void snapshot;
    return;
  }
  const { value, self } = run(c.call);
  const input = self as NDArray;
  switch (c.check) {
    case "exact":
      compareValue(value, c.r, { what });
      return;
    case "loose0":
      compareValue(value, c.r, { ...LOOSE, what });
      return;
    case "close":
      compareValue(value, c.r, { rtol: 1e-12, atol: 0, what });
      return;
    case "inverse": {
      // NaNs are distinct values here and NumPy's unstable sort orders them arbitrarily: check the values, and
      // that the inverse rebuilds the input.
      const [values, inverse] = value as NDArray[];
      const exp = (c.r as { tuple: EncArray[] }).tuple;
      compareValue(values, exp[0]!, { ...LOOSE, what });
      assert.deepEqual([...inverse!.shape], exp[1]!.shape, `${what}: inverse shape`);
      const rebuilt = ([np.take(values!, inverse!).tolist()].flat(Infinity as 1) as number[]).map(String);
      const orig = ([input.tolist()].flat(Infinity as 1) as number[]).map((v) => String(v === 0 ? 0 : v));
      assert.deepEqual(rebuilt.map((v) => (v === "-0" ? "0" : v)), orig, `${what}: the inverse rebuilds the input`);
      return;
    }
    case "argsort": {
      const idx = value as NDArray;
      assert.equal(idx.dtype, "int64", `${what}: dtype`);
      const ax = c.axis === null ? 0 : c.axis! < 0 ? c.axis! + input.ndim : c.axis!;
      if (idx.ndim > 0) checkPermutation(idx, ax, what);
      assertMatches(np.takeAlongAxis(input, idx, { axis: c.axis === null ? null : ax }), c.sorted!, { ...LOOSE, what: `${what}: sorts` });
      return;
    }
    case "partition":
      checkPartition(value as NDArray, c, what);
      return;
    case "argpartition": {
      const idx = value as NDArray;
      assert.equal(idx.dtype, "int64", `${what}: dtype`);
      const ax = c.axis === null ? 0 : c.axis! < 0 ? c.axis! + input.ndim : c.axis!;
      checkPermutation(idx, ax, what);
      checkPartition(np.takeAlongAxis(input, idx, { axis: c.axis === null ? null : ax }), c, what);
      return;
    }
  }
}

// Fixture case the generator got wrong: scripts/fixtures/sorting.py reads args[0] after the call, so np.ix_() with no
// arguments recorded that IndexError; NumPy 2.4.6's ix_() returns an empty tuple (tested further down).
const FIXTURE_BUGS = new Set(['{"f":"ix_","args":[]}']);

const groups = new Map<string, [Case, number][]>();
cases.forEach((c, i) => {
  const name = c.call.f ?? `ndarray.${c.call.m}`;
  if (!groups.has(name)) groups.set(name, []);
  groups.get(name)!.push([c, i]);
});

for (const [name, list] of groups) {
  test(`${name} matches NumPy (${list.length} cases)`, () => {
    for (const [c, i] of list) if (!FIXTURE_BUGS.has(JSON.stringify(c.call))) checkCase(c, i);
  });
}

// The sort-based groups again with the Wasm kernels off: the plain-TS radix is the reference path.
const SORT_BASED = ["sort", "argsort", "unique", "unique_all", "unique_counts", "intersect1d", "histogram"];
test(`plain-TS kernels match NumPy too (${SORT_BASED.join(", ")})`, () => {
  const was = setSortWasm(false);
  try {
    for (const name of SORT_BASED) for (const [c, i] of groups.get(name) ?? []) checkCase(c, i);
  } finally {
    setSortWasm(was);
  }
});

test("the seed's entropy program: np.unique(X, return_counts=True), then -sum(p*log2(p))", () => {
  for (const e of entropy) {
    const X = decode(e.x);
    const [values, frequencies] = np.unique(X, { returnCounts: true }) as NDArray[];
    assertMatches(values!, e.values, { ...LOOSE, what: "values (which of -0/+0 represents zero is NumPy's quicksort's choice)" });
    assertMatches(frequencies!, e.counts);
    const probabilities = np.divide(frequencies!, X.shape[0]!);
    // np.sum when the reductions are there; else NumPy's pairwise order, which is sequential below 8 terms.
    const terms = np.multiply(probabilities, np.log2(probabilities));
    const sum = (np as unknown as { sum?: (a: NDArray) => NDArray }).sum;
    const h = sum ? np.negative(sum(terms)) : np.array(-(terms.tolist() as number[]).reduce((p, q) => p + q, 0));
    assertMatches(h, e.entropy, { rtol: 1e-15 });
  }
});

for (const wasm of [true, false])
test(`${wasm ? "Wasm" : "plain-TS"} radix and merge paths agree with a comparison sort on random lanes of every width`, () => {
  const was = setSortWasm(wasm);
  try {
  let seed = 12345;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (const dtype of ["float64", "float32", "int64", "uint64", "int32", "uint32", "int16", "uint8", "int8"] as const) {
    for (const n of [5, 100, 383, 384, 1000, 5000]) {
      const vals = Array.from({ length: n }, () => {
        const r = rand();
        if (dtype.startsWith("float")) return r < 0.05 ? NaN : r < 0.1 ? -0 : r < 0.15 ? 0 : r < 0.2 ? -Infinity : (rand() - 0.5) * 10 ** Math.floor(rand() * 8);
        if (dtype.startsWith("u")) return Math.floor(rand() * 200);
        return Math.floor((rand() - 0.5) * 250);
      });
      const a = np.array(vals, { dtype });
      const perm = new Uint32Array(n);
      argsortLane(a.data, 0, 1, n, dtype, perm);
      const got = [...perm];
      const av = a.tolist() as number[];
      const same = (x: number, y: number): boolean => x === y || (Number.isNaN(x) && Number.isNaN(y));
      for (let k = 1; k < n; k++) {
        const prev = av[got[k - 1]!]!, cur = av[got[k]!]!;
        assert.ok(!before(cur, prev), `${dtype} n=${n}: order at ${k}`);
        if (same(prev, cur)) assert.ok(got[k]! > got[k - 1]!, `${dtype} n=${n}: stable at ${k}`);
      }
      assert.deepEqual([...got].sort((p, q) => p - q), got.map((_, i) => i), `${dtype} n=${n}: permutation`);
      const out = new (a.data.constructor as new (n: number) => typeof a.data)(n);
      sortLane(a.data, 0, 1, n, dtype, out, 0, 1);
      const sv = Array.from(out as unknown as ArrayLike<number>, Number);
      const ref = got.map((p) => av[p]!);
      sv.forEach((v, k) => assert.ok(Object.is(v, ref[k]) || (Number.isNaN(v) && Number.isNaN(ref[k]!)), `${dtype} n=${n}: sorted value ${k}`));
    }
  }
  } finally {
    setSortWasm(was);
  }
});

test("large lanes (the 16-bit first digit of the Wasm MSD sort) equal the plain-TS radix, values and argsort", () => {
  let seed = 99;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const n = 300_000;
  for (const dtype of ["float64", "int64", "float32", "int32", "uint8"] as const) {
    const int = dtype.includes("int");
    const scale = dtype === "int64" ? 2 ** 40 : dtype === "int32" ? 2 ** 31 : 250;
    const vals = Array.from({ length: n }, () => (int ? Math.floor((rand() - (dtype === "uint8" ? 0 : 0.5)) * scale) : rand() < 0.01 ? NaN : (rand() - 0.3) * 1e3));
    vals[5] = -0;
    const a = np.array(vals, { dtype });
    const was = setSortWasm(true);
    const w1 = np.sort(a, { kind: "stable" }), i1 = np.argsort(a, { kind: "stable" });
    setSortWasm(false);
    const w2 = np.sort(a, { kind: "stable" }), i2 = np.argsort(a, { kind: "stable" });
    setSortWasm(was);
    assert.deepEqual(new Uint8Array(w1.data.buffer), new Uint8Array(w2.data.buffer), `${dtype}: sorted bytes`);
    assert.deepEqual(new Uint8Array(i1.data.buffer), new Uint8Array(i2.data.buffer), `${dtype}: argsort`);
  }
});

test("unique of large int64 input: the one-pass counting window, and its fallbacks, give exact counts", () => {
  let seed = 7;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const n = 70_000;
  const cases: [string, () => bigint][] = [
    ["small range", () => BigInt(Math.floor(rand() * 1000) - 500)],
    ["beyond the window", () => BigInt(Math.floor(rand() * 100_000))],
    ["beyond int32", () => BigInt(Math.floor(rand() * 50)) * 2n ** 33n - 2n ** 34n],
    ["negative near the window edge", () => BigInt(-32768 + Math.floor(rand() * 65536))],
  ];
  for (const [what, gen] of cases) {
    const vals = Array.from({ length: n }, gen);
    const want = new Map<bigint, number>();
    const firstAt = new Map<bigint, number>();
    vals.forEach((v, i) => {
      want.set(v, (want.get(v) ?? 0) + 1);
      if (!firstAt.has(v)) firstAt.set(v, i);
    });
    const keys = [...want.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const [u, idx, inv, cnt] = np.unique(np.array(vals), { returnIndex: true, returnInverse: true, returnCounts: true }) as NDArray[];
    assert.deepEqual((u!.tolist() as (number | bigint)[]).map(BigInt), keys, `${what}: values`);
    assert.deepEqual(cnt!.tolist(), keys.map((k) => want.get(k)), `${what}: counts`);
    assert.deepEqual(idx!.tolist(), keys.map((k) => firstAt.get(k)), `${what}: first indices`);
    const invL = inv!.tolist() as number[];
    assert.ok(vals.every((v, i) => keys[invL[i]!] === v), `${what}: inverse`);
    const [u2, c2] = np.unique(np.array(vals), { returnCounts: true }) as NDArray[];
    assert.deepEqual([u2!.tolist(), c2!.tolist()], [u!.tolist(), cnt!.tolist()], `${what}: counts alone`);
  }
});

test("views: diagonal is a read-only view; diag of a matrix too; a.sort() sorts through a view", () => {
  const a = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], { dtype: "int64" });
  const d = np.diagonal(a);
  assert.equal(d.flags.writeable, false);
  assert.equal(d.base, a.base ?? a);
  assert.throws(() => d.set([0], 5), /assignment destination is read-only/);
  assert.equal(np.diag(a).flags.writeable, false);
  const m = np.array([[3, 1, 2], [9, 7, 8]]);
  m.get(1).sort();
  assert.deepEqual(m.tolist(), [[3, 1, 2], [7, 8, 9]]);
  const col = m.get(":", 0);
  col.sort();
  assert.deepEqual(m.tolist(), [[3, 1, 2], [7, 8, 9]]);
});

test("API conventions: options objects, positional NumPy order, JS arrays returned for several outputs", () => {
  const x = np.array([3, 1, 2, 3, 1]);
  const [v, c] = np.unique(x, { returnCounts: true }) as NDArray[];
  assert.deepEqual(v!.tolist(), [1, 2, 3]);
  assert.deepEqual(c!.tolist(), [2, 1, 2]);
  assert.equal(c!.dtype, "int64");
  const [rows, cols] = np.where(np.array([[true, false], [false, true]]));
  assert.deepEqual([rows!.tolist(), cols!.tolist()], [[0, 1], [0, 1]]);
  assert.equal(np.where(np.array([true, false]), 1, 0).dtype, "int64");
  assert.equal(np.where(np.array([true, false]), 1.5, 0).dtype, "float64");
  assert.equal(np.where(np.array([true, false]), np.array([1, 2], { dtype: "int32" }), 0).dtype, "int32");
  assert.deepEqual(np.sort(np.array([[3, 1], [0, 2]]), 0).tolist(), [[0, 1], [3, 2]]);
  assert.deepEqual(np.argsort(x, { kind: "stable" }).tolist(), [1, 4, 2, 0, 3]);
  assert.deepEqual(x.argsort({ kind: "stable" }).tolist(), [1, 4, 2, 0, 3]);
  assert.deepEqual(np.searchsorted([1, 2, 3], 2, { side: "right" }).tolist(), 2);
  assert.deepEqual(np.bincount([0, 1, 1, 3]).tolist(), [1, 2, 0, 1]);
  const [hist, edges] = np.histogram([1, 2, 1], { bins: 2 });
  assert.deepEqual([hist!.tolist(), edges!.tolist()], [[2, 1], [1, 1.5, 2]]);
  assert.deepEqual(np.countNonzero(np.array([[0, 1], [2, 0]]), { axis: 0 }).tolist(), [1, 1]);
  const [ix, iy] = np.ix_([0, 1], [2, 3]);
  assert.deepEqual([ix!.shape, iy!.shape, ix!.dtype], [[2, 1], [1, 2], "int64"]);
});

test("int64 results carry exact values; bigints round-trip through unique and sort", () => {
  const big = np.array([2n ** 62n + 1n, -(2n ** 62n), 2n ** 62n + 1n, 5n]);
  assert.deepEqual(np.sort(big).tolist(), [-(2n ** 62n), 5, 2n ** 62n + 1n, 2n ** 62n + 1n]);
  const [u, cnt] = np.unique(big, { returnCounts: true }) as NDArray[];
  assert.deepEqual(u!.tolist(), [-(2n ** 62n), 5, 2n ** 62n + 1n]);
  assert.deepEqual(cnt!.tolist(), [1, 1, 2]);
});

// ---- argument errors ---------------------------------------------------------------------------------------

test("ix_() with no arguments is an empty list", () => {
  assert.deepEqual(np.ix_(), []);
});

/**
 * Invalid arguments fail as NumPy 2.4.6 fails on the same Python call (each message taken from python3 + numpy):
 * CPython's binding errors, operator.index and the C-int converters, clip modes, out arrays, unpacking, sizes.
 */
test("argument errors are NumPy's, type and text", () => {
  const N = np as unknown as Record<string, (...args: unknown[]) => unknown>;
  const a = np.arange(6).reshape(2, 3), f = np.arange(3).astype("float64");
  const cases: [() => unknown, string, string][] = [
  [() => N.sort(), "TypeError", "sort() missing 1 required positional argument: 'a'"],
  [() => N.partition(a), "TypeError", "partition() missing 1 required positional argument: 'kth'"],
  [() => N.putAlongAxis(), "TypeError", "put_along_axis() missing 4 required positional arguments: 'arr', 'indices', 'values', and 'axis'"],
  [() => N.putAlongAxis(a, [[0]], 1), "TypeError", "put_along_axis() missing 1 required positional argument: 'axis'"],
  [() => N.lexsort(), "TypeError", "lexsort() missing 1 required positional argument: 'keys'"],
  [() => N.lexsort(1), "TypeError", "need sequence of keys with len > 0 in lexsort"],
  [() => N.lexsort([f], 1.5), "TypeError", "integer argument expected, got float"],
  [() => N.lexsort([f], null), "TypeError", "'NoneType' object cannot be interpreted as an integer"],
  [() => N.sort(a, -1, null, null, 5), "TypeError", "sort() takes from 1 to 4 positional arguments but 5 were given"],
  [() => N.sort(a, -1, null, null, 5, { stable: true }), "TypeError", "sort() takes from 1 to 4 positional arguments but 5 positional arguments (and 1 keyword-only argument) were given"],
  [() => N.sort(a, { foo: 1 }), "TypeError", "sort() got an unexpected keyword argument 'foo'"],
  [() => N.unique(a, { equalNan: true, returnCounts: true, fooBar: 1 }), "TypeError", "unique() got an unexpected keyword argument 'foo_bar'"],
  [() => N.sort(a, -1, { axis: 0 }), "TypeError", "sort() got multiple values for argument 'axis'"],
  [() => N.bincount([1], null, { weights: null }), "TypeError", "bincount() got multiple values for argument 'weights'"],
  [() => N.where([1], { x: 1, y: 2 }), "TypeError", "where() got some positional-only arguments passed as keyword arguments: 'x, y'"],
  [() => N.where([1], 1), "ValueError", "either both or neither of x and y should be given"],
  [() => N.nonzero(a, 1), "TypeError", "nonzero() takes 1 positional argument but 2 were given"],
  [() => N.sort(a, 1.5), "TypeError", "integer argument expected, got float"],
  [() => N.sort(a, 2 ** 40), "OverflowError", "Python int too large to convert to C int"],
  [() => N.sort(a, 2 ** 70), "OverflowError", "Python int too large to convert to C long"],
  [() => N.argsort(a, true), "TypeError", "an integer is required for the axis"],
  [() => N.argsort(a, 2 ** 40), "ValueError", "integer won't fit into a C int"],
  [() => N.argsort(a, 1.5), "TypeError", "'float' object cannot be interpreted as an integer"],
  [() => N.sort(a, -1, 5), "TypeError", "sort kind must be str, not int"],
  [() => N.sort(a, 5, { kind: 'x' }), "ValueError", "sort kind must be one of 'quick', 'heap', or 'stable' (got 'x')"],
  [() => N.partition(a, 0, -1, 1), "TypeError", "select kind must be str, not int"],
  [() => N.partition(a, 1.5, 5), "AxisError", "axis 5 is out of bounds for array of dimension 2"],
  [() => N.partition(a, null), "TypeError", "Partition index must be integer"],
  [() => N.partition(a, [true, false]), "ValueError", "Booleans unacceptable as partition index"],
  [() => N.searchsorted(f, 1, null), "TypeError", "search side must be str, not NoneType"],
  [() => N.searchsorted(f, 1, 'L'), "ValueError", "search side must be one of 'left' or 'right'"],
  [() => N.searchsorted(f, 1, { sorter: 1.5 }), "TypeError", "could not parse sorter argument"],
  [() => N.searchsorted(f, 1, { sorter: [0, 1, 2.5] }), "TypeError", "sorter must only contain integers"],
  [() => N.countNonzero(a, false), "TypeError", "an integer is required"],
  [() => N.countNonzero(a, [0, true]), "TypeError", "an integer is required"],
  [() => N.countNonzero(a, [0, 0]), "ValueError", "duplicate value in 'axis'"],
  [() => N.countNonzero(a, 2 ** 40), "ValueError", "integer won't fit into a C int"],
  [() => N.countNonzero(a, 0, { keepdims: 'x' }), "TypeError", "'str' object cannot be interpreted as an integer"],
  [() => N.countNonzero(np.array(5), [0, -1]), "AxisError", "axis 0 is out of bounds for array of dimension 0"],
  [() => N.take(a, [0], { mode: 'R' }), "ValueError", "Use one of 'clip', 'raise', or 'wrap' for clip mode"],
  [() => N.take(a, [0], { mode: 'x' }), "ValueError", "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'x')"],
  [() => N.take(a, [0], { mode: 1.5 }), "TypeError", "clipmode not understood"],
  [() => N.take(a, [0], { out: [1] }), "TypeError", "output must be an array"],
  [() => N.take(a, [0], { out: np.zeros([1]) }), "TypeError", "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"],
  [() => N.take(a, [Infinity]), "OverflowError", "cannot convert float infinity to integer"],
  [() => N.take(a, [1e300]), "OverflowError", "Python int too large to convert to C long"],
  [() => N.take(a, [0], true), "TypeError", "an integer is required for the axis"],
  [() => N.put([1], [0], 1), "TypeError", "argument 1 must be numpy.ndarray, not <class 'list'>"],
  [() => N.put(np.zeros([3]), np.array([1], { dtype: 'uint64' }), 1), "TypeError", "Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule 'safe'"],
  [() => N.choose([0], 2), "TypeError", "'int' object is not iterable"],
  [() => N.choose([0], 1.5), "TypeError", "'float' object is not iterable"],
  [() => N.choose([0], np.array(1)), "TypeError", "iteration over a 0-d array"],
  [() => N.choose([0], [[1]], { out: np.zeros([1, 1]) }), "TypeError", "choose: invalid shape for output array."],
  [() => N.takeAlongAxis(a, [[0]], 1.5), "TypeError", "integer argument expected, got float"],
  [() => N.takeAlongAxis(a, np.zeros([2, 1], { dtype: 'bool' }), 1), "IndexError", "`indices` must be an integer array"],
  [() => N.putAlongAxis([1], [0], 1, 0), "AttributeError", "'list' object has no attribute 'ndim'"],
  [() => N.compress([true], a, true), "TypeError", "an integer is required for the axis"],
  [() => N.ix_(1), "ValueError", "Cross index must be 1 dimensional"],
  [() => N.ix_([0], { foo: 1 }), "TypeError", "ix_() got an unexpected keyword argument 'foo'"],
  [() => N.diagonal(a, 1.5), "TypeError", "'float' object cannot be interpreted as an integer"],
  [() => N.diagonal(a, 2 ** 40), "OverflowError", "signed integer is greater than maximum"],
  [() => N.diagonal(a, 0, -(2 ** 40)), "OverflowError", "signed integer is less than minimum"],
  [() => N.diagonal(np.zeros([1, 0]), 3, [6, 1e-52]), "TypeError", "'list' object cannot be interpreted as an integer"],
  [() => N.diag([1], 1.5), "TypeError", "'float' object cannot be interpreted as an integer"],
  [() => N.diag([1], 'x'), "TypeError", "bad operand type for abs(): 'str'"],
  [() => N.diag([1], 2 ** 40), "ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."],
  [() => N.diag([1], 2 ** 62), "ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."],
  [() => N.diag([1], 2 ** 70), "ValueError", "Maximum allowed dimension exceeded"],
  [() => N.diag(a, 2 ** 40), "OverflowError", "signed integer is greater than maximum"],
  [() => N.diag([-3], 3e28, 2), "TypeError", "diag() takes from 1 to 2 positional arguments but 3 were given"],
  [() => N.triu(a, 'x'), "TypeError", "unsupported operand type(s) for -: 'str' and 'int'"],
  [() => N.tril(a, 'x'), "TypeError", "bad operand type for unary -: 'str'"],
  [() => N.triu(a, NaN), "ValueError", "arange: cannot compute length"],
  [() => N.triu(a, 2 ** 70), "OverflowError", "Python int too large to convert to C long"],
  [() => N.unique(true, { axis: [-1] }), "AxisError", "axis [-1] is out of bounds for array of dimension 0"],
  [() => N.unique(a, { axis: 1.5 }), "TypeError", "'float' object is not iterable"],
  [() => N.unique(a, { axis: [0] }), "TypeError", "list indices must be integers or slices, not list"],
  [() => N.unique(a, { axis: [0, 1] }), "ValueError", "`source` and `destination` arguments must have the same number of elements"],
  [() => N.unique(a, { axis: [0, 0] }), "ValueError", "repeated axis in `source` argument"],
  [() => N.unique(a, { axis: 5 }), "AxisError", "axis 5 is out of bounds for array of dimension 2"],
  [() => N.unique(a, { axis: 'x' }), "TypeError", "'str' object cannot be interpreted as an integer"],
  [() => N.unique(a, np.array([1, 2])), "ValueError", "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"],
  [() => N.isin(a, a, { kind: 5 }), "ValueError", "Invalid kind: '5'. Please use None, 'sort' or 'table'."],
  [() => N.isin(a, a, { kind: [1] }), "TypeError", "unhashable type: 'list'"],
  [() => N.bincount([], null, 'complex128'), "TypeError", "'str' object cannot be interpreted as an integer"],
  [() => N.bincount([1], null, true), "TypeError", "an integer is required"],
  [() => N.bincount([1], { minlength: null }), "TypeError", "use 0 instead of None for minlength"],
  [() => N.bincount([1], { minlength: 2 ** 40 }), "MemoryError", "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type int64"],
  [() => N.bincount([1], { weights: 1 }), "ValueError", "object of too small depth for desired array"],
  [() => N.bincount([[1]]), "ValueError", "setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1."],
  [() => N.histogram([1, 2], { range: true }), "TypeError", "cannot unpack non-iterable bool object"],
  [() => N.histogram([1, 2], { range: [1] }), "ValueError", "not enough values to unpack (expected 2, got 1)"],
  [() => N.histogram([1, 2], { range: [1, 2, 3] }), "ValueError", "too many values to unpack (expected 2)"],
  [() => N.histogram([1, 2], { range: [null, 1] }), "TypeError", "'>' not supported between instances of 'NoneType' and 'int'"],
  [() => N.histogram([1, 2], { bins: null }), "TypeError", "`bins` must be an integer, a string, or an array"],
  [() => N.histogram([1, 2], { bins: 2 ** 40 }), "MemoryError", "Unable to allocate 8.00 TiB for an array with shape (1099511627777,) and data type float64"],
  [() => N.histogram([1, 2], { bins: 2 ** 62 }), "ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."],
  [() => N.histogram([1, 2], { bins: 2 ** 70 }), "ValueError", "Maximum allowed size exceeded"],
  [() => N.histogramBinEdges(np.zeros([1]), 6, -3.4e-118), "TypeError", "cannot unpack non-iterable float object"],
  [() => N.histogram(6, true, false, np.zeros([3])), "TypeError", "cannot unpack non-iterable bool object"],
  [() => N.digitize([1]), "TypeError", "digitize() missing 1 required positional argument: 'bins'"],
  ];
  for (const [call, name, message] of cases)
    assert.throws(call, (e: unknown) => {
      assert.ok(e instanceof Error, `${call}: threw ${String(e)}`);
      assert.equal(`${e.name}: ${e.message}`, `${name}: ${message}`, String(call));
      return true;
    }, `no error from ${String(call)}`);
});

test("a failed take leaves `out` alone; bad options never write", () => {
  const out = np.zeros([2], { dtype: "int64" });
  assert.throws(() => np.take(np.arange(6), [0, 9], { out }), /index 9 is out of bounds for axis 0 with size 6/);
  assert.deepEqual(out.tolist(), [0, 0]);
  const x = np.arange(3);
  assert.throws(() => np.putAlongAxis(x, [0], 7, 1.5), /integer argument expected, got float/);
  assert.deepEqual(x.tolist(), [0, 1, 2]);
});

test("triu/tril with a non-integral k follow NumPy's integer arange (first two values truncated)", () => {
  const m = np.arange(1, 13).reshape(3, 4);
  assert.deepEqual(np.triu(m, 1.5).tolist(), [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]);
  assert.deepEqual(np.triu(m, -1.5).tolist(), [[1, 2, 3, 4], [5, 6, 7, 8], [0, 10, 11, 12]]);
  assert.deepEqual(np.tril(m, 0.5).tolist(), [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
  assert.deepEqual(np.tril(m, 1.5).tolist(), [[1, 2, 0, 0], [5, 6, 7, 0], [9, 10, 11, 12]]);
  assert.deepEqual(np.tril(m, -2.7).tolist(), [[0, 0, 0, 0], [0, 0, 0, 0], [9, 0, 0, 0]]);
  assert.deepEqual(np.triu([1, 2, 3], 0.5).tolist(), [[0, 2, 3], [0, 0, 3], [0, 0, 0]]);
});

test("valid edge calls: histogram with no bins, partition kth mixing ints and bools, count_nonzero of 0-d", () => {
  const [h, e] = np.histogram([1, 2], []);
  assert.deepEqual([h!.tolist(), e!.tolist(), h!.dtype], [[], [], "int64"]);
  assert.deepEqual(np.partition([3, 1, 2], [1, true] as never).tolist(), [1, 2, 3]);
  assert.equal(np.countNonzero(np.array(5), 0).item(), 1);
});

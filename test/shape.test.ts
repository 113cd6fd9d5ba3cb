// shape.test.ts — views, movement, joining, splitting and tiling against NumPy (test/fixtures/shape.json): values,
// dtypes and shapes of every result, and NumPy's error class and message for every bad call; plus hand-written
// checks of argument spellings (spread shapes, options objects, array-likes) and PyTorch's method meanings.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, type EncArray, type EncError } from "./helpers/fixtures.js";
import { buildInputs, callCase, cases, describe } from "./helpers/shape-cases.js";

test("fixture inputs rebuild NumPy's layouts", () => {
  for (const c of cases) {
    const { xs } = buildInputs(c);
    xs.forEach((x, k) => assertMatches(x, c.inputs[k]!.values, { what: `${c.name} input ${k}` }));
  }
});

const ops = [...new Set(cases.map((c) => c.op))];
for (const op of ops) {
  test(`${op} matches NumPy (values, dtypes, shapes, errors)`, () => {
    const failures: string[] = [];
    cases.forEach((c, i) => {
      if (c.op !== op) return;
      const what = describe(c, i);
      try {
        const { xs } = buildInputs(c);
        if ("error" in c.expect) {
          assertThrowsLike(() => callCase(c, xs), c.expect as EncError, what);
          return;
        }
        const r = callCase(c, xs);
        if ("tuple" in c.expect) {
          const want = c.expect.tuple;
          assert.ok(Array.isArray(r), `${what}: expected a JS array of results`);
          assert.equal((r as NDArray[]).length, want.length, `${what}: number of results`);
          want.forEach((w, k) => assertMatches((r as NDArray[])[k]!, w, { what: `${what} [${k}]` }));
        } else {
          assert.ok(r instanceof NDArray, `${what}: expected an NDArray`);
          assertMatches(r, c.expect as EncArray, { what });
        }
      } catch (e) {
        failures.push((e as Error).message);
      }
    });
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 15).join("\n")}`);
  });
}

test("shapes spread or as one array, -1 inferred, options objects", () => {
  const a = np.arange(12);
  assert.deepEqual(a.reshape(3, 4).shape, [3, 4]);
  assert.deepEqual(a.reshape([3, 4]).shape, [3, 4]);
  assert.deepEqual(a.reshape(-1, 6).shape, [2, 6]);
  assert.deepEqual(np.reshape(a, 2, 6).shape, [2, 6]);
  assert.deepEqual(np.reshape(a, [4, 3], "F").tolist(), [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]);
  assert.deepEqual(np.reshape(a, { shape: [6, 2] }).shape, [6, 2]);
  assert.deepEqual(a.reshape([2, 6], { order: "F" }).tolist(), np.reshape(a, [2, 6], { order: "F" }).tolist());
  assert.deepEqual(np.squeeze(np.zeros([1, 3, 1]), { axis: 0 }).shape, [3, 1]);
  assert.deepEqual(np.zeros([1, 3, 1]).squeeze({ dim: 2 }).shape, [1, 3]);
  assert.deepEqual(np.expandDims(np.zeros([3]), { axis: [0, 2] }).shape, [1, 3, 1]);
  assert.deepEqual(np.concatenate([[1, 2], [3]], { axis: 0 }).tolist(), [1, 2, 3]);
  assert.deepEqual(np.concatenate([[[1, 2]], [[3, 4]]], 1).tolist(), [[1, 2, 3, 4]]);
  assert.deepEqual(np.stack([[1, 2], [3, 4]], { dim: 1 }).tolist(), [[1, 3], [2, 4]]);
  assert.deepEqual(np.repeat([1, 2], 2, { axis: 0 }).tolist(), [1, 1, 2, 2]);
  assert.deepEqual(np.roll([1, 2, 3], { shifts: 1, dims: 0 } as never).tolist(), [3, 1, 2]);
  assert.deepEqual(np.split(np.arange(6), 3, { axis: 0 }).map((x) => x.tolist()), [[0, 1], [2, 3], [4, 5]]);
  assert.deepEqual(np.transpose(np.zeros([2, 3, 4]), { axes: [2, 0, 1] }).shape, [4, 2, 3]);
  assert.deepEqual(np.zeros([2, 3, 4]).transpose([1, 2, 0]).shape, [3, 4, 2]);
  assert.deepEqual(np.zeros([2, 3, 4]).transpose().shape, [4, 3, 2]);
  assert.deepEqual(np.flip([1, 2, 3]).tolist(), [3, 2, 1]);
  assert.deepEqual(np.tile([1, 2], [2, 2]).tolist(), [[1, 2, 1, 2], [1, 2, 1, 2]]);
});

test("array-likes: JS numbers become float64 arrays first, as np.asarray", () => {
  const r = np.reshape([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.equal(r.dtype, "float64");
  assert.deepEqual(r.tolist(), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(np.atleast2d(5).shape, [1, 1]);
  assert.deepEqual(np.atleast1d(1, [2, 3]).map((x) => x.shape), [[1], [2]]);
  assert.deepEqual(np.vstack([[1, 2], [3, 4]]).tolist(), [[1, 2], [3, 4]]);
  // The seed program: np.reshape(list, (len(x), len(y))).
  assert.deepEqual(np.reshape([0, 1.4, 1.4, 0, 0.7, 0.7], [3, 2]).shape, [3, 2]);
  // np.concatenate of an NDArray iterates its first axis.
  assert.deepEqual(np.concatenate(np.arange(6).reshape(2, 3)).tolist(), [0, 1, 2, 3, 4, 5]);
});

test("seed program: squeeze, where-like one-hot with expandDims and concatenate on axis 2", () => {
  const a = np.array([[[1, 0]], [[1, 2]], [[1, 3]]], { dtype: "int64" });
  const p = np.squeeze(a, { axis: 1 });
  assert.deepEqual(p.shape, [3, 2]);
  const x = np.expandDims(p, -1);
  const b = np.concatenate([x, x], { axis: 2 });
  assert.deepEqual(b.shape, [3, 2, 2]);
  assert.equal(b.dtype, "int64");
});

test("concatenate with out, and out/dtype conflicts", () => {
  const out = np.zeros([4]);
  const r = np.concatenate([[1, 2], [3, 4]], { out });
  assert.equal(r, out);
  assert.deepEqual(out.tolist(), [1, 2, 3, 4]);
  const o32 = np.zeros([3], { dtype: "int32" });
  np.concatenate([np.array([1, 2], { dtype: "int64" }), np.array([3], { dtype: "int64" })], { out: o32 });
  assert.deepEqual(o32.tolist(), [1, 2, 3]);
  assert.throws(() => np.concatenate([[1, 2], [3]], { out: np.zeros([4]) }), { name: "ValueError", message: "Output array is the wrong shape" });
  assert.throws(() => np.concatenate([[1.5, 2], [3]], { out: np.zeros([3], { dtype: "int32" }) }), {
    name: "TypeError",
    message: "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'",
  });
  assert.throws(() => np.concatenate([[1, 2], [3]], { out: np.zeros([3]), dtype: "int32" }), {
    name: "TypeError",
    message: "concatenate() only takes `out` or `dtype` as an argument, but both were provided.",
  });
  // Inputs that alias the output are read before they are overwritten.
  const buf = np.arange(4, { dtype: "float64" });
  np.concatenate([np.flip(buf).get("2:"), np.flip(buf).get(":2")], { out: buf });
  assert.deepEqual(buf.tolist(), [1, 0, 3, 2]);
});

test("torch face: view, permute, unsqueeze, expand, flatten, transpose, squeeze, repeat", () => {
  const t = np.arange(24).reshape(2, 3, 4);
  t._tensor = true;
  assert.deepEqual(t.view(6, 4).shape, [6, 4]);
  assert.equal(t.view(-1).base, t.base);
  assert.deepEqual(t.permute(2, 0, 1).shape, [4, 2, 3]);
  assert.deepEqual(t.permute([2, 0, 1]).strides, [8, 96, 32]);
  assert.deepEqual(t.unsqueeze(1).shape, [2, 1, 3, 4]);
  assert.deepEqual(t.unsqueeze(-1).shape, [2, 3, 4, 1]);
  assert.deepEqual(t.flatten().shape, [24]);
  assert.equal(t.flatten().base, t.base); // PyTorch's flatten is a view when it can be
  assert.deepEqual(t.flatten(1).shape, [2, 12]);
  assert.deepEqual(t.transpose(0, 2).shape, [4, 3, 2]);
  assert.deepEqual(t.squeeze(0).shape, [2, 3, 4]); // no error in PyTorch
  assert.deepEqual(t.get(0).repeat(2, 1, 1).shape, [2, 3, 4]);
  assert.deepEqual(t.get(0, 0).expand(3, -1).shape, [3, 4]);
  assert.deepEqual(t.get(0, 0).expand(3, -1).strides, [0, 8]);
  assert.deepEqual(t.chunk(2, 2).map((x) => x.shape), [[2, 3, 2], [2, 3, 2]]);
  assert.deepEqual(t.split([1, 2], { dim: 1 }).map((x) => x.shape), [[2, 1, 4], [2, 2, 4]]);
  assert.deepEqual(t.unbind(0).map((x) => x.shape), [[3, 4], [3, 4]]);
  assert.deepEqual(t.narrow(2, 1, 2).shape, [2, 3, 2]);
  assert.deepEqual(t.get(0).t().shape, [4, 3]);
  assert.equal(t.contiguous(), t);
  assert.notEqual(t.mT.contiguous(), t);
  assert.throws(() => t.mT.view(-1), { name: "RuntimeError", message: /view size is not compatible/ });
  assert.throws(() => t.view(5, -1), { name: "RuntimeError", message: "shape '[5, -1]' is invalid for input of size 24" });
  assert.throws(() => t.permute(0, 1), { name: "RuntimeError" });
  assert.throws(() => t.unsqueeze(5), { name: "IndexError", message: "Dimension out of range (expected to be in range of [-4, 3], but got 5)" });
  assert.ok(t.view(6, 4)._tensor && t.T._tensor && np.concatenate([t, t])._tensor);
});

test("NumPy face keeps NumPy's meanings for clashing names", () => {
  const a = np.arange(6).reshape(2, 3);
  assert.deepEqual(a.transpose(0, 1).shape, [2, 3]); // an axes permutation, not a swap
  assert.deepEqual(a.repeat(2).shape, [12]);
  assert.equal(a.flatten().base, null); // always a copy
  assert.throws(() => a.squeeze(0), { name: "ValueError" });
  assert.deepEqual(a.view().shape, [2, 3]);
  assert.equal(a.view().base, a.base);
});

test("ndarray.view(dtype) reinterprets bytes", () => {
  const a = np.array([1, 2], { dtype: "int64" });
  const v = a.view("int32");
  assert.deepEqual(v.shape, [4]);
  assert.deepEqual(v.strides, [4]);
  assert.deepEqual(v.tolist(), [1, 0, 2, 0]);
  assert.equal(v.base, a);
  assert.deepEqual(np.array([1], { dtype: "float64" }).view("uint8").shape, [8]);
  assert.deepEqual(np.array([0, 0, 240, 63], { dtype: "uint8" }).view("float32").tolist(), [1.875]);
  assert.throws(() => np.arange(6).reshape(2, 3).T.view("int32"), { name: "ValueError", message: "To change to a dtype of a different size, the last axis must be contiguous" });
  assert.throws(() => np.array(5).view("int32"), { name: "ValueError", message: "Changing the dtype of a 0d array is only supported if the itemsize is unchanged" });
});

test("np.shape, np.ndim, np.size", () => {
  assert.deepEqual(np.shape([[1, 2]]), [1, 2]);
  assert.equal(np.ndim(5), 0);
  assert.equal(np.size(np.zeros([2, 3])), 6);
  assert.equal(np.size(np.zeros([2, 3]), 1), 3);
  assert.equal(np.size(np.zeros([2, 3]), { axis: -2 }), 2);
});

// Bad arguments fail as NumPy 2.4 fails on the same Python call (texts checked with python3 + numpy 2.4.6): never a
// JS engine error, a crash on a huge count, or a half-built result.
test("argument errors: NumPy's error class and message", () => {
  const f = np as unknown as Record<string, (...a: unknown[]) => unknown>;
  const z6 = np.zeros([6]), a213 = np.zeros([2, 1, 3]);
  const cases: [string, () => unknown, string, string][] = [
    // arity and keywords, as CPython words them
    ["moveaxis(-2, true)", () => f.moveaxis!(-2, true), "TypeError", "moveaxis() missing 1 required positional argument: 'destination'"],
    ["vsplit(a)", () => f.vsplit!(np.zeros([0, 3, 2], { dtype: "int64" })), "TypeError", "vsplit() missing 1 required positional argument: 'indices_or_sections'"],
    ["swapaxes(a)", () => f.swapaxes!(z6), "TypeError", "swapaxes() missing 2 required positional arguments: 'axis1' and 'axis2'"],
    ["vstack(a, null, b)", () => f.vstack!(np.zeros([0], { dtype: "int32" }), null, np.zeros([])), "TypeError", "vstack() takes 1 positional argument but 3 were given"],
    ["unstack(a, true)", () => f.unstack!(np.zeros([0], { dtype: "int32" }), true), "TypeError", "unstack() takes 1 positional argument but 2 were given"],
    ["split(a, 2, 0, 5)", () => f.split!(z6, 2, 0, 5), "TypeError", "split() takes from 2 to 3 positional arguments but 4 were given"],
    ["split(a, 2, { out })", () => f.split!(z6, 2, { out: 1 }), "TypeError", "split() got an unexpected keyword argument 'out'"],
    ["roll(a, 1, { equalNan })", () => f.roll!(z6, 1, { equalNan: true }), "TypeError", "roll() got an unexpected keyword argument 'equal_nan'"],
    ["repeat(a, 2, 0, { axis })", () => f.repeat!(z6, 2, 0, { axis: 0 }), "TypeError", "repeat() got multiple values for argument 'axis'"],
    ["broadcastTo(4, {})", () => f.broadcastTo!(4, {}), "TypeError", "broadcast_to() missing 1 required positional argument: 'shape'"],
    ["ascontiguousarray()", () => f.ascontiguousarray!(), "TypeError", "ascontiguousarray() missing required argument 'a' (pos 0)"],
    // axes: bools are ints to normalize_axis_index, not to PyArray_AxisConverter
    ["flip(-1, true)", () => f.flip!(-1, true), "AxisError", "axis 1 is out of bounds for array of dimension 0"],
    ["flip(a, 1.5)", () => f.flip!(z6, 1.5), "TypeError", "'float' object is not iterable"],
    ["flip(a, [1.5])", () => f.flip!(z6, [1.5]), "TypeError", "integer argument expected, got float"],
    ["moveaxis(a, 2**40, 0)", () => f.moveaxis!(a213, 2 ** 40, 0), "OverflowError", "Python int too large to convert to C int"],
    ["moveaxis(a, [0, 0], [1, 2])", () => f.moveaxis!(a213, [0, 0], [1, 2]), "ValueError", "repeated axis in `source` argument"],
    ["roll(x, 1, false)", () => f.roll!(-1.08e269, 1, false), "AxisError", "axis 0 is out of bounds for array of dimension 0"],
    ["squeeze(a, false)", () => f.squeeze!(np.zeros([3, 0]), false), "TypeError", "an integer is required for the axis"],
    ["squeeze(a, [true])", () => f.squeeze!(a213, [true]), "TypeError", "integers are required for the axis tuple elements"],
    ["squeeze(a, 2**40)", () => f.squeeze!(a213, 2 ** 40), "ValueError", "integer won't fit into a C int"],
    ["concatenate([a], true)", () => f.concatenate!([z6], true), "TypeError", "an integer is required for the axis"],
    ["concatenate([a], 2n**70n)", () => f.concatenate!([z6], 2n ** 70n), "OverflowError", "Python int too large to convert to C long"],
    ["stack([a], null)", () => f.stack!([z6], null), "TypeError", "'NoneType' object cannot be interpreted as an integer"],
    ["swapaxes(a, 2**40, 0)", () => f.swapaxes!(a213, 2 ** 40, 0), "OverflowError", "signed integer is greater than maximum"],
    ["swapaxes(a, 5, 0)", () => f.swapaxes!(a213, 5, 0), "AxisError", "axis1: axis 5 is out of bounds for array of dimension 3"],
    ["transpose(a, [true, 0, 2])", () => f.transpose!(a213, [true, 0, 2]), "TypeError", "an integer is required"],
    ["rollaxis(a, 0, 1e300)", () => f.rollaxis!(a213, 0, 1e300), "AxisError", `'start' arg requires -3 <= start < 4, but ${BigInt(1e300)} was passed in`],
    ["rollaxis(a, 0, null)", () => f.rollaxis!(a213, 0, null), "TypeError", "'<' not supported between instances of 'NoneType' and 'int'"],
    ["expandDims(a, null)", () => f.expandDims!(a213, null), "TypeError", "'NoneType' object cannot be interpreted as an integer"],
    ["size(a, [0, 0])", () => f.size!(a213, [0, 0]), "ValueError", "repeated axis"],
    // shapes (PyArray_IntpConverter) and sizes
    ["reshape(a, true)", () => f.reshape!(z6, true), "TypeError", "expected a sequence of integers or a single integer, got 'True'"],
    ["reshape(a, [1.5])", () => f.reshape!(z6, [1.5]), "TypeError", "'float' object cannot be interpreted as an integer"],
    ["reshape(a, 2n**70n)", () => f.reshape!(z6, 2n ** 70n), "ValueError", "Maximum allowed dimension exceeded"],
    ["reshape(a, [1] * 65)", () => f.reshape!(z6, new Array(65).fill(1)), "ValueError", "maximum supported dimension for an ndarray is currently 64, found 65"],
    ["reshape(a, [6], 5)", () => f.reshape!(z6, [6], 5), "TypeError", "order must be str, not int"],
    ["reshape(zeros(0), [2**62, 0])", () => f.reshape!(np.zeros([0]), [2n ** 62n, 0]), "ValueError", "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."],
    ["broadcastShapes(1e300, a)", () => f.broadcastShapes!(1e300, np.zeros([2], { dtype: "int64" })), "ValueError", "Maximum allowed dimension exceeded"],
    ["broadcastShapes(1.5)", () => f.broadcastShapes!(1.5), "TypeError", "expected a sequence of integers or a single integer, got '1.5'"],
    ["broadcastShapes(null)", () => f.broadcastShapes!(null), "TypeError", "Use () not None as shape arguments"],
    ["broadcastShapes([-1])", () => f.broadcastShapes!([-1]), "ValueError", "negative dimensions are not allowed"],
    ["broadcastTo(a, [null])", () => f.broadcastTo!(z6, [null]), "TypeError", "'<' not supported between instances of 'NoneType' and 'int'"],
    ["broadcastTo(a, [2**62, 6])", () => f.broadcastTo!(z6, [2n ** 62n, 6]), "ValueError", "iterator is too large"],
    // counts: int() of Python scalars, intp arithmetic, allocation limits
    ["repeat(-2, 2n**64n-..)", () => f.repeat!(-2, 13403977876110269509n), "OverflowError", "Python int too large to convert to C long"],
    ["repeat(a, NaN)", () => f.repeat!(z6, NaN), "ValueError", "cannot convert float NaN to integer"],
    ["repeat(a, null)", () => f.repeat!(z6, null), "TypeError", "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"],
    ["repeat(a, 2**61)", () => f.repeat!(z6, 2 ** 61), "ValueError", "negative dimensions are not allowed"],
    ["repeat(a, 2**40)", () => f.repeat!(z6, 2 ** 40), "MemoryError", "Unable to allocate 48.0 TiB for an array with shape (6597069766656,) and data type float64"],
    ["tile(a, 2**40)", () => f.tile!(z6, 2 ** 40), "MemoryError", "Unable to allocate 48.0 TiB for an array with shape (1099511627776, 6) and data type float64"],
    ["tile([5, 1, -3, 0], null)", () => f.tile!([5, 1, -3, 0], null), "TypeError", "unsupported operand type(s) for *: 'int' and 'NoneType'"],
    ["tile(a, [1.5])", () => f.tile!(z6, [1.5]), "TypeError", "'float' object cannot be interpreted as an integer"],
    ["roll(a, NaN)", () => f.roll!(z6, NaN), "ValueError", "cannot convert float NaN to integer"],
    ["roll(a, 'a', 0)", () => f.roll!(z6, "a", 0), "ValueError", "invalid literal for int() with base 10: np.str_('a')"],
    ["arraySplit(a, 1e300)", () => f.arraySplit!(np.zeros([3, 4], { dtype: "bool" }), 1e300), "OverflowError", "cannot fit 'int' into an index-sized integer"],
    ["hsplit(a, 2n**64n-..)", () => f.hsplit!(np.zeros([1, 0], { dtype: "int32" }), 15746465142404607379n), "OverflowError", "cannot fit 'int' into an index-sized integer"],
    ["split(zeros(0), 2**40)", () => f.split!(np.zeros([0]), 2 ** 40), "MemoryError", ""],
    ["split(x, false, false)", () => f.split!(8.4e-323, false, false), "IndexError", "tuple index out of range"],
    ["split(a, 2, 1.5)", () => f.split!(z6, 2, 1.5), "TypeError", "tuple indices must be integers or slices, not float"],
    ["split(a, null)", () => f.split!(z6, null), "TypeError", "unsupported operand type(s) for %: 'int' and 'NoneType'"],
    ["arraySplit(a, [1.5])", () => f.arraySplit!(z6, [1.5]), "TypeError", "slice indices must be integers or None or have an __index__ method"],
    ["concatenate(5)", () => f.concatenate!(5), "TypeError", "dispatcher for __array_function__ did not return an iterable"],
    ["concatenate([a], { out: 5 })", () => f.concatenate!([z6], { out: 5 }), "TypeError", "'out' must be an array"],
    ["concatenate([a], { casting: 'foo' })", () => f.concatenate!([z6], { casting: "foo" }), "ValueError", "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got 'foo')"],
    ["stack(5)", () => f.stack!(5), "TypeError", 'arrays to stack must be passed as a "sequence" type such as list or tuple.'],
    ["matrixTranspose(a)", () => f.matrixTranspose!(z6), "ValueError", "Input array must be at least 2-dimensional, but it is 1"],
  ];
  const failures: string[] = [];
  for (const [what, call, name, message] of cases) {
    try {
      call();
      failures.push(`${what}: nothing thrown`);
    } catch (e) {
      const err = e as Error;
      if (!(err instanceof Error) || err.name !== name || err.message !== message) failures.push(`${what}: ${err.name}: ${err.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("argument forms NumPy accepts: bools as axes, None, 0-d arrays, tuples of axes", () => {
  assert.deepEqual(np.expandDims([-3, -2], false as never).shape, [1, 2]);
  assert.deepEqual(np.flip(np.zeros([3]), { axis: [] as number[] }).shape, [3]);
  assert.deepEqual(np.swapaxes(np.zeros([2, 1, 3]), true as never, 0).shape, [1, 2, 3]);
  assert.deepEqual(np.reshape(np.zeros([2, 3]), null).shape, [2, 3]);
  assert.deepEqual(np.transpose(np.zeros([2, 1, 3]), np.array([1, 0, 2], { dtype: "int64" }) as never).shape, [1, 2, 3]);
  assert.deepEqual(np.repeat(np.zeros([6]), 1.5 as never).shape, [6]); // int(1.5)
  assert.deepEqual(np.repeat([1, 2], [2, 0]).tolist(), [1, 1]);
  assert.deepEqual(np.roll([1, 2, 3], 1.5 as never).tolist(), [3, 1, 2]); // int(1.5)
  assert.deepEqual(np.roll([1, 2, 3], 2n ** 70n as never).tolist(), [3, 1, 2]); // 2**70 % 3 == 1
  assert.deepEqual(np.arraySplit(np.arange(6), [null as never, 2]).map((x) => x.shape), [[6], [2], [4]]); // a[0:None], a[None:2], a[2:6]
  assert.deepEqual(np.split(np.zeros([2, 6]), 3, true as never).map((x) => x.shape), [[2, 2], [2, 2], [2, 2]]); // shape[True] is shape[1]
  assert.deepEqual(np.tile(np.zeros([2, 3]), 0).shape, [2, 0]);
  assert.deepEqual(np.unstack(np.zeros([2, 3]), { axis: 1 }).map((x) => x.shape), [[2], [2], [2]]);
  assert.deepEqual(np.broadcastShapes([2, 1], 3 as never), [2, 3]);
  assert.equal(np.size(np.zeros([2, 1, 3]), [0, 2] as never), 6);
});

test("np.broadcastShapes names the conflicting arguments as NumPy does", () => {
  // numpy 2.4.6: np.broadcast_shapes((2, 1), (3,), (4, 5, 6))
  assert.throws(() => np.broadcastShapes([2, 1], [3], [4, 5, 6]), {
    name: "ValueError",
    message: "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (2, 1) and arg 2 with shape (4, 5, 6).",
  });
  assert.deepEqual(np.broadcastShapes(), []);
});

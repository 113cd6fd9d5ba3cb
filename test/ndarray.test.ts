// ndarray.test.ts — the array object itself: metadata (strides in bytes, flags, base), item/tolist's JS-value rule,
// fromTyped aliasing, and dtype names.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";

test("metadata matches NumPy's for a C-contiguous array", () => {
  const a = np.zeros([2, 3], { dtype: "int32" });
  assert.deepEqual(a.shape, [2, 3]);
  assert.deepEqual(a.strides, [12, 4]);
  assert.equal(a.ndim, 2);
  assert.equal(a.size, 6);
  assert.equal(a.itemsize, 4);
  assert.equal(a.nbytes, 24);
  assert.equal(a.base, null);
  assert.equal(a.flags.cContiguous, true);
  assert.equal(a.flags.fContiguous, false);
  assert.equal(a.flags.writeable, true);
  assert.equal(a.flags.owndata, true);
});

test("a view's base is the owner, never an intermediate view", () => {
  const owner = np.arange(12);
  const v1 = new NDArray(owner.data, owner.dtype, [3, 4], [4, 1], 0, owner);
  const v2 = new NDArray(v1.data, v1.dtype, [4, 3], [1, 4], 0, v1);
  assert.equal(v1.base, owner);
  assert.equal(v2.base, owner);
  assert.equal(v2.flags.fContiguous, true);
  assert.equal(v2.flags.owndata, false);
});

test("writeable flag: a read-only view cannot be made writeable through a read-only base", () => {
  const owner = np.arange(3);
  owner.flags.writeable = false;
  const v = new NDArray(owner.data, owner.dtype, [3], [1], 0, owner, false);
  assert.throws(() => (v.flags.writeable = true), { name: "ValueError", message: "cannot set WRITEABLE flag to True of this array" });
});

test("item() and tolist() give numbers, bigints only beyond 2^53 - 1, booleans for bool", () => {
  const big = np.array([1n, 2n ** 60n, -(2n ** 53n)]);
  assert.equal(big.dtype, "int64");
  assert.deepEqual(big.tolist(), [1, 2n ** 60n, -(2n ** 53n)]);
  assert.equal(typeof big.item(0), "number");
  assert.equal(np.array([true, false]).item(1), false);
  assert.equal(np.array([[1, 2], [3, 4]]).item(3), 4);
  assert.equal(np.array([[1, 2], [3, 4]]).item(1, 0), 3);
  assert.throws(() => np.array([1, 2]).item(), { name: "ValueError", message: "can only convert an array of size 1 to a Python scalar" });
  assert.throws(() => np.array([[1, 2]]).item(0, 5), { name: "IndexError", message: "index 5 is out of bounds for axis 1 with size 2" });
});

test("JS values map to dtypes as API.md says", () => {
  assert.equal(np.array([1, 2]).dtype, "float64");
  assert.equal(np.array([1n, 2n]).dtype, "int64");
  assert.equal(np.array([true]).dtype, "bool");
  assert.equal(np.array([true, 2]).dtype, "float64");
  assert.equal(np.array([]).dtype, "float64");
  assert.equal(np.full([2], 7).dtype, "int64");
  assert.equal(np.full([2], 7.5).dtype, "float64");
  assert.equal(np.arange(5).dtype, "int64");
  assert.equal(np.float64, "float64");
});

test("fromTyped wraps without copying", () => {
  const t = new Float32Array([1, 2, 3, 4]);
  const a = np.fromTyped(t, { shape: [2, 2] });
  assert.equal(a.dtype, "float32");
  t[3] = 9;
  assert.equal(a.item(1, 1), 9);
});

test("unknown dtype names raise NumPy's TypeError", () => {
  assert.throws(() => np.zeros([2], { dtype: "float" + "128" }), { name: "TypeError", message: "data type 'float128' not understood" });
});

// assign.test.ts — np.copyto and fill: broadcasting, casting rules, read-only targets, and NumPy 2.4's messages
// (the expected texts below were printed by numpy 2.4.6 for the same calls).

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";

test("copyto broadcasts and casts within same_kind", () => {
  const a = np.zeros([2, 3]);
  np.copyto(a, np.array([1, 2, 3], { dtype: "int32" }));
  assert.deepEqual(a.tolist(), [[1, 2, 3], [1, 2, 3]]);
  const i = np.zeros([3], { dtype: "int64" });
  np.copyto(i, 7);
  assert.deepEqual(i.tolist(), [7, 7, 7]);
});

test("copyto errors leave the target untouched", () => {
  const a = np.zeros([3], { dtype: "int64" });
  assert.throws(() => np.copyto(a, 1.5), { name: "TypeError", message: "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'same_kind'" });
  assert.throws(() => np.copyto(a, np.array([1.5])), { name: "TypeError", message: "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'" });
  assert.throws(() => np.copyto(a, np.ones([4], { dtype: "int64" })), { name: "ValueError", message: "could not broadcast input array from shape (4,) into shape (3,)" });
  assert.throws(() => np.copyto(np.zeros([3], { dtype: "uint8" }), 300), { name: "OverflowError", message: "Python integer 300 out of bounds for uint8" });
  assert.deepEqual(a.tolist(), [0, 0, 0]);
});

test("writes to a read-only view are refused", () => {
  const a = np.zeros([3]);
  const ro = new NDArray(a.data, a.dtype, [2, 3], [0, 1], 0, a, false);
  assert.throws(() => np.copyto(ro, 1), { name: "ValueError", message: "assignment destination is read-only" });
  assert.throws(() => ro.fill(1), { name: "ValueError", message: "assignment destination is read-only" });
  assert.throws(() => np.add(ro, 1, { out: ro }), { name: "ValueError", message: "output array is read-only" });
  assert.deepEqual(a.tolist(), [0, 0, 0]);
});

test("fill casts unsafely like ndarray.fill", () => {
  assert.deepEqual(np.zeros([2], { dtype: "int32" }).fill(2.7).tolist(), [2, 2]);
  assert.deepEqual(np.zeros([2], { dtype: "bool" }).fill(0.5).tolist(), [true, true]);
});

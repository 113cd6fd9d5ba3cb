// add-at.test.ts — np.addAt (NumPy's np.add.at): repeated indices accumulate; unsafe cast back; NumPy's errors.
// Expected values and texts were printed by numpy 2.4.6 for the same calls.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np } from "../src/index.js";

test("repeated indices accumulate, unlike a fancy set", () => {
  const a = np.zeros(4, { dtype: "int32" });
  np.addAt(a, [[0, 0, 1]], 1);
  assert.deepEqual(a.tolist(), [2, 1, 0, 0]);
  np.addAt(a, np.array([0], { dtype: "int64" }), 1.5); // NumPy: a[0] += 1.5 truncates to 3
  assert.deepEqual(a.tolist(), [3, 1, 0, 0]);
  const s = np.zeros(4, { dtype: "int32" });
  s.set([[0, 0, 1]], 1);
  assert.deepEqual(s.tolist(), [1, 1, 0, 0]);
});

test("slices and broadcast values", () => {
  const b = np.zeros([2, 3]);
  np.addAt(b, [":", [0, 0]], [[1, 2], [3, 4]]);
  assert.deepEqual(b.tolist(), [[3, 0, 0], [7, 0, 0]]);
  const f = np.zeros(3, { dtype: "float32" });
  np.addAt(f, [[0, 0]], np.array([0.1, 0.2]));
  assert.equal(String(f), "[0.3 0.  0. ]");
});

test("errors leave the target unchanged", () => {
  const b = np.zeros([2, 3]);
  assert.throws(() => np.addAt(b, [[5]], 1), { name: "IndexError", message: "index 5 is out of bounds for axis 0 with size 2" });
  assert.throws(() => np.addAt(b, [[0]], np.ones(4)), { name: "ValueError", message: "array is not broadcastable to correct shape" });
  assert.deepEqual(b.tolist(), [[0, 0, 0], [0, 0, 0]]);
});

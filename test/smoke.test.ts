// smoke.test.ts — the package entry loads and the core path (array → ufunc → tolist) works end to end.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np } from "../src/index.js";

test("array + array broadcasts and promotes as NumPy", () => {
  const a = np.array([[1, 2], [3, 4]]);
  const b = np.array([10, 20], { dtype: "int32" });
  const c = a.add(b);
  assert.equal(c.dtype, "float64");
  assert.deepEqual(c.tolist(), [[11, 22], [13, 24]]);
});

test("NEP 50 weak scalars", () => {
  assert.equal(np.add(np.array([1], { dtype: "int32" }), 2.5).dtype, "float64");
  assert.equal(np.add(np.array([1], { dtype: "float32" }), 2.5).dtype, "float32");
  assert.equal(np.add(np.array([1], { dtype: "int32" }), 1).dtype, "int32");
  assert.throws(() => np.add(np.array([1], { dtype: "uint8" }), 300), { name: "OverflowError", message: "Python integer 300 out of bounds for uint8" });
});

test("bool subtract is refused with NumPy's text", () => {
  assert.throws(() => np.subtract(np.array([true]), np.array([true])), {
    name: "TypeError",
    message: "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
  });
});

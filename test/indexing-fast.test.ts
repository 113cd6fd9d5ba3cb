// indexing-fast.test.ts — the gather/compress fast paths agree with the general indexing path (the reference)
// on random arrays, index arrays of every integer dtype, masks, views and out-of-bounds indices.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { np, NDArray } from "../src/index.js";
import { getItemGeneral } from "../src/ops/indexing.js";

const INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"] as const;
const VALUE_DTYPES = ["float64", "float32", "int64", "int32", "bool", "uint8"] as const;

function outcome(f: () => NDArray): unknown {
  try {
    const r = f();
    return { dtype: r.dtype, shape: [...r.shape], values: JSON.stringify(r.tolist(), (_, v) => (typeof v === "bigint" ? `${v}n` : v)) };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

test("a.get(intArray) on 1-d data equals the general path", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20 }), fc.constantFrom(...VALUE_DTYPES), fc.constantFrom(...INT_DTYPES),
      fc.array(fc.integer({ min: -25, max: 25 }), { maxLength: 30 }), fc.boolean(),
      (n, vdt, idt, idx, reversed) => {
        const base = np.arange(n).astype(vdt);
        const a = reversed && n > 0 ? new NDArray(base.data, vdt, [n], [-1], n - 1, base) : base;
        const unsigned = idt.startsWith("u");
        const ix = np.array(idx.map((v) => (unsigned ? Math.abs(v) : v)), { dtype: "int64" }).astype(idt);
        assert.deepEqual(outcome(() => a.get(ix)), outcome(() => getItemGeneral(a, [ix])));
      },
    ),
    { numRuns: 300 },
  );
});

test("a.get(mask) with a mask of a's shape equals the general path", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }), fc.constantFrom(...VALUE_DTYPES), fc.integer(), (shape, vdt, seed) => {
      const size = shape.reduce((p, q) => p * q, 1);
      const a = np.arange(size).astype(vdt).reshape(shape);
      const bits = Array.from({ length: size }, (_, i) => ((seed >>> (i % 31)) & 1) === 1);
      const mask = np.array(bits, { dtype: "bool" }).reshape(shape);
      assert.deepEqual(outcome(() => a.get(mask)), outcome(() => getItemGeneral(a, [mask])));
    }),
    { numRuns: 300 },
  );
});

// indexing-props.test.ts — properties of get/set over random shapes and index tuples (fast-check):
// get-then-set round-trips, writes through a basic view reach the base exactly where set would write, basic
// results alias their base, advanced results never do.

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { np, NDArray } from "../src/index.js";

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });

/** A random index item for an axis of size n: int, slice string, new axis, or an integer array. */
function itemArb(n: number, advanced: boolean): fc.Arbitrary<unknown> {
  const int = fc.integer({ min: -n, max: n - 1 });
  const bound = fc.option(fc.integer({ min: -n - 1, max: n + 1 }), { nil: undefined });
  const step = fc.constantFrom(undefined, 1, 2, -1, -2);
  const slice = fc.tuple(bound, bound, step).map(([a, b, s]) => `${a ?? ""}:${b ?? ""}${s === undefined ? "" : `:${s}`}`);
  const arr = fc.array(int, { minLength: 1, maxLength: 3 });
  return advanced ? fc.oneof(int, slice, arr) : fc.oneof(int, slice, fc.constant(null));
}

function caseArb(advanced: boolean) {
  return shapeArb.chain((shape) =>
    fc.tuple(fc.constant(shape), fc.tuple(...shape.map((n) => itemArb(n, advanced)))),
  );
}

const values = (a: NDArray) => JSON.stringify(a.tolist());

/** a.get(...items), or null when NumPy would raise for this index (the generator does not avoid those). */
function tryGet(a: NDArray, items: unknown[]): NDArray | null {
  try {
    return a.get(...(items as never[]));
  } catch {
    return null;
  }
}
const isAdvanced = (items: unknown[]) => items.some((x) => Array.isArray(x));

test("a.set(idx, a.get(idx)) leaves a unchanged", () => {
  fc.assert(
    fc.property(caseArb(true), ([shape, items]) => {
      const a = np.arange(shape.reduce((p, q) => p * q, 1)).reshape(shape);
      const before = values(a);
      const v = tryGet(a, items as unknown[]);
      fc.pre(v !== null);
      a.set(items as never, v!.copy());
      assert.equal(values(a), before);
    }),
    { numRuns: 300 },
  );
});

test("writing through a basic view changes the base exactly where set writes", () => {
  fc.assert(
    fc.property(caseArb(false), ([shape, items]) => {
      const n = shape.reduce((p, q) => p * q, 1);
      const a = np.arange(n).reshape(shape), b = np.arange(n).reshape(shape);
      const v = tryGet(a, items as unknown[]);
      fc.pre(v !== null);
      if (v!.ndim === 0) return; // an all-integer index gives a 0-d copy, as NumPy gives a scalar
      v!.fill(-1);
      b.set(items as never, -1);
      assert.equal(values(a), values(b));
    }),
    { numRuns: 300 },
  );
});

test("basic results alias their base; advanced results never do", () => {
  fc.assert(
    fc.property(caseArb(true), ([shape, items]) => {
      const a = np.arange(shape.reduce((p, q) => p * q, 1)).reshape(shape);
      const v = tryGet(a, items as unknown[]);
      fc.pre(v !== null);
      const shares = v!.data.buffer === a.data.buffer;
      if (isAdvanced(items as unknown[])) assert.equal(shares, false);
      else if (v!.ndim > 0) {
        assert.equal(shares, true);
        assert.equal(v!.base, a.base ?? a);
      }
    }),
    { numRuns: 300 },
  );
});

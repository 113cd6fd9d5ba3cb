// promotion.test.ts — dtype rules against NumPy (test/fixtures/promotion.json, from scripts/fixtures/promotion.py):
// promoteTypes for all 121 pairs, canCast for all pairs under every casting rule, astype between all dtypes.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np } from "../src/index.js";
import { canCast, promoteTypes, type Casting, type DType } from "../src/core/dtype.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError } from "./helpers/fixtures.js";

interface Fixture {
  promote: Record<string, string>;
  canCast: Record<string, boolean>;
  astype: { src: EncArray; dtype: DType; r: EncArray }[];
  astypeErrors: { src: DType; dtype: DType; casting: Casting; r: EncError | { value: boolean } }[];
}
const fx = loadFixture<Fixture>("promotion");

test("promoteTypes: all 11×11 pairs as np.promote_types", () => {
  const bad: string[] = [];
  for (const [key, want] of Object.entries(fx.promote)) {
    const [a, b] = key.split(",") as [DType, DType];
    const got = promoteTypes(a, b);
    if (got !== want) bad.push(`${a}+${b}: ${got}, NumPy ${want}`);
  }
  assert.deepEqual(bad, []);
  assert.equal(Object.keys(fx.promote).length, 121);
});

test("np.promoteTypes is exported and agrees", () => {
  assert.equal(np.promoteTypes("uint64", "int64"), "float64");
  assert.equal(np.promoteTypes("int16", "float32"), "float32");
});

test("canCast: all pairs × no/equiv/safe/same_kind/unsafe as np.can_cast", () => {
  const bad: string[] = [];
  for (const [key, want] of Object.entries(fx.canCast)) {
    const [a, b, c] = key.split(",") as [DType, DType, Casting];
    const got = canCast(a, b, c);
    if (got !== want) bad.push(`${a}->${b} ${c}: ${got}, NumPy ${want}`);
  }
  assert.deepEqual(bad, []);
  assert.equal(Object.keys(fx.canCast).length, 121 * 5);
});

test("astype: every dtype to every dtype, edge values included", () => {
  const bad: string[] = [];
  for (const c of fx.astype) {
    try {
      assertMatches(decode(c.src).astype(c.dtype), c.r, { what: `${c.src.dtype}->${c.dtype}` });
    } catch (e) {
      bad.push((e as Error).message.split("\n")[0]!);
    }
  }
  assert.deepEqual(bad, []);
});

test("astype: casting= refusals with NumPy's message", () => {
  for (const c of fx.astypeErrors) {
    const a = np.zeros([2], { dtype: c.src });
    if ("error" in c.r) assertThrowsLike(() => a.astype(c.dtype, { casting: c.casting }), c.r, `${c.src}->${c.dtype}`);
    else assert.equal(a.astype(c.dtype, { casting: c.casting }).dtype, c.dtype);
  }
});

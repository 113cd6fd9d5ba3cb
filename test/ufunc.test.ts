// ufunc.test.ts — every ufunc against NumPy's golden answers (test/fixtures/ufuncs.json, written by
// scripts/fixtures/ufuncs.py): each dtype's loop on edge values, non-contiguous views, all mixed-dtype pairs,
// NEP 50 weak scalars, out=/dtype=/in-place, and NumPy's error classes and texts.
//
// Deliberate differences from NumPy, recorded here (and in the fixture as "f16": true):
//   - tessera has no float16. Where NumPy's loop search lands on float16 (float-only ufuncs such as sqrt, exp,
//     sin, arctan2 on bool/int8/uint8 inputs), tessera's search skips to float32; the fixture then holds NumPy's
//     answer computed with dtype=float32 (also for out= calls and for error texts naming the loop).

import assert from "node:assert/strict";
import { test } from "node:test";
import { np } from "../src/index.js";
import { NDArray } from "../src/core/ndarray.js";
import { UFUNC_LOOPS } from "../src/core/ufunc-loops.js";
import { assertMatches, assertThrowsLike, loadFixture } from "./helpers/fixtures.js";
import { buildOperand, checkSpec, tolerance, type CallSpec, type SpecResult } from "./helpers/oracle.js";

interface Case extends SpecResult {
  group: string;
  call: CallSpec;
}

const { cases } = loadFixture<{ cases: Case[] }>("ufuncs");

const groups = new Map<string, Case[]>();
for (const c of cases) {
  const key = `${c.group}: ${c.call.f}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key)!.push(c);
}

for (const [key, list] of groups) {
  test(key, () => {
    const failures: string[] = [];
    for (const c of list) {
      try {
        checkSpec(c.call, c, tolerance(c.call.f, c.r));
      } catch (e) {
        failures.push((e as Error).message.split("\n")[0]!);
      }
    }
    if (failures.length) assert.fail(`${failures.length}/${list.length} cases failed:\n  ${failures.slice(0, 12).join("\n  ")}`);
  });
}

test("fixture coverage", () => {
  assert.ok(cases.length > 4000, "the ufunc fixture holds every ufunc × dtype");
  // The float16 → float32 difference may only touch ufuncs whose every loop is a float loop.
  const f16 = new Set(cases.filter((c) => c.f16).map((c) => c.call.f));
  for (const f of f16) assert.ok(UFUNC_LOOPS[f]!.every((l) => /^[fd]+->/.test(l)), `${f} has integer loops, so float16 cannot arise`);
});

/** NumPy's `a += b` is ufunc(a, b, out=a): the PyTorch-style in-place methods must give the same result and errors. */
const INPLACE: Record<string, "add_" | "sub_" | "mul_" | "div_"> = { add: "add_", subtract: "sub_", multiply: "mul_", true_divide: "div_" };

test("in-place methods add_/sub_/mul_/div_ as NumPy's a op= b", () => {
  const inplace = cases.filter((c) => c.group === "inplace" && c.call.f in INPLACE);
  assert.ok(inplace.length >= 8);
  for (const c of inplace) {
    const [a, b] = c.call.args!.reduce<unknown[]>((acc, x) => [...acc, buildOperand(x, acc)], []) as [NDArray, unknown];
    const method = INPLACE[c.call.f]!;
    const what = `${method} ${JSON.stringify(c.call.args).slice(0, 160)}`;
    if ("error" in c.r) {
      const before = a.tolist();
      assertThrowsLike(() => a[method](b as never), c.r, what);
      assert.deepEqual(a.tolist(), before, `${what}: a failed in-place op left its target unchanged`);
    } else {
      assert.equal(a[method](b as never), a, `${what}: returns its target`);
      assertMatches(a, c.out!, { what });
    }
  }
});

test("method aliases agree with the functions", () => {
  const a = np.array([[1, -2], [3, 4]], { dtype: "int32" }), b = np.array([2, 3], { dtype: "int32" });
  const pairs: [NDArray, NDArray][] = [
    [a.add(b), np.add(a, b)], [a.sub(b), np.subtract(a, b)], [a.mul(b), np.multiply(a, b)], [a.div(b), np.divide(a, b)],
    [a.pow(b), np.power(a, b)], [a.neg(), np.negative(a)], [a.abs(), np.absolute(a)], [a.floorDivide(b), np.floorDivide(a, b)],
    [a.mod(b), np.remainder(a, b)], [a.eq(b), np.equal(a, b)], [a.lt(b), np.less(a, b)], [a.ge(b), np.greaterEqual(a, b)],
  ];
  for (const [m, f] of pairs) {
    assert.equal(m.dtype, f.dtype);
    assert.deepEqual(m.tolist(), f.tolist());
  }
  const c = np.array([1, 2, 3], { dtype: "float32" });
  assert.equal(c.neg_(), c);
  assert.deepEqual(c.tolist(), [-1, -2, -3]);
  assert.equal(c.pow_(2), c);
  assert.deepEqual(c.tolist(), [1, 4, 9]);
});

test("positional out, and keyword checks as NumPy's ufunc signature", () => {
  const a = np.array([1.5, 2.5]), out = np.zeros([2]);
  assert.equal(np.add(a, 1, out), out);
  assert.deepEqual(out.tolist(), [2.5, 3.5]);
  assert.equal(np.negative(a, out), out);
  assert.throws(() => np.add(a, 1, out, { out }), { name: "TypeError", message: "cannot specify 'out' as both a positional and keyword argument" });
  assert.throws(() => (np.add as (...x: unknown[]) => unknown)(a), { name: "TypeError", message: "add() takes from 2 to 3 positional arguments but 1 was given" });
  assert.throws(() => (np.add as (...x: unknown[]) => unknown)(a, 1, out, out), { name: "TypeError", message: "add() takes from 2 to 3 positional arguments but 4 were given" });
  assert.throws(() => np.add(a, 1, { foo: 1 } as never), { name: "TypeError", message: "add() got an unexpected keyword argument 'foo'" });
  assert.throws(() => np.add(a, 1, { where: np.array([true, false]) } as never), { name: "NotImplementedError" });
  assert.throws(() => np.add(a, 1, 3 as never), { name: "TypeError", message: "return arrays must be of ArrayType" });
  assert.throws(() => np.divide(a, 1, np.zeros([2], { dtype: "int64" })), { name: "UFuncTypeError", message: "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'" });
});

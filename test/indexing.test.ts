// indexing.test.ts — a.get/a.set against NumPy on 720 random index tuples (scripts/fixtures/indexing.py):
// values, dtypes, shapes, error classes and messages, view-vs-copy, plus the seed's indexing programs.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError, type Encoded } from "./helpers/fixtures.js";

interface Case {
  base: "c" | "T" | "neg";
  array: EncArray;
  index: unknown[];
  get: Encoded;
  view: boolean | null;
  setScalar: Encoded;
  value: EncArray;
  setArray: Encoded;
}

/** The base layouts the fixture script uses, rebuilt with the same strides. */
function fresh(c: Case): NDArray {
  if (c.base === "T") {
    const o = np.arange(12, { dtype: "int32" });
    return new NDArray(o.data, "int32", [4, 3], [1, 4], 0, o);
  }
  if (c.base === "neg") {
    const o = np.arange(24, { dtype: "int64" });
    return new NDArray(o.data, "int64", [2, 3, 3], [12, -4, 1], 9, o);
  }
  return decode(c.array);
}

function items(c: Case): unknown[] {
  return c.index.map((it) => (it !== null && typeof it === "object" && "arr" in (it as object) ? decode((it as { arr: EncArray }).arr) : it));
}

function check(what: string, got: () => NDArray, want: Encoded): void {
  if ("error" in want) assertThrowsLike(got, want as EncError, what);
  else assertMatches(got(), want as EncArray, { what });
}

const { cases } = loadFixture<{ cases: Case[] }>("indexing");

test("fixture layouts rebuild NumPy's arrays", () => {
  for (const c of cases) assertMatches(fresh(c), c.array, { what: c.base });
});

test("get matches NumPy (values, shapes, errors) and basic indexing returns views", () => {
  cases.forEach((c, i) => {
    const a = fresh(c);
    const what = `case ${i} ${c.base} ${JSON.stringify(c.index).slice(0, 120)}`;
    check(what, () => a.get(...(items(c) as never[])), c.get);
    if (!("error" in c.get) && c.view !== null) {
      const r = a.get(...(items(c) as never[]));
      assert.equal(r.size > 0 && r.data.buffer === a.data.buffer, c.view, `${what}: view`);
    }
  });
});

test("set with a scalar and with a broadcast array matches NumPy; failures leave the array unchanged", () => {
  cases.forEach((c, i) => {
    const what = `case ${i} ${c.base} ${JSON.stringify(c.index).slice(0, 120)}`;
    for (const [want, value] of [[c.setScalar, -7], [c.setArray, decode(c.value)]] as const) {
      const a = fresh(c);
      const before = JSON.stringify(a.tolist(), (_, v) => (typeof v === "bigint" ? v.toString() : v));
      if ("error" in want) {
        assertThrowsLike(() => a.set(items(c) as never, value), want as EncError, what);
        assert.equal(JSON.stringify(a.tolist(), (_, v) => (typeof v === "bigint" ? v.toString() : v)), before, `${what}: unchanged after error`);
      } else {
        a.set(items(c) as never, value);
        assertMatches(a, want as EncArray, { what });
      }
    }
  });
});

test("writing through a basic view changes the base; advanced results do not alias", () => {
  const a = np.zeros([3, 4]);
  a.get(1, "1:3").fill(5);
  assert.deepEqual(a.tolist(), [[0, 0, 0, 0], [0, 5, 5, 0], [0, 0, 0, 0]]);
  const b = a.get([0, 1]);
  b.fill(9);
  assert.equal(a.item(0, 0), 0);
});

test("read-only arrays refuse set with NumPy's message", () => {
  const a = np.zeros([3]);
  a.flags.writeable = false;
  assert.throws(() => a.set(0, 1), { name: "ValueError", message: "assignment destination is read-only" });
});

test("seed: one-hot by fancy assignment (b[range(len(c)), c, :] = [1, 0]; b[range(len(c)), ~c, :] = [0, 1])", () => {
  const c = np.array([0, 1, 1], { dtype: "int64" });
  const b = np.zeros([3, 2, 2]);
  b.set([[0, 1, 2], c, ":"], [1, 0]);
  b.set([[0, 1, 2], c.invert(), ":"], [0, 1]);
  // numpy: [[[1,0],[0,1]],[[0,1],[1,0]],[[0,1],[1,0]]]
  assert.deepEqual(b.tolist(), [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[0, 1], [1, 0]]]);
});

test("seed: frames[..., i, i] = 1 builds identity frames", () => {
  const frames = np.zeros([10, 11, 12, 4, 4]);
  for (let i = 0; i < 4; i++) frames.set(["...", i, i], 1);
  const I = np.arange(4);
  const f2 = np.zeros([10, 11, 12, 4, 4]);
  f2.set(["...", I, I], 1);
  assert.deepEqual(frames.tolist(), f2.tolist());
  assert.deepEqual(frames.get(3, 2, 1).tolist(), np.eye(4).tolist());
});

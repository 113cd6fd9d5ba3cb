// views.test.ts — the memory side of every shape/join result against NumPy (test/fixtures/shape.json): strides in
// bytes, C/F-contiguous and writeable flags, what `base` is (the input's owner for views, null or a fresh copy
// otherwise), and that writing through a view at its last element changes the owner exactly where NumPy's does.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { toStorage } from "../src/core/convert.js";
import { assertMatches } from "./helpers/fixtures.js";
import { buildInputs, callCase, cases, describe, type Meta } from "./helpers/shape-cases.js";

function checkMeta(r: NDArray, m: Meta, owner: NDArray, what: string): void {
  assert.deepEqual(r.strides, m.strides, `${what}: strides`);
  // NumPy's flags treat an empty array as contiguous whatever its strides; core's isCContiguous stops at the
  // first mismatching stride, so for empty results only the strides (above) are compared.
  if (r.size > 0) {
    assert.equal(r.flags.cContiguous, m.c, `${what}: C_CONTIGUOUS`);
    assert.equal(r.flags.fContiguous, m.f, `${what}: F_CONTIGUOUS`);
  }
  assert.equal(r.flags.writeable, m.w, `${what}: WRITEABLE`);
  if (m.base === "in") {
    assert.equal(r.base, owner, `${what}: base should be the input's owner`);
    assert.equal(r.data.buffer, owner.data.buffer, `${what}: shares the owner's buffer`);
  } else if (m.base === "none") assert.equal(r.base, null, `${what}: base should be null (a new owner)`);
  else {
    assert.notEqual(r.base, null, `${what}: base should be a fresh copy`);
    assert.notEqual(r.base, owner, `${what}: base should not be the input's owner`);
    assert.notEqual(r.data.buffer, owner.data.buffer, `${what}: a copy must not share the input's buffer`);
  }
  if (m.write) {
    // Write straight into the view's memory at the element NumPy wrote, then compare the owner.
    const off = r._elementOffset(m.write.index);
    (r.data as unknown as (number | bigint)[])[off] = toStorage(m.write.value, r.dtype);
    assertMatches(owner, m.write.after, { what: `${what}: owner after writing through the view` });
  }
}

const viewCases = cases.map((c, i) => [c, i] as const).filter(([c]) => c.meta !== undefined);
const ops = [...new Set(viewCases.map(([c]) => c.op))];

for (const op of ops) {
  test(`${op}: strides, flags, base and write-through as NumPy`, () => {
    const failures: string[] = [];
    for (const [c, i] of viewCases) {
      if (c.op !== op) continue;
      const what = describe(c, i);
      try {
        const { owners, xs } = buildInputs(c);
        const r = callCase(c, xs);
        const rs = Array.isArray(r) ? (r as NDArray[]) : [r as NDArray];
        assert.equal(rs.length, c.meta!.length, `${what}: number of results`);
        rs.forEach((x, k) => checkMeta(x, c.meta![k]!, owners[0]!, `${what} [${k}]`));
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 15).join("\n")}`);
  });
}

test("broadcastTo is read-only: writes through set() fail with NumPy's message, flags.writeable stays false", () => {
  const a = np.arange(3, { dtype: "float64" });
  const b = np.broadcastTo(a, [2, 3]);
  assert.equal(b.flags.writeable, false);
  assert.equal(b.base, a);
  assert.throws(() => b.set([0, 0], 5), { name: "ValueError", message: "assignment destination is read-only" });
  assert.throws(() => np.copyto(b, 1), { name: "ValueError", message: "assignment destination is read-only" });
  // Views of a read-only view stay read-only.
  assert.equal(b.T.flags.writeable, false);
  assert.equal(b.reshape(2, 1, 3).flags.writeable, false);
  assert.equal(b.reshape(6).flags.writeable, true); // a copy, as NumPy
  assert.equal(np.flip(b).flags.writeable, false);
  assert.deepEqual(a.tolist(), [0, 1, 2]);
});

test("writes through views land in the owner (via set, via data)", () => {
  const a = np.arange(24, { dtype: "int32" });
  const v = a.reshape(2, 3, 4).transpose(2, 0, 1).get("::-1");
  v.set([0, 1, 2], -1);
  assert.equal(a.item(23), -1);
  const r = np.ravel(a.reshape(4, 6));
  (r.data as Int32Array)[r._offset + 5] = 77;
  assert.equal(a.item(5), 77);
  const s = np.split(a.reshape(4, 6), 2, { axis: 1 })[1]!;
  s.set([3, 0], 1000);
  assert.equal(a.item(21), 1000);
  const e = np.expandDims(np.squeeze(a.reshape(1, 24)), 0);
  assert.equal(e.base, a);
  e.set([0, 0], 5);
  assert.equal(a.item(0), 5);
});

test("reshape views where NumPy does and copies where it must", () => {
  const a = np.arange(24).reshape(2, 3, 4);
  assert.equal(a.reshape(6, 4).base, a.base);
  assert.equal(a.get(":", ":", "::2").reshape(6, 2).base, a.base); // stride 16/8 still combines
  const t = a.transpose(1, 0, 2);
  assert.equal(t.reshape(3, 2, 2, 2).base, a.base);
  const c = t.reshape(24);
  assert.notEqual(c.base, a.base);
  assert.notEqual(c.base, null); // a view of a fresh C copy, as NumPy
  assert.throws(() => np.reshape(t, [24], { copy: false }), { name: "ValueError", message: "Unable to avoid creating a copy while reshaping." });
  assert.equal(np.ravel(a.T, "F").base, a.base);
  assert.equal(np.ravel(a.T).base, null);
  assert.equal(np.ascontiguousarray(a), a);
  assert.notEqual(np.ascontiguousarray(a.T), a.T);
});

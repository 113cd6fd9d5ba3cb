// shape.test.ts — views, movement, joining, splitting and tiling against NumPy (test/fixtures/shape.json): values,
// dtypes and shapes of every result, and NumPy's error class and message for every bad call; plus hand-written
// checks of argument spellings (spread shapes, options objects, array-likes) and PyTorch's method meanings.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, type EncArray, type EncError } from "./helpers/fixtures.js";
import { buildInputs, callCase, cases, describe } from "./helpers/shape-cases.js";

test("fixture inputs rebuild NumPy's layouts", () => {
  for (const c of cases) {
    const { xs } = buildInputs(c);
    xs.forEach((x, k) => assertMatches(x, c.inputs[k]!.values, { what: `${c.name} input ${k}` }));
  }
});

const ops = [...new Set(cases.map((c) => c.op))];
for (const op of ops) {
  test(`${op} matches NumPy (values, dtypes, shapes, errors)`, () => {
    const failures: string[] = [];
    cases.forEach((c, i) => {
      if (c.op !== op) return;
      const what = describe(c, i);
      try {
        const { xs } = buildInputs(c);
        if ("error" in c.expect) {
          assertThrowsLike(() => callCase(c, xs), c.expect as EncError, what);
          return;
        }
        const r = callCase(c, xs);
        if ("tuple" in c.expect) {
          const want = c.expect.tuple;
          assert.ok(Array.isArray(r), `${what}: expected a JS array of results`);
          assert.equal((r as NDArray[]).length, want.length, `${what}: number of results`);
          want.forEach((w, k) => assertMatches((r as NDArray[])[k]!, w, { what: `${what} [${k}]` }));
        } else {
          assert.ok(r instanceof NDArray, `${what}: expected an NDArray`);
          assertMatches(r, c.expect as EncArray, { what });
        }
      } catch (e) {
        failures.push((e as Error).message);
      }
    });
    assert.equal(failures.length, 0, `${failures.length} failures:\n${failures.slice(0, 15).join("\n")}`);
  });
}

test("shapes spread or as one array, -1 inferred, options objects", () => {
  const a = np.arange(12);
  assert.deepEqual(a.reshape(3, 4).shape, [3, 4]);
  assert.deepEqual(a.reshape([3, 4]).shape, [3, 4]);
  assert.deepEqual(a.reshape(-1, 6).shape, [2, 6]);
  assert.deepEqual(np.reshape(a, 2, 6).shape, [2, 6]);
  assert.deepEqual(np.reshape(a, [4, 3], "F").tolist(), [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]);
  assert.deepEqual(np.reshape(a, { shape: [6, 2] }).shape, [6, 2]);
  assert.deepEqual(a.reshape([2, 6], { order: "F" }).tolist(), np.reshape(a, [2, 6], { order: "F" }).tolist());
  assert.deepEqual(np.squeeze(np.zeros([1, 3, 1]), { axis: 0 }).shape, [3, 1]);
  assert.deepEqual(np.zeros([1, 3, 1]).squeeze({ dim: 2 }).shape, [1, 3]);
  assert.deepEqual(np.expandDims(np.zeros([3]), { axis: [0, 2] }).shape, [1, 3, 1]);
  assert.deepEqual(np.concatenate([[1, 2], [3]], { axis: 0 }).tolist(), [1, 2, 3]);
  assert.deepEqual(np.concatenate([[[1, 2]], [[3, 4]]], 1).tolist(), [[1, 2, 3, 4]]);
  assert.deepEqual(np.stack([[1, 2], [3, 4]], { dim: 1 }).tolist(), [[1, 3], [2, 4]]);
  assert.deepEqual(np.repeat([1, 2], 2, { axis: 0 }).tolist(), [1, 1, 2, 2]);
  assert.deepEqual(np.roll([1, 2, 3], { shifts: 1, dims: 0 } as never).tolist(), [3, 1, 2]);
  assert.deepEqual(np.split(np.arange(6), 3, { axis: 0 }).map((x) => x.tolist()), [[0, 1], [2, 3], [4, 5]]);
  assert.deepEqual(np.transpose(np.zeros([2, 3, 4]), { axes: [2, 0, 1] }).shape, [4, 2, 3]);
  assert.deepEqual(np.zeros([2, 3, 4]).transpose([1, 2, 0]).shape, [3, 4, 2]);
  assert.deepEqual(np.zeros([2, 3, 4]).transpose().shape, [4, 3, 2]);
  assert.deepEqual(np.flip([1, 2, 3]).tolist(), [3, 2, 1]);
  assert.deepEqual(np.tile([1, 2], [2, 2]).tolist(), [[1, 2, 1, 2], [1, 2, 1, 2]]);
});

test("array-likes: JS numbers become float64 arrays first, as np.asarray", () => {
  const r = np.reshape([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.equal(r.dtype, "float64");
  assert.deepEqual(r.tolist(), [[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(np.atleast2d(5).shape, [1, 1]);
  assert.deepEqual(np.atleast1d(1, [2, 3]).map((x) => x.shape), [[1], [2]]);
  assert.deepEqual(np.vstack([[1, 2], [3, 4]]).tolist(), [[1, 2], [3, 4]]);
  // The seed program: np.reshape(list, (len(x), len(y))).
  assert.deepEqual(np.reshape([0, 1.4, 1.4, 0, 0.7, 0.7], [3, 2]).shape, [3, 2]);
  // np.concatenate of an NDArray iterates its first axis.
  assert.deepEqual(np.concatenate(np.arange(6).reshape(2, 3)).tolist(), [0, 1, 2, 3, 4, 5]);
});

test("seed program: squeeze, where-like one-hot with expandDims and concatenate on axis 2", () => {
  const a = np.array([[[1, 0]], [[1, 2]], [[1, 3]]], { dtype: "int64" });
  const p = np.squeeze(a, { axis: 1 });
  assert.deepEqual(p.shape, [3, 2]);
  const x = np.expandDims(p, -1);
  const b = np.concatenate([x, x], { axis: 2 });
  assert.deepEqual(b.shape, [3, 2, 2]);
  assert.equal(b.dtype, "int64");
});

test("concatenate with out, and out/dtype conflicts", () => {
  const out = np.zeros([4]);
  const r = np.concatenate([[1, 2], [3, 4]], { out });
  assert.equal(r, out);
  assert.deepEqual(out.tolist(), [1, 2, 3, 4]);
  const o32 = np.zeros([3], { dtype: "int32" });
  np.concatenate([np.array([1, 2], { dtype: "int64" }), np.array([3], { dtype: "int64" })], { out: o32 });
  assert.deepEqual(o32.tolist(), [1, 2, 3]);
  assert.throws(() => np.concatenate([[1, 2], [3]], { out: np.zeros([4]) }), { name: "ValueError", message: "Output array is the wrong shape" });
  assert.throws(() => np.concatenate([[1.5, 2], [3]], { out: np.zeros([3], { dtype: "int32" }) }), {
    name: "TypeError",
    message: "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'",
  });
  assert.throws(() => np.concatenate([[1, 2], [3]], { out: np.zeros([3]), dtype: "int32" }), {
    name: "TypeError",
    message: "concatenate() only takes `out` or `dtype` as an argument, but both were provided.",
  });
  // Inputs that alias the output are read before they are overwritten.
  const buf = np.arange(4, { dtype: "float64" });
  np.concatenate([np.flip(buf).get("2:"), np.flip(buf).get(":2")], { out: buf });
  assert.deepEqual(buf.tolist(), [1, 0, 3, 2]);
});

test("torch face: view, permute, unsqueeze, expand, flatten, transpose, squeeze, repeat", () => {
  const t = np.arange(24).reshape(2, 3, 4);
  t._tensor = true;
  assert.deepEqual(t.view(6, 4).shape, [6, 4]);
  assert.equal(t.view(-1).base, t.base);
  assert.deepEqual(t.permute(2, 0, 1).shape, [4, 2, 3]);
  assert.deepEqual(t.permute([2, 0, 1]).strides, [8, 96, 32]);
  assert.deepEqual(t.unsqueeze(1).shape, [2, 1, 3, 4]);
  assert.deepEqual(t.unsqueeze(-1).shape, [2, 3, 4, 1]);
  assert.deepEqual(t.flatten().shape, [24]);
  assert.equal(t.flatten().base, t.base); // PyTorch's flatten is a view when it can be
  assert.deepEqual(t.flatten(1).shape, [2, 12]);
  assert.deepEqual(t.transpose(0, 2).shape, [4, 3, 2]);
  assert.deepEqual(t.squeeze(0).shape, [2, 3, 4]); // no error in PyTorch
  assert.deepEqual(t.get(0).repeat(2, 1, 1).shape, [2, 3, 4]);
  assert.deepEqual(t.get(0, 0).expand(3, -1).shape, [3, 4]);
  assert.deepEqual(t.get(0, 0).expand(3, -1).strides, [0, 8]);
  assert.deepEqual(t.chunk(2, 2).map((x) => x.shape), [[2, 3, 2], [2, 3, 2]]);
  assert.deepEqual(t.split([1, 2], { dim: 1 }).map((x) => x.shape), [[2, 1, 4], [2, 2, 4]]);
  assert.deepEqual(t.unbind(0).map((x) => x.shape), [[3, 4], [3, 4]]);
  assert.deepEqual(t.narrow(2, 1, 2).shape, [2, 3, 2]);
  assert.deepEqual(t.get(0).t().shape, [4, 3]);
  assert.equal(t.contiguous(), t);
  assert.notEqual(t.mT.contiguous(), t);
  assert.throws(() => t.mT.view(-1), { name: "RuntimeError", message: /view size is not compatible/ });
  assert.throws(() => t.view(5, -1), { name: "RuntimeError", message: "shape '[5, -1]' is invalid for input of size 24" });
  assert.throws(() => t.permute(0, 1), { name: "RuntimeError" });
  assert.throws(() => t.unsqueeze(5), { name: "IndexError", message: "Dimension out of range (expected to be in range of [-4, 3], but got 5)" });
  assert.ok(t.view(6, 4)._tensor && t.T._tensor && np.concatenate([t, t])._tensor);
});

test("NumPy face keeps NumPy's meanings for clashing names", () => {
  const a = np.arange(6).reshape(2, 3);
  assert.deepEqual(a.transpose(0, 1).shape, [2, 3]); // an axes permutation, not a swap
  assert.deepEqual(a.repeat(2).shape, [12]);
  assert.equal(a.flatten().base, null); // always a copy
  assert.throws(() => a.squeeze(0), { name: "ValueError" });
  assert.deepEqual(a.view().shape, [2, 3]);
  assert.equal(a.view().base, a.base);
});

test("ndarray.view(dtype) reinterprets bytes", () => {
  const a = np.array([1, 2], { dtype: "int64" });
  const v = a.view("int32");
  assert.deepEqual(v.shape, [4]);
  assert.deepEqual(v.strides, [4]);
  assert.deepEqual(v.tolist(), [1, 0, 2, 0]);
  assert.equal(v.base, a);
  assert.deepEqual(np.array([1], { dtype: "float64" }).view("uint8").shape, [8]);
  assert.deepEqual(np.array([0, 0, 240, 63], { dtype: "uint8" }).view("float32").tolist(), [1.875]);
  assert.throws(() => np.arange(6).reshape(2, 3).T.view("int32"), { name: "ValueError", message: "To change to a dtype of a different size, the last axis must be contiguous" });
  assert.throws(() => np.array(5).view("int32"), { name: "ValueError", message: "Changing the dtype of a 0d array is only supported if the itemsize is unchanged" });
});

test("np.shape, np.ndim, np.size", () => {
  assert.deepEqual(np.shape([[1, 2]]), [1, 2]);
  assert.equal(np.ndim(5), 0);
  assert.equal(np.size(np.zeros([2, 3])), 6);
  assert.equal(np.size(np.zeros([2, 3]), 1), 3);
  assert.equal(np.size(np.zeros([2, 3]), { axis: -2 }), 2);
});

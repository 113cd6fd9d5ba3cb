// products.test.ts — np.dot, vdot, inner, outer, tensordot, kron, trace and np.matmul's `out` against NumPy
// (scripts/fixtures/einsum.py): shapes, dtypes, strided operands, out=, and NumPy's error texts.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError, type Encoded } from "./helpers/fixtures.js";

interface EncOperand {
  base: EncArray;
  shape: number[];
  strides: number[];
  offset: number;
  readonly?: boolean;
}

/** A fixture operand: a view with NumPy's element strides and offset into a decoded C-contiguous owner. */
function operand(e: EncOperand): { arr: NDArray } {
  const base = decode(e.base);
  if (e.readonly) base.flags.writeable = false;
  const same = e.offset === 0 && e.shape.length === base.ndim && e.shape.every((d, i) => d === base.shape[i] && e.strides[i] === base._strides[i]);
  return { arr: same ? base : new NDArray(base.data, base.dtype, e.shape, e.strides, e.offset, base) };
}

function tol(dtype: string): { rtol: number; atol: number } {
  return dtype === "float32" ? { rtol: 2e-6, atol: 1e-5 } : dtype === "float64" ? { rtol: 1e-12, atol: 1e-12 } : { rtol: 0, atol: 0 };
}

type Arg = EncOperand | { py: number; int: boolean };

interface ProductCase {
  fn: "dot" | "vdot" | "inner" | "outer" | "tensordot" | "kron" | "trace";
  args: Arg[];
  kw: { out?: EncOperand; axes?: unknown; offset?: number; axis1?: number; axis2?: number; dtype?: string };
  note: string;
  result: Encoded;
  outAfter?: EncArray;
}

interface MatmulCase {
  ops: EncOperand[];
  out?: EncOperand;
  result: Encoded;
  outAfter?: EncArray;
}

const fx = loadFixture<{ products: ProductCase[]; matmul: MatmulCase[] }>("einsum");

function arg(a: Arg): NDArray | number | bigint {
  if ("py" in a) return a.int ? BigInt(a.py) : a.py;
  return operand(a).arr;
}

function call(c: ProductCase, out: NDArray | null): NDArray {
  const [a, b] = c.args.map(arg) as [never, never];
  const o = out ? { out } : {};
  switch (c.fn) {
    case "dot":
      return np.dot(a, b, o);
    case "vdot":
      return np.vdot(a, b);
    case "inner":
      return np.inner(a, b);
    case "outer":
      return np.outer(a, b, o);
    case "tensordot":
      return c.kw.axes === undefined ? np.tensordot(a, b) : np.tensordot(a, b, c.kw.axes as never);
    case "kron":
      return np.kron(a, b);
    case "trace": {
      const { offset, axis1, axis2, dtype } = c.kw;
      return np.trace(a, { offset, axis1, axis2, dtype, ...o });
    }
  }
}

function expected(r: Encoded): EncArray {
  return "value" in r ? { dtype: "bool", shape: [], data: [r.value] } : (r as EncArray);
}

test("dot, vdot, inner, outer, tensordot, kron and trace match NumPy", () => {
  const seen = new Set<string>();
  fx.products.forEach((c, i) => {
    const what = `case ${i} ${c.fn} ${c.note} ${JSON.stringify(c.args.map((a) => ("py" in a ? a.py : `${a.base.dtype}${JSON.stringify(a.shape)}`)))} ${JSON.stringify({ ...c.kw, out: c.kw.out?.shape })}`;
    const out = c.kw.out ? operand(c.kw.out).arr : null;
    seen.add(c.fn);
    if ("error" in c.result) {
      assertThrowsLike(() => call(c, out), c.result as EncError, what);
      return;
    }
    const r = call(c, out);
    const want = expected(c.result);
    assertMatches(r, want, { what, ...tol(want.dtype) });
    if (out) {
      assert.equal(r, out, `${what}: returns out`);
      assertMatches(out, c.outAfter!, { what: `${what} out`, ...tol(out.dtype) });
    }
  });
  assert.equal(seen.size, 7);
});

test("matmul's out and dtypes match NumPy", () => {
  fx.matmul.forEach((c, i) => {
    const [a, b] = c.ops.map((o) => operand(o).arr) as [NDArray, NDArray];
    const out = c.out ? operand(c.out).arr : null;
    const what = `matmul case ${i} ${a.dtype}${JSON.stringify(a.shape)} ${b.dtype}${JSON.stringify(b.shape)} out ${out ? `${out.dtype}${JSON.stringify(out.shape)}` : "-"}`;
    if ("error" in c.result) {
      assertThrowsLike(() => np.matmul(a, b, out ? { out } : {}), c.result as EncError, what);
      return;
    }
    const r = np.matmul(a, b, out ? { out } : {});
    const want = expected(c.result);
    assertMatches(r, want, { what, ...tol(want.dtype) });
    if (out) assertMatches(out, c.outAfter!, { what: `${what} out`, ...tol(out.dtype) });
  });
});

test("methods a.dot(b) and a.trace() mirror the functions", () => {
  const a = np.array([[1, 2], [3, 4]]);
  assert.deepEqual(a.dot([1, 1]).tolist(), [3, 7]);
  assert.equal(a.trace().item(), 5);
  assert.equal(a.trace(1).item(), 2);
  assert.equal(np.trace(a, 0, 1, 0).item(), 5);
});

test("the GEMM kernel handles every block edge (n, k, m from 0 to 9) like a naive triple loop", () => {
  for (let n = 0; n <= 9; n++)
    for (let k = 0; k <= 9; k++)
      for (const m of [0, 1, 2, 3, 4, 5, 7, 8, 9]) {
        const A = np.arange(n * k), B = np.arange(k * m);
        const a = new NDArray(A.data, "int64", [n, k]).astype("float64"), b = new NDArray(B.data, "int64", [k, m]).astype("float64");
        const r = np.matmul(a, b);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < m; j++) {
            let s = 0;
            for (let p = 0; p < k; p++) s += (i * k + p) * (p * m + j);
            assert.equal(r.item(i, j), s, `${n}x${k}x${m} [${i},${j}]`);
          }
      }
});

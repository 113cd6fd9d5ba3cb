// copy.test.ts — copyInto's fast paths (kernels/copy.ts: TypedArray.set runs, fills, the cache-blocked 2-d copy)
// against a byte-by-byte reference over random shapes, strides, offsets and dtypes. Random bytes make NaN payloads
// and int64 values beyond 2^53 part of every case: the copy must move bits, not values.

import assert from "node:assert/strict";
import { test } from "node:test";
import { rng } from "./helpers/rng.js";
import { NDArray } from "../src/core/ndarray.js";
import { copyInto } from "../src/core/convert.js";
import { DTYPE_INFO, type DType } from "../src/core/dtype.js";

const DTYPES: DType[] = ["float64", "float32", "int64", "uint64", "int32", "uint16", "int8", "bool"];


function randomBuffer(dtype: DType, n: number, r: () => number): NDArray {
  const data = new DTYPE_INFO[dtype].ctor(n);
  const bytes = new Uint8Array(data.buffer);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (r() * 256) | 0;
  return new NDArray(data, dtype, [n]);
}

function bytesOf(a: NDArray): Uint8Array {
  return new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
}

/** The reference: every element's bytes, in C order over the shape, from src's to dst's position. */
function referenceCopy(dst: NDArray, src: NDArray): void {
  const w = DTYPE_INFO[src.dtype].itemsize, db = bytesOf(dst), sb = bytesOf(src);
  const idx = src.shape.map(() => 0);
  const n = src.size;
  for (let k = 0; k < n; k++) {
    let so = src._offset, doff = dst._offset;
    idx.forEach((v, d) => {
      so += v * src._strides[d]!;
      doff += v * dst._strides[d]!;
    });
    for (let b = 0; b < w; b++) db[doff * w + b] = sb[so * w + b]!;
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < src.shape[d]!) break;
      idx[d] = 0;
    }
  }
}

/** A view of `buf` with the given shape, element strides (any signs) and offset chosen so it stays in bounds. */
function view(buf: NDArray, shape: number[], strides: number[]): NDArray {
  let offset = 0;
  shape.forEach((n, d) => {
    if (strides[d]! < 0) offset -= (n - 1) * strides[d]!;
  });
  return new NDArray(buf.data, buf.dtype, shape, strides, offset, buf);
}

function span(shape: number[], strides: number[]): number {
  return 1 + shape.reduce((s, n, d) => s + (n - 1) * Math.abs(strides[d]!), 0);
}

/** Copy `src` into a fresh C-order or permuted destination both ways and compare the whole buffers. */
function checkCase(dtype: DType, shape: number[], srcStrides: number[], dstPerm: number[] | null, r: () => number, what: string): void {
  const sbuf = randomBuffer(dtype, span(shape, srcStrides) + 3, r);
  const src = view(sbuf, shape, srcStrides);
  // Destination: C-contiguous, or laid out in the order `dstPerm` (a transposed destination).
  const order = dstPerm ?? shape.map((_, i) => i);
  const dstStrides = new Array<number>(shape.length);
  let st = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    dstStrides[order[k]!] = st;
    st *= shape[order[k]!]!;
  }
  const fill = randomBuffer(dtype, st + 2, r);
  const got = new NDArray(fill.data.slice(), dtype, [st + 2]), want = new NDArray(fill.data.slice(), dtype, [st + 2]);
  copyInto(view(got, shape, dstStrides), src);
  referenceCopy(view(want, shape, dstStrides), src);
  assert.deepEqual(bytesOf(got), bytesOf(want), `${what}: ${dtype} shape ${shape} src strides ${srcStrides} dst order ${order}`);
}

test("transposed copies (the blocked path) match the reference for every dtype and awkward sizes", () => {
  const r = rng(1);
  for (const dtype of DTYPES) {
    for (const [m, n] of [[300, 260], [513, 37], [37, 513], [1000, 9], [9, 1000], [2, 3000], [257, 255]]) {
      checkCase(dtype, [m, n], [1, m], null, r, "a.T copy");
      checkCase(dtype, [m, n], [n, 1], [1, 0], r, "copy into a transposed destination");
    }
  }
});

test("negative, stepped and offset strides", () => {
  const r = rng(2);
  for (const dtype of DTYPES) {
    checkCase(dtype, [200, 300], [-1, 400], null, r, "reversed rows of a transpose");
    checkCase(dtype, [300, 200], [-403, -2], null, r, "both axes reversed, stepped");
    checkCase(dtype, [150, 170], [3, 500], null, r, "stepped transpose");
    checkCase(dtype, [400, 64], [64, -1], null, r, "reversed contiguous rows");
  }
});

test("3-d permutations run the 2-d copy per outer index", () => {
  const r = rng(3);
  for (const dtype of ["float64", "int64", "float32", "uint8"] as DType[]) {
    const shape = [5, 70, 90];
    const c = [70 * 90, 90, 1];
    for (const perm of [[0, 2, 1], [2, 1, 0], [1, 0, 2], [2, 0, 1], [1, 2, 0]]) {
      // src is the C-contiguous [a, b, c] array seen through the axis permutation `perm` (as np.transpose does).
      const pshape = perm.map((p) => shape[p]!), pstrides = perm.map((p) => c[p]!);
      checkCase(dtype, pshape, pstrides, null, r, `transpose ${perm}`);
    }
  }
});

test("contiguous runs, broadcast fills, and short rows", () => {
  const r = rng(4);
  for (const dtype of DTYPES) {
    checkCase(dtype, [5000], [1], null, r, "1-d contiguous");
    checkCase(dtype, [20], [1], null, r, "short 1-d");
    checkCase(dtype, [3000], [0], null, r, "1-d broadcast scalar");
    checkCase(dtype, [40, 50], [0, 1], null, r, "broadcast row");
    checkCase(dtype, [40, 50], [1, 0], null, r, "broadcast column");
    checkCase(dtype, [64, 100], [200, 1], null, r, "rows of a wider array");
    checkCase(dtype, [64, 10], [20, 1], null, r, "short rows");
    checkCase(dtype, [1, 1, 700], [0, 0, 1], null, r, "unit axes");
    checkCase(dtype, [3, 0, 5], [0, 5, 1], null, r, "empty");
  }
});

test("random shapes and strides", () => {
  const r = rng(5);
  for (let k = 0; k < 300; k++) {
    const dtype = DTYPES[k % DTYPES.length]!;
    const nd = 1 + ((r() * 3) | 0);
    const shape = Array.from({ length: nd }, () => 1 + ((r() * (nd === 1 ? 3000 : nd === 2 ? 300 : 40)) | 0));
    const strides = shape.map(() => Math.round((r() - 0.4) * 600));
    const perm = r() < 0.3 ? shape.map((_, i) => i).reverse() : null;
    checkCase(dtype, shape, strides, perm, r, `random #${k}`);
  }
});

test("different dtypes still go through the converting loop", () => {
  const src = new NDArray(new Float64Array([1.5, -2.5, NaN, 1e300]), "float64", [4]);
  const dst = new NDArray(new Float32Array(4), "float32", [4]);
  copyInto(dst, src);
  assert.deepEqual([...dst.data], [1.5, -2.5, NaN, Infinity]);
});

test("overlapping 1-d runs copy as if through a temporary (memmove)", () => {
  for (const shift of [1, -1, 7, -40]) {
    const n = 500;
    const buf = new Float64Array(n + 100).map((_, i) => i);
    const src = new NDArray(buf, "float64", [n], [1], 50);
    const dst = new NDArray(buf, "float64", [n], [1], 50 + shift);
    const expect = buf.slice(50, 50 + n);
    copyInto(dst, src);
    assert.deepEqual(buf.slice(50 + shift, 50 + shift + n), expect, `shift ${shift}`);
  }
});

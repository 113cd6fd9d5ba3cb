// matmul.ts — np.matmul: NumPy's 1-d promotion rules, batch broadcasting, dtype from NumPy's matmul loops,
// and its gufunc error texts. Float kernel is a cache-friendly i-k-j loop over contiguous packed operands.

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, isCContiguous } from "../core/shape.js";

const SIG = "(n?,k),(k,m?)->(n?,m?)";

function compact(shape: readonly number[]): string {
  return `(${shape.join(",")}${shape.length === 1 ? "," : ""})`;
}

/** Contiguous, dtype-converted operand data (packing is the copy BLAS makes anyway). */
function packed(a: NDArray, dt: DType): NDArray {
  return a.dtype === dt && isCContiguous(a.shape, a._strides) ? a : castCopy(a, dt);
}

export function matmul(x1: ArrayLike, x2: ArrayLike, opts: { out?: NDArray | null } = {}): NDArray {
  const a = asarray(x1), b = asarray(x2);
  for (const [i, t] of [a, b].entries())
    if (t.ndim === 0) throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`);
  const A = a.ndim === 1 ? new NDArray(a.data, a.dtype, [1, a.shape[0]!], [0, a._strides[0]!], a._offset) : a;
  const B = b.ndim === 1 ? new NDArray(b.data, b.dtype, [b.shape[0]!, 1], [b._strides[0]!, 0], b._offset) : b;
  const n = A.shape[A.ndim - 2]!, k = A.shape[A.ndim - 1]!, k2 = B.shape[B.ndim - 2]!, m = B.shape[B.ndim - 1]!;
  if (k !== k2) throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${k2} is different from ${k})`);
  const aBatch = A.shape.slice(0, -2), bBatch = B.shape.slice(0, -2);
  let batch: number[];
  try {
    batch = broadcastShapes(aBatch, bBatch);
  } catch {
    const remap = (s: readonly number[], nb: number) => `${compact(s)}->(${[...s.slice(0, nb), "newaxis", "newaxis"].join(",")})`;
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a.shape, aBatch.length)} ${remap(b.shape, bBatch.length)}  and requested shape (${n},${m})`,
    );
  }
  const dt = promoteTypes(a.dtype, b.dtype);
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [n]), ...(b.ndim === 1 ? [] : [m])];
  const res = empty([...batch, n, m], dt);
  const pa = packed(broadcastBatch(A, batch), dt), pb = packed(broadcastBatch(B, batch), dt);
  const nb = batch.reduce((p, q) => p * q, 1);
  const kernel = DTYPE_INFO[dt].big ? gemmBig : dt === "bool" ? gemmBool : gemm;
  for (let i = 0; i < nb; i++) kernel(pa.data as never, i * n * k, pb.data as never, i * k * m, res.data as never, i * n * m, n, k, m, DTYPE_INFO[dt].kind === "f");
  let r = new NDArray(res.data, dt, outShape);
  if (opts.out) r = assignOut(opts.out, r);
  if (a._tensor || b._tensor) r._tensor = true;
  return r;
}

function assignOut(out: NDArray, r: NDArray): NDArray {
  if (out.ndim !== r.ndim || out.shape.some((d, i) => d !== r.shape[i]))
    throw new ValueError(`matmul: Output operand 0 has a mismatch in its core dimension`);
  if (!out._writeable) throw new ValueError("output array is read-only");
  copyInto(out, r);
  return out;
}

function broadcastBatch(a: NDArray, batch: number[]): NDArray {
  const core = a.shape.slice(-2), cs = a._strides.slice(-2);
  const off = batch.length - (a.ndim - 2);
  const st = batch.map((d, i) => {
    const j = i - off;
    return j < 0 || a.shape[j] === 1 ? 0 : a._strides[j]!;
  });
  return new NDArray(a.data, a.dtype, [...batch, ...core], [...st, ...cs], a._offset);
}

/** C[n×m] = A[n×k] · B[k×m], row-major, i-k-j order so the inner loop streams rows of B and C. */
function gemm(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, n: number, k: number, m: number, isFloat: boolean): void {
  const acc = isFloat && c instanceof Float64Array ? c : new Float64Array(n * m);
  const ac = acc === c ? co : 0;
  for (let i = 0; i < n; i++) {
    const ci = ac + i * m;
    for (let j = 0; j < m; j++) acc[ci + j] = 0;
    for (let p = 0; p < k; p++) {
      const av = a[ao + i * k + p]!;
      if (av === 0) continue;
      const bp = bo + p * m;
      for (let j = 0; j < m; j++) acc[ci + j] += av * b[bp + j]!;
    }
  }
  if (acc !== c) {
    if (isFloat) for (let i = 0; i < n * m; i++) c[co + i] = acc[i]!;
    else intGemm(a, ao, b, bo, c, co, n, k, m);
  }
}

/** Integer matmul with wrap-around (products of 32-bit ints exceed 2^53, so multiply with Math.imul). */
function intGemm(a: globalThis.ArrayLike<number>, ao: number, b: globalThis.ArrayLike<number>, bo: number, c: { [i: number]: number }, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s = (s + Math.imul(a[ao + i * k + p]!, b[bo + p * m + j]!)) | 0;
      c[co + i * m + j] = s;
    }
}

function gemmBig(a: BigInt64Array, ao: number, b: BigInt64Array, bo: number, c: BigInt64Array, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0n;
      for (let p = 0; p < k; p++) s += a[ao + i * k + p]! * b[bo + p * m + j]!;
      c[co + i * m + j] = s;
    }
}

function gemmBool(a: Uint8Array, ao: number, b: Uint8Array, bo: number, c: Uint8Array, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < k && !s; p++) s = a[ao + i * k + p]! & b[bo + p * m + j]!;
      c[co + i * m + j] = s;
    }
}

declare module "../core/ndarray.js" {
  interface NDArray {
    matmul(b: ArrayLike): NDArray;
  }
}
Object.assign(NDArray.prototype, {
  matmul(this: NDArray, b: ArrayLike) {
    return matmul(this, b);
  },
});

// matmul.ts — np.matmul (NumPy's 1-d promotion rules, batch broadcasting, dtype from NumPy's matmul loops, `out`
// and its gufunc error texts) and the batched GEMM kernels that matmul, einsum and the product functions share.
// Float kernel: B packed into 4-column panels and a 4×4 register-blocked micro-kernel (the BLAS layout, in plain
// TS; a Wasm SIMD kernel can replace gemmF64 behind the same signature).

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, canCast, promoteTypes, type DType, type TypedArray } from "../core/dtype.js";
import { UFuncTypeError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { broadcastShapes, isCContiguous, shapeSize, shapeCompact } from "../core/shape.js";
import { gemmFmaChain, gemvLanes } from "../kernels/blas-order.js";

const SIG = "(n?,k),(k,m?)->(n?,m?)";

/**
 * The storage products are computed in: floats in float64 (float32 results are rounded once at the end), every
 * integer type up to 32 bits in int32 (NumPy's wrap-around is arithmetic mod 2^n, which int32 arithmetic followed
 * by a narrowing store reproduces), 64-bit integers in int64 (uint64 reinterpreted: same ring), bool as int32
 * 0/1 clamped after each product (OR of ANDs).
 */
export type ComputeDType = "float64" | "int32" | "int64";

export function computeDType(dt: DType): ComputeDType {
  const I = DTYPE_INFO[dt];
  return I.kind === "f" ? "float64" : I.big ? "int64" : "int32";
}

/** `a` as a C-contiguous array of dtype `cdt` (the array itself when it already is one). */
export function packAs(a: NDArray, cdt: DType): NDArray {
  return a.dtype === cdt && isCContiguous(a.shape, a._strides) ? a : castCopy(a, cdt);
}

/**
 * C[t] = A[t]·B[t] for t < nb, over C-ordered operands stored as `cdt` (A: nb×n×k from ao with batch step aStep,
 * B: nb×k×m from bo with step bStep; a step of 0 broadcasts one matrix to every batch). Returns fresh C (nb×n×m).
 */
export function gemmBatched(cdt: ComputeDType, a: TypedArray, ao: number, aStep: number, b: TypedArray, bo: number, bStep: number, nb: number, n: number, k: number, m: number, clamp = false): TypedArray {
  const c = new DTYPE_INFO[cdt].ctor(nb * n * m);
  if (nb * n * m === 0) return c;
  if (cdt === "float64") {
    if (n * k * m === 1) {
      hadamardF64(a as Float64Array, ao, aStep, b as Float64Array, bo, bStep, c as Float64Array, nb);
      return c;
    }
    if (n * k * m <= FMA_CHAIN_LIMIT) {
      for (let t = 0; t < nb; t++) {
        if (m === 1 && n >= 2) gemvLanes(a as Float64Array, ao + t * aStep, b as Float64Array, bo + t * bStep, c as Float64Array, t * n, n, k);
        else gemmFmaChain(a as Float64Array, ao + t * aStep, b as Float64Array, bo + t * bStep, c as Float64Array, t * n * m, n, k, m);
      }
      return c;
    }
    const pb = new Float64Array(m > 1 ? ((m + 3) >> 2) * 4 * k : 0);
    for (let t = 0; t < nb; t++) {
      if (m > 1 && (t === 0 || bStep !== 0)) packPanels(b as Float64Array, bo + t * bStep, k, m, pb);
      gemmF64(a as Float64Array, ao + t * aStep, b as Float64Array, bo + t * bStep, pb, c as Float64Array, t * n * m, n, k, m);
    }
  } else if (cdt === "int32") {
    for (let t = 0; t < nb; t++) gemmI32(a as Int32Array, ao + t * aStep, b as Int32Array, bo + t * bStep, c as Int32Array, t * n * m, n, k, m);
    if (clamp) for (let i = 0; i < c.length; i++) if (c[i] !== 0) c[i] = 1;
  } else {
    for (let t = 0; t < nb; t++) gemmBig(a as BigInt64Array, ao + t * aStep, b as BigInt64Array, bo + t * bStep, c as BigInt64Array, t * n * m, n, k, m);
  }
  return c;
}

/**
 * Below this many multiply-adds per matrix, products are computed in OpenBLAS's own operation order
 * (kernels/blas-order.ts), so small results (the seeds, tests) equal NumPy's to the last bit. Above it the
 * register-blocked kernel wins on speed and results may differ from NumPy's in the last bits.
 */
const FMA_CHAIN_LIMIT = 1 << 15;

/** Elementwise products (einsum's Hadamard contractions): one multiply per batch entry. */
function hadamardF64(a: Float64Array, ao: number, aStep: number, b: Float64Array, bo: number, bStep: number, c: Float64Array, nb: number): void {
  for (let t = 0; t < nb; t++) c[t] = a[ao + t * aStep]! * b[bo + t * bStep]!;
}

/** B (k×m at bo) into panels of 4 columns, each k×4 row-major, the last one zero-padded. */
function packPanels(b: Float64Array, bo: number, k: number, m: number, pb: Float64Array): void {
  const panels = (m + 3) >> 2;
  for (let jp = 0; jp < panels; jp++) {
    const j0 = jp * 4, w = Math.min(4, m - j0);
    let o = jp * k * 4;
    for (let p = 0; p < k; p++, o += 4) {
      const s = bo + p * m + j0;
      for (let t = 0; t < 4; t++) pb[o + t] = t < w ? b[s + t]! : 0;
    }
  }
}

/** C[n×m] = A[n×k]·B[k×m]: 4×4 blocks of C accumulate in registers over the packed panels of B. */
function gemmF64(a: Float64Array, ao: number, b: Float64Array, bo: number, pb: Float64Array, c: Float64Array, co: number, n: number, k: number, m: number): void {
  if (m === 1) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const ai = ao + i * k;
      for (let p = 0; p < k; p++) s += a[ai + p]! * b[bo + p]!;
      c[co + i] = s;
    }
    return;
  }
  const panels = (m + 3) >> 2;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a0 = ao + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
    for (let jp = 0; jp < panels; jp++) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let q = jp * k * 4;
      for (let p = 0; p < k; p++, q += 4) {
        const b0 = pb[q]!, b1 = pb[q + 1]!, b2 = pb[q + 2]!, b3 = pb[q + 3]!;
        let x = a[a0 + p]!;
        c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
        x = a[a1 + p]!;
        c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
        x = a[a2 + p]!;
        c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
        x = a[a3 + p]!;
        c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
      }
      const j0 = jp * 4, w = Math.min(4, m - j0);
      const o = co + i * m + j0;
      if (w === 4) {
        c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
        c[o + m] = c10; c[o + m + 1] = c11; c[o + m + 2] = c12; c[o + m + 3] = c13;
        c[o + 2 * m] = c20; c[o + 2 * m + 1] = c21; c[o + 2 * m + 2] = c22; c[o + 2 * m + 3] = c23;
        c[o + 3 * m] = c30; c[o + 3 * m + 1] = c31; c[o + 3 * m + 2] = c32; c[o + 3 * m + 3] = c33;
      } else {
        const blk = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
        for (let r = 0; r < 4; r++) for (let t = 0; t < w; t++) c[o + r * m + t] = blk[r * 4 + t]!;
      }
    }
  }
  for (; i < n; i++) {
    const ai = ao + i * k;
    for (let jp = 0; jp < panels; jp++) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      let q = jp * k * 4;
      for (let p = 0; p < k; p++, q += 4) {
        const x = a[ai + p]!;
        c0 += x * pb[q]!; c1 += x * pb[q + 1]!; c2 += x * pb[q + 2]!; c3 += x * pb[q + 3]!;
      }
      const j0 = jp * 4, w = Math.min(4, m - j0), o = co + i * m + j0;
      c[o] = c0;
      if (w > 1) c[o + 1] = c1;
      if (w > 2) c[o + 2] = c2;
      if (w > 3) c[o + 3] = c3;
    }
  }
}

/** Integer product mod 2^32 (Math.imul keeps 32-bit products exact where doubles would round). */
function gemmI32(a: Int32Array, ao: number, b: Int32Array, bo: number, c: Int32Array, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ci = co + i * m;
    for (let p = 0; p < k; p++) {
      const av = a[ao + i * k + p]!;
      if (av === 0) continue;
      const bp = bo + p * m;
      for (let j = 0; j < m; j++) c[ci + j] = (c[ci + j]! + Math.imul(av, b[bp + j]!)) | 0;
    }
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

/** The stored result of a product computed in `cdt`, as an array of the result dtype `dt`. */
export function fromCompute(c: TypedArray, cdt: ComputeDType, dt: DType, shape: readonly number[]): NDArray {
  const r = new NDArray(c, cdt, shape);
  return dt === cdt ? r : castCopy(r, dt);
}


export interface MatmulOptions {
  out?: NDArray | null;
}

export function matmul(x1: ArrayLike, x2: ArrayLike, opts: MatmulOptions | NDArray | null = {}): NDArray {
  // `out` may come positionally (NumPy's third parameter); null/undefined mean no options.
  opts = opts instanceof NDArray ? { out: opts } : opts ?? {};
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
    const remap = (s: readonly number[], nb: number) => `${shapeCompact(s)}->(${[...s.slice(0, nb), "newaxis", "newaxis"].join(",")})`;
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(a.shape, aBatch.length)} ${remap(b.shape, bBatch.length)}  and requested shape (${n},${m})`,
    );
  }
  const dt = promoteTypes(a.dtype, b.dtype);
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [n]), ...(b.ndim === 1 ? [] : [m])];
  if (opts.out) checkOut(opts.out, outShape, batch.length, dt);
  const cdt = computeDType(dt);
  const nb = shapeSize(batch);
  let r: NDArray;
  if (nb * n * m * k === 0) {
    // Nothing to multiply: an empty result, or zeros when only the summed dimension is empty.
    r = new NDArray(new DTYPE_INFO[dt].ctor(nb * n * m), dt, outShape);
  } else {
    const [pa, aStep] = packBatch(A, batch, cdt), [pb, bStep] = packBatch(B, batch, cdt);
    const c = gemmBatched(cdt, pa.data, pa._offset, aStep, pb.data, pb._offset, bStep, nb, n, k, m, dt === "bool");
    r = fromCompute(c, cdt, dt, outShape);
  }
  if (opts.out) {
    copyInto(opts.out, r);
    r = opts.out;
  }
  if (a._tensor || b._tensor) r._tensor = true;
  return r;
}

/** NumPy's checks on matmul's `out`: core dimensions, batch shape, same_kind cast, writeable. */
function checkOut(out: NDArray, shape: readonly number[], nbatch: number, dt: DType): void {
  const core = shape.length - nbatch;
  for (let i = 0; i < core; i++) {
    const got = out.shape[out.ndim - core + i], want = shape[nbatch + i]!;
    if (got !== want)
      throw new ValueError(`matmul: Output operand 0 has a mismatch in its core dimension ${i}, with gufunc signature ${SIG} (size ${got ?? 1} is different from ${want})`);
  }
  const oBatch = out.shape.slice(0, out.ndim - core);
  if (oBatch.length !== nbatch || oBatch.some((d, i) => d !== shape[i]))
    throw new ValueError(`non-broadcastable output operand with shape ${shapeCompact(out.shape)} doesn't match the broadcast shape ${shapeCompact(shape)}`);
  if (!canCast(dt, out.dtype, "same_kind"))
    throw new UFuncTypeError(`Cannot cast ufunc 'matmul' output from dtype('${dt}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  if (!out._writeable) throw new ValueError("output array is read-only");
}

/** The operand's matrices packed as `cdt`, and the batch step: 0 when every batch shares one matrix. */
function packBatch(a: NDArray, batch: readonly number[], cdt: ComputeDType): [NDArray, number] {
  const core = a.shape.slice(-2), cs = a._strides.slice(-2);
  const lead = batch.length - (a.ndim - 2);
  const st = batch.map((d, i) => {
    const j = i - lead;
    return j < 0 || a.shape[j] === 1 ? 0 : a._strides[j]!;
  });
  if (st.every((s) => s === 0)) return [packAs(new NDArray(a.data, a.dtype, core, cs, a._offset), cdt), 0];
  return [packAs(new NDArray(a.data, a.dtype, [...batch, ...core], [...st, ...cs], a._offset), cdt), core[0]! * core[1]!];
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

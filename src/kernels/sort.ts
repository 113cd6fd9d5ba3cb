// sort.ts — sorting one lane at a time, the primitive behind np.sort, argsort, unique and the set functions:
// keys (sort-keys.ts), then the Wasm radix (sort-wasm.ts) for lanes of RADIX_MIN elements or more, else the
// plain-TS merge/radix sorts (sort-radix.ts). Every path is stable; NaNs sort last; zeros keep input order/sign.

import type { DType, TypedArray } from "../core/dtype.js";
import { fromKeys, is64, makeKeys, u32View } from "./sort-keys.js";
import { mergeSort32, mergeSort64, radix32, radix64 } from "./sort-radix.js";
import { reserve, sortWasm, type SortWasm } from "./sort-wasm.js";

export { fromKeys, is64, makeKeys } from "./sort-keys.js";

/** Lanes shorter than this use merge sort; radix's fixed histogram cost wins above it. */
export const RADIX_MIN = 384;

// ---- scratch buffers, reused so large sorts do not pay fresh-page faults on every call ---------------------

const KEEP_LIMIT = 1 << 23; // elements (32 MB of u32) kept alive between calls at most
const pool: Uint32Array[] = [];

/** A scratch Uint32Array of at least `len` elements from slot `slot` (contents undefined). */
export function scratch(slot: number, len: number): Uint32Array {
  const have = pool[slot];
  if (have !== undefined && have.length >= len) return have.length === len ? have : have.subarray(0, len);
  const fresh = new Uint32Array(Math.max(len, 1024));
  if (len <= KEEP_LIMIT) pool[slot] = fresh;
  return fresh.subarray(0, len);
}

// ---- whole-lane drivers ---------------------------------------------------------------------------------

/** Copy lane src[off + i*st] (64-bit elements) as raw u32 pairs into w at word index `at`. */
function gather64(src: TypedArray, off: number, st: number, n: number, w: Uint32Array, at: number): void {
  const u = u32View(src);
  if (st === 1) w.set(u.subarray(2 * off, 2 * (off + n)), at);
  else
    for (let i = 0, j = 2 * off; i < n; i++, j += 2 * st) {
      w[at + 2 * i] = u[j]!;
      w[at + 2 * i + 1] = u[j + 1]!;
    }
}

/**
 * Keys of a 64-bit lane inside Wasm memory at byte address A (raw copy, then the transform in Wasm): the count of
 * -0 folded into +0, and the bit above which all keys agree (64 when not measured).
 */
function wasmKeys64(w: SortWasm, src: TypedArray, off: number, st: number, n: number, dtype: DType, A: number): { negZeros: number; top: number } {
  gather64(src, off, st, n, new Uint32Array(w.memory.buffer), A >> 2);
  if (dtype === "float64") {
    const negZeros = w.keysF64(A, n);
    return { negZeros, top: Number(w.topBit.value) };
  }
  if (dtype === "int64") {
    w.keysI64(A, n);
    return { negZeros: 0, top: Number(w.topBit.value) };
  }
  return { negZeros: 0, top: 64 };
}

/**
 * Keys of a lane of a 32-bit-or-narrower dtype inside Wasm memory at byte address A: float32/int32/uint32 raw then
 * transformed in Wasm, narrow ints widened by makeKeys. The -0 count and the bit above which all keys agree.
 */
function wasmKeys32(w: SortWasm, src: TypedArray, off: number, st: number, n: number, dtype: DType, A: number): { negZeros: number; top: number } {
  if (dtype === "float32" || dtype === "int32" || dtype === "uint32") {
    const u = u32View(src), mem = new Uint32Array(w.memory.buffer, A, n);
    if (st === 1) mem.set(u.subarray(off, off + n));
    else for (let i = 0, j = off; i < n; i++, j += st) mem[i] = u[j]!;
    if (dtype === "float32") {
      const negZeros = w.keysF32(A, n);
      return { negZeros, top: Number(w.topBit.value) };
    }
    w.keys32(A, n, dtype === "int32" ? 0x80000000 : 0);
  } else {
    makeKeys(src, off, st, n, dtype, new Uint32Array(w.memory.buffer, A, n));
    w.keys32(A, n, 0);
  }
  return { negZeros: 0, top: Number(w.topBit.value) };
}

/** Write sorted 32-bit keys at byte address P back as values to dst[doff + i*dstep]. */
function wasmValues32(w: SortWasm, P: number, n: number, dtype: DType, dst: TypedArray, doff: number, dstep: number): void {
  if (dtype === "float32" || dtype === "int32" || dtype === "uint32") {
    if (dtype === "float32") w.unkeysF32(P, n);
    else if (dtype === "int32") w.keys32(P, n, 0x80000000);
    const res = new Uint32Array(w.memory.buffer, P, n), u = u32View(dst);
    if (dstep === 1) u.set(res, doff);
    else for (let i = 0, j = doff; i < n; i++, j += dstep) u[j] = res[i]!;
  } else fromKeys(new Uint32Array(w.memory.buffer, P, n), n, dtype, dst, doff, dstep);
}

/**
 * Stable argsort of one lane: perm[i] = position (0..n) of the i-th smallest element. src[off + i*st] is the lane.
 * Ties (including -0/+0 and NaN/NaN) keep their lane order, as NumPy's kind="stable".
 */
export function argsortLane(src: TypedArray, off: number, st: number, n: number, dtype: DType, perm: Uint32Array): void {
  const wide = is64(dtype);
  const w = n >= RADIX_MIN ? sortWasm() : null;
  const A = w === null ? -1 : reserve(w, wide ? 24 * n : 16 * n);
  if (w !== null && A >= 0) {
    const B = A + (wide ? 8 : 4) * n, IA = B + (wide ? 8 : 4) * n, IB = IA + 4 * n;
    let r: number;
    if (wide) {
      const { top } = wasmKeys64(w, src, off, st, n, dtype, A);
      r = w.argsort64(A, B, IA, IB, n, top);
    } else {
      const { top } = wasmKeys32(w, src, off, st, n, dtype, A);
      r = w.argsort32(A, B, IA, IB, n, top);
    }
    perm.set(new Uint32Array(w.memory.buffer, r ? IB : IA, n));
    return;
  }
  const k = scratch(0, wide ? 2 * n : n);
  makeKeys(src, off, st, n, dtype, k);
  for (let i = 0; i < n; i++) perm[i] = i;
  if (n < RADIX_MIN) {
    const tmp = scratch(1, n);
    if (wide) mergeSort64(k, perm, tmp, n);
    else mergeSort32(k, perm, tmp, n);
    return;
  }
  const t = scratch(1, wide ? 2 * n : n), it = scratch(2, n);
  const moved = wide ? radix64(k, t, n, perm, it) : radix32(k, t, n, perm, it);
  if (moved) perm.set(it.subarray(0, n));
}

/**
 * Sort one lane: read src[off + i*st], write the sorted values to dst[doff + i*dst]. src and dst may be the same
 * lane. Zeros keep their input order and sign (NumPy's stable result); NaNs go last.
 */
export function sortLane(src: TypedArray, off: number, st: number, n: number, dtype: DType, dst: TypedArray, doff: number, dstep: number): void {
  if (n === 0) return;
  const wide = is64(dtype), wn = wide ? 2 * n : n;
  const w = n >= RADIX_MIN ? sortWasm() : null;
  const A = w === null ? -1 : reserve(w, 8 * wn);
  if (w !== null && A >= 0) {
    const B = A + 4 * wn;
    if (wide) {
      const { negZeros, top } = wasmKeys64(w, src, off, st, n, dtype, A);
      const P = w.sort64(A, B, n, top) ? B : A;
      if (negZeros > 0) restoreZeros(src, off, st, n, new Uint32Array(w.memory.buffer, P, wn), true);
      if (dtype === "float64") w.unkeysF64(P, n);
      else if (dtype === "int64") w.flip64(P, n);
      const res = new Uint32Array(w.memory.buffer, P, wn);
      if (dstep === 1) u32View(dst).set(res, 2 * doff);
      else {
        const u = u32View(dst);
        for (let i = 0, j = 2 * doff; i < n; i++, j += 2 * dstep) {
          u[j] = res[2 * i]!;
          u[j + 1] = res[2 * i + 1]!;
        }
      }
    } else {
      const { negZeros, top } = wasmKeys32(w, src, off, st, n, dtype, A);
      const P = w.sort32(A, B, n, top) ? B : A;
      if (negZeros > 0) restoreZeros(src, off, st, n, new Uint32Array(w.memory.buffer, P, n), false);
      wasmValues32(w, P, n, dtype, dst, doff, dstep);
    }
    return;
  }
  const k = scratch(0, wn);
  const { negZeros } = makeKeys(src, off, st, n, dtype, k);
  let sorted = k;
  if (n < RADIX_MIN) {
    const perm = scratch(2, n), tmp = scratch(1, n), out = scratch(3, wn);
    for (let i = 0; i < n; i++) perm[i] = i;
    if (wide) {
      mergeSort64(k, perm, tmp, n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = k[2 * perm[i]!]!;
        out[2 * i + 1] = k[2 * perm[i]! + 1]!;
      }
    } else {
      mergeSort32(k, perm, tmp, n);
      for (let i = 0; i < n; i++) out[i] = k[perm[i]!]!;
    }
    sorted = out;
  } else {
    const t = scratch(1, wn);
    if (wide ? radix64(k, t, n, null, null) : radix32(k, t, n, null, null)) sorted = t;
  }
  if (negZeros > 0) restoreZeros(src, off, st, n, sorted, wide);
  fromKeys(sorted, n, dtype, dst, doff, dstep);
}

/** Put the input's zeros (with their signs, in input order) back into the run of +0 keys of a sorted float lane. */
function restoreZeros(src: TypedArray, off: number, st: number, n: number, keys: Uint32Array, wide: boolean): void {
  let first = 0;
  if (wide) while (keys[2 * first + 1] !== 0x80000000 || keys[2 * first] !== 0) first++;
  else while (keys[first] !== 0x80000000) first++;
  const f = src as Float64Array;
  for (let i = 0, j = off, q = first; i < n; i++, j += st) {
    const v = f[j]!;
    if (v === 0) {
      if (Object.is(v, -0)) {
        if (wide) keys[2 * q + 1] = 0x7fffffff, keys[2 * q] = 0xffffffff; // the key whose inverse is -0
        else keys[q] = 0x7fffffff;
      }
      q++;
    }
  }
}

/** Keys (fresh, in lane order) and a stable sorting permutation of a contiguous lane src[off .. off+n). */
export function keysAndPerm(src: TypedArray, off: number, n: number, dtype: DType): { keys: Uint32Array; perm: Uint32Array } {
  const keys = new Uint32Array(is64(dtype) ? 2 * n : n);
  makeKeys(src, off, 1, n, dtype, keys);
  const perm = new Uint32Array(n);
  argsortLane(src, off, 1, n, dtype, perm);
  return { keys, perm };
}

/**
 * A stable sort of a contiguous lane keeping what set operations need: the keys in sorted order and the
 * permutation (perm[i] = lane position of the i-th smallest), both fresh arrays.
 */
export function sortedKeys(src: TypedArray, off: number, n: number, dtype: DType): { keys: Uint32Array; perm: Uint32Array } {
  const wide = is64(dtype), wn = wide ? 2 * n : n;
  const w = n >= RADIX_MIN ? sortWasm() : null;
  const A = w === null ? -1 : reserve(w, wide ? 24 * n : 16 * n);
  if (w !== null && A >= 0) {
    const B = A + 4 * wn, IA = B + 4 * wn, IB = IA + 4 * n;
    let r: number;
    if (wide) {
      const { top } = wasmKeys64(w, src, off, 1, n, dtype, A);
      r = w.argsort64(A, B, IA, IB, n, top);
    } else {
      const { top } = wasmKeys32(w, src, off, 1, n, dtype, A);
      r = w.argsort32(A, B, IA, IB, n, top);
    }
    return { keys: new Uint32Array(w.memory.buffer, r ? B : A, wn).slice(), perm: new Uint32Array(w.memory.buffer, r ? IB : IA, n).slice() };
  }
  const k = new Uint32Array(wn), perm = new Uint32Array(n);
  makeKeys(src, off, 1, n, dtype, k);
  for (let i = 0; i < n; i++) perm[i] = i;
  if (n < RADIX_MIN) {
    const tmp = scratch(1, n);
    if (wide) mergeSort64(k, perm, tmp, n);
    else mergeSort32(k, perm, tmp, n);
    const keys = new Uint32Array(wn);
    if (wide)
      for (let i = 0; i < n; i++) {
        keys[2 * i] = k[2 * perm[i]!]!;
        keys[2 * i + 1] = k[2 * perm[i]! + 1]!;
      }
    else for (let i = 0; i < n; i++) keys[i] = k[perm[i]!]!;
    return { keys, perm };
  }
  const t = new Uint32Array(wn), it = new Uint32Array(n);
  const moved = wide ? radix64(k, t, n, perm, it) : radix32(k, t, n, perm, it);
  return moved ? { keys: t, perm: it } : { keys: k, perm };
}

/** Is `keys` (64-bit pairs when `wide`) entry i the key every float NaN gets? */
export function isNanKey(keys: Uint32Array, wide: boolean, i: number): boolean {
  return wide ? keys[2 * i + 1] === 0xffffffff && keys[2 * i] === 0xffffffff : keys[i] === 0xffffffff;
}

/**
 * Starts of the runs of equal values in sorted keys (NaNs form one run when `equalNan`, else each its own),
 * followed by n: runs[r] .. runs[r+1] is run r.
 */
export function runStarts(keys: Uint32Array, n: number, wide: boolean, isFloat: boolean, equalNan: boolean): Uint32Array {
  const out = new Uint32Array(n + 1);
  let u = 0;
  if (n > 0) out[u++] = 0;
  const nanSplit = isFloat && !equalNan;
  if (wide)
    for (let i = 1; i < n; i++) {
      const same = keys[2 * i] === keys[2 * i - 2] && keys[2 * i + 1] === keys[2 * i - 1] && !(nanSplit && isNanKey(keys, true, i));
      if (!same) out[u++] = i;
    }
  else
    for (let i = 1; i < n; i++) {
      if (keys[i] !== keys[i - 1] || (nanSplit && keys[i] === 0xffffffff)) out[u++] = i;
    }
  out[u] = n;
  return out.subarray(0, u + 1);
}


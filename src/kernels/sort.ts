// sort.ts — sorting kernels on one lane at a time: order-preserving unsigned keys for every dtype, an LSD radix
// sort over those keys (values only, or carrying a stable permutation), and merge/insertion sort for short lanes.
//
// Keys (after Terdiman, "Radix sort revisited"): floats flip every bit of negatives and the sign bit of the others;
// signed ints flip the sign bit; narrow ints widen to 32 bits. Unsigned order of keys is then NumPy's order:
// every NaN becomes the largest key (NaNs sort last, equal among themselves) and -0 takes the key of +0, so the
// sort is stable across -0/+0 ties as NumPy's stable kinds are. The values of -0 are put back afterwards.
// 64-bit keys are (lo, hi) u32 pairs interleaved in one Uint32Array; 32-bit keys are one u32 each.

import type { DType, TypedArray } from "../core/dtype.js";
import { reserve, sortWasm, type SortWasm } from "./sort-wasm.js";

/** 64-bit dtypes sort on u32 pairs, the others on single u32 keys. */
export const is64 = (d: DType): boolean => d === "float64" || d === "int64" || d === "uint64";

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

// ---- keys ---------------------------------------------------------------------------------------------------

/** What building keys learned about float lanes: how many -0 were folded into +0. */
export interface KeyInfo {
  negZeros: number;
}

function u32View(src: TypedArray): Uint32Array {
  return new Uint32Array(src.buffer, src.byteOffset, (src.length * src.BYTES_PER_ELEMENT) >> 2);
}

/** Write the keys of lane src[off + i*st], i < n, into k (2n u32 for 64-bit dtypes, n otherwise). */
export function makeKeys(src: TypedArray, off: number, st: number, n: number, dtype: DType, k: Uint32Array): KeyInfo {
  let negZeros = 0;
  switch (dtype) {
    case "float64": {
      const u = u32View(src);
      for (let i = 0, j = 2 * off; i < n; i++, j += 2 * st) {
        const lo = u[j]!, hi = u[j + 1]!, m = hi & 0x7fffffff;
        if (m > 0x7ff00000 || (m === 0x7ff00000 && lo !== 0)) {
          k[2 * i] = 0xffffffff;
          k[2 * i + 1] = 0xffffffff;
        } else if (hi === 0x80000000 && lo === 0) {
          k[2 * i] = 0;
          k[2 * i + 1] = 0x80000000;
          negZeros++;
        } else if (hi >>> 31) {
          k[2 * i] = ~lo;
          k[2 * i + 1] = ~hi;
        } else {
          k[2 * i] = lo;
          k[2 * i + 1] = hi | 0x80000000;
        }
      }
      break;
    }
    case "int64":
    case "uint64": {
      const u = u32View(src), flip = dtype === "int64" ? 0x80000000 : 0;
      for (let i = 0, j = 2 * off; i < n; i++, j += 2 * st) {
        k[2 * i] = u[j]!;
        k[2 * i + 1] = u[j + 1]! ^ flip;
      }
      break;
    }
    case "float32": {
      const u = u32View(src);
      for (let i = 0, j = off; i < n; i++, j += st) {
        const b = u[j]!, m = b & 0x7fffffff;
        if (m > 0x7f800000) k[i] = 0xffffffff;
        else if (b === 0x80000000) {
          k[i] = 0x80000000;
          negZeros++;
        } else k[i] = b >>> 31 ? ~b : b | 0x80000000;
      }
      break;
    }
    case "uint32":
      for (let i = 0, j = off; i < n; i++, j += st) k[i] = src[j] as number;
      break;
    default: {
      // bool, int8..int32, uint8, uint16: v + 2^31 is order-preserving and fits a u32.
      const s = src as Int32Array;
      for (let i = 0, j = off; i < n; i++, j += st) k[i] = s[j]! ^ 0x80000000;
    }
  }
  return { negZeros };
}

/** Inverse of makeKeys: write the values of keys k (positions 0..n) to dst[off + i*st]. */
export function fromKeys(k: Uint32Array, n: number, dtype: DType, dst: TypedArray, off: number, st: number): void {
  switch (dtype) {
    case "float64": {
      const u = u32View(dst);
      for (let i = 0, j = 2 * off; i < n; i++, j += 2 * st) {
        const lo = k[2 * i]!, hi = k[2 * i + 1]!;
        if (hi >>> 31) {
          u[j] = lo;
          u[j + 1] = hi ^ 0x80000000;
        } else {
          u[j] = ~lo;
          u[j + 1] = ~hi;
        }
      }
      break;
    }
    case "int64":
    case "uint64": {
      const u = u32View(dst), flip = dtype === "int64" ? 0x80000000 : 0;
      for (let i = 0, j = 2 * off; i < n; i++, j += 2 * st) {
        u[j] = k[2 * i]!;
        u[j + 1] = k[2 * i + 1]! ^ flip;
      }
      break;
    }
    case "float32": {
      const u = u32View(dst);
      for (let i = 0, j = off; i < n; i++, j += st) {
        const b = k[i]!;
        u[j] = b >>> 31 ? b ^ 0x80000000 : ~b;
      }
      break;
    }
    case "uint32":
      for (let i = 0, j = off; i < n; i++, j += st) dst[j] = k[i]!;
      break;
    default: {
      const d = dst as Int32Array;
      for (let i = 0, j = off; i < n; i++, j += st) d[j] = k[i]! ^ 0x80000000;
    }
  }
}

// ---- LSD radix ----------------------------------------------------------------------------------------------

const BITS = 11, R = 1 << BITS, M = R - 1;
const hist = new Int32Array(6 * R);
const pos = new Int32Array(R);

/** Exclusive prefix sums of histogram `p` into pos; false when one bucket holds all n keys (nothing to do). */
function prefix(p: number, n: number): boolean {
  const base = p * R;
  let s = 0;
  for (let d = 0; d < R; d++) {
    const c = hist[base + d]!;
    if (c === n) return false;
    pos[d] = s;
    s += c;
  }
  return true;
}

/** One LSD pass over 64-bit keys: digit from `lo >>> sh` (word 0), `hi >>> sh` (word 1) or bits 22..32 (word 2). */
function scatter64(src: Uint32Array, dst: Uint32Array, n: number, word: number, sh: number, p: Int32Array): void {
  if (word === 0)
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i]!, hi = src[2 * i + 1]!, q = p[(lo >>> sh) & M]!++;
      dst[2 * q] = lo;
      dst[2 * q + 1] = hi;
    }
  else if (word === 1)
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i]!, hi = src[2 * i + 1]!, q = p[(hi >>> sh) & M]!++;
      dst[2 * q] = lo;
      dst[2 * q + 1] = hi;
    }
  else
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i]!, hi = src[2 * i + 1]!, q = p[(lo >>> 22) | ((hi & 1) << 10)]!++;
      dst[2 * q] = lo;
      dst[2 * q + 1] = hi;
    }
}

/** scatter64 carrying a permutation along. */
function scatter64i(src: Uint32Array, dst: Uint32Array, is: Uint32Array, id: Uint32Array, n: number, word: number, sh: number, p: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const lo = src[2 * i]!, hi = src[2 * i + 1]!;
    const d = word === 0 ? (lo >>> sh) & M : word === 1 ? (hi >>> sh) & M : (lo >>> 22) | ((hi & 1) << 10);
    const q = p[d]!++;
    dst[2 * q] = lo;
    dst[2 * q + 1] = hi;
    id[q] = is[i]!;
  }
}

/**
 * Stable LSD sort of n 64-bit keys in k (t: scratch of 2n). With idx/it (n each), the permutation follows the
 * keys (idx must hold the lane's initial order). Returns true when the result ended in t/it, false when in k/idx.
 */
export function radix64(k: Uint32Array, t: Uint32Array, n: number, idx: Uint32Array | null, it: Uint32Array | null): boolean {
  const h = hist;
  h.fill(0);
  for (let i = 0; i < n; i++) {
    const lo = k[2 * i]!, hi = k[2 * i + 1]!;
    h[lo & M]++;
    h[R + ((lo >>> 11) & M)]++;
    h[2 * R + ((lo >>> 22) | ((hi & 1) << 10))]++;
    h[3 * R + ((hi >>> 1) & M)]++;
    h[4 * R + ((hi >>> 12) & M)]++;
    h[5 * R + (hi >>> 23)]++;
  }
  let src = k, dst = t, isrc = idx, idst = it, swapped = false;
  for (let p = 0; p < 6; p++) {
    if (!prefix(p, n)) continue;
    const word = p < 2 ? 0 : p === 2 ? 2 : 1, sh = p < 2 ? 11 * p : 11 * p - 32;
    if (isrc === null) scatter64(src, dst, n, word, sh, pos);
    else scatter64i(src, dst, isrc, idst!, n, word, sh, pos);
    [src, dst, isrc, idst] = [dst, src, idst, isrc];
    swapped = !swapped;
  }
  return swapped;
}

/** As radix64 for 32-bit keys (t: scratch of n). */
export function radix32(k: Uint32Array, t: Uint32Array, n: number, idx: Uint32Array | null, it: Uint32Array | null): boolean {
  hist.fill(0, 0, 3 * R);
  for (let i = 0; i < n; i++) {
    const v = k[i]!;
    hist[v & M]++;
    hist[R + ((v >>> 11) & M)]++;
    hist[2 * R + (v >>> 22)]++;
  }
  let src = k, dst = t, isrc = idx, idst = it, swapped = false;
  for (let p = 0; p < 3; p++) {
    if (!prefix(p, n)) continue;
    const sh = 11 * p;
    if (isrc === null)
      for (let i = 0; i < n; i++) {
        const v = src[i]!;
        dst[pos[(v >>> sh) & M]!++] = v;
      }
    else
      for (let i = 0; i < n; i++) {
        const v = src[i]!, q = pos[(v >>> sh) & M]!++;
        dst[q] = v;
        idst![q] = isrc[i]!;
      }
    [src, dst, isrc, idst] = [dst, src, idst, isrc];
    swapped = !swapped;
  }
  return swapped;
}

// ---- merge sort for short lanes (stable, on a permutation) -------------------------------------------------

/** Sort idx[0..n) (a permutation of the lane) stably by 64-bit keys k. tmp: scratch of n. */
export function mergeSort64(k: Uint32Array, idx: Uint32Array, tmp: Uint32Array, n: number): void {
  const less = (a: number, b: number): boolean => {
    const ha = k[2 * a + 1]!, hb = k[2 * b + 1]!;
    return ha < hb || (ha === hb && k[2 * a]! < k[2 * b]!);
  };
  mergeSortBy(idx, tmp, n, less);
}

/** Sort idx[0..n) stably by 32-bit keys k. */
export function mergeSort32(k: Uint32Array, idx: Uint32Array, tmp: Uint32Array, n: number): void {
  mergeSortBy(idx, tmp, n, (a, b) => k[a]! < k[b]!);
}

const RUN = 16;

function mergeSortBy(idx: Uint32Array, tmp: Uint32Array, n: number, less: (a: number, b: number) => boolean): void {
  for (let s = 0; s < n; s += RUN) {
    const e = Math.min(s + RUN, n);
    for (let i = s + 1; i < e; i++) {
      const v = idx[i]!;
      let j = i - 1;
      while (j >= s && less(v, idx[j]!)) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = v;
    }
  }
  let src = idx, dst = tmp;
  for (let w = RUN; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(lo + w, n), hi = Math.min(lo + 2 * w, n);
      let i = lo, j = mid, o = lo;
      if (mid >= hi || !less(src[mid]!, src[mid - 1]!)) {
        while (i < hi) dst[o++] = src[i++]!; // already in order
        continue;
      }
      while (i < mid && j < hi) dst[o++] = less(src[j]!, src[i]!) ? src[j++]! : src[i++]!;
      while (i < mid) dst[o++] = src[i++]!;
      while (j < hi) dst[o++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== idx) idx.set(src.subarray(0, n));
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

/** Keys of a 64-bit lane inside Wasm memory at byte address A (raw copy, then the transform in Wasm). */
function wasmKeys64(w: SortWasm, src: TypedArray, off: number, st: number, n: number, dtype: DType, A: number): number {
  gather64(src, off, st, n, new Uint32Array(w.memory.buffer), A >> 2);
  if (dtype === "float64") return w.keysF64(A, n);
  if (dtype === "int64") w.flip64(A, n);
  return 0;
}

/**
 * Stable argsort of one lane: perm[i] = position (0..n) of the i-th smallest element. src[off + i*st] is the lane.
 * Ties (including -0/+0 and NaN/NaN) keep their lane order, as NumPy's kind="stable".
 */
export function argsortLane(src: TypedArray, off: number, st: number, n: number, dtype: DType, perm: Uint32Array): void {
  const wide = is64(dtype);
  const w = n >= RADIX_MIN ? sortWasm() : null;
  if (w !== null) {
    const A = reserve(w, wide ? 24 * n : 16 * n);
    const B = A + (wide ? 8 : 4) * n, IA = B + (wide ? 8 : 4) * n, IB = IA + 4 * n;
    let r: number;
    if (wide) {
      wasmKeys64(w, src, off, st, n, dtype, A);
      r = w.argsort64(A, B, IA, IB, n);
    } else {
      makeKeys(src, off, st, n, dtype, new Uint32Array(w.memory.buffer, A, n));
      r = w.sort32(A, B, IA, IB, n);
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
  if (w !== null) {
    const A = reserve(w, 8 * wn);
    const B = A + 4 * wn;
    if (wide) {
      const negZeros = wasmKeys64(w, src, off, st, n, dtype, A);
      const P = w.sort64(A, B, n) ? B : A;
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
      const { negZeros } = makeKeys(src, off, st, n, dtype, new Uint32Array(w.memory.buffer, A, n));
      const P = w.sort32(A, B, 0, 0, n) ? B : A;
      const res = new Uint32Array(w.memory.buffer, P, n);
      if (negZeros > 0) restoreZeros(src, off, st, n, res, false);
      fromKeys(res, n, dtype, dst, doff, dstep);
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
  if (w !== null) {
    const A = reserve(w, wide ? 24 * n : 16 * n);
    const B = A + 4 * wn, IA = B + 4 * wn, IB = IA + 4 * n;
    let r: number;
    if (wide) {
      wasmKeys64(w, src, off, 1, n, dtype, A);
      r = w.argsort64(A, B, IA, IB, n);
    } else {
      makeKeys(src, off, 1, n, dtype, new Uint32Array(w.memory.buffer, A, n));
      r = w.sort32(A, B, IA, IB, n);
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

// sort-radix.ts — the plain-TS sorts over keys (src/kernels/sort-keys.ts): LSD radix with 11-bit digits (values
// only, or carrying a stable permutation; passes where every key shares the digit are skipped) and an insertion +
// merge sort for short lanes. The reference for the Wasm kernels, and the path where WebAssembly is missing.

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


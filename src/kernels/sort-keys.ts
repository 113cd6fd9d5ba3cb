// sort-keys.ts — order-preserving unsigned keys for every dtype, the representation all sort kernels work on
// (after Terdiman, "Radix sort revisited"): floats flip every bit of negatives and the sign bit of the others;
// signed ints flip the sign bit; narrow ints widen to 32 bits. Unsigned order of keys is then NumPy's order:
// every NaN becomes the largest key (NaNs sort last, equal among themselves) and -0 takes the key of +0, so a
// stable sort keeps -0/+0 ties in input order, as NumPy's stable kinds do (the sorts put the -0 values back).
// 64-bit keys are (lo, hi) u32 pairs interleaved in one Uint32Array; 32-bit keys are one u32 each.

import type { DType, TypedArray } from "../core/dtype.js";

/** 64-bit dtypes sort on u32 pairs, the others on single u32 keys. */
export const is64 = (d: DType): boolean => d === "float64" || d === "int64" || d === "uint64";

/** What building keys learned about float lanes: how many -0 were folded into +0. */
export interface KeyInfo {
  negZeros: number;
}

export function u32View(src: TypedArray): Uint32Array {
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


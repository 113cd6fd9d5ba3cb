// sort-hashorder.ts — the order in which NumPy 2.4's np.unique_values returns integers: the iteration order of
// the libstdc++ std::unordered_set its C++ code fills (numpy/_core/src/multiarray/unique.cpp). Hash: FNV-1a
// 64-bit over the element's bytes; initial buckets: the prime policy's next_bkt(min(n, 1024)); new nodes go to
// the front of their bucket (or of the list, for an empty bucket); rehash to next_bkt(max(size+1, 2*buckets))
// when size would pass the bucket count. Only the distinct values matter, in first-occurrence order.

import type { NDArray } from "../core/ndarray.js";

const FAST_BKT = [2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13];
// libstdc++ __prime_list (hashtable-aux.cc), up to where unique_values could ever reach.
const PRIMES = [
  17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 103, 109, 113, 127, 137, 139, 149, 157, 167, 179, 193, 199, 211, 227, 241,
  257, 277, 293, 313, 337, 359, 383, 409, 439, 467, 503, 541, 577, 619, 661, 709, 761, 823, 887, 953, 1031, 1109, 1193, 1289, 1381, 1493, 1613, 1741,
  1879, 2029, 2179, 2357, 2549, 2753, 2971, 3209, 3469, 3739, 4027, 4349, 4703, 5087, 5503, 5953, 6427, 6949, 7517, 8123, 8783, 9497, 10273, 11113,
  12011, 12983, 14033, 15173, 16411, 17749, 19183, 20753, 22447, 24281, 26267, 28411, 30727, 33223, 35933, 38873, 42043, 45481, 49201, 53201, 57557,
  62233, 67307, 72817, 78779, 85229, 92203, 99733, 107897, 116731, 126271, 136607, 147793, 159871, 172933, 187091, 202409, 218971, 236897, 256279,
  277261, 299951, 324503, 351061, 379787, 410857, 444487, 480881, 520241, 562841, 608903, 658753, 712697, 771049, 834181, 902483, 976369, 1056323,
  1142821, 1236397, 1337629, 1447153, 1565659, 1693859, 1832561, 1982627, 2144977, 2320627, 2510653, 2716249, 2938679, 3179303, 3439651, 3721303,
  4026031, 4355707, 4712381, 5098259, 5515729, 5967347, 6456007, 6984629, 7556579, 8175383, 8844859, 9569143, 10352717, 11200489, 12117689, 13109983,
  14183539, 15345007, 16601593, 17961079, 19431899, 21023161, 22744717, 24607243, 26622317, 28802401, 31160981, 33712729, 36473443, 39460231,
  42691603, 46187573, 49969847, 54061849, 58488943, 63278561, 68460391, 74066549, 80131819, 86693767, 93793069, 101473717, 109783337, 118773397,
  128499677, 139022417, 150406843, 162723577, 176048909, 190465427, 206062531, 222936881, 241193053, 260944219, 282312799, 305431229, 330442829,
  357502601, 386778277, 418451333, 452718089, 489790921, 529899637, 573292817, 620239453, 671030513, 725980837, 785430967, 849749479, 919334987,
  994618837, 1076067617, 1164186217, 1259520799, 1362662261, 1474249943, 1594975441, 1725587117, 1866894511, 2019773507, 2185171673, 2364114217,
  2557710269, 2767159799, 2993761039, 3238918481, 3504151727, 3791104843, 4101556399, 4294967291,
];

/** The rehash policy's state: bucket count for a hint, and the size that triggers the next rehash. */
class Policy {
  nextResize = 0;
  nextBkt(n: number): number {
    if (n < FAST_BKT.length) {
      if (n === 0) return 1;
      this.nextResize = FAST_BKT[n]!;
      return FAST_BKT[n]!;
    }
    let lo = 0, hi = PRIMES.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (PRIMES[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    this.nextResize = PRIMES[lo]!;
    return PRIMES[lo]!;
  }
  /** _M_need_rehash(n_bkt, n_elt, 1): the new bucket count, or 0. */
  needRehash(nBkt: number, nElt: number): number {
    if (nElt + 1 <= this.nextResize) return 0;
    const minBkts = Math.max(nElt + 1, this.nextResize ? 0 : 11);
    if (minBkts >= nBkt) return this.nextBkt(Math.max(minBkts + 1, nBkt * 2));
    this.nextResize = nBkt;
    return 0;
  }
}

/** FNV-1a 64-bit of `len` bytes at `off`, as [hi, lo] u32 halves. */
function fnv1a(bytes: Uint8Array, off: number, len: number, out: Uint32Array, at: number): void {
  let hi = 0xcbf29ce4, lo = 0x84222325;
  for (let i = 0; i < len; i++) {
    lo = (lo ^ bytes[off + i]!) >>> 0;
    const p = lo * 0x1b3;
    const carry = Math.floor(p / 4294967296);
    hi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = p >>> 0;
  }
  out[2 * at] = hi;
  out[2 * at + 1] = lo;
}

function mod(hi: number, lo: number, b: number): number {
  if (b < 1 << 26) return ((hi % b) * (4294967296 % b) + lo) % b;
  return Number(((BigInt(hi) << 32n) + BigInt(lo)) % BigInt(b));
}

/**
 * Positions (into flat contiguous `x`) of its distinct values in unordered_set iteration order. `distinct` holds
 * the position of each distinct value's first occurrence, ascending; `n` is the input size (the bucket hint).
 */
export function hashSetOrder(x: NDArray, distinct: Float64Array, n: number): Float64Array {
  const u = distinct.length, size = x.itemsize;
  const bytes = new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength);
  const hash = new Uint32Array(2 * u);
  for (let i = 0; i < u; i++) fnv1a(bytes, (x._offset + distinct[i]!) * size, size, hash, i);
  const policy = new Policy();
  let nb = policy.nextBkt(Math.min(n, 1024));
  // Singly linked list of nodes; BEFORE marks a bucket whose first node follows the list head.
  const NIL = -1, EMPTY = -2, BEFORE = -3;
  const next = new Int32Array(u).fill(NIL);
  let head = NIL;
  let buckets = new Int32Array(nb).fill(EMPTY);
  const bkt = (i: number): number => mod(hash[2 * i]!, hash[2 * i + 1]!, nb);
  const nextOf = (p: number): number => (p === BEFORE ? head : next[p]!);
  const setNext = (p: number, v: number): void => {
    if (p === BEFORE) head = v;
    else next[p] = v;
  };
  for (let i = 0; i < u; i++) {
    const grow = policy.needRehash(nb, i);
    if (grow) {
      nb = grow;
      buckets = new Int32Array(nb).fill(EMPTY);
      let p = head, bbegin = 0;
      head = NIL;
      while (p !== NIL) {
        const after = next[p]!, b = bkt(p);
        if (buckets[b] === EMPTY) {
          next[p] = head;
          head = p;
          buckets[b] = BEFORE;
          if (next[p] !== NIL) buckets[bbegin] = p;
          bbegin = b;
        } else {
          const before = buckets[b]!;
          next[p] = nextOf(before);
          setNext(before, p);
        }
        p = after;
      }
    }
    const b = bkt(i);
    if (buckets[b] !== EMPTY) {
      const before = buckets[b]!;
      next[i] = nextOf(before);
      setNext(before, i);
    } else {
      next[i] = head;
      head = i;
      if (next[i] !== NIL) buckets[bkt(next[i]!)] = i;
      buckets[b] = BEFORE;
    }
  }
  const out = new Float64Array(u);
  for (let p = head, k = 0; p !== NIL; p = next[p]!, k++) out[k] = distinct[p]!;
  return out;
}

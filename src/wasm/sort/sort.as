// sort.as — radix sorts over order-preserving unsigned keys in linear memory: the fast path behind np.sort,
// argsort and unique for long lanes (src/kernels/sort-wasm.ts drives it; src/kernels/sort-radix.ts is the plain-TS
// reference, src/kernels/sort-keys.ts defines the keys). All sorts are stable.
//  - 64-bit keys: most-significant-digit first, digit width adapted to the bucket size (up to 11 bits; 16 for
//    the first digit of large inputs), each bucket recursing until it is small enough for insertion sort —
//    after the first level the buckets live in cache, which is what beats a 6-pass LSD sort here. A bucket whose digit is constant jumps straight to its
//    highest differing bit (runs of equal keys cost one pass). Buffers ping-pong — each level scatters one way
//    and asks its children to finish on the other side, so nothing is copied back; the exported functions
//    return where the result is (0: a, 1: b).
//  - 32-bit keys: LSD, up to three 11-bit passes (only those below the keys' common high bits), skipping passes
//    where every key shares the digit.
// Memory: histograms first, then the caller's arrays from HEAP.

const BITS: u32 = 11;
const R: u32 = 1 << BITS;
const TOP_BITS: u32 = 16; // the first MSD digit of large inputs: fewer levels, one TLB-heavy pass
const TOP_MIN: i32 = 1 << 18;
const POS: usize = 0; // 2^16 u32 running positions
const TOP: usize = POS + (<usize>(1 << TOP_BITS) << 2); // 2^16 u32 counts of the first digit
const HIST: usize = TOP + (<usize>(1 << TOP_BITS) << 2); // 24 levels * R u32: MSD counts per level (LSD: 3 * R)
export const HEAP: usize = HIST + (<usize>(24 * R) << 2);
const SMALL: i32 = 24;
const SIGN64: u64 = 0x8000000000000000;

// ---- key transforms ------------------------------------------------------------------------------------

/** 64 - clz(OR of every key XOR the first), set by keysF64/keysI64: the bits above it are common to all keys. */
export let topBit: u32 = 0;

/** Float64 bits -> keys in place: NaN the largest key, -0 folded into +0. Returns the number of -0. Branch-free. */
@inline function f64Key(b: u64): u64 {
  const k = select<u64>(0xffffffffffffffff, b ^ (<u64>(<i64>b >> 63) | SIGN64), (b & 0x7fffffffffffffff) > 0x7ff0000000000000);
  return select<u64>(SIGN64, k, b == SIGN64);
}

export function keysF64(a: usize, n: i32): i32 {
  if (n == 0) return 0;
  let negZeros = 0;
  const k0 = f64Key(load<u64>(a));
  let diff: u64 = 0;
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 3);
    const b = load<u64>(p);
    const k = f64Key(b);
    negZeros += <i32>(b == SIGN64);
    store<u64>(p, k);
    diff |= k ^ k0;
  }
  topBit = diff == 0 ? 0 : 64 - <u32>clz(diff);
  return negZeros;
}

export function unkeysF64(a: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 3);
    const k = load<u64>(p);
    store<u64>(p, k ^ select<u64>(SIGN64, 0xffffffffffffffff, (k >> 63) != 0));
  }
}

/** Signed 64-bit integers -> keys (flip the sign bit), setting topBit. */
export function keysI64(a: usize, n: i32): void {
  const k0 = n > 0 ? load<u64>(a) ^ SIGN64 : 0;
  let diff: u64 = 0;
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 3);
    const k = load<u64>(p) ^ SIGN64;
    store<u64>(p, k);
    diff |= k ^ k0;
  }
  topBit = diff == 0 ? 0 : 64 - <u32>clz(diff);
}

/** Keys -> signed 64-bit integers: flip the sign bit back. */
export function flip64(a: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 3);
    store<u64>(p, load<u64>(p) ^ SIGN64);
  }
}

// ---- 64-bit keys: adaptive MSD (generic over the key width; instantiated for u64) --------------------------

@inline function key<K>(a: usize, i: i32): K {
  return load<K>(a + <usize>i * sizeof<K>());
}

/**
 * Insertion-sort n keys from src into dst (dst may equal src: in place); indices likewise when isrc != 0. Stable.
 */
function insertion<K>(src: usize, dst: usize, isrc: usize, idst: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const v = key<K>(src, i);
    const x = isrc ? load<u32>(isrc + (<usize>i << 2)) : 0;
    let j = i - 1;
    while (j >= 0) {
      const w = key<K>(dst, j);
      if (w <= v) break;
      store<K>(dst + <usize>(j + 1) * sizeof<K>(), w);
      if (isrc) store<u32>(idst + (<usize>(j + 1) << 2), load<u32>(idst + (<usize>j << 2)));
      j--;
    }
    store<K>(dst + <usize>(j + 1) * sizeof<K>(), v);
    if (isrc) store<u32>(idst + (<usize>(j + 1) << 2), x);
  }
}

/**
 * Sort n keys at a (scratch b; with indices ia/ib when ia != 0) whose bits at and above `top` are all equal,
 * leaving the result in b/ib when `toB`, else in a/ia. Each level scatters one way and its children are asked
 * for the other side, so no level copies its result back.
 */
function msd<K>(a: usize, b: usize, ia: usize, ib: usize, n: i32, top: u32, level: i32, toB: bool): void {
  const W = <usize>sizeof<K>();
  while (true) {
    if (n <= SMALL || top == 0) {
      if (toB) insertion<K>(a, b, ia, ib, n);
      else insertion<K>(a, a, ia, ia, n);
      return;
    }
    const first = level == 0 && n >= TOP_MIN;
    let d: u32 = 30 - <u32>clz(<u32>n);
    if (d > BITS) d = first ? TOP_BITS : BITS;
    if (d < 3) d = 3;
    if (d > top) d = top;
    const r: u32 = 1 << d, m = <K>(r - 1), sh = <K>(top - d);
    const cnt = first ? TOP : HIST + ((<usize>level * <usize>R) << 2);
    memory.fill(cnt, 0, <usize>r << 2);
    for (let i = 0; i < n; i++) {
      const q = cnt + (<usize>(<u32>((key<K>(a, i) >> sh) & m)) << 2);
      store<u32>(q, load<u32>(q) + 1);
    }
    let s: u32 = 0, trivial = false;
    for (let x: u32 = 0; x < r; x++) {
      const c = load<u32>(cnt + (<usize>x << 2));
      if (c == <u32>n) {
        trivial = true;
        break;
      }
      store<u32>(POS + (<usize>x << 2), s);
      s += c;
    }
    if (trivial) {
      // Jump to the highest bit that differs anywhere in the bucket (none: all keys equal, done).
      const k0 = key<K>(a, 0);
      let diff: K = 0;
      for (let i = 1; i < n; i++) diff |= key<K>(a, i) ^ k0;
      if (diff == 0) {
        if (toB) {
          memory.copy(b, a, <usize>n * W);
          if (ia) memory.copy(ib, ia, <usize>n << 2);
        }
        return;
      }
      top = <u32>(W * 8) - <u32>clz<K>(diff);
      continue;
    }
    if (ia) {
      for (let i = 0; i < n; i++) {
        const k = key<K>(a, i);
        const q = POS + (<usize>(<u32>((k >> sh) & m)) << 2);
        const j = load<u32>(q);
        store<u32>(q, j + 1);
        store<K>(b + <usize>j * W, k);
        store<u32>(ib + (<usize>j << 2), load<u32>(ia + (<usize>i << 2)));
      }
    } else {
      for (let i = 0; i < n; i++) {
        const k = key<K>(a, i);
        const q = POS + (<usize>(<u32>((k >> sh) & m)) << 2);
        const j = load<u32>(q);
        store<u32>(q, j + 1);
        store<K>(b + <usize>j * W, k);
      }
    }
    // The data is in b now: children finish in b (toB) or move back to a.
    let off: usize = 0;
    const nt = <u32>sh;
    for (let x: u32 = 0; x < r; x++) {
      const c = <i32>load<u32>(cnt + (<usize>x << 2));
      const bo = b + off * W, ao = a + off * W, ibo = ia ? ib + (off << 2) : 0, iao = ia ? ia + (off << 2) : 0;
      // (level + 1 keeps children off this level's counts; the 16-bit first digit has its own table)
      if (c > SMALL) msd<K>(bo, ao, ibo, iao, c, nt, level + 1, !toB);
      else if (c == 1) {
        if (!toB) {
          store<K>(ao, load<K>(bo));
          if (ia) store<u32>(iao, load<u32>(ibo));
        }
      } else if (c == 2) {
        // the commonest small bucket: one compare, no call
        const k0 = load<K>(bo), k1 = load<K>(bo + W), sw = k1 < k0;
        const d0 = toB ? bo : ao;
        store<K>(d0, sw ? k1 : k0);
        store<K>(d0 + W, sw ? k0 : k1);
        if (ia) {
          const i0 = load<u32>(ibo), i1 = load<u32>(ibo + 4), e0 = toB ? ibo : iao;
          store<u32>(e0, sw ? i1 : i0);
          store<u32>(e0 + 4, sw ? i0 : i1);
        }
      } else if (c > 2) insertion<K>(bo, toB ? bo : ao, ibo, toB ? ibo : iao, c);
      off += <usize>c;
    }
    return;
  }
}

/**
 * Stable sort of n u64 keys at a (scratch b, same size). `top`: bits at and above it are equal in every key
 * (topBit after a keys transform; 64 when unknown). Returns 0 when the result is in a, 1 when in b.
 */
export function sort64(a: usize, b: usize, n: i32, top: u32): i32 {
  if (n < 2 || top == 0) return 0;
  msd<u64>(a, b, 0, 0, n, top, 0, true);
  return 1;
}

/** As sort64, also permuting u32 indices ia (scratch ib), which it initialises to 0..n-1: a stable argsort. */
export function argsort64(a: usize, b: usize, ia: usize, ib: usize, n: i32, top: u32): i32 {
  for (let i = 0; i < n; i++) store<u32>(ia + (<usize>i << 2), i);
  if (n < 2 || top == 0) return 0;
  msd<u64>(a, b, ia, ib, n, top, 0, true);
  return 1;
}

// ---- 32-bit keys: LSD (three 11-bit passes beat MSD's many small buckets at this width) ------------------

/** Exclusive prefix sums of pass p into POS; false when one bucket holds every key (the pass is a no-op). */
function prefix(p: u32, n: u32): bool {
  const h = HIST + (<usize>(p * R) << 2);
  let s: u32 = 0;
  for (let d: u32 = 0; d < R; d++) {
    const c = load<u32>(h + (<usize>d << 2));
    if (c == n) return false;
    store<u32>(POS + (<usize>d << 2), s);
    s += c;
  }
  return true;
}

/** Stable LSD sort of n u32 keys at a (scratch b), with indices ia/ib when ia != 0. Returns where the result is. */
function lsd32(a: usize, b: usize, ia: usize, ib: usize, n: i32, top: u32): i32 {
  const passes = (top + BITS - 1) / BITS, M = R - 1;
  memory.fill(HIST, 0, <usize>(passes * R) << 2);
  for (let i = 0; i < n; i++) {
    const k = load<u32>(a + (<usize>i << 2));
    for (let p: u32 = 0; p < passes; p++) {
      const q = HIST + (<usize>(p * R + ((k >> (p * BITS)) & M)) << 2);
      store<u32>(q, load<u32>(q) + 1);
    }
  }
  let src = a, dst = b, isrc = ia, idst = ib, flips = 0;
  for (let p: u32 = 0; p < passes; p++) {
    if (!prefix(p, n)) continue;
    const sh = p * BITS;
    if (ia) {
      for (let i = 0; i < n; i++) {
        const k = load<u32>(src + (<usize>i << 2));
        const q = POS + (<usize>((k >> sh) & M) << 2);
        const j = load<u32>(q);
        store<u32>(q, j + 1);
        store<u32>(dst + (<usize>j << 2), k);
        store<u32>(idst + (<usize>j << 2), load<u32>(isrc + (<usize>i << 2)));
      }
    } else {
      for (let i = 0; i < n; i++) {
        const k = load<u32>(src + (<usize>i << 2));
        const q = POS + (<usize>((k >> sh) & M) << 2);
        const j = load<u32>(q);
        store<u32>(q, j + 1);
        store<u32>(dst + (<usize>j << 2), k);
      }
    }
    let t = src;
    src = dst;
    dst = t;
    t = isrc;
    isrc = idst;
    idst = t;
    flips ^= 1;
  }
  return flips;
}

/** Stable sort of n u32 keys at a (scratch b); `top` as for sort64 (at most 32). Returns where the result is. */
export function sort32(a: usize, b: usize, n: i32, top: u32): i32 {
  return n < 2 || top == 0 ? 0 : lsd32(a, b, 0, 0, n, top);
}

/** As sort32, also permuting u32 indices ia (scratch ib), initialised to 0..n-1 here: a stable argsort. */
export function argsort32(a: usize, b: usize, ia: usize, ib: usize, n: i32, top: u32): i32 {
  for (let i = 0; i < n; i++) store<u32>(ia + (<usize>i << 2), i);
  return n < 2 || top == 0 ? 0 : lsd32(a, b, ia, ib, n, top);
}

// ---- 32-bit key transforms -------------------------------------------------------------------------------

/** Float32 bits -> keys in place (as keysF64), setting topBit; returns the number of -0. */
export function keysF32(a: usize, n: i32): i32 {
  let negZeros = 0;
  let k0: u32 = 0, diff: u32 = 0;
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    const b = load<u32>(p);
    let k = b ^ (<u32>(<i32>b >> 31) | 0x80000000);
    k = select<u32>(0xffffffff, k, (b & 0x7fffffff) > 0x7f800000);
    const nz = b == 0x80000000;
    k = select<u32>(0x80000000, k, nz);
    negZeros += <i32>nz;
    store<u32>(p, k);
    k0 = select<u32>(k, k0, i == 0);
    diff |= k ^ k0;
  }
  topBit = diff == 0 ? 0 : 32 - <u32>clz(diff);
  return negZeros;
}

export function unkeysF32(a: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    const k = load<u32>(p);
    store<u32>(p, k ^ select<u32>(0x80000000, 0xffffffff, (k >> 31) != 0));
  }
}

/** u32 keys as they are (xor = 0) or signed int32 (xor = sign bit) -> keys, setting topBit. Its own inverse. */
export function keys32(a: usize, n: i32, xor: u32): void {
  let k0: u32 = 0, diff: u32 = 0;
  for (let i = 0; i < n; i++) {
    const p = a + (<usize>i << 2);
    const k = load<u32>(p) ^ xor;
    store<u32>(p, k);
    k0 = select<u32>(k, k0, i == 0);
    diff |= k ^ k0;
  }
  topBit = diff == 0 ? 0 : 32 - <u32>clz(diff);
}

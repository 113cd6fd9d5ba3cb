// fastmath.as — AssemblyScript (compiled by src/wasm/build.mjs, not by tsc): f64x2 SIMD exp, log, log2, tanh, sin, cos
// over a buffer of doubles in place. Ideas from ARM's optimized-routines (table-driven exp/log, no FMA needed) and
// fdlibm (sin/cos kernels, Cody-Waite reduction). Lanes the vector path does not cover (overflow, subnormals, x <= 0,
// |x| > 1e6 for sin, nan/inf) call the host's Math.* (imported as env.*): the very function the generated loop uses,
// so special cases come out exactly as there.

import {
  OFF, LN2HI, LN2LO, INVLN2N, NEGLN2HIN, NEGLN2LON, INVLN2HI, INVLN2LO, INVLN2, INVPIO2, PIO2_1, PIO2_2, PIO2_3,
  EXP_TAB, LOG_TAB, LOG2_TAB,
} from "./tables";

// @ts-ignore: decorator
@external("env", "exp") declare function hostExp(x: f64): f64;
// @ts-ignore: decorator
@external("env", "log") declare function hostLog(x: f64): f64;
// @ts-ignore: decorator
@external("env", "log2") declare function hostLog2(x: f64): f64;
// @ts-ignore: decorator
@external("env", "sin") declare function hostSin(x: f64): f64;
// @ts-ignore: decorator
@external("env", "cos") declare function hostCos(x: f64): f64;

const CHUNK = 2048;
const BUF = memory.data(CHUNK << 3, 16);

/** Address of the staging buffer the JS side copies each chunk into. */
export function buffer(): usize {
  return BUF;
}

/** Capacity of the staging buffer, in doubles. */
export function capacity(): i32 {
  return CHUNK;
}

const SHIFT: f64 = 6755399441055744.0; // 0x1.8p52: adding it rounds to an integer held in the low mantissa bits

// @ts-ignore: decorator
@inline function splat(x: f64): v128 {
  return f64x2.splat(x);
}

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  return f64x2.add(f64x2.mul(a, b), c);
}

/**
 * Rounds an odd count up by repeating the last element into the slot after it (the staging buffer always has room),
 * so every element, the last one included, goes through the same vector code and gets the same result.
 */
// @ts-ignore: decorator
@inline function even(p: usize, n: i32): i32 {
  if (n & 1) store<f64>(p + (<usize>n << 3), load<f64>(p + (<usize>(n - 1) << 3)));
  return (n + 1) & ~1;
}

/** Table row (tail, sbits) of lane 0 (resp. 1) for the rounded k = kd - SHIFT held in the low bits of `ki`. */
// @ts-ignore: decorator
@inline function expRow0(ki: v128): v128 {
  return v128.load(EXP_TAB + ((<usize>i64x2.extract_lane(ki, 0) & 127) << 4));
}

// @ts-ignore: decorator
@inline function expRow1(ki: v128): v128 {
  return v128.load(EXP_TAB + ((<usize>i64x2.extract_lane(ki, 1) & 127) << 4));
}

/** 2^(k/128) without its tail, for ki = x * 128/ln2 + SHIFT (k = round(x * 128/ln2), |k| < 1023 * 128). */
// @ts-ignore: decorator
@inline function expScale(ki: v128, t0: v128, t1: v128): v128 {
  return i64x2.add(i64x2.shuffle(t0, t1, 1, 3), i64x2.shl(ki, 45));
}

/** exp(x) = scale * (1 + tmp) with x = k ln2/128 + r, |r| <= ln2/256; returns tmp. */
// @ts-ignore: decorator
@inline function expTmp(x: v128, ki: v128, t0: v128, t1: v128): v128 {
  const kd = f64x2.sub(ki, splat(SHIFT));
  const r = f64x2.add(madd(kd, splat(NEGLN2HIN), x), f64x2.mul(kd, splat(NEGLN2LON)));
  const r2 = f64x2.mul(r, r);
  // Taylor terms of exp(r) - 1 are enough: r^6/720 < 2^-60.
  const p1 = madd(r, splat(1.0 / 6.0), splat(0.5));
  const p2 = madd(r, splat(1.0 / 120.0), splat(1.0 / 24.0));
  const tail = i64x2.shuffle(t0, t1, 0, 2);
  return f64x2.add(f64x2.add(tail, r), f64x2.add(f64x2.mul(r2, p1), f64x2.mul(f64x2.mul(r2, r2), p2)));
}

/** exp(x) = scale (1 + tmp) for the two doubles at q; |x| >= 708 (overflow, subnormal results), nan and inf go to the host's Math.exp. */
// @ts-ignore: decorator
@inline function expAt(q: usize): void {
  const x = v128.load(q);
  const ki = madd(x, splat(INVLN2N), splat(SHIFT));
  const t0 = expRow0(ki), t1 = expRow1(ki);
  const scale = expScale(ki, t0, t1);
  v128.store(q, madd(scale, expTmp(x, ki, t0, t1), scale));
  const ok = f64x2.lt(f64x2.abs(x), splat(708.0));
  if (!i64x2.all_true(ok)) {
    if (i64x2.extract_lane(ok, 0) == 0) store<f64>(q, hostExp(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(ok, 1) == 0) store<f64>(q, hostExp(f64x2.extract_lane(x, 1)), 8);
  }
}

export function exp(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    expAt(p + (<usize>i << 3));
    expAt(p + (<usize>i << 3) + 16);
  }
  if (i < n) expAt(p + (<usize>i << 3));
}

/**
 * tanh(a), a = |x|, three ways, blended per lane; the sign is put back last (so tanh(-0) = -0).
 *   a < 1/16:       a + a^3 P(a^2), Taylor to a^13 (the next term is below 2^-56 a).
 *   otherwise, with e = expm1(2a) and den = e + 2 both kept as double-doubles (2a is clamped to 44, where tanh
 *   rounds to 1), w = (a < 0.55 ? e : 2) / den, then
 *   a < 0.55:       tanh = e / den  ~= w + (e_lo - w den_lo) / den,       with 1/den = (1 - w)/2
 *   a >= 0.55:      tanh = 1 - 2/den ~= (1 - w) + w^2 den_lo / 2.
 */
// @ts-ignore: decorator
@inline function tanhAt(q: usize): void {
  const x = v128.load(q);
  const a = f64x2.abs(x);
  const y = f64x2.min(f64x2.add(a, a), splat(44.0));
  const ki = madd(y, splat(INVLN2N), splat(SHIFT));
  const t0 = expRow0(ki), t1 = expRow1(ki);
  const scale = expScale(ki, t0, t1);
  const st = f64x2.mul(scale, expTmp(y, ki, t0, t1));
  const sm1 = f64x2.sub(scale, splat(1.0));
  const e = f64x2.add(sm1, st);
  const eLo = twoSumErr(sm1, st, e);
  const den = f64x2.add(e, splat(2.0));
  const denLo = f64x2.add(twoSumErr(e, splat(2.0), den), eLo);
  const mid = f64x2.lt(a, splat(0.5493061443340549));
  const w = f64x2.div(v128.bitselect(e, splat(2.0), mid), den);
  const tMid = madd(f64x2.sub(eLo, f64x2.mul(w, denLo)), f64x2.mul(f64x2.sub(splat(1.0), w), splat(0.5)), w);
  const tBig = madd(f64x2.mul(w, w), f64x2.mul(denLo, splat(0.5)), f64x2.sub(splat(1.0), w));
  const a2 = f64x2.mul(a, a);
  const a4 = f64x2.mul(a2, a2);
  const p01 = madd(a2, splat(0.13333333333333333), splat(-0.3333333333333333));
  const p23 = madd(a2, splat(0.021869488536155203), splat(-0.05396825396825397));
  const p45 = madd(a2, splat(0.003592128036572481), splat(-0.008863235529902197));
  const poly = madd(a4, madd(a4, p45, p23), p01);
  const tSmall = madd(f64x2.mul(a, a2), poly, a);
  let t = v128.bitselect(tMid, tBig, mid);
  t = v128.bitselect(tSmall, t, f64x2.lt(a, splat(0.0625)));
  t = v128.or(t, v128.and(x, splat(-0.0)));
  v128.store(q, v128.bitselect(x, t, f64x2.ne(x, x)));
}

export function tanh(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    tanhAt(p + (<usize>i << 3));
    tanhAt(p + (<usize>i << 3) + 16);
  }
  if (i < n) tanhAt(p + (<usize>i << 3));
}

// log and log2: x = 2^k z with z in [OFF, 2 OFF), tmp = ix - OFF; z = zhi + zlo with zhi of 44 bits, so for the
// subinterval's 9-bit invc, z * invc - 1 = rh + rl exactly (rh = zhi * invc - 1, rl = zlo * invc).

// @ts-ignore: decorator
@inline function logK(tmp: v128): v128 {
  return f64x2.sub(i64x2.add(i64x2.shr_s(tmp, 52), i64x2.splat(0x4338000000000000)), splat(SHIFT));
}

// @ts-ignore: decorator
@inline function logZ(x: v128, tmp: v128): v128 {
  return i64x2.sub(x, v128.and(tmp, i64x2.splat(0xFFF0000000000000)));
}

// @ts-ignore: decorator
@inline function hi44(z: v128): v128 {
  return v128.and(z, i64x2.splat(0xFFFFFFFFFFFFFE00));
}

/** Address of the record (invc, hi, lo, 0) of lane 0 (resp. 1)'s subinterval: 32 bytes, read as two v128. */
// @ts-ignore: decorator
@inline function logRow0(tab: usize, tmp: v128): usize {
  return tab + ((<usize>(i64x2.extract_lane(tmp, 0) >> 45) & 127) << 5);
}

// @ts-ignore: decorator
@inline function logRow1(tab: usize, tmp: v128): usize {
  return tab + ((<usize>(i64x2.extract_lane(tmp, 1) >> 45) & 127) << 5);
}

/** Lanes the vector log and log2 get right: normal, positive, finite x. */
// @ts-ignore: decorator
@inline function logOk(x: v128): v128 {
  return v128.and(f64x2.ge(x, splat(2.2250738585072014e-308)), f64x2.lt(x, splat(Infinity)));
}

/** The rounding error of s = a + b (Knuth's TwoSum), exact whatever the magnitudes. */
// @ts-ignore: decorator
@inline function twoSumErr(a: v128, b: v128, s: v128): v128 {
  const bb = f64x2.sub(s, a);
  return f64x2.add(f64x2.sub(a, f64x2.sub(s, bb)), f64x2.sub(b, bb));
}

/** (log(1 + r) - r) * s = r^2 (-1/2 + r/3 - r^2/4 + ...) * s, Taylor to r^7: |r| < 0.0054, so r^8/8 < 2^-63. */
// @ts-ignore: decorator
@inline function log1pTail(r: v128, s: f64): v128 {
  const r2 = f64x2.mul(r, r);
  const q0 = madd(r, splat(s / 3.0), splat(-s / 2.0));
  const q1 = madd(r, splat(s / 5.0), splat(-s / 4.0));
  const q2 = madd(r, splat(s / 7.0), splat(-s / 6.0));
  return f64x2.mul(r2, madd(r2, madd(r2, q2, q1), q0));
}

/** log(x) = k ln2 + log(c) + log(1 + r), summed as a double-double and rounded once. */
// @ts-ignore: decorator
@inline function logAt(q: usize): void {
  const x = v128.load(q);
  const tmp = i64x2.sub(x, i64x2.splat(OFF));
  const kd = logK(tmp), z = logZ(x, tmp), zhi = hi44(z);
  const row0 = logRow0(LOG_TAB, tmp), row1 = logRow1(LOG_TAB, tmp);
  const a0 = v128.load(row0), a1 = v128.load(row1);
  const invc = i64x2.shuffle(a0, a1, 0, 2), logcHi = i64x2.shuffle(a0, a1, 1, 3);
  const logcLo = i64x2.shuffle(v128.load(row0, 16), v128.load(row1, 16), 0, 2);
  const rh = madd(zhi, invc, splat(-1.0)), rl = f64x2.mul(f64x2.sub(z, zhi), invc);
  const r = f64x2.add(rh, rl);
  const w = madd(kd, splat(LN2HI), logcHi);
  const s = f64x2.add(w, r);
  // Sum r itself into the high part (not rh): near x = 1, w = 0 and rh, rl cancel.
  const lo = f64x2.add(f64x2.add(twoSumErr(w, r, s), twoSumErr(rh, rl, r)), madd(kd, splat(LN2LO), logcLo));
  v128.store(q, f64x2.add(s, f64x2.add(lo, log1pTail(r, 1.0))));
  const ok = logOk(x);
  if (!i64x2.all_true(ok)) {
    if (i64x2.extract_lane(ok, 0) == 0) store<f64>(q, hostLog(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(ok, 1) == 0) store<f64>(q, hostLog(f64x2.extract_lane(x, 1)), 8);
  }
}

export function log(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    logAt(p + (<usize>i << 3));
    logAt(p + (<usize>i << 3) + 16);
  }
  if (i < n) logAt(p + (<usize>i << 3));
}

/** log2(x) = k + log2(c) + log(1 + r)/ln2, likewise. */
// @ts-ignore: decorator
@inline function log2At(q: usize): void {
  const x = v128.load(q);
  const tmp = i64x2.sub(x, i64x2.splat(OFF));
  const kd = logK(tmp), z = logZ(x, tmp), zhi = hi44(z);
  const row0 = logRow0(LOG2_TAB, tmp), row1 = logRow1(LOG2_TAB, tmp);
  const a0 = v128.load(row0), a1 = v128.load(row1);
  const invc = i64x2.shuffle(a0, a1, 0, 2), logcHi = i64x2.shuffle(a0, a1, 1, 3);
  const logcLo = i64x2.shuffle(v128.load(row0, 16), v128.load(row1, 16), 0, 2);
  const rh = madd(zhi, invc, splat(-1.0)), rl = f64x2.mul(f64x2.sub(z, zhi), invc);
  const r = f64x2.add(rh, rl);
  // r / ln2 = rhi * INVLN2HI (exact: 21 x 32 bits) + the rest.
  const rhi = v128.and(r, i64x2.splat(0xFFFFFFFF00000000));
  const rlo = f64x2.add(f64x2.sub(rh, rhi), rl);
  const t1 = f64x2.mul(rhi, splat(INVLN2HI));
  const t2 = madd(rlo, splat(INVLN2HI), f64x2.mul(r, splat(INVLN2LO)));
  const t3 = f64x2.add(kd, logcHi);
  const s = f64x2.add(t3, t1);
  const lo = f64x2.add(f64x2.add(twoSumErr(t3, t1, s), t2), logcLo);
  v128.store(q, f64x2.add(s, f64x2.add(lo, log1pTail(r, INVLN2))));
  const ok = logOk(x);
  if (!i64x2.all_true(ok)) {
    if (i64x2.extract_lane(ok, 0) == 0) store<f64>(q, hostLog2(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(ok, 1) == 0) store<f64>(q, hostLog2(f64x2.extract_lane(x, 1)), 8);
  }
}

export function log2(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    log2At(p + (<usize>i << 3));
    log2At(p + (<usize>i << 3) + 16);
  }
  if (i < n) log2At(p + (<usize>i << 3));
}

/** fdlibm's __kernel_sin(y0, y1) on |y0 + y1| <= pi/4. */
// @ts-ignore: decorator
@inline function kernelSin(x: v128, y: v128): v128 {
  const z = f64x2.mul(x, x), w = f64x2.mul(z, z);
  const r = f64x2.add(
    madd(z, madd(z, splat(2.75573137070700676789e-06), splat(-1.98412698298579493134e-04)), splat(8.33333333332248946124e-03)),
    f64x2.mul(f64x2.mul(z, w), madd(z, splat(1.58969099521155010221e-10), splat(-2.50507602534068634195e-08))),
  );
  const v = f64x2.mul(z, x);
  const inner = f64x2.sub(f64x2.mul(z, f64x2.sub(f64x2.mul(splat(0.5), y), f64x2.mul(v, r))), y);
  return f64x2.sub(x, f64x2.sub(inner, f64x2.mul(v, splat(-1.66666666666666324348e-01))));
}

/** fdlibm's __kernel_cos(y0, y1) on |y0 + y1| <= pi/4. */
// @ts-ignore: decorator
@inline function kernelCos(x: v128, y: v128): v128 {
  const z = f64x2.mul(x, x), w = f64x2.mul(z, z);
  const r = f64x2.add(
    f64x2.mul(z, madd(z, madd(z, splat(2.48015872894767294178e-05), splat(-1.38888888888741095749e-03)), splat(4.16666666666666019037e-02))),
    f64x2.mul(f64x2.mul(w, w), madd(z, madd(z, splat(-1.13596475577881948265e-11), splat(2.08757232129817482790e-09)), splat(-2.75573143513906633035e-07))),
  );
  const hz = f64x2.mul(splat(0.5), z);
  const v = f64x2.sub(splat(1.0), hz);
  return f64x2.add(v, f64x2.add(f64x2.sub(f64x2.sub(splat(1.0), v), hz), f64x2.sub(f64x2.mul(z, r), f64x2.mul(x, y))));
}

/**
 * sin(a) for a = |x| <= 1e6 when `quarter` is 0, cos(a) when it is 1: a = n pi/2 + (y0 + y1) by a three-part
 * Cody-Waite reduction (n < 2^20, so n * PIO2_1 and n * PIO2_2 are exact) kept as a double-double.
 */
// @ts-ignore: decorator
@inline function sinQuadrant(a: v128, quarter: i64): v128 {
  let kd = madd(a, splat(INVPIO2), splat(SHIFT));
  const ki = i64x2.add(kd, i64x2.splat(quarter));
  kd = f64x2.sub(kd, splat(SHIFT));
  const t = madd(kd, splat(-PIO2_1), a);
  const b = f64x2.mul(kd, splat(PIO2_2));
  const s = f64x2.sub(t, b);
  const u = f64x2.sub(twoSumErr(t, f64x2.neg(b), s), f64x2.mul(kd, splat(PIO2_3)));
  const y0 = f64x2.add(s, u);
  const y1 = f64x2.add(f64x2.sub(s, y0), u);
  const odd = i64x2.eq(v128.and(ki, i64x2.splat(1)), i64x2.splat(1));
  const res = v128.bitselect(kernelCos(y0, y1), kernelSin(y0, y1), odd);
  return v128.xor(res, i64x2.shl(v128.and(ki, i64x2.splat(2)), 62));
}

/** sin is odd: sin(x) = sign(x) sin(|x|); |x| > 1e6, nan and inf go to the host's Math.sin. */
// @ts-ignore: decorator
@inline function sinAt(q: usize): void {
  const x = v128.load(q);
  const a = f64x2.abs(x);
  v128.store(q, v128.xor(sinQuadrant(a, 0), v128.and(x, splat(-0.0))));
  const ok = f64x2.le(f64x2.abs(x), splat(1e6));
  if (!i64x2.all_true(ok)) {
    if (i64x2.extract_lane(ok, 0) == 0) store<f64>(q, hostSin(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(ok, 1) == 0) store<f64>(q, hostSin(f64x2.extract_lane(x, 1)), 8);
  }
}

export function sin(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    sinAt(p + (<usize>i << 3));
    sinAt(p + (<usize>i << 3) + 16);
  }
  if (i < n) sinAt(p + (<usize>i << 3));
}

/** cos(x) = cos(|x|), the sin code one quadrant on. */
// @ts-ignore: decorator
@inline function cosAt(q: usize): void {
  const x = v128.load(q);
  const a = f64x2.abs(x);
  v128.store(q, sinQuadrant(a, 1));
  const ok = f64x2.le(f64x2.abs(x), splat(1e6));
  if (!i64x2.all_true(ok)) {
    if (i64x2.extract_lane(ok, 0) == 0) store<f64>(q, hostCos(f64x2.extract_lane(x, 0)));
    if (i64x2.extract_lane(ok, 1) == 0) store<f64>(q, hostCos(f64x2.extract_lane(x, 1)), 8);
  }
}

export function cos(p: usize, n: i32): void {
  n = even(p, n);
  let i = 0;
  // Two independent vectors per iteration: ~20% faster than one (bench/NOTES.md).
  for (; i + 4 <= n; i += 4) {
    cosAt(p + (<usize>i << 3));
    cosAt(p + (<usize>i << 3) + 16);
  }
  if (i < n) cosAt(p + (<usize>i << 3));
}

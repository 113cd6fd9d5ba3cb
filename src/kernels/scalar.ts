// scalar.ts — per-element helpers the generated ufunc kernels call, written to match NumPy's C loops
// (npy_divmod, npy_floor_divide, integer power by squaring, shifts that saturate at the bit width).

/**
 * NumPy's float divmod (npymath npy_divmod): the floor quotient. NumPy runs it in the loop's precision, so for a
 * float32 output (`out`, the loop's output array) every step rounds to float32 as C's float arithmetic does.
 */
export function floordivF(a: number, b: number, out?: unknown): number {
  if (b === 0) return a / b;
  const f = out instanceof Float32Array ? Math.fround : same;
  const mod = a % b;
  let div = f(f(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) div = f(div - 1);
  if (div !== 0) {
    let fl = Math.floor(div);
    if (f(div - fl) > 0.5) fl += 1;
    return fl;
  }
  return 0 * (a / b); // copysign(0, a/b)
}

/** NumPy's float remainder: the result takes the sign of the divisor (Python's %), in the loop's precision. */
export function modF(a: number, b: number, out?: unknown): number {
  if (b === 0) return NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod = out instanceof Float32Array ? Math.fround(mod + b) : mod + b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

const same = (x: number): number => x;

/** Integer floor division; NumPy gives 0 for division by zero. */
export function floordivI(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

export function modI(a: number, b: number): number {
  if (b === 0) return 0;
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m;
}

export function floordivB(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function modB(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const m = a % b;
  return m !== 0n && m < 0n !== b < 0n ? m + b : m;
}

/** C's pow differs from Math.pow at 1**nan and (-1)**±inf (both 1 in C). */
export function powF(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

/** Integer power by squaring with 32-bit wrap-around; exponent is checked non-negative before the loop runs. */
export function powI(a: number, b: number): number {
  let r = 1;
  while (b > 0) {
    if (b & 1) r = Math.imul(r, a);
    a = Math.imul(a, a);
    b = Math.floor(b / 2);
  }
  return r;
}

export function powB(a: bigint, b: bigint): bigint {
  let r = 1n;
  while (b > 0n) {
    if (b & 1n) r = BigInt.asIntN(64, r * a);
    a = BigInt.asIntN(64, a * a);
    b >>= 1n;
  }
  return r;
}

/** Shift counts at or beyond the bit width give 0 (left) or the sign fill (right), as npy_lshift/npy_rshift. */
export function shlI(a: number, b: number): number {
  return b >= 0 && b < 32 ? a << b : 0;
}
export function shrI(a: number, b: number): number {
  if (b < 0 || b >= 32) return a < 0 ? -1 : 0;
  return a < 0 ? a >> b : Math.floor(a / 2 ** b);
}
export function shlB(a: bigint, b: bigint): bigint {
  return b >= 0n && b < 64n ? a << b : 0n;
}
export function shrB(a: bigint, b: bigint): bigint {
  if (b < 0n || b >= 64n) return a < 0n ? -1n : 0n;
  return a >> b;
}

/** Round half to even (C's rint under the default rounding mode). */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r === 0 ? x * 0 : r;
}

export function signF(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
}

export function signbit(x: number): number {
  return x < 0 || (x === 0 && 1 / x < 0) ? 1 : 0;
}

export function copysign(a: number, b: number): number {
  const neg = b < 0 || (b === 0 && 1 / b < 0) || (b !== b && signbitNaN(b));
  return neg ? -Math.abs(a) : Math.abs(a);
}
const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
function signbitNaN(x: number): boolean {
  f64[0] = x;
  return u32[1]! >>> 31 === 1;
}

/**
 * Integer reciprocal as NumPy computes it: (type)(1.0 / a). 1/0 is inf, which x86 converts to the minimum int
 * (so 0 once narrowed to 8/16 bits), and to 0 for unsigned 32/64-bit outputs; `out` tells which.
 */
export function recipI(a: number, out: unknown): number {
  return a === 0 ? (out instanceof Uint32Array ? 0 : -2147483648) : Math.trunc(1 / a);
}
export function recipB(a: bigint, out: unknown): bigint {
  if (a === 0n) return out instanceof BigUint64Array ? 0n : -(2n ** 63n);
  return a === 1n ? 1n : a === -1n ? -1n : 0n;
}


/** npy_deg2rad: x * (pi/180), with the constant rounded to float32 for a float32 loop (as NPY_PIf/180.0f). */
export function deg2rad(x: number, out: unknown): number {
  return out instanceof Float32Array ? x * 0.01745329238474369 : x * 0.017453292519943295;
}
/** npy_rad2deg: x * (180/pi), the float32 constant being 180.0f/NPY_PIf. */
export function rad2deg(x: number, out: unknown): number {
  return out instanceof Float32Array ? x * 57.2957763671875 : x * 57.29577951308232;
}

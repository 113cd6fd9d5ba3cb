// dragon4.ts — NumPy's float-to-decimal conversion (numpy/_core/src/multiarray/dragon4.c, after Ryan Juckett's
// Dragon4 and Burger & Dybvig), ported with BigInt so float64 and float32 print digit-for-digit as NumPy prints them.
// A fast path takes the shortest round-trip digits from JS's Number#toString when no cutoff can bind.

/** NumPy's TrimMode: 'k' keep, '.' trim zeros keep the point, '0' leave one zero, '-' drop zeros and point. */
export type Trim = "k" | "." | "0" | "-";

export interface PositionalOptions {
  /** Fraction digits to cut off at (-1: none). */
  precision?: number;
  /** At least this many fraction digits in unique mode (-1: none). */
  minDigits?: number;
  unique?: boolean;
  /** false: precision counts all significant digits, not fraction digits (CutoffMode_TotalLength). */
  fractional?: boolean;
  trim?: Trim;
  /** Always show the sign ('+' for positive values). */
  sign?: boolean;
  padLeft?: number;
  padRight?: number;
}

export interface ScientificOptions {
  /** Fraction digits of the mantissa to cut off at (-1: none). */
  precision?: number;
  minDigits?: number;
  unique?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number;
  /** Minimum exponent digits (-1: two). */
  expDigits?: number;
}

/** The largest number of digits NumPy's scratch buffer holds; only exact-mode subnormals come near it. */
const BUFFER_SIZE = 16383;
const LOG10_2 = 0.30102999566398119521373889472449;

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

interface Parts {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  mantissaBit: number;
  unequalMargins: boolean;
}

const F64 = new Float64Array(1);
const F64_BITS = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const F32_BITS = new Uint32Array(F32.buffer);

/** Split a finite float into mantissa * 2^exponent the way dragon4.c does for IEEE binary64 / binary32. */
function decompose(x: number, f32: boolean): Parts {
  if (f32) {
    F32[0] = x;
    const bits = F32_BITS[0]!;
    const m = bits & 0x7fffff, e = (bits >>> 23) & 0xff, negative = bits >>> 31 === 1;
    if (e !== 0) return { negative, mantissa: BigInt(m | 0x800000), exponent: e - 150, mantissaBit: 23, unequalMargins: e !== 1 && m === 0 };
    return { negative, mantissa: BigInt(m), exponent: -149, mantissaBit: m === 0 ? 0 : 31 - Math.clz32(m), unequalMargins: false };
  }
  F64[0] = x;
  const bits = F64_BITS[0]!;
  const m = bits & 0xfffffffffffffn, e = Number((bits >> 52n) & 0x7ffn), negative = bits >> 63n === 1n;
  if (e !== 0) return { negative, mantissa: m | 0x10000000000000n, exponent: e - 1075, mantissaBit: 52, unequalMargins: e !== 1 && m === 0n };
  return { negative, mantissa: m, exponent: -1074, mantissaBit: m === 0n ? 0 : m.toString(2).length - 1, unequalMargins: false };
}

interface Digits {
  digits: string;
  /** Base-10 exponent of the first digit. */
  exponent: number;
}

/**
 * Dragon4 proper: the digits of mantissa * 2^exponent and the exponent of the first one.
 * `fraction` picks CutoffMode_FractionLength (cutoffs count digits after the point) over TotalLength.
 */
function dragon4(p: Parts, unique: boolean, fraction: boolean, cutoffMax: number, cutoffMin: number): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = p;
  if (mantissa === 0n) return { digits: "0", exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;
  let scale: bigint, value: bigint, marginLow: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    value = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  const marginFactor = unequalMargins ? 2n : 1n;

  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && fraction && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;
  if (digitExponent > 0) scale *= pow10(digitExponent);
  else if (digitExponent < 0) {
    const p10 = pow10(-digitExponent);
    value *= p10;
    marginLow *= p10;
  }
  if (value >= scale) digitExponent += 1;
  else {
    value *= 10n;
    marginLow *= 10n;
  }

  let cutoffMaxExponent = digitExponent - BUFFER_SIZE;
  if (cutoffMax >= 0) {
    const desired = fraction ? -cutoffMax : digitExponent - cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = fraction ? -cutoffMin : digitExponent - cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  const firstExponent = digitExponent - 1;

  const out: number[] = [];
  let digit: number;
  let low = false, high = false;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      const marginHigh = marginLow * marginFactor;
      low = isEven ? value <= marginLow : value < marginLow;
      high = isEven ? value + marginHigh >= scale : value + marginHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      value *= 10n;
      marginLow *= 10n;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      digit = Number(value / scale);
      value %= scale;
      if (value === 0n || digitExponent === cutoffMaxExponent) break;
      out.push(digit);
      value *= 10n;
    }
  }

  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }
  let first = firstExponent;
  if (roundDown) out.push(digit);
  else if (digit !== 9) out.push(digit + 1);
  else {
    // Carry: drop trailing nines; all nines become a single 1 one decade up.
    while (out.length > 0 && out[out.length - 1] === 9) out.pop();
    if (out.length === 0) {
      out.push(1);
      first += 1;
    } else out[out.length - 1]! += 1;
  }
  return { digits: out.join(""), exponent: first };
}

/**
 * Shortest round-trip digits of a float64 from JS (ECMAScript's Number::toString picks the same shortest,
 * closest, even-on-ties digits as Dragon4's unique mode), or null when cutoffs may bind and Dragon4 must run.
 */
function fastUnique(x: number, fraction: boolean, cutoffMax: number, cutoffMin: number): Digits | null {
  if (x === 0) return null;
  const s = Math.abs(x).toExponential();
  const e = s.indexOf("e");
  const digits = s.slice(0, e).replace(".", "");
  const exponent = Number(s.slice(e + 1));
  const last = exponent - digits.length + 1; // exponent of the last digit
  if (fraction) {
    if (cutoffMax >= 0 && last < -cutoffMax) return null;
    if (cutoffMin >= 0 && last > -cutoffMin) return null;
  } else {
    if (cutoffMax >= 0 && digits.length > cutoffMax) return null;
    if (cutoffMin >= 0 && digits.length < cutoffMin) return null;
  }
  return { digits, exponent };
}

/** Unique-mode digits by BigInt Dragon4 and by the JS fast path (null when it declines), for tests. */
export function _uniqueDigits(x: number, fraction: boolean, cutoffMax: number, cutoffMin: number): { exact: Digits; fast: Digits | null } {
  return { exact: dragon4(decompose(x, false), true, fraction, cutoffMax, cutoffMin), fast: fastUnique(x, fraction, cutoffMax, cutoffMin) };
}

function digitsOf(x: number, f32: boolean, unique: boolean, fraction: boolean, cutoffMax: number, cutoffMin: number): [Parts, Digits] {
  const p = decompose(x, f32);
  const fast = unique && !f32 ? fastUnique(x, fraction, cutoffMax, cutoffMin) : null;
  return [p, fast ?? dragon4(p, unique, fraction, cutoffMax, cutoffMin)];
}

/** np.format_float_positional's core (dragon4_positional): ddd.ddd with NumPy's trim and padding. */
export function formatPositional(x: number, f32: boolean, o: PositionalOptions = {}): string {
  const precision = o.precision ?? -1, minDigits = o.minDigits ?? -1, unique = o.unique ?? true, trim = o.trim ?? "k";
  const padLeft = o.padLeft ?? -1, padRight = o.padRight ?? -1, fractional = o.fractional ?? true;
  const [p, d] = digitsOf(x, f32, unique, fractional, precision, minDigits);
  const signStr = p.negative ? "-" : o.sign ? "+" : "";
  const digits = d.digits;
  let body: string, whole: number, frac: number;
  if (d.exponent >= 0) {
    whole = d.exponent + 1;
    if (digits.length <= whole) {
      body = digits + "0".repeat(whole - digits.length);
      frac = 0;
    } else {
      body = digits.slice(0, whole) + "." + digits.slice(whole);
      frac = digits.length - whole;
    }
  } else {
    const zeros = -(d.exponent + 1);
    body = "0." + "0".repeat(zeros) + digits;
    frac = zeros + digits.length;
    whole = 1;
  }
  if (trim !== "-" && frac === 0) body += ".";
  const addDigits = unique ? minDigits : precision;
  const desired = fractional ? Math.max(addDigits, 0) : addDigits - whole;
  if (trim === "0") {
    if (frac === 0) {
      body += "0";
      frac++;
    }
  } else if (trim === "k" && desired > frac) {
    body += "0".repeat(desired - frac);
    frac = desired;
  }
  if (trim !== "k" && frac > 0) {
    let end = body.length;
    while (body[end - 1] === "0") {
      end--;
      frac--;
    }
    body = body.slice(0, end);
    if (body.endsWith(".")) {
      if (trim === "0") {
        body += "0";
        frac++;
      } else if (trim === "-") body = body.slice(0, -1);
    }
  }
  if (padRight >= frac) {
    if (trim === "-" && frac === 0) body += " ";
    body += " ".repeat(padRight - frac);
  }
  let out = signStr + body;
  const used = whole + signStr.length;
  if (padLeft > used) out = " ".repeat(padLeft - used) + out;
  return out;
}

/** np.format_float_scientific's core (dragon4_scientific): d.ddde+XX with NumPy's trim and padding. */
export function formatScientific(x: number, f32: boolean, o: ScientificOptions = {}): string {
  const precision = o.precision ?? -1, minDigits = o.minDigits ?? -1, unique = o.unique ?? true, trim = o.trim ?? "k";
  const padLeft = o.padLeft ?? -1;
  let expDigits = o.expDigits ?? -1;
  const [p, d] = digitsOf(x, f32, unique, false, precision < 0 ? -1 : precision + 1, minDigits < 0 ? -1 : minDigits + 1);
  const signStr = p.negative ? "-" : o.sign ? "+" : "";
  const leftChars = 1 + signStr.length;
  let out = padLeft > leftChars ? " ".repeat(padLeft - leftChars) : "";
  out += signStr + d.digits[0];
  let frac = d.digits.length - 1;
  if (frac > 0) out += "." + d.digits.slice(1);
  if (trim !== "-" && frac === 0) out += ".";
  let addDigits = unique ? minDigits : precision;
  if (addDigits < 0) addDigits = 0;
  if (trim === "0") {
    if (frac === 0) {
      out += "0";
      frac++;
    }
  } else if (trim === "k" && addDigits > frac) {
    out += "0".repeat(addDigits - frac);
    frac = addDigits;
  }
  if (trim !== "k" && frac > 0) {
    let end = out.length;
    while (out[end - 1] === "0") end--;
    out = out.slice(0, end);
    if (trim === "0" && out.endsWith(".")) out += "0";
  }
  if (expDigits > 5) expDigits = 5;
  if (expDigits < 0) expDigits = 2;
  const e = d.exponent;
  // As dragon4.c: at least expDigits digits, leading zeros beyond that dropped (so e+0 with expDigits 0 prints "e+").
  let exp = String(Math.abs(e)).padStart(expDigits, "0");
  while (exp.length > expDigits && exp[0] === "0") exp = exp.slice(1);
  out += "e" + (e >= 0 ? "+" : "-") + exp;
  return out;
}

// format.ts — per-element formatters, as numpy/_core/arrayprint.py builds them from the (summarised) data:
// FloatingFormat (shared padding, positional vs scientific choice), IntegerFormat, BoolFormat, custom formatters.

import { DTYPE_INFO, type DType } from "../dtype.js";
import { ValueError } from "../errors.js";
import { toJS } from "../ndarray.js";
import { formatPositional, formatScientific, type Trim } from "./dragon4.js";
import type { FloatMode, FormatterValue, PrintOptions, SignMode } from "./options.js";

/** Formats one raw stored value (bool as 0/1, 64-bit ints as bigint). */
export type FormatFunction = (raw: number | bigint) => string;

const signbit = (x: number): boolean => x < 0 || Object.is(x, -0);

/** NumPy's _none_or_positive_arg. */
function nonNegative(x: number | null, name: string): number {
  if (x === null) return -1;
  if (x < 0) throw new ValueError(`${name} must be >= 0`);
  return x;
}

/** NumPy's FloatingFormat: one padding and notation for all elements, so the decimal points line up. */
export function floatingFormat(data: readonly number[], f32: boolean, precisionOpt: number, floatmode: FloatMode, suppressSmall: boolean, sign: SignMode, nanstr: string, infstr: string): FormatFunction {
  let precision = nonNegative(floatmode === "unique" ? null : precisionOpt, "precision");
  let expFormat = false;
  const finite = data.filter((x) => Number.isFinite(x));
  const absNonZero = finite.filter((x) => x !== 0).map(Math.abs);
  if (absNonZero.length > 0) {
    let max = absNonZero[0]!, min = max;
    for (const v of absNonZero) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    // float32 compares against the constants in float32 (NEP 50: Python floats are weak), ratio too.
    const cutoffMax = f32 ? 1e6 : 1e8; // 10 ** min(8, finfo(dtype).precision)
    const cutoffMin = f32 ? Math.fround(1e-4) : 1e-4;
    const ratio = f32 ? Math.fround(max / min) : max / min;
    if (max >= cutoffMax || (!suppressSmall && (min < cutoffMin || ratio > 1000))) expFormat = true;
  }

  let padLeft: number, padRight: number, trim: Trim, expSize: number, unique: boolean, minDigits: number;
  const plus = sign === "+";
  if (finite.length === 0) {
    padLeft = 0;
    padRight = 0;
    trim = ".";
    expSize = -1;
    unique = true;
    minDigits = -1;
  } else if (expFormat) {
    [trim, unique] = floatmode === "fixed" ? ["k", false] : [".", true];
    let intLen = 0, fracLen = 0, expLen = 0;
    for (const x of finite) {
      const s = formatScientific(x, f32, { precision, unique, trim, sign: plus });
      const e = s.indexOf("e"), dot = s.indexOf(".");
      intLen = Math.max(intLen, dot);
      fracLen = Math.max(fracLen, e - dot - 1);
      expLen = Math.max(expLen, s.length - e - 1);
    }
    expSize = expLen - 1;
    trim = "k";
    precision = fracLen;
    minDigits = precision;
    padLeft = intLen;
    padRight = expSize + 2 + precision;
  } else {
    [trim, unique] = floatmode === "fixed" ? ["k", false] : [".", true];
    let intLen = 0, fracLen = 0;
    for (const x of finite) {
      const s = formatPositional(x, f32, { precision, unique, trim, sign: plus });
      const dot = s.indexOf(".");
      intLen = Math.max(intLen, dot);
      fracLen = Math.max(fracLen, s.length - dot - 1);
    }
    padLeft = intLen;
    padRight = fracLen;
    expSize = -1;
    if (floatmode === "fixed" || floatmode === "maxprec_equal") {
      precision = minDigits = padRight;
      trim = "k";
    } else {
      trim = ".";
      minDigits = 0;
    }
  }
  if (sign === " " && !finite.some(signbit)) padLeft += 1;
  if (finite.length !== data.length) {
    const neginf = sign !== "-" || data.some((x) => x === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, nanstr.length - offset, infstr.length + neginf - offset);
  }

  const width = padLeft + padRight + 1;
  if (expFormat)
    return (raw) => {
      const x = raw as number;
      if (!Number.isFinite(x)) return nonFinite(x, sign, nanstr, infstr, width);
      return formatScientific(x, f32, { precision, minDigits, unique, trim, sign: plus, padLeft, expDigits: expSize });
    };
  return (raw) => {
    const x = raw as number;
    if (!Number.isFinite(x)) return nonFinite(x, sign, nanstr, infstr, width);
    return formatPositional(x, f32, { precision, minDigits, unique, trim, sign: plus, padLeft, padRight });
  };
}

function nonFinite(x: number, sign: SignMode, nanstr: string, infstr: string, width: number): string {
  const ret = Number.isNaN(x) ? (sign === "+" ? "+" : "") + nanstr : (x < 0 ? "-" : sign === "+" ? "+" : "") + infstr;
  return " ".repeat(Math.max(0, width - ret.length)) + ret;
}

/** NumPy's IntegerFormat: Python's "{:{sign}{width}d}" with the width of the longest of max and min. */
export function integerFormat(data: readonly (number | bigint)[], signOpt: SignMode): FormatFunction {
  let sign = signOpt;
  let width = 0;
  if (data.length > 0) {
    let max = data[0]!, min = max;
    for (const v of data) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    let maxLen = String(max).length;
    if (sign === " " && min < 0) sign = "-";
    if (max >= 0 && (sign === "+" || sign === " ")) maxLen += 1;
    width = Math.max(maxLen, String(min).length);
  }
  const pos = sign === "-" ? "" : sign;
  return (x) => {
    const neg = x < 0;
    const digits = String(neg ? -x : x);
    return ((neg ? "-" : pos) + digits).padStart(width);
  };
}

/** NumPy's BoolFormat: True is padded to False's width except in 0-d arrays. */
export function boolFormat(zeroDim: boolean): FormatFunction {
  const truestr = zeroDim ? "True" : " True";
  return (x) => (x ? truestr : "False");
}

/** The format function NumPy's _get_format_function picks for `dtype`, honouring a custom `formatter`. */
export function formatFunction(dtype: DType, data: readonly (number | bigint)[], zeroDim: boolean, o: PrintOptions): FormatFunction {
  const kind = DTYPE_INFO[dtype].kind;
  const f = o.formatter;
  if (f) {
    const custom = (kind === "b" ? f.bool : kind === "f" ? f.float ?? f.floatKind : f.int ?? f.intKind) ?? f.all;
    if (custom) {
      const fn = custom as (x: FormatterValue) => string;
      return (raw) => {
        const s = fn(toJS(raw, dtype));
        if (typeof s !== "string") throw new TypeError("formatter must return a string");
        return s;
      };
    }
  }
  if (kind === "b") return boolFormat(zeroDim);
  if (kind === "f") return floatingFormat(data as number[], dtype === "float32", o.precision, o.floatmode, o.suppress, o.sign, o.nanstr, o.infstr);
  return integerFormat(data, o.sign);
}

/** NumPy's scalar str (what str() of a 0-d array shows): print options do not apply. */
export function scalarStr(raw: number | bigint, dtype: DType): string {
  const kind = DTYPE_INFO[dtype].kind;
  if (kind === "b") return raw ? "True" : "False";
  if (kind !== "f") return String(raw);
  const x = raw as number, f32 = dtype === "float32";
  if (Number.isNaN(x)) return "nan";
  const abs = Math.abs(x);
  if (x === 0 || (abs < (f32 ? 1e6 : 1e16) && abs >= 1e-4)) return formatPositional(x, f32, { trim: "0" });
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  return formatScientific(x, f32, { trim: "-" });
}

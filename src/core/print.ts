// print.ts — NumPy's array printing (numpy/_core/arrayprint.py): array2string, array_repr, array_str, print options,
// and the hooks that make String(a) give NumPy's str and Node's util.inspect (console.log) give its repr.
// Element formatting lives in print/format.ts, digit generation in print/dragon4.ts.

import { asarray, type ArrayLike } from "./convert.js";
import { OverflowError, RuntimeError, ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { shapeRepr } from "./shape.js";
import { formatPositional, formatScientific, type Trim } from "./print/dragon4.js";
import { formatFunction, scalarStr, type FormatFunction } from "./print/format.js";
import { checkedOptions, currentOptions, type FloatMode, type Formatter, type PrintOptions, type SignMode } from "./print/options.js";
import { tensorRepr } from "./print/tensor.js";

export { getPrintoptions, printoptions, setPrintoptions } from "./print/options.js";
export type { FloatMode, Formatter, FormatterValue, PrintOptions, PrintOptionsInput, SignMode } from "./print/options.js";

export interface Array2StringOptions {
  maxLineWidth?: number | null;
  /** Alias of maxLineWidth (the print option's name). */
  linewidth?: number | null;
  precision?: number | null;
  suppressSmall?: boolean | null;
  /** Alias of suppressSmall (the print option's name). */
  suppress?: boolean | null;
  separator?: string;
  prefix?: string;
  suffix?: string;
  formatter?: Formatter | null;
  threshold?: number | null;
  edgeitems?: number | null;
  sign?: SignMode | null;
  floatmode?: FloatMode | null;
  legacy?: false | null;
}

export interface ArrayReprOptions {
  maxLineWidth?: number | null;
  linewidth?: number | null;
  precision?: number | null;
  suppressSmall?: boolean | null;
  suppress?: boolean | null;
}

const isOptions = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray);

/** Positional arguments in NumPy's order, then a trailing options object; every parameter may go in either. */
function collect<T extends object>(names: readonly (keyof T)[], args: readonly unknown[]): T {
  const out: Record<string, unknown> = {};
  const last = args[args.length - 1];
  const positional = isOptions(last) ? args.slice(0, -1) : args;
  positional.forEach((v, i) => {
    if (v !== undefined && i < names.length) out[names[i] as string] = typeof v === "bigint" ? Number(v) : v;
  });
  if (isOptions(last)) Object.assign(out, last);
  return out as T;
}

const A2S_POSITIONAL = ["maxLineWidth", "precision", "suppressSmall", "separator", "prefix"] as const;
const REPR_POSITIONAL = ["maxLineWidth", "precision", "suppressSmall"] as const;

/** np.array2string(a, maxLineWidth?, precision?, suppressSmall?, separator?, prefix?, { ...options }). */
export function array2string(x: NDArray | ArrayLike, ...args: (Array2StringOptions | number | boolean | string | null | undefined)[]): string {
  const a = asarray(x);
  const o = collect<Array2StringOptions>(A2S_POSITIONAL, args);
  const overrides = checkedOptions({
    precision: o.precision, threshold: o.threshold, edgeitems: o.edgeitems, linewidth: o.maxLineWidth ?? o.linewidth,
    suppress: o.suppressSmall ?? o.suppress, sign: o.sign, formatter: o.formatter, floatmode: o.floatmode, legacy: o.legacy,
  });
  const options = { ...currentOptions(), ...overrides };
  options.linewidth -= (o.suffix ?? "").length;
  if (a.size === 0) return "[]";
  return formatWhole(a, options, o.separator ?? " ", o.prefix ?? "");
}

/** NumPy's _array2string: summarise above `threshold`, build one format function, lay the elements out. */
function formatWhole(a: NDArray, o: PrintOptions, separator: string, prefix: string): string {
  const summarize = a.size > o.threshold;
  const data = edgeValues(a, summarize ? o.edgeitems : -1);
  const fmt = formatFunction(a.dtype, data, a.ndim === 0, o);
  const nextLinePrefix = " " + " ".repeat(prefix.length);
  return formatArray(a, fmt, o.linewidth, nextLinePrefix, separator, o.edgeitems, summarize ? "..." : "");
}

/** The raw values that will be shown: all of them, or with edge >= 0 only each axis's leading and trailing `edge`. */
function edgeValues(a: NDArray, edge: number): (number | bigint)[] {
  if (edge < 0) return [...a._values()];
  const out: (number | bigint)[] = [];
  const walk = (axis: number, off: number): void => {
    if (axis === a.ndim) {
      out.push(a.data[off]!);
      return;
    }
    const n = a.shape[axis]!, st = a._strides[axis]!;
    const idx = n > 2 * edge ? [...range(0, edge), ...range(n - edge, n)] : range(0, n);
    for (const i of idx) walk(axis + 1, off + i * st);
  };
  walk(0, a._offset);
  return out;
}

function range(start: number, stop: number): number[] {
  return Array.from({ length: Math.max(0, stop - start) }, (_, i) => start + i);
}

function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  const needsWrap = line.length + word.length > lineWidth && line.length > nextLinePrefix.length;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/** Like extendLine, but a multi-line word (from a custom formatter) keeps its lines aligned. */
function extendLinePretty(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  const words = word.split(/\r\n|\r|\n/);
  if (words.length > 1 && words[words.length - 1] === "") words.pop();
  if (words.length <= 1) return extendLine(s, line, word, lineWidth, nextLinePrefix);
  const maxWordLength = Math.max(...words.map((w) => w.length));
  let indent: string;
  if (line.length + maxWordLength > lineWidth && line.length > nextLinePrefix.length) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix + words[0];
    indent = nextLinePrefix;
  } else {
    indent = " ".repeat(line.length);
    line += words[0];
  }
  for (const w of words.slice(1)) {
    s += line.trimEnd() + "\n";
    line = indent + w;
  }
  line += " ".repeat(maxWordLength - words[words.length - 1]!.length);
  return [s, line];
}

/** NumPy's _formatArray: nested brackets, wrapping at lineWidth, `...` rows and columns when summarising. */
function formatArray(a: NDArray, fmt: FormatFunction, lineWidth: number, nextLinePrefix: string, separator: string, edgeItems: number, summaryInsert: string): string {
  const sepTrimmed = separator.trimEnd();
  const recurser = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return fmt(a.data[offset]!);
    const nextHangingIndent = hangingIndent + " ";
    const nextWidth = currWidth - 1; // len(']')
    const len = a.shape[axis]!, stride = a._strides[axis]!;
    const showSummary = summaryInsert !== "" && 2 * edgeItems < len;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : len;
    const item = (i: number): string => recurser(axis + 1, offset + (i < 0 ? i + len : i) * stride, nextHangingIndent, nextWidth);
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrimmed.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLinePretty(s, line, item(i), elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLinePretty(s, line, item(-i), elemWidth, hangingIndent);
        line += separator;
      }
      [s, line] = extendLinePretty(s, line, item(-1), elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = sepTrimmed + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + item(i) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + item(-i) + lineSep;
      s += hangingIndent + item(-1);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurser(0, a._offset, nextLinePrefix, lineWidth);
}

/** dtypes whose repr omits `dtype=` (NumPy's _typelessdata on Linux: int64, float64, bool). */
const IMPLIED_DTYPES: ReadonlySet<string> = new Set(["int64", "float64", "bool"]);

/** np.array_repr(arr, maxLineWidth?, precision?, suppressSmall?): `array([...], dtype=...)`. */
export function arrayRepr(x: NDArray | ArrayLike, ...args: (ArrayReprOptions | number | boolean | null | undefined)[]): string {
  const arr = asarray(x);
  const current = currentOptions();
  if (current.overrideRepr) return current.overrideRepr(arr);
  const o = collect<ArrayReprOptions>(REPR_POSITIONAL, args);
  const maxLineWidth = o.maxLineWidth ?? o.linewidth ?? current.linewidth;
  const prefix = "array(";
  const lst = array2string(arr, { maxLineWidth, precision: o.precision, suppressSmall: o.suppressSmall ?? o.suppress, separator: ", ", prefix, suffix: ")" });
  const extras: string[] = [];
  if ((arr.size === 0 && !(arr.ndim === 1 && arr.shape[0] === 0)) || arr.size > current.threshold) extras.push(`shape=${shapeRepr(arr.shape)}`);
  if (!IMPLIED_DTYPES.has(arr.dtype) || arr.size === 0) extras.push(`dtype=${arr.dtype}`);
  if (extras.length === 0) return prefix + lst + ")";
  const arrStr = prefix + lst + ",";
  const extraStr = extras.join(", ") + ")";
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + extraStr.length + 1 > maxLineWidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + extraStr;
}

/** np.array_str(a, maxLineWidth?, precision?, suppressSmall?): what print(a) shows. A 0-d array prints as its scalar. */
export function arrayStr(x: NDArray | ArrayLike, ...args: (ArrayReprOptions | number | boolean | null | undefined)[]): string {
  const a = asarray(x);
  if (a.ndim === 0) return scalarStr(a.data[a._offset]!, a.dtype);
  const o = collect<ArrayReprOptions>(REPR_POSITIONAL, args);
  return array2string(a, { maxLineWidth: o.maxLineWidth ?? o.linewidth, precision: o.precision, suppressSmall: o.suppressSmall ?? o.suppress, separator: " ", prefix: "" });
}

export interface FormatFloatPositionalOptions {
  precision?: number | null;
  unique?: boolean;
  fractional?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number | null;
  padRight?: number | null;
  minDigits?: number | null;
  /** "float32" formats the value as a float32 (its shortest float32 digits). */
  dtype?: "float64" | "float32";
}

export interface FormatFloatScientificOptions {
  precision?: number | null;
  unique?: boolean;
  trim?: Trim;
  sign?: boolean;
  padLeft?: number | null;
  expDigits?: number | null;
  minDigits?: number | null;
  dtype?: "float64" | "float32";
}

function nonNegative(x: number | null | undefined, name: string): number {
  if (x === null || x === undefined) return -1;
  if (typeof x !== "number" || !Number.isInteger(x)) throw new TypeError(`'${typeof x === "number" ? "float" : Array.isArray(x) ? "list" : typeof x === "boolean" ? "bool" : typeof x === "string" ? "str" : "object"}' object cannot be interpreted as an integer`);
  if (x > 2147483647) throw new OverflowError("Python int too large to convert to C int");
  // NumPy's Dragon4 writes into a 16384-character buffer.
  if (x > 16380) throw new RuntimeError("Float formatting result too large");
  if (x < 0) throw new ValueError(`${name} must be >= 0`);
  return x;
}

function special(x: number, sign: boolean | undefined): string | null {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return (x < 0 ? "-" : sign ? "+" : "") + "inf";
  return null;
}

const FFP_POSITIONAL = ["precision", "unique", "fractional", "trim", "sign", "padLeft", "padRight", "minDigits"] as const;
const FFS_POSITIONAL = ["precision", "unique", "trim", "sign", "padLeft", "expDigits", "minDigits"] as const;

/** The value NumPy's format_float_* accept: a real number (bools and 0-d/size-1 arrays convert, as Python's float()). */
function realNumber(x: unknown): number {
  if (x instanceof NDArray && x.size === 1) x = x.item();
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "bigint") return Number(x);
  if (typeof x !== "number") throw new TypeError(`must be real number, not ${x === null || x === undefined ? "NoneType" : Array.isArray(x) ? "list" : typeof x === "string" ? "str" : "object"}`);
  return x;
}

/** np.format_float_positional for a float64 (or, with dtype "float32", a float32) value. */
export function formatFloatPositional(xv: number, ...args: unknown[]): string {
  const x = realNumber(xv);
  const o = collect<FormatFloatPositionalOptions>(FFP_POSITIONAL, args);
  const precision = nonNegative(o.precision, "precision"), minDigits = nonNegative(o.minDigits, "min_digits");
  const fractional = o.fractional ?? true;
  if (!fractional && precision === 0) throw new ValueError("precision must be greater than 0 if fractional=False");
  if (minDigits > 0 && precision > 0 && minDigits > precision) throw new ValueError("min_digits must be less than or equal to precision");
  return special(x, o.sign) ?? formatPositional(x, o.dtype === "float32", {
    precision, minDigits, unique: o.unique ?? true, fractional, trim: o.trim ?? "k", sign: o.sign ?? false,
    padLeft: nonNegative(o.padLeft, "pad_left"), padRight: nonNegative(o.padRight, "pad_right"),
  });
}

/** np.format_float_scientific. */
export function formatFloatScientific(xv: number, ...args: unknown[]): string {
  const x = realNumber(xv);
  const o = collect<FormatFloatScientificOptions>(FFS_POSITIONAL, args);
  const precision = nonNegative(o.precision, "precision"), minDigits = nonNegative(o.minDigits, "min_digits");
  if (minDigits > 0 && precision > 0 && minDigits > precision) throw new ValueError("min_digits must be less than or equal to precision");
  return special(x, o.sign) ?? formatScientific(x, o.dtype === "float32", {
    precision, minDigits, unique: o.unique ?? true, trim: o.trim ?? "k", sign: o.sign ?? false,
    padLeft: nonNegative(o.padLeft, "pad_left"), expDigits: nonNegative(o.expDigits, "exp_digits"),
  });
}

// ---- hooks: String(a) / `${a}` give NumPy's str, util.inspect (console.log, the REPL) gives its repr. ----
// A tensor prints PyTorch's repr in both forms once that formatter registers itself in print/tensor.ts;
// until then (tensorRepr gives null) a tensor prints NumPy's repr for util.inspect and NumPy's str for String().

Object.defineProperty(NDArray.prototype, "toString", {
  value: function (this: NDArray): string {
    return (this._tensor ? tensorRepr(this) : null) ?? arrayStr(this);
  },
  writable: true,
  configurable: true,
});

Object.defineProperty(NDArray.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value: function (this: NDArray): string {
    return (this._tensor ? tensorRepr(this) : null) ?? arrayRepr(this);
  },
  writable: true,
  configurable: true,
});

// options.ts — NumPy's print options (np.set_printoptions / get_printoptions / printoptions), with its validation texts.

import { ValueError } from "../errors.js";
import type { NDArray } from "../ndarray.js";

export type FloatMode = "fixed" | "unique" | "maxprec" | "maxprec_equal";
export type SignMode = "-" | "+" | " ";
export type FormatterValue = number | bigint | boolean;

/** Custom element formatters, as NumPy's `formatter` dict: each gets the element as a JS value (item()'s rule). */
export interface Formatter {
  all?: (x: FormatterValue) => string;
  bool?: (x: boolean) => string;
  int?: (x: number | bigint) => string;
  float?: (x: number) => string;
  intKind?: (x: number | bigint) => string;
  floatKind?: (x: number) => string;
}

export interface PrintOptions {
  edgeitems: number;
  threshold: number;
  floatmode: FloatMode;
  precision: number;
  suppress: boolean;
  linewidth: number;
  nanstr: string;
  infstr: string;
  sign: SignMode;
  formatter: Formatter | null;
  legacy: false;
  overrideRepr: ((a: NDArray) => string) | null;
}

/** What setPrintoptions takes; an option left undefined (or null, Python's None) keeps its current value. */
export type PrintOptionsInput = { [K in keyof PrintOptions]?: PrintOptions[K] | null };

const DEFAULTS: PrintOptions = {
  edgeitems: 3, threshold: 1000, floatmode: "maxprec", precision: 8, suppress: false, linewidth: 75,
  nanstr: "nan", infstr: "inf", sign: "-", formatter: null, legacy: false, overrideRepr: null,
};

let current: PrintOptions = { ...DEFAULTS };

const FLOAT_MODES: readonly string[] = ["fixed", "unique", "maxprec", "maxprec_equal"];

/** NumPy's _make_options_dict: the given (non-undefined) options, checked with NumPy's error texts. */
export function checkedOptions(o: PrintOptionsInput): Partial<PrintOptions> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  if (o.suppress != null) out.suppress = Boolean(o.suppress);
  if (o.floatmode != null && !FLOAT_MODES.includes(o.floatmode))
    throw new ValueError("floatmode option must be one of " + FLOAT_MODES.map((m) => `"${m}"`).join(", "));
  if (o.sign != null && !["-", "+", " "].includes(o.sign)) throw new ValueError("sign option must be one of ' ', '+', or '-'");
  if (o.legacy != null && o.legacy !== false) throw new ValueError("tessera supports only legacy=false printing");
  if (o.threshold != null) {
    if (typeof o.threshold !== "number") throw new TypeError("threshold must be numeric");
    if (Number.isNaN(o.threshold)) throw new ValueError("threshold must be non-NAN, try sys.maxsize for untruncated representation");
  }
  if (o.precision != null && !Number.isInteger(o.precision)) throw new TypeError("precision must be an integer");
  return out as Partial<PrintOptions>;
}

/** The options in force now (a copy). */
export function currentOptions(): PrintOptions {
  return { ...current };
}

/** np.set_printoptions: as NumPy, `formatter` and `overrideRepr` are reset unless given. */
export function setPrintoptions(opts: PrintOptionsInput = {}): void {
  const given = checkedOptions(opts);
  current = { ...current, ...given, formatter: opts.formatter ?? null, overrideRepr: opts.overrideRepr ?? null };
}

/** np.get_printoptions, with camelCase keys. */
export function getPrintoptions(): PrintOptions {
  return { ...current };
}

/**
 * np.printoptions as a scope: applies `opts` while `fn` runs and restores the previous options afterwards
 * (also when fn throws). Returns fn's result; fn receives the options in force. Options apply synchronously only.
 */
export function printoptions<T>(opts: PrintOptionsInput, fn: (opts: PrintOptions) => T): T {
  if (typeof fn !== "function") throw new TypeError("printoptions(opts, fn) needs the function to run with the options");
  const saved = current;
  setPrintoptions(opts);
  try {
    return fn(getPrintoptions());
  } finally {
    current = saved;
  }
}

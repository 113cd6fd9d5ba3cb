// ufunc-defs.ts — every ufunc's per-element expression, once, per storage domain.
// Domains: "f" float (number), "i" ≤32-bit ints (number), "b" 64-bit ints (bigint), "?" bool (0/1).
// scripts/gen-kernels.ts turns each expression into strided loops; a loop NumPy has (src/core/ufunc-loops.ts)
// whose domain has no expression here fails the build, so forgetting a rule cannot pass silently.
// `$a`, `$b` are the operands; `S.` is src/kernels/scalar.ts; `o` is the output typed array.

export type Domain = "f" | "i" | "b" | "?";
export interface UfuncDef {
  readonly nin: 1 | 2;
  readonly expr: Partial<Record<Domain, string>>;
}

const cmp = (op: string): UfuncDef => ({ nin: 2, expr: { f: `+($a ${op} $b)`, i: `+($a ${op} $b)`, b: `+($a ${op} $b)`, "?": `+($a ${op} $b)` } });
const same = (e: string): Partial<Record<Domain, string>> => ({ f: e, i: e, b: e, "?": e });
const f = (e: string): UfuncDef => ({ nin: 1, expr: { f: e } });

export const UFUNC_DEFS = {
  add: { nin: 2, expr: { f: "$a + $b", i: "$a + $b", b: "$a + $b", "?": "$a | $b" } },
  subtract: { nin: 2, expr: { f: "$a - $b", i: "$a - $b", b: "$a - $b" } },
  multiply: { nin: 2, expr: { f: "$a * $b", i: "Math.imul($a, $b)", b: "$a * $b", "?": "$a & $b" } },
  true_divide: { nin: 2, expr: { f: "$a / $b" } },
  floor_divide: { nin: 2, expr: { f: "S.floordivF($a, $b, o)", i: "S.floordivI($a, $b)", b: "S.floordivB($a, $b)" } },
  remainder: { nin: 2, expr: { f: "S.modF($a, $b, o)", i: "S.modI($a, $b)", b: "S.modB($a, $b)" } },
  fmod: { nin: 2, expr: { f: "$a % $b", i: "($b === 0 ? 0 : $a % $b)", b: "($b === 0n ? 0n : $a % $b)" } },
  power: { nin: 2, expr: { f: "S.powF($a, $b)", i: "S.powI($a, $b)", b: "S.powB($a, $b)" } },
  arctan2: { nin: 2, expr: { f: "Math.atan2($a, $b)" } },
  hypot: { nin: 2, expr: { f: "Math.hypot($a, $b)" } },
  copysign: { nin: 2, expr: { f: "S.copysign($a, $b)" } },
  maximum: { nin: 2, expr: { f: "($a >= $b || $a !== $a ? $a : $b)", i: "($a >= $b ? $a : $b)", b: "($a >= $b ? $a : $b)", "?": "$a | $b" } },
  minimum: { nin: 2, expr: { f: "($a <= $b || $a !== $a ? $a : $b)", i: "($a <= $b ? $a : $b)", b: "($a <= $b ? $a : $b)", "?": "$a & $b" } },
  fmax: { nin: 2, expr: { f: "($a >= $b || $b !== $b ? $a : $b)", i: "($a >= $b ? $a : $b)", b: "($a >= $b ? $a : $b)", "?": "$a | $b" } },
  fmin: { nin: 2, expr: { f: "($a <= $b || $b !== $b ? $a : $b)", i: "($a <= $b ? $a : $b)", b: "($a <= $b ? $a : $b)", "?": "$a & $b" } },
  equal: cmp("==="),
  not_equal: cmp("!=="),
  less: cmp("<"),
  less_equal: cmp("<="),
  greater: cmp(">"),
  greater_equal: cmp(">="),
  logical_and: { nin: 2, expr: { f: "+($a !== 0 && $b !== 0)", i: "+($a !== 0 && $b !== 0)", b: "+($a !== 0n && $b !== 0n)", "?": "$a & $b" } },
  logical_or: { nin: 2, expr: { f: "+($a !== 0 || $b !== 0)", i: "+($a !== 0 || $b !== 0)", b: "+($a !== 0n || $b !== 0n)", "?": "$a | $b" } },
  logical_xor: { nin: 2, expr: { f: "+(($a !== 0) !== ($b !== 0))", i: "+(($a !== 0) !== ($b !== 0))", b: "+(($a !== 0n) !== ($b !== 0n))", "?": "$a ^ $b" } },
  bitwise_and: { nin: 2, expr: { i: "$a & $b", b: "$a & $b", "?": "$a & $b" } },
  bitwise_or: { nin: 2, expr: { i: "$a | $b", b: "$a | $b", "?": "$a | $b" } },
  bitwise_xor: { nin: 2, expr: { i: "$a ^ $b", b: "$a ^ $b", "?": "$a ^ $b" } },
  left_shift: { nin: 2, expr: { i: "S.shlI($a, $b)", b: "S.shlB($a, $b)" } },
  right_shift: { nin: 2, expr: { i: "S.shrI($a, $b)", b: "S.shrB($a, $b)" } },

  negative: { nin: 1, expr: { f: "-$a", i: "-$a", b: "-$a" } },
  positive: { nin: 1, expr: { f: "$a", i: "$a", b: "$a" } },
  absolute: { nin: 1, expr: { f: "Math.abs($a)", i: "Math.abs($a)", b: "($a < 0n ? -$a : $a)", "?": "$a" } },
  sign: { nin: 1, expr: { f: "S.signF($a)", i: "($a > 0 ? 1 : $a < 0 ? -1 : 0)", b: "($a > 0n ? 1n : $a < 0n ? -1n : 0n)" } },
  square: { nin: 1, expr: { f: "$a * $a", i: "Math.imul($a, $a)", b: "$a * $a" } },
  // `o` is the generated loop's output array: x86 gives INT_MIN for (int)(1.0 / 0) but 0 for (unsigned)(1.0 / 0).
  reciprocal: { nin: 1, expr: { f: "1 / $a", i: "S.recipI($a, o)", b: "S.recipB($a, o)" } },
  sqrt: f("Math.sqrt($a)"),
  cbrt: f("Math.cbrt($a)"),
  exp: f("Math.exp($a)"),
  exp2: f("Math.pow(2, $a)"),
  log: f("Math.log($a)"),
  log2: f("Math.log2($a)"),
  log10: f("Math.log10($a)"),
  log1p: f("Math.log1p($a)"),
  expm1: f("Math.expm1($a)"),
  sin: f("Math.sin($a)"),
  cos: f("Math.cos($a)"),
  tan: f("Math.tan($a)"),
  arcsin: f("Math.asin($a)"),
  arccos: f("Math.acos($a)"),
  arctan: f("Math.atan($a)"),
  sinh: f("Math.sinh($a)"),
  cosh: f("Math.cosh($a)"),
  tanh: f("Math.tanh($a)"),
  arcsinh: f("Math.asinh($a)"),
  arccosh: f("Math.acosh($a)"),
  arctanh: f("Math.atanh($a)"),
  deg2rad: f("S.deg2rad($a, o)"),
  rad2deg: f("S.rad2deg($a, o)"),
  floor: { nin: 1, expr: { ...same("$a"), f: "Math.floor($a)" } },
  ceil: { nin: 1, expr: { ...same("$a"), f: "Math.ceil($a)" } },
  trunc: { nin: 1, expr: { ...same("$a"), f: "Math.trunc($a)" } },
  rint: f("S.rint($a)"),
  logical_not: { nin: 1, expr: { f: "+($a === 0)", i: "+($a === 0)", b: "+($a === 0n)", "?": "$a ^ 1" } },
  invert: { nin: 1, expr: { i: "~$a", b: "~$a", "?": "$a ^ 1" } },
  isnan: { nin: 1, expr: { f: "+($a !== $a)", i: "0", b: "0", "?": "0" } },
  isinf: { nin: 1, expr: { f: "+($a === Infinity || $a === -Infinity)", i: "0", b: "0", "?": "0" } },
  isfinite: { nin: 1, expr: { f: "+($a - $a === 0)", i: "1", b: "1", "?": "1" } },
  signbit: f("S.signbit($a)"),
} satisfies Record<string, UfuncDef>;

export type UfuncName = keyof typeof UFUNC_DEFS;

/** Which domain a NumPy type char computes in. */
export function domainOf(char: string): Domain {
  if (char === "?") return "?";
  if (char === "f" || char === "d") return "f";
  if (char === "l" || char === "L") return "b";
  return "i";
}

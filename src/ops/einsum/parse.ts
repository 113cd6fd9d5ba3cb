// einsum/parse.ts — einsum's subscript grammar, twice: as NumPy's C core parses it (c_einsum, the errors of
// np.einsum) and as numpy/_core/einsumfunc.py parses it (the errors of np.einsum_path and optimize=True).
// Labels are character codes; every ellipsis dimension gets a pseudo-label ≥ BROADCAST, right-aligned as
// NumPy broadcasts them, so the rest of einsum sees one uniform labelling.

import { IndexError, ValueError } from "../../core/errors.js";

/** Pseudo-label of broadcast (ellipsis) dimension j of the output's ellipsis block. */
export const BROADCAST = 128;

/** einsum's 52 labels in NumPy's order: the sublist form's integer s names SYMBOLS[s]. */
export const SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export interface Parsed {
  /** Per operand, one label per axis (repeats kept; ellipsis axes as BROADCAST + j). */
  inputs: number[][];
  /** One label per output axis. */
  output: number[];
  /** How many dimensions the ellipsis stands for (the most any operand gives it). */
  nBroadcast: number;
  /** True when the output was given with "->". */
  explicit: boolean;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The sublist form np.einsum(a, [0, 1], b, [1, 2], [0, 2]) as its subscripts string, with c_einsum's errors. */
export function sublistsToSubscripts(args: readonly unknown[]): { subscripts: string; operands: unknown[] } {
  if (args.length < 2) throw new ValueError("must provide at least an operand and a subscripts list to einsum");
  const operands: unknown[] = [];
  const terms: string[] = [];
  let i = 0;
  for (; i + 1 < args.length; i += 2) {
    operands.push(args[i]);
    terms.push(sublist(args[i + 1]));
  }
  let s = terms.join(",");
  if (i < args.length) s += "->" + sublist(args[i]);
  return { subscripts: s, operands };
}

function sublist(list: unknown): string {
  if (!Array.isArray(list)) throw new TypeError("the subscripts for each operand must be a list or a tuple");
  let s = "", ellipsis = false;
  for (const item of list) {
    if (item === "..." || item === null) {
      if (ellipsis) throw new ValueError("each subscripts list may have only one ellipsis");
      ellipsis = true;
      s += "...";
    } else if (typeof item === "number" && Number.isInteger(item)) {
      if (item < 0 || item >= 52) throw new ValueError("subscript is not within the valid range [0, 52)");
      s += SYMBOLS[item];
    } else throw new TypeError("each subscript must be either an integer or an ellipsis");
  }
  return s;
}

/** Parse as NumPy's C einsum does (PyArray_EinsteinSum), with its error texts and their order. */
export function parseC(subscripts: string, ndims: readonly number[]): Parsed {
  const nop = ndims.length;
  const counts = new Map<number, number>();
  const raw: number[][] = [];
  let pos = 0;
  for (let iop = 0; iop < nop; iop++) {
    let end = pos;
    while (end < subscripts.length && subscripts[end] !== "," && subscripts[end] !== "-") end++;
    if (iop === nop - 1 && subscripts[end] === ",")
      throw new ValueError("more operands provided to einstein sum function than specified in the subscripts string");
    if (iop < nop - 1 && subscripts[end] !== ",")
      throw new ValueError("fewer operands provided to einstein sum function than specified in the subscripts string");
    raw.push(parseOperand(subscripts.slice(pos, end), ndims[iop]!, iop, counts));
    pos = iop < nop - 1 ? end + 1 : end;
  }
  const zeros = raw.map((l) => l.filter((x) => x === 0).length);
  const nBroadcast = Math.max(0, ...zeros);
  const inputs = raw.map((l, iop) => {
    let j = nBroadcast - zeros[iop]!;
    return l.map((x) => (x === 0 ? BROADCAST + j++ : x));
  });
  const rest = subscripts.slice(pos);
  let output: number[];
  if (rest === "") {
    output = Array.from({ length: nBroadcast }, (_, j) => BROADCAST + j);
    for (const c of [...counts.keys()].sort((a, b) => a - b)) if (counts.get(c) === 1) output.push(c);
  } else {
    if (!rest.startsWith("->")) throw new ValueError("einstein sum subscript string does not contain proper '->' output specified");
    output = parseOutput(rest.slice(2), nBroadcast, counts);
  }
  return { inputs, output, nBroadcast, explicit: rest !== "" };
}

/** One operand's labels (0 marks an ellipsis axis), as parse_operand_subscripts. */
function parseOperand(s: string, ndim: number, iop: number, counts: Map<number, number>): number[] {
  const labels: number[] = [];
  let ellipsis = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      if (labels.length >= ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${iop}`);
      labels.push(c);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    } else if (s[i] === ".") {
      if (ellipsis !== -1 || i + 2 >= s.length || s[++i] !== "." || s[++i] !== ".")
        throw new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${iop}`);
      ellipsis = labels.length;
    } else if (s[i] !== " ") {
      throw new ValueError(`invalid subscript '${s[i]}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (ellipsis === -1) {
    if (labels.length !== ndim)
      throw new ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    return labels;
  }
  return [...labels.slice(0, ellipsis), ...new Array<number>(ndim - labels.length).fill(0), ...labels.slice(ellipsis)];
}

function parseOutput(s: string, nBroadcast: number, counts: Map<number, number>): number[] {
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      if (s.indexOf(s[i]!, i + 1) !== -1) throw new ValueError(`einstein sum subscripts string includes output subscript '${s[i]}' multiple times`);
      if (!counts.has(c)) throw new ValueError(`einstein sum subscripts string included output subscript '${s[i]}' which never appeared in an input`);
      out.push(c);
    } else if (s[i] === ".") {
      if (ellipsis || i + 2 >= s.length || s[++i] !== "." || s[++i] !== ".")
        throw new ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      ellipsis = true;
      for (let j = 0; j < nBroadcast; j++) out.push(BROADCAST + j);
    } else if (s[i] !== " ") {
      throw new ValueError(`invalid subscript '${s[i]}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (!ellipsis && nBroadcast > 0)
    throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  return out;
}

/**
 * Parse as numpy/_core/einsumfunc.py's _parse_einsum_input and einsum_path's size check do, with their error
 * texts. Returns the same labelling as parseC (ellipsis axes as pseudo-labels) plus each label's size.
 */
export function parsePy(subscripts: string, shapes: readonly (readonly number[])[]): Parsed & { sizes: Map<number, number> } {
  const s = subscripts.replaceAll(" ", "");
  for (const ch of s) if (!".,->".includes(ch) && !SYMBOLS.includes(ch)) throw new ValueError(`Character ${ch} is not a valid symbol.`);
  if (s.includes("-") || s.includes(">")) {
    const count = (t: string) => s.split(t).length - 1;
    if (count("-") > 1 || count(">") > 1 || count("->") !== 1) throw new ValueError("Subscripts can only contain one '->'.");
  }
  const explicit = s.includes("->");
  const [lhs, rhs] = explicit ? (s.split("->") as [string, string]) : [s, ""];
  const terms = lhs.split(",");
  let longest = 0;
  const counts: number[] = [];
  terms.forEach((t, num) => {
    if (!t.includes(".")) return;
    if (t.split(".").length - 1 !== 3 || t.split("...").length - 1 !== 1) throw new ValueError("Invalid Ellipses.");
    const shape = shapes[num];
    // NumPy indexes operands[num] here; a missing operand is an IndexError there.
    if (shape === undefined) throw new IndexError("list index out of range");
    const n = shape.length === 0 ? 0 : Math.max(shape.length, 1) - (t.length - 3);
    if (n < 0) throw new ValueError("Ellipses lengths do not match.");
    counts[num] = n;
    longest = Math.max(longest, n);
  });
  const code = (ch: string) => ch.charCodeAt(0);
  const ellipsisLabels = (n: number) => Array.from({ length: n }, (_, j) => BROADCAST + longest - n + j);
  // Python's str.replace("...", letters): every "..." in a term becomes that term's ellipsis letters.
  const expand = (t: string, n: number) => t.split("...").flatMap((part, k) => [...(k > 0 ? ellipsisLabels(n) : []), ...[...part].map(code)]);
  const inputs = terms.map((t, num) => expand(t, counts[num] ?? 0));
  const all = inputs.flat();
  let output: number[];
  if (explicit) output = expand(rhs, longest);
  else {
    const once = [...new Set(all)].filter((c) => c < BROADCAST && all.indexOf(c) === all.lastIndexOf(c));
    output = [...ellipsisLabels(longest), ...once.sort((a, b) => a - b)];
  }
  for (const c of output) {
    if (output.indexOf(c) !== output.lastIndexOf(c)) throw new ValueError(`Output character ${labelChar(c)} appeared more than once in the output.`);
    if (!all.includes(c)) throw new ValueError(`Output character ${labelChar(c)} did not appear in the input`);
  }
  if (terms.length !== shapes.length) throw new ValueError("Number of einsum subscripts must be equal to the number of operands.");
  const sizes = new Map<number, number>();
  const joined = terms.join(",");
  inputs.forEach((term, tnum) => {
    const sh = shapes[tnum]!;
    if (sh.length !== term.length)
      throw new ValueError(`Einstein sum subscript ${joined[tnum] ?? ""} does not contain the correct number of indices for operand ${tnum}.`);
    term.forEach((c, k) => {
      const dim = sh[k]!, prev = sizes.get(c);
      if (prev === undefined || prev === 1) sizes.set(c, dim);
      else if (dim !== 1 && dim !== prev)
        throw new ValueError(`Size of label '${labelChar(c)}' for operand ${tnum} (${prev}) does not match previous terms (${dim}).`);
    });
  });
  return { inputs, output, nBroadcast: longest, explicit, sizes };
}

/** The character NumPy would print for a label (ellipsis pseudo-labels get letters from the end of SYMBOLS). */
export function labelChar(c: number): string {
  return c < BROADCAST ? String.fromCharCode(c) : `[${c - BROADCAST}]`;
}

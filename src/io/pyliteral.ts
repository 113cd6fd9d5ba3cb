// pyliteral.ts — the subset of Python's ast.literal_eval and repr() that .npy headers use: dicts, tuples, lists,
// strings, ints, floats, True/False/None. Parsing failures raise SyntaxError, as literal_eval does.

/** A Python int is a bigint here, so `(2, 3)` and `(2.0, 3)` stay distinguishable, as NumPy's header check needs. */
export type PyValue = string | bigint | number | boolean | null | PyTuple | PyValue[] | PyDict;

export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

export class PyDict {
  constructor(readonly entries: [PyValue, PyValue][]) {}
  get(key: string): PyValue | undefined {
    // A repeated key keeps its last value, as in a Python dict display.
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]![0] === key) return this.entries[i]![1];
    return undefined;
  }
}

export interface ParseOptions {
  /** Accept Python 2 long literals (`3L`), as NumPy's fallback filter does for format versions 1.0 and 2.0. */
  longSuffix?: boolean;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "\n": "" };

/** Parse one Python literal (surrounding whitespace allowed). */
export function parsePyLiteral(text: string, opts: ParseOptions = {}): PyValue {
  let pos = 0;
  const fail = (): never => {
    throw new SyntaxError(`invalid Python literal at position ${pos}`);
  };
  const skipSpace = (): void => {
    for (;;) {
      while (pos < text.length && " \t\n\r\f\v".includes(text[pos]!)) pos++;
      if (text[pos] !== "#") return;
      while (pos < text.length && text[pos] !== "\n") pos++;
    }
  };
  const expect = (c: string): void => {
    skipSpace();
    if (text[pos] !== c) fail();
    pos++;
  };

  const parseString = (): string => {
    if (text[pos] === "u" || text[pos] === "U") pos++;
    const quote = text[pos]!;
    pos++;
    let out = "";
    for (;;) {
      if (pos >= text.length) fail();
      const c = text[pos++]!;
      if (c === quote) return out;
      if (c === "\n") fail();
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = text[pos++];
      if (e === undefined) fail();
      if (e === "x" || e === "u" || e === "U") {
        const n = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = text.slice(pos, pos + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail();
        out += String.fromCodePoint(parseInt(hex, 16));
        pos += n;
      } else if (e! in ESCAPES) out += ESCAPES[e!];
      else out += "\\" + e;
    }
  };

  const parseNumber = (): bigint | number => {
    const m = /^[+-]?(\d[\d_]*)?(\.\d*)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    const s = m?.[0] ?? "";
    if (!/\d/.test(s)) fail();
    pos += s.length;
    const clean = s.replace(/_/g, "");
    if (m![2] === undefined && m![3] === undefined) {
      if (opts.longSuffix && (text[pos] === "L" || text[pos] === "l")) pos++;
      return BigInt(clean);
    }
    return Number(clean);
  };

  /** Items up to `close`; returns them and whether a trailing comma was seen (it makes `(1,)` a tuple). */
  const parseItems = (close: string): { items: PyValue[]; comma: boolean } => {
    const items: PyValue[] = [];
    let comma = false;
    for (;;) {
      skipSpace();
      if (text[pos] === close) {
        pos++;
        return { items, comma };
      }
      items.push(parseValue());
      skipSpace();
      comma = text[pos] === ",";
      if (comma) pos++;
      else if (text[pos] !== close) fail();
    }
  };

  const parseValue = (): PyValue => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) return fail();
    if (c === "'" || c === '"' || ((c === "u" || c === "U") && (text[pos + 1] === "'" || text[pos + 1] === '"'))) return parseString();
    if (c === "(") {
      pos++;
      const { items, comma } = parseItems(")");
      // `(x)` is just x; `()` and `(x,)` are tuples.
      return items.length === 1 && !comma ? items[0]! : new PyTuple(items);
    }
    if (c === "[") {
      pos++;
      return parseItems("]").items;
    }
    if (c === "{") {
      pos++;
      const entries: [PyValue, PyValue][] = [];
      for (;;) {
        skipSpace();
        if (text[pos] === "}") {
          pos++;
          return new PyDict(entries);
        }
        const key = parseValue();
        expect(":");
        entries.push([key, parseValue()]);
        skipSpace();
        if (text[pos] === ",") pos++;
        else if (text[pos] !== "}") fail();
      }
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(pos))?.[0];
    if (word !== undefined) {
      pos += word.length;
      if (word === "True") return true;
      if (word === "False") return false;
      if (word === "None") return null;
      return fail();
    }
    return parseNumber();
  };

  const v = parseValue();
  skipSpace();
  if (pos !== text.length) fail();
  return v;
}

/** Python's repr() of a str: single quotes unless the text holds ' and no ". */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) out += "\\x" + cp.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + q;
}

/** Python's repr() of a bytes object: b'\x93NUMPY'. */
export function pyBytesRepr(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "b" + q;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + q;
}

/** Python's repr() of a parsed literal. */
export function pyRepr(v: PyValue): string {
  if (typeof v === "string") return pyStrRepr(v);
  if (typeof v === "bigint") return String(v);
  if (typeof v === "number") return floatRepr(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null) return "None";
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(", ")})`;
  if (v instanceof PyDict) return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  return `[${v.map(pyRepr).join(", ")}]`;
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  return String(x).replace(/e([+-])(\d)$/, "e$10$2");
}

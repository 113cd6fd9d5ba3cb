// npy.ts — NumPy's .npy format (versions 1.0, 2.0, 3.0) encoded and decoded over Uint8Arrays, with no file system,
// so browsers can use it too. Byte-for-byte what numpy.lib.format writes; errors with numpy's texts.
// Spec: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html

import { castCopy } from "../core/convert.js";
import { DTYPE_INFO, toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { isCContiguous, isFContiguous, shapeRepr, shapeSize } from "../core/shape.js";
import { PyDict, PyTuple, parsePyLiteral, pyBytesRepr, pyRepr, pyStrRepr, type PyValue } from "./pyliteral.js";

export const NPY_MAGIC = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59); // b"\x93NUMPY"
const MAGIC_LEN = NPY_MAGIC.length + 2;
const ARRAY_ALIGN = 64;
/** numpy leaves room in the header to grow the first (C) or last (Fortran) axis in place: len(str(8*2**64-1)). */
const GROWTH_AXIS_MAX_DIGITS = 21;
const MAX_HEADER_SIZE = 10000;
/** numpy reads non-file streams (npz members) in chunks of this many bytes, which shapes its EOF message. */
const BUFFER_SIZE = 2 ** 18;
const HOST_LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

type Version = 1 | 2 | 3;
const HEADER_LEN_BYTES: Record<Version, number> = { 1: 2, 2: 4, 3: 4 };

/** The type part of each dtype's descr; one-byte types carry "|" (no byte order), the rest the host's. */
const DESCR_CODE: Record<DType, string> = {
  bool: "b1", int8: "i1", uint8: "u1", int16: "i2", uint16: "u2", int32: "i4", uint32: "u4",
  int64: "i8", uint64: "u8", float32: "f4", float64: "f8",
};
const CODE_DTYPE = new Map<string, DType>(Object.entries(DESCR_CODE).map(([d, c]) => [c, d as DType]));

/** dtypes NumPy has and tessera does not yet: loading them is refused with the NumPy name in the message. */
const UNSUPPORTED: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:c8|F|complex64)$/, () => "complex64"],
  [/^(?:c16|D|complex128|complex)$/, () => "complex128"],
  [/^(?:c32|G|clongdouble)$/, () => "clongdouble"],
  [/^(?:f2|e|float16|half)$/, () => "float16"],
  [/^(?:f16|f12|g|longdouble|float128)$/, () => "longdouble"],
  [/^(?:U(\d*)|str)$/, (m) => `str${m[1] ? ` (<U${m[1]})` : ""}`],
  [/^(?:[Sa](\d*)|bytes)$/, (m) => `bytes${m[1] ? ` (|S${m[1]})` : ""}`],
  [/^(?:V(\d*)|void)$/, () => "void"],
  [/^(?:M8?(\[\w+\])?|datetime64(\[\w+\])?)$/, (m) => `datetime64${m[1] ?? m[2] ?? ""}`],
  [/^(?:m8?(\[\w+\])?|timedelta64(\[\w+\])?)$/, (m) => `timedelta64${m[1] ?? m[2] ?? ""}`],
  [/^(?:T|StringDType\(\))$/, () => "StringDType"],
];

/** The descr string numpy writes for a dtype: '<f8', '|b1'. */
export function npyDescr(dtype: DType): string {
  const code = DESCR_CODE[dtype];
  return (DTYPE_INFO[dtype].itemsize === 1 ? "|" : HOST_LITTLE ? "<" : ">") + code;
}

/** .npy bytes for an array as np.save writes them: [header, data]. Contiguous data is a view, not a copy. */
export function encodeNpy(a: NDArray): Uint8Array[] {
  // numpy keeps a Fortran-ordered array's memory as it is (fortran_order True); any other layout is written in C order.
  const cContig = isCContiguous(a.shape, a._strides);
  const fortran = !cContig && isFContiguous(a.shape, a._strides);
  const src = cContig || fortran ? a : castCopy(a, a.dtype);
  return [npyHeader(a.dtype, a.shape, fortran), rawBytes(src)];
}

/** The header (magic, version, length, dict and padding) numpy writes, in the oldest version that can hold it. */
export function npyHeader(dtype: DType, shape: readonly number[], fortranOrder: boolean): Uint8Array {
  let dict = `{'descr': ${pyStrRepr(npyDescr(dtype))}, 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${shapeRepr(shape)}, }`;
  if (shape.length > 0) dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - String(shape[fortranOrder ? shape.length - 1 : 0]).length);
  return wrapHeader(dict, 1) ?? wrapHeader(dict, 2)!;
}

/** numpy's _wrap_header: pad with spaces and a newline so the data starts on a 64-byte boundary; null if it does not fit. */
function wrapHeader(dict: string, version: Version): Uint8Array | null {
  const body = latin1Encode(dict);
  const lenBytes = HEADER_LEN_BYTES[version];
  const hlen = body.length + 1;
  const padlen = ARRAY_ALIGN - ((MAGIC_LEN + lenBytes + hlen) % ARRAY_ALIGN);
  const total = hlen + padlen;
  if (total >= 2 ** (8 * lenBytes)) return null;
  const out = new Uint8Array(MAGIC_LEN + lenBytes + total).fill(0x20);
  out.set(NPY_MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (lenBytes === 2) view.setUint16(MAGIC_LEN, total, true);
  else view.setUint32(MAGIC_LEN, total, true);
  out.set(body, MAGIC_LEN + lenBytes);
  out[out.length - 1] = 0x0a;
  return out;
}

function latin1Encode(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function latin1Decode(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** The bytes of a C- or F-contiguous array's elements, as a view of its buffer. */
function rawBytes(a: NDArray): Uint8Array {
  const size = a.itemsize;
  return new Uint8Array(a.data.buffer, a.data.byteOffset + a._offset * size, a.size * size);
}

export interface NpyReadOptions {
  /** np.load's allow_pickle: lifts the header-size limit. Object arrays still cannot be loaded into tessera. */
  allowPickle?: boolean;
  /** np.load's max_header_size (characters); default 10000. */
  maxHeaderSize?: number;
  /**
   * How numpy reads the data, which decides its message for a truncated file: "file" (np.load of a .npy) or
   * "stream" (a member of an .npz).
   */
  source?: "file" | "stream";
}

/** True when the bytes start with the .npy magic string. */
export function isNpy(bytes: Uint8Array): boolean {
  return bytes.length >= NPY_MAGIC.length && NPY_MAGIC.every((b, i) => bytes[i] === b);
}

/** Decode a whole .npy file into a fresh, writeable array (native byte order; Fortran order kept as F strides). */
export function decodeNpy(bytes: Uint8Array, opts: NpyReadOptions = {}): NDArray {
  const read = (pos: number, n: number, what: string): Uint8Array => {
    const got = Math.max(0, Math.min(n, bytes.length - pos));
    if (got < n) throw new ValueError(`EOF: reading ${what}, expected ${n} bytes got ${got}`);
    return bytes.subarray(pos, pos + n);
  };
  const magic = read(0, MAGIC_LEN, "magic string");
  if (!isNpy(magic)) throw new ValueError(`the magic string is not correct; expected ${pyBytesRepr(NPY_MAGIC)}, got ${pyBytesRepr(magic.subarray(0, 6))}`);
  const major = magic[6]!, minor = magic[7]!;
  if (minor !== 0 || (major !== 1 && major !== 2 && major !== 3))
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  const version = major as Version;
  const lenBytes = HEADER_LEN_BYTES[version];
  const lenField = read(MAGIC_LEN, lenBytes, "array header length");
  const headerLen = lenBytes === 2 ? lenField[0]! | (lenField[1]! << 8) : new DataView(lenField.buffer, lenField.byteOffset, 4).getUint32(0, true);
  const headerBytes = read(MAGIC_LEN + lenBytes, headerLen, "array header");
  const header = version === 3 ? new TextDecoder("utf-8", { fatal: true }).decode(headerBytes) : latin1Decode(headerBytes);
  const maxHeader = opts.allowPickle ? Infinity : opts.maxHeaderSize ?? MAX_HEADER_SIZE;
  if (header.length > maxHeader)
    throw new ValueError(
      `Header info length (${header.length}) is large and may not be safe to load securely.\n` +
        "To allow loading, adjust `max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\n" +
        "For safety against large resource use or crashes, sandboxing may be necessary.",
    );
  const { shape, fortranOrder, descr } = parseHeader(header, version);
  const { dtype, swap } = descrToDType(descr, opts);

  const count = shapeSize(shape);
  const itemsize = DTYPE_INFO[dtype].itemsize;
  const start = MAGIC_LEN + lenBytes + headerLen;
  const available = Math.max(0, bytes.length - start);
  if (available < count * itemsize) truncated(shape, count, itemsize, available, opts.source ?? "file");

  const out = empty(fortranOrder ? [...shape].reverse() : shape, dtype);
  const outBytes = new Uint8Array(out.data.buffer, out.data.byteOffset, count * itemsize);
  outBytes.set(bytes.subarray(start, start + count * itemsize));
  if (swap) byteswap(outBytes, itemsize);
  // tessera stores bool as exactly 0 or 1; numpy treats any nonzero byte as True.
  if (dtype === "bool") for (let i = 0; i < outBytes.length; i++) outBytes[i] = outBytes[i] ? 1 : 0;
  if (!fortranOrder) return out;
  return new NDArray(out.data, dtype, shape, [...out._strides].reverse());
}

function truncated(shape: number[], count: number, itemsize: number, available: number, source: "file" | "stream"): never {
  if (source === "file")
    throw new ValueError(
      `Failed to read all data for array. Expected ${shapeRepr(shape)} = ${count} elements, could only read ${Math.floor(available / itemsize)} elements. (file seems not fully written?)`,
    );
  const chunk = Math.floor(BUFFER_SIZE / Math.min(BUFFER_SIZE, itemsize));
  const first = Math.floor(available / itemsize / chunk) * chunk;
  const expected = Math.min(chunk, count - first) * itemsize;
  throw new ValueError(`EOF: reading array data, expected ${expected} bytes got ${available - first * itemsize}`);
}

const EXPECTED_KEYS = ["descr", "fortran_order", "shape"];

/** The header dict's checks, in numpy's order and with its messages. */
function parseHeader(header: string, version: Version): { shape: number[]; fortranOrder: boolean; descr: PyValue } {
  let d: PyValue;
  try {
    d = parsePyLiteral(header);
  } catch {
    try {
      // Files written by Python 2 may carry long literals (`3L`); numpy filters them for versions 1.0 and 2.0.
      if (version === 3) throw new SyntaxError();
      d = parsePyLiteral(header, { longSuffix: true });
    } catch {
      throw new ValueError(`Cannot parse header: ${pyStrRepr(header)}`);
    }
  }
  if (!(d instanceof PyDict)) throw new ValueError(`Header is not a dictionary: ${pyRepr(d)}`);
  const keys = [...new Set(d.entries.map(([k]) => k))];
  if (keys.length !== 3 || !EXPECTED_KEYS.every((k) => keys.includes(k))) {
    const sorted = [...keys].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    throw new ValueError(`Header does not contain the correct keys: ${pyRepr(sorted)}`);
  }
  const shape = d.get("shape")!, fortranOrder = d.get("fortran_order")!;
  if (!(shape instanceof PyTuple) || !shape.items.every((x) => typeof x === "bigint"))
    throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
  if (typeof fortranOrder !== "boolean") throw new ValueError(`fortran_order is not a valid bool: ${pyRepr(fortranOrder)}`);
  const dims = shape.items.map((x) => Number(x as bigint));
  if (dims.some((n) => n < 0)) throw new ValueError("negative dimensions are not allowed");
  return { shape: dims, fortranOrder, descr: d.get("descr")! };
}

/** Resolve a descr to a tessera dtype and whether its bytes need swapping to the host's order. */
function descrToDType(descr: PyValue, opts: NpyReadOptions): { dtype: DType; swap: boolean } {
  const invalid = (): never => {
    throw new ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  };
  if (typeof descr !== "string") {
    // A list (structured dtype) or tuple (subarray) is valid in numpy but has no tessera equivalent.
    if (Array.isArray(descr) || descr instanceof PyTuple) throw new TypeError(`tessera cannot load structured dtypes (descr ${pyRepr(descr)})`);
    return invalid();
  }
  const order = "<>|=!".includes(descr[0] ?? "") ? descr[0]! : "";
  const code = order === "" ? descr : descr.slice(1);
  if (code === "O" || code === "O8" || code === "object") {
    if (!opts.allowPickle) throw new ValueError("Object arrays cannot be loaded when allow_pickle=False");
    throw new TypeError("tessera cannot load object arrays (pickled Python objects)");
  }
  let dtype = CODE_DTYPE.get(code);
  if (dtype === undefined) {
    try {
      dtype = toDType(code === "p" ? "int64" : code === "P" ? "uint64" : code);
    } catch {
      for (const [re, name] of UNSUPPORTED) {
        const m = re.exec(code);
        if (m) throw new TypeError(`tessera does not support dtype ${name(m)} (descr ${pyStrRepr(descr)}); supported: ${Object.keys(DESCR_CODE).join(", ")}`);
      }
      return invalid();
    }
  }
  const big = order === ">" || order === "!";
  const little = order === "<";
  const swap = DTYPE_INFO[dtype].itemsize > 1 && ((big && HOST_LITTLE) || (little && !HOST_LITTLE));
  return { dtype, swap };
}

function byteswap(b: Uint8Array, itemsize: number): void {
  for (let i = 0; i < b.length; i += itemsize) {
    for (let lo = i, hi = i + itemsize - 1; lo < hi; lo++, hi--) {
      const t = b[lo]!;
      b[lo] = b[hi]!;
      b[hi] = t;
    }
  }
}

// zip.ts — the ZIP container .npz files use: reading stored and deflated members (zip64 included) and writing them
// as Python's zipfile does. Pure over Uint8Arrays; (de)compression is passed in, so node:zlib stays out of here.
// Spec: PKWARE APPNOTE.TXT 6.3; error texts are Python's zipfile's.

export class BadZipFile extends Error {
  override name = "BadZipFile";
}

/** Raw deflate (no zlib header), as ZIP method 8 stores it. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

const SIG_LOCAL = 0x04034b50, SIG_CENTRAL = 0x02014b50, SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50, SIG_LOCATOR64 = 0x07064b50;
const STORED = 0, DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1, FLAG_UTF8 = 0x800;
const LIMIT32 = 0xffffffff, LIMIT16 = 0xffff;
const VERSION = 20, VERSION_ZIP64 = 45;
/** Unix "made by" and rw------- permissions, as zipfile.ZipFile.open(name, "w") records. */
const MADE_BY_UNIX = 3 << 8, EXTERNAL_ATTR = 0o600 << 16;

/** Slicing-by-8 tables: T[k][b] is the CRC of byte b followed by k zero bytes (4x faster than one table). */
const CRC_TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 (ISO 3309, as zlib.crc32); pass the previous result to continue over several chunks. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  for (const end8 = bytes.length - 7; i < end8; i += 8) {
    const lo = (c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24))) >>> 0;
    c =
      t[1792 + (lo & 0xff)]! ^ t[1536 + ((lo >>> 8) & 0xff)]! ^ t[1280 + ((lo >>> 16) & 0xff)]! ^ t[1024 + (lo >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^ t[512 + bytes[i + 5]!]! ^ t[256 + bytes[i + 6]!]! ^ t[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ---- reading ----

export interface ZipMember {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the member's local header in the archive. */
  readonly headerOffset: number;
}

/** The members listed in the central directory, in its order (Python's ZipFile.namelist()). */
export function readZipDirectory(bytes: Uint8Array): ZipMember[] {
  const view = dataView(bytes);
  const end = findEndRecord(bytes, view);
  if (end < 0) throw new BadZipFile("File is not a zip file");
  let cdSize = view.getUint32(end + 12, true);
  let cdOffset = view.getUint32(end + 16, true);
  let recordStart = end;
  const loc = end - 20;
  if (loc >= 0 && view.getUint32(loc, true) === SIG_LOCATOR64) {
    if (view.getUint32(loc + 4, true) !== 0 || view.getUint32(loc + 16, true) > 1)
      throw new BadZipFile("zipfiles that span multiple disks are not supported");
    const rec = loc - 56;
    if (rec >= 0 && view.getUint32(rec, true) === SIG_END64) {
      cdSize = getUint64(view, rec + 40);
      cdOffset = getUint64(view, rec + 48);
      recordStart = rec;
    }
  }
  // Bytes prepended to the archive (a self-extractor stub) shift every offset; Python corrects for it the same way.
  const concat = recordStart - cdSize - cdOffset;
  const start = cdOffset + concat;
  if (start < 0) throw new BadZipFile("Bad offset for central directory");
  const members: ZipMember[] = [];
  let p = start;
  while (p < start + cdSize) {
    if (p + 46 > bytes.length) throw new BadZipFile("Truncated central directory");
    if (view.getUint32(p, true) !== SIG_CENTRAL) throw new BadZipFile("Bad magic number for central directory");
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true), extraLen = view.getUint16(p + 30, true), commentLen = view.getUint16(p + 32, true);
    let compressedSize = view.getUint32(p + 20, true), size = view.getUint32(p + 24, true), headerOffset = view.getUint32(p + 42, true);
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLen), flags);
    // A zip64 extra field holds, in this order, each of the three values whose 32-bit field is saturated.
    const extra = p + 46 + nameLen, extraEnd = extra + extraLen;
    for (let q = extra; q + 4 <= extraEnd; ) {
      const id = view.getUint16(q, true), len = view.getUint16(q + 2, true);
      if (q + 4 + len > extraEnd) throw new BadZipFile(`Corrupt extra field ${id.toString(16).padStart(4, "0")} (size=${len})`);
      if (id === 1) {
        let r = q + 4;
        const next = (): number => {
          if (r + 8 > q + 4 + len) throw new BadZipFile("Corrupt zip64 extra field");
          const v = getUint64(view, r);
          r += 8;
          return v;
        };
        if (size === LIMIT32) size = next();
        if (compressedSize === LIMIT32) compressedSize = next();
        if (headerOffset === LIMIT32) headerOffset = next();
      }
      q += 4 + len;
    }
    members.push({ name, method: view.getUint16(p + 10, true), flags, crc32: view.getUint32(p + 16, true), compressedSize, size, headerOffset: headerOffset + concat });
    p = extraEnd + commentLen;
  }
  return members;
}

/** A member's uncompressed bytes (a view of `bytes` when stored), CRC-checked. */
export function readZipMember(bytes: Uint8Array, m: ZipMember, inflateRaw?: InflateRaw): Uint8Array {
  const view = dataView(bytes);
  const h = m.headerOffset;
  if (h + 30 > bytes.length) throw new BadZipFile("Truncated file header");
  if (view.getUint32(h, true) !== SIG_LOCAL) throw new BadZipFile("Bad magic number for file header");
  const nameLen = view.getUint16(h + 26, true), extraLen = view.getUint16(h + 28, true);
  const localName = decodeName(bytes.subarray(h + 30, h + 30 + nameLen), view.getUint16(h + 6, true));
  if (localName !== m.name) throw new BadZipFile(`File name in directory '${m.name}' and header '${localName}' differ.`);
  if (m.flags & FLAG_ENCRYPTED) throw new ZipError("RuntimeError", `File '${m.name}' is encrypted, password required for extraction`);
  const start = h + 30 + nameLen + extraLen;
  const raw = bytes.subarray(start, start + m.compressedSize);
  let data: Uint8Array;
  if (m.method === STORED) data = raw;
  else if (m.method === DEFLATED) {
    if (!inflateRaw) throw new Error("deflate-compressed zip members need an inflate function");
    data = inflateRaw(raw, m.size);
  } else throw new ZipError("NotImplementedError", "That compression method is not supported");
  if (data.length !== m.size || crc32(data) !== m.crc32) throw new BadZipFile(`Bad CRC-32 for file '${m.name}'`);
  return data;
}

/** Python's other zipfile exceptions, by name. */
class ZipError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - 22;
  for (let p = last; p >= 0 && p >= last - 0xffff; p--) if (view.getUint32(p, true) === SIG_END) return p;
  return -1;
}

/** Names are UTF-8 when flag bit 11 says so, else code page 437 (its upper half below), as Python decodes them. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

function decodeName(b: Uint8Array, flags: number): string {
  if (flags & FLAG_UTF8) return new TextDecoder().decode(b);
  let s = "";
  for (const x of b) s += x < 0x80 ? String.fromCharCode(x) : CP437_HIGH[x - 0x80];
  return s;
}

function dataView(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function getUint64(view: DataView, p: number): number {
  return view.getUint32(p, true) + view.getUint32(p + 4, true) * 2 ** 32;
}

// ---- writing ----

export interface ZipInput {
  readonly name: string;
  /** The member's bytes, in pieces (written in order, never joined unless compressed). */
  readonly chunks: readonly Uint8Array[];
}

export interface ZipWriteOptions {
  /** Compress members with this (ZIP_DEFLATED); stored (ZIP_STORED) when absent. */
  deflateRaw?: DeflateRaw;
  /** Write zip64 records even when nothing needs them (Python's force_zip64; used to test the zip64 path). */
  forceZip64?: boolean;
  /** Modification time recorded for every member; default now. */
  date?: Date;
}

/** A whole archive, as pieces to write in order. */
export function writeZip(inputs: readonly ZipInput[], opts: ZipWriteOptions = {}): Uint8Array[] {
  const { time, date } = dosDateTime(opts.date ?? new Date());
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array): void => {
    out.push(b);
    offset += b.length;
  };
  for (const input of inputs) {
    const nameBytes = new TextEncoder().encode(input.name);
    const flags = /^[\x00-\x7f]*$/.test(input.name) ? 0 : FLAG_UTF8;
    let crc = 0, size = 0;
    for (const c of input.chunks) {
      crc = crc32(c, crc);
      size += c.length;
    }
    const body = opts.deflateRaw ? [opts.deflateRaw(concat(input.chunks))] : input.chunks;
    const compressedSize = body.reduce((n, c) => n + c.length, 0);
    const method = opts.deflateRaw ? DEFLATED : STORED;
    const headerOffset = offset;

    const localZip64 = opts.forceZip64 || size >= LIMIT32 || compressedSize >= LIMIT32;
    const local = new Writer(30 + nameBytes.length + (localZip64 ? 20 : 0));
    local.u32(SIG_LOCAL).u16(localZip64 ? VERSION_ZIP64 : VERSION).u16(flags).u16(method).u16(time).u16(date).u32(crc);
    local.u32(localZip64 ? LIMIT32 : compressedSize).u32(localZip64 ? LIMIT32 : size).u16(nameBytes.length).u16(localZip64 ? 20 : 0);
    local.bytes(nameBytes);
    if (localZip64) local.u16(1).u16(16).u64(size).u64(compressedSize);
    push(local.buf);
    for (const c of body) push(c);

    const big = [size, compressedSize, headerOffset].map((v) => opts.forceZip64 || v >= LIMIT32);
    const zip64Values = [size, compressedSize, headerOffset].filter((_, i) => big[i]);
    const extraLen = zip64Values.length ? 4 + 8 * zip64Values.length : 0;
    const version = zip64Values.length || localZip64 ? VERSION_ZIP64 : VERSION;
    const cd = new Writer(46 + nameBytes.length + extraLen);
    cd.u32(SIG_CENTRAL).u16(MADE_BY_UNIX | version).u16(version).u16(flags).u16(method).u16(time).u16(date).u32(crc);
    cd.u32(big[1] ? LIMIT32 : compressedSize).u32(big[0] ? LIMIT32 : size).u16(nameBytes.length).u16(extraLen).u16(0);
    cd.u16(0).u16(0).u32(EXTERNAL_ATTR).u32(big[2] ? LIMIT32 : headerOffset).bytes(nameBytes);
    if (extraLen) {
      cd.u16(1).u16(8 * zip64Values.length);
      for (const v of zip64Values) cd.u64(v);
    }
    central.push(cd.buf);
  }
  const cdOffset = offset;
  for (const c of central) push(c);
  const cdSize = offset - cdOffset;
  const n = inputs.length;
  const zip64End = opts.forceZip64 || n >= LIMIT16 || cdOffset >= LIMIT32 || cdSize >= LIMIT32;
  if (zip64End) {
    const rec = new Writer(56 + 20);
    rec.u32(SIG_END64).u64(44).u16(MADE_BY_UNIX | VERSION_ZIP64).u16(VERSION_ZIP64).u32(0).u32(0).u64(n).u64(n).u64(cdSize).u64(cdOffset);
    rec.u32(SIG_LOCATOR64).u32(0).u64(offset).u32(1);
    push(rec.buf);
  }
  const end = new Writer(22);
  end.u32(SIG_END).u16(0).u16(0);
  end.u16(zip64End ? LIMIT16 : n).u16(zip64End ? LIMIT16 : n).u32(zip64End ? LIMIT32 : cdSize).u32(zip64End ? LIMIT32 : cdOffset).u16(0);
  push(end.buf);
  return out;
}

/** MS-DOS date and time fields (local time, 2-second resolution; years before 1980 clamp to 1980, as Python refuses them). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Little-endian field writer over a fixed-size buffer. */
class Writer {
  readonly buf: Uint8Array;
  private readonly view: DataView;
  private p = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.p, v, true);
    this.p += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.p, v, true);
    this.p += 4;
    return this;
  }
  u64(v: number): this {
    this.view.setUint32(this.p, v % 2 ** 32, true);
    this.view.setUint32(this.p + 4, Math.floor(v / 2 ** 32), true);
    this.p += 8;
    return this;
  }
  bytes(b: Uint8Array): this {
    this.buf.set(b, this.p);
    this.p += b.length;
    return this;
  }
}

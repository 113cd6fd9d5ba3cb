// npz.ts — NumPy's .npz archives: a zip of .npy members, named as np.savez names them and read back lazily as
// np.load's NpzFile does. Pure over Uint8Arrays; (de)compression comes from the caller (node:zlib in node.ts).

import { asarray, type ArrayLike } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { decodeNpy, encodeNpy, isNpy, type NpyReadOptions } from "./npy.js";
import { pyStrRepr } from "./pyliteral.js";
import { readZipDirectory, readZipMember, writeZip, type DeflateRaw, type InflateRaw } from "./zip.js";

/**
 * What np.load returns for an .npz: each member as a property (decoded on first access, so one member of a dtype
 * tessera lacks does not stop the others loading) and `files`, the names in archive order. As in NumPy, a member
 * whose bytes are not .npy comes back as its raw bytes (a Uint8Array), and `z["a.npy"]` is `z.a`.
 * A member named "files" is shadowed by the list.
 */
export type NpzFile = { readonly files: string[] } & { readonly [name: string]: NDArray };

/** Arrays to save by name: the trailing `{ name: array }` of savez (NumPy's **kwds). */
export type NamedArrays = { readonly [name: string]: ArrayLike };

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const MAX_REPR_ARRAY_COUNT = 5;

class NpzArchive {
  readonly #label: string;
  declare readonly files: string[];
  constructor(files: string[], label: string) {
    this.#label = label;
    Object.defineProperty(this, "files", { value: files, enumerable: false });
  }
  /** NumPy's repr: NpzFile 'data.npz' with keys: a, b. */
  toString(): string {
    let names = this.files.slice(0, MAX_REPR_ARRAY_COUNT).join(", ");
    if (this.files.length > MAX_REPR_ARRAY_COUNT) names += "...";
    return `NpzFile ${pyStrRepr(this.#label)} with keys: ${names}`;
  }
  [INSPECT](): string {
    return this.toString();
  }
}

export interface NpzReadOptions extends NpyReadOptions {
  /** Decompresses deflated members; without it only stored members can be read. */
  inflateRaw?: InflateRaw;
  /** Shown in the NpzFile's repr (NumPy shows the file name). */
  label?: string;
}

/** Read an .npz archive; members are decoded when first accessed, then kept. */
export function decodeNpz(bytes: Uint8Array, opts: NpzReadOptions = {}): NpzFile {
  const members = readZipDirectory(bytes);
  const files = members.map((m) => (m.name.endsWith(".npy") ? m.name.slice(0, -4) : m.name));
  const z = new NpzArchive(files, opts.label ?? "object");
  members.forEach((m, i) => {
    let value: NDArray | Uint8Array | undefined;
    const get = (): NDArray | Uint8Array => {
      if (value === undefined) {
        const data = readZipMember(bytes, m, opts.inflateRaw);
        value = isNpy(data) ? decodeNpy(data, { ...opts, source: "stream" }) : data;
      }
      return value;
    };
    for (const key of new Set([files[i]!, m.name])) {
      if (key === "files" || Object.prototype.hasOwnProperty.call(z, key)) continue;
      Object.defineProperty(z, key, { get, enumerable: key === files[i], configurable: false });
    }
  });
  return z as unknown as NpzFile;
}

/** np.savez's naming: given names first, then positional arrays as arr_0, arr_1, … (a clash is NumPy's ValueError). */
export function npzMembers(args: readonly (ArrayLike | NamedArrays)[]): [string, NDArray][] {
  const last = args[args.length - 1];
  const named = last !== undefined && isNamedArrays(last) ? last : {};
  const positional = last !== undefined && isNamedArrays(last) ? args.slice(0, -1) : args;
  const out = new Map<string, NDArray>();
  for (const [name, v] of Object.entries(named)) out.set(name, asarray(v));
  positional.forEach((v, i) => {
    if (isNamedArrays(v)) throw new TypeError("savez: the { name: array } object must be the last argument");
    const key = `arr_${i}`;
    if (out.has(key)) throw new ValueError(`Cannot use un-named variables and keyword ${key}`);
    out.set(key, asarray(v));
  });
  return [...out];
}

function isNamedArrays(v: unknown): v is NamedArrays {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NDArray) && !ArrayBuffer.isView(v);
}

export interface NpzWriteOptions {
  /** Compress the members (np.savez_compressed); stored (np.savez) when absent. */
  deflateRaw?: DeflateRaw;
  /** Write zip64 records for every member, as NumPy does; default only when sizes need them. */
  forceZip64?: boolean;
}

/** An .npz archive of the given members, as pieces to write in order. */
export function encodeNpz(members: readonly [string, NDArray][], opts: NpzWriteOptions = {}): Uint8Array[] {
  return writeZip(
    members.map(([name, a]) => ({ name: `${name}.npy`, chunks: encodeNpy(a) })),
    opts,
  );
}

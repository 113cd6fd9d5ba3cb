// node.ts — `tessera/node`: np.save, np.load, np.savez and np.savez_compressed over the file system, synchronous as
// NumPy's. The formats themselves live in io/ (pure, browser-safe); this file only adds node:fs and node:zlib.

import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { asarray, type ArrayLike } from "./core/convert.js";
import { ValueError } from "./core/errors.js";
import type { NDArray } from "./core/ndarray.js";
import { decodeNpy, encodeNpy, isNpy } from "./io/npy.js";
import { decodeNpz, encodeNpz, npzMembers, type NamedArrays, type NpzFile } from "./io/npz.js";

export type { NamedArrays, NpzFile } from "./io/npz.js";

export type PathLike = string | URL;

export interface LoadOptions {
  /** NumPy's allow_pickle: only lifts the header-size limit here, as tessera cannot hold Python objects. */
  allowPickle?: boolean;
  /** NumPy's max_header_size (default 10000 characters). */
  maxHeaderSize?: number;
}

/** np.save: write one array to a .npy file (".npy" is appended when the name lacks it). */
export function save(file: PathLike, arr: ArrayLike): void {
  writeChunks(withSuffix(file, ".npy"), encodeNpy(asarray(arr)));
}

/**
 * np.load: an array from a .npy file, or an NpzFile from an .npz archive. As NumPy, the file's first bytes decide,
 * not its name; the return type follows the name when it is a literal.
 */
export function load(file: `${string}.npz`, opts?: LoadOptions): NpzFile;
export function load(file: `${string}.npy`, opts?: LoadOptions): NDArray;
export function load(file: PathLike, opts?: LoadOptions): NDArray | NpzFile;
export function load(file: PathLike, opts: LoadOptions = {}): NDArray | NpzFile {
  const path = toPath(file);
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw eofError("No data left in file");
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
  if (zip) return decodeNpz(bytes, { ...opts, inflateRaw, label: path });
  if (isNpy(bytes)) return decodeNpy(bytes, { ...opts, source: "file" });
  // NumPy would try the file as a pickle; tessera cannot hold Python objects, so it stops where NumPy's default does.
  throw new ValueError(
    "This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.",
  );
}

/** np.savez: several arrays in one uncompressed .npz, named arr_0, arr_1, … or by a trailing { name: array }. */
export function savez(file: PathLike, ...arrays: (ArrayLike | NamedArrays)[]): void {
  writeChunks(withSuffix(file, ".npz"), encodeNpz(npzMembers(arrays)));
}

/** np.savez_compressed: as savez, with every member deflate-compressed. */
export function savezCompressed(file: PathLike, ...arrays: (ArrayLike | NamedArrays)[]): void {
  writeChunks(withSuffix(file, ".npz"), encodeNpz(npzMembers(arrays), { deflateRaw: (b) => deflateRawSync(b) }));
}

function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  // The expected size bounds the output, so a corrupt or hostile member cannot inflate without limit.
  return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
}

function toPath(file: PathLike): string {
  return file instanceof URL ? fileURLToPath(file) : file;
}

/** NumPy appends the extension to names (str or path-like) that lack it. */
function withSuffix(file: PathLike, suffix: string): string {
  const path = toPath(file);
  return path.endsWith(suffix) ? path : path + suffix;
}

function writeChunks(path: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const c of chunks) {
      for (let done = 0; done < c.length; ) done += writeSync(fd, c, done, c.length - done);
    }
  } finally {
    closeSync(fd);
  }
}

function eofError(message: string): Error {
  return Object.assign(new Error(message), { name: "EOFError" });
}

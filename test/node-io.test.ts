// node-io.test.ts — tessera/node's save/load/savez against files NumPy wrote (test/fixtures/npy, from
// scripts/fixtures/npy.py): byte-for-byte saves, loads of every dtype/layout/version, NumPy's errors, and NumPy
// reading tessera's archives (when python3 with numpy is present).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import * as zlib from "node:zlib";
import { copyInto } from "../src/core/convert.js";
import { DTYPES, DTYPE_INFO, type DType } from "../src/core/dtype.js";
import { NDArray } from "../src/core/ndarray.js";
import { decodeNpy, encodeNpy } from "../src/io/npy.js";
import { decodeNpz, encodeNpz } from "../src/io/npz.js";
import { crc32, readZipDirectory } from "../src/io/zip.js";
import { load, save, savez, savezCompressed, type NpzFile } from "../src/node.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError } from "./helpers/fixtures.js";

const here = new URL(".", import.meta.url).pathname;
const ROOT = here.includes("/dist/") ? here.slice(0, here.indexOf("/dist/")) : here.slice(0, here.indexOf("/test/"));
const FIX = join(ROOT, "test/fixtures/npy");
/** Paths keep their literal suffix in the type, so load() of a ".npy"/".npz" literal is typed NDArray/NpzFile. */
const fixture = <N extends string>(name: N) => join(FIX, name) as `${string}/${N}`;

type NpzEntry = { files: string[]; arrays: Record<string, EncArray> };
const manifest = loadFixture<Record<string, EncArray | EncError | NpzEntry> & { unsupported: Record<string, unknown> }>("npy/manifest");
const enc = (name: string): EncArray => manifest[name] as EncArray;

const TMP = mkdtempSync(join(tmpdir(), "tessera-npy-"));
after(() => rmSync(TMP, { recursive: true, force: true }));
const tmp = <N extends string>(name: N) => join(TMP, name) as `${string}/${N}`;

/** load() of a path whose suffix the type does not show, checked to be an array. */
function loadArray(path: string): NDArray {
  const a = load(path);
  assert.ok(a instanceof NDArray, `${path} holds an array`);
  return a;
}
const loadNpz = (path: string): NpzFile => load(path as `${string}.npz`);

/** A copy of `a` laid out in Fortran order (an owner with F strides). */
function fortran(a: NDArray): NDArray {
  const strides: number[] = [];
  let s = 1;
  for (const d of a.shape) {
    strides.push(s);
    s *= Math.max(d, 1);
  }
  const out = new NDArray(new DTYPE_INFO[a.dtype].ctor(a.size), a.dtype, a.shape, strides);
  copyInto(out, a);
  return out;
}

/** 0..n-1 in a C-contiguous array of `dtype` and `shape`. */
function arange(dtype: DType, shape: number[]): NDArray {
  const n = shape.reduce((x, y) => x * y, 1);
  const data = new DTYPE_INFO[dtype].ctor(n) as unknown as (number | bigint)[];
  for (let i = 0; i < n; i++) data[i] = DTYPE_INFO[dtype].big ? BigInt(i) : dtype === "bool" ? i % 2 : i;
  return new NDArray(data as never, dtype, shape);
}

function bytesEqual(actual: Uint8Array, expected: Uint8Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const i = actual.findIndex((b, k) => b !== expected[k]);
  assert.equal(i, -1, `${what}: first differing byte at ${i}`);
}

const LE_FILES = DTYPES.map((d) => `${d}.npy`);
const SHAPE_FILES = ["scalar_f8.npy", "scalar_b1.npy", "empty_0x3_f4.npy", "empty_0_i8.npy", "empty_2x0_u1.npy", "cube_u2.npy"];

describe("save writes NumPy's bytes", () => {
  for (const name of [...LE_FILES, ...SHAPE_FILES]) {
    test(name, () => {
      const path = tmp(`bytes-${name}`);
      save(path, decode(enc(name)));
      bytesEqual(readFileSync(path), readFileSync(fixture(name)), name);
    });
  }

  test("views: strided and reversed are written in C order, a transpose in Fortran order (as np.save)", () => {
    const m = arange("float64", [3, 4]);
    const views: [string, NDArray][] = [
      ["view_strided_f8.npy", new NDArray(m.data, "float64", [3, 2], [4, 2], 0, m)],
      ["view_transposed_i4.npy", (() => { const b = arange("int32", [2, 3]); return new NDArray(b.data, "int32", [3, 2], [1, 3], 0, b); })()],
      ["view_reversed_i2.npy", (() => { const b = arange("int16", [5]); return new NDArray(b.data, "int16", [5], [-1], 4, b); })()],
      ["fortran_f8.npy", fortran(arange("float64", [2, 3, 4]))],
    ];
    for (const [name, view] of views) {
      assertMatches(view, enc(name), { what: name });
      save(tmp(name), view);
      bytesEqual(readFileSync(tmp(name)), readFileSync(fixture(name)), name);
    }
  });

  test("an array from a NumPy file saves back to the same bytes; big-endian files save as native", () => {
    for (const d of DTYPES) {
      save(tmp(`again-${d}.npy`), load(fixture(`${d}.npy`)));
      bytesEqual(readFileSync(tmp(`again-${d}.npy`)), readFileSync(fixture(`${d}.npy`)), d);
      if (DTYPE_INFO[d].itemsize === 1) continue;
      save(tmp(`again-be-${d}.npy`), load(fixture(`be_${d}.npy`)));
      bytesEqual(readFileSync(tmp(`again-be-${d}.npy`)), readFileSync(fixture(`${d}.npy`)), `be_${d}`);
    }
    save(tmp("again-fortran.npy"), load(fixture("fortran_f8.npy")));
    bytesEqual(readFileSync(tmp("again-fortran.npy")), readFileSync(fixture("fortran_f8.npy")), "fortran");
  });

  test("contiguous data is written straight from the buffer; the header is a multiple of 64 bytes", () => {
    const a = arange("int32", [4, 5]);
    const [header, data] = encodeNpy(a);
    assert.equal(header!.length % 64, 0);
    assert.equal(data!.buffer, a.data.buffer);
  });

  test(".npy is appended when missing; URLs are accepted", () => {
    save(tmp("plain"), [1, 2, 3]);
    assert.ok(existsSync(tmp("plain.npy")));
    save(pathToFileURL(tmp("url.npy")), 7);
    assert.deepEqual(load(tmp("url.npy")).tolist(), 7);
    savez(tmp("arch"), [1]);
    assert.ok(existsSync(tmp("arch.npz")));
  });

  test("JS values are saved as np.asarray makes them (numbers float64, bigints int64, booleans bool)", () => {
    save(tmp("js.npy"), [[1, 2], [3, 4.5]]);
    assert.equal(load(tmp("js.npy")).dtype, "float64");
    save(tmp("big.npy"), [1n, 2n ** 62n]);
    const b = load(tmp("big.npy"));
    assert.equal(b.dtype, "int64");
    assert.deepEqual(b.tolist(), [1, 2n ** 62n]);
    save(tmp("b.npy"), true);
    assert.equal(load(tmp("b.npy")).item(), true);
  });
});

describe("load reads NumPy's .npy files", () => {
  const files = [
    ...LE_FILES, ...SHAPE_FILES, ...DTYPES.filter((d) => DTYPE_INFO[d].itemsize > 1).map((d) => `be_${d}.npy`),
    "fortran_f8.npy", "fortran_be_i2.npy", "view_strided_f8.npy", "view_transposed_i4.npy", "view_reversed_i2.npy", "v2_f4.npy", "v3_i8.npy",
  ];
  for (const name of files) {
    test(name, () => {
      const a = loadArray(fixture(name));
      assertMatches(a, enc(name), { what: name });
      assert.equal(a.base, null);
      assert.ok(a.flags.writeable);
    });
  }

  test("fortran_order True gives an F-contiguous array, as NumPy", () => {
    for (const name of ["fortran_f8.npy", "fortran_be_i2.npy", "view_transposed_i4.npy"]) {
      const a = loadArray(fixture(name));
      assert.ok(a.flags.fContiguous && !a.flags.cContiguous, name);
    }
  });

  test("64-bit integers and float specials survive exactly", () => {
    assert.deepEqual(load(fixture("int64.npy")).tolist(), [[-(2n ** 63n), -1, 0], [2n ** 53n + 1n, 2n ** 63n - 1n, 123456789012]]);
    assert.deepEqual(load(fixture("uint64.npy")).tolist(), [[0, 1, 2n ** 53n + 1n], [2n ** 63n, 2n ** 64n - 1n, 42]]);
    assert.deepEqual(load(fixture("be_float64.npy")).tolist(), [[-0, 0.1, NaN], [Infinity, -Infinity, 5e-324]]);
  });

  for (const name of Object.keys(manifest).filter((k) => k.startsWith("odd/"))) {
    test(`unusual but valid: ${name}`, () => assertMatches(loadArray(fixture(name)), enc(name), { what: name }));
  }
});

describe("load refuses what NumPy refuses, with NumPy's errors", () => {
  for (const name of Object.keys(manifest).filter((k) => k.startsWith("bad/"))) {
    test(name, () => {
      const expected = manifest[name] as EncError;
      const run = name.endsWith(".npz") && !name.includes("not_zip") ? () => loadNpz(fixture(name))["a"] : () => loadArray(fixture(name));
      if (expected.error === "TokenError") {
        // NumPy's Python-2 fallback trips over the tokenizer here; the header is simply unparseable.
        assert.throws(run, { name: "ValueError", message: /^Cannot parse header: / });
        return;
      }
      assertThrowsLike(run, expected, name);
    });
  }

  test("dtypes tessera lacks are refused by name", () => {
    const expected: Record<string, RegExp> = {
      "complex128.npy": /^tessera does not support dtype complex128 \(descr '<c16'\)/,
      "float16.npy": /^tessera does not support dtype float16 \(descr '<f2'\)/,
      "str.npy": /^tessera does not support dtype str \(<U2\)/,
      "datetime.npy": /^tessera does not support dtype datetime64\[D\]/,
      "structured.npy": /^tessera cannot load structured dtypes/,
    };
    for (const [name, message] of Object.entries(expected)) assert.throws(() => loadArray(fixture(name)), { name: "TypeError", message }, name);
    assert.deepEqual(Object.keys(manifest.unsupported).sort(), [...Object.keys(expected), "object.npy"].sort());
  });

  test("allowPickle lifts the header limit; maxHeaderSize sets it", () => {
    assert.equal(load(fixture("bad/huge_header.npy"), { allowPickle: true }).size, 6);
    assert.equal(load(fixture("bad/huge_header.npy"), { maxHeaderSize: 20000 }).size, 6);
    assert.throws(() => load(fixture("float64.npy"), { maxHeaderSize: 50 }), { name: "ValueError", message: /^Header info length \(118\)/ });
    assert.throws(() => load(fixture("object.npy"), { allowPickle: true }), { name: "TypeError", message: /object arrays/ });
  });
});

describe("load reads NumPy's .npz archives", () => {
  for (const name of ["positional.npz", "named.npz", "mixed.npz", "compressed.npz", "with_text.npz", "with_complex.npz"]) {
    test(name, () => {
      const expected = manifest[name] as NpzEntry;
      const z = loadNpz(fixture(name));
      assert.deepEqual(z.files, expected.files);
      for (const [key, arr] of Object.entries(expected.arrays)) {
        assertMatches(z[key]!, arr, { what: `${name}:${key}` });
        assert.equal(z[`${key}.npy`], z[key], "z['a.npy'] is z.a");
      }
    });
  }

  test("names, enumeration and repr follow NpzFile", () => {
    const z = loadNpz(fixture("mixed.npz"));
    assert.deepEqual(z.files, ["weights", "arr_0"]);
    assert.deepEqual(Object.keys(z), ["weights", "arr_0"]);
    assert.equal(String(z), `NpzFile '${fixture("mixed.npz")}' with keys: weights, arr_0`);
    assert.equal(z["missing"], undefined);
    const c = loadNpz(fixture("compressed.npz"));
    assert.match(String(c), /with keys: bool, int8, uint8, int16, uint16\.\.\.$/);
  });

  test("members decode lazily: one unsupported member does not stop the rest", () => {
    const z = loadNpz(fixture("with_complex.npz"));
    assert.deepEqual(z.files, ["good", "bad"]);
    assertMatches(z.good!, enc("int32.npy"));
    assert.throws(() => z.bad, { name: "TypeError", message: /complex128/ });
  });

  test("a member that is not .npy comes back as its bytes", () => {
    const z = loadNpz(fixture("with_text.npz"));
    assert.deepEqual([...(z["readme.txt"] as unknown as Uint8Array)], [...new TextEncoder().encode("not an array\n")]);
  });

  test("NumPy writes zip64 local headers; the archive reader follows them", () => {
    const members = readZipDirectory(readFileSync(fixture("positional.npz")));
    assert.deepEqual(members.map((m) => m.name), ["arr_0.npy", "arr_1.npy"]);
  });
});

describe("savez / savezCompressed", () => {
  const all = Object.fromEntries(DTYPES.map((d) => [d, decode(enc(`${d}.npy`))]));

  test("every dtype round-trips, stored and compressed", () => {
    for (const fn of [savez, savezCompressed]) {
      const path = tmp(`all-${fn.name}.npz`);
      fn(path, all);
      const z = loadNpz(path);
      assert.deepEqual(z.files, DTYPES);
      for (const d of DTYPES) assertMatches(z[d]!, enc(`${d}.npy`), { what: `${fn.name}:${d}` });
    }
  });

  test("compressed archives are smaller and deflated", () => {
    const big = arange("float64", [100, 100]);
    savez(tmp("s.npz"), big);
    savezCompressed(tmp("c.npz"), big);
    assert.ok(readFileSync(tmp("c.npz")).length < readFileSync(tmp("s.npz")).length / 2);
    assert.deepEqual(readZipDirectory(readFileSync(tmp("c.npz"))).map((m) => m.method), [8]);
    assert.deepEqual(readZipDirectory(readFileSync(tmp("s.npz"))).map((m) => m.method), [0]);
  });

  test("names: arr_0, arr_1 … after the named ones, as np.savez orders them", () => {
    savez(tmp("names.npz"), [1, 2], [[true]], { w: [3], b: 4 });
    const z = loadNpz(tmp("names.npz"));
    assert.deepEqual(z.files, ["w", "b", "arr_0", "arr_1"]);
    assert.deepEqual(z.arr_1!.tolist(), [[true]]);
    assert.throws(() => savez(tmp("clash.npz"), [1], { arr_0: [2] }), { name: "ValueError", message: "Cannot use un-named variables and keyword arr_0" });
    assert.throws(() => savez(tmp("middle.npz"), { a: [1] }, [2]), { name: "TypeError" });
  });

  test("each member is the exact .npy that save writes", () => {
    const view = new NDArray(arange("int16", [4, 6]).data, "int16", [2, 3], [12, 2], 1);
    savez(tmp("member.npz"), view);
    save(tmp("member.npy"), view);
    const bytes = readFileSync(tmp("member.npz"));
    const [m] = readZipDirectory(bytes);
    const start = m!.headerOffset + 30 + "arr_0.npy".length;
    bytesEqual(bytes.subarray(start, start + m!.size), readFileSync(tmp("member.npy")), "member");
  });

  test("round trips of views, 0-d and empty arrays", () => {
    const cube = arange("uint32", [2, 3, 4]);
    const arrays = {
      scalar: new NDArray(Float32Array.of(-1.25), "float32", []),
      empty: arange("int8", [0, 5]),
      cube,
      step: new NDArray(cube.data, "uint32", [2, 2, 2], [12, 8, -1], 3, cube),
      transposed: new NDArray(cube.data, "uint32", [4, 3, 2], [1, 4, 12], 0, cube),
    };
    savez(tmp("views.npz"), arrays);
    const z = loadNpz(tmp("views.npz"));
    for (const [k, a] of Object.entries(arrays)) {
      assert.deepEqual(z[k]!.shape, a.shape, k);
      assert.equal(z[k]!.dtype, a.dtype, k);
      assert.deepEqual(z[k]!.tolist(), a.tolist(), k);
    }
  });
});

describe("format and archive edge cases", () => {
  test("save/load round-trips every dtype in every layout", () => {
    for (const d of DTYPES) {
      for (const shape of [[], [0], [3, 0, 2], [2, 3, 4]]) {
        const a = arange(d, shape);
        const candidates = [a, fortran(a)];
        if (shape.length === 3 && a.size > 0) candidates.push(new NDArray(a.data, d, [2, 2, 2], [12, 8, -2], 2, a));
        for (const v of candidates) {
          const back = decodeNpy(concat(encodeNpy(v)));
          assert.equal(back.dtype, d);
          assert.deepEqual(back.shape, v.shape);
          assert.deepEqual(back.tolist(), v.tolist(), `${d} ${JSON.stringify(shape)}`);
        }
      }
    }
  });

  test("zip64 records (forced) are read back by tessera", () => {
    const members: [string, NDArray][] = [["a", arange("int32", [3])], ["b", arange("float64", [2, 2])]];
    for (const deflateRaw of [undefined, (b: Uint8Array) => zlib.deflateRawSync(b)]) {
      const bytes = concat(encodeNpz(members, { forceZip64: true, deflateRaw }));
      const z = decodeNpz(bytes, { inflateRaw: (b) => zlib.inflateRawSync(b) });
      assert.deepEqual(z.files, ["a", "b"]);
      assert.deepEqual(z.b!.tolist(), [[0, 1], [2, 3]]);
    }
  });

  test("crc32 agrees with zlib's over every tail length and when continued", () => {
    const zcrc = (zlib as { crc32?: (b: Uint8Array) => number }).crc32;
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 13);
    const reference = zcrc ?? ((b: Uint8Array) => crc32Bitwise(b));
    for (let n = 0; n <= 40; n++) assert.equal(crc32(bytes.subarray(1, 1 + n)), reference(bytes.subarray(1, 1 + n)), `length ${n}`);
    assert.equal(crc32(bytes.subarray(9), crc32(bytes.subarray(0, 9))), crc32(bytes));
    assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  });

  test("an empty archive loads with no files", () => {
    const path = tmp("empty.npz");
    writeFileSync(path, concat(encodeNpz([])));
    const z = loadNpz(path);
    assert.deepEqual(z.files, []);
  });
});

describe("NumPy reads tessera's files", { skip: !hasNumpy() && "python3 with numpy not found" }, () => {
  test("savez, savezCompressed and forced-zip64 archives", () => {
    const all = Object.fromEntries(DTYPES.map((d) => [d, decode(enc(`${d}.npy`))]));
    savez(tmp("py-stored.npz"), all);
    savezCompressed(tmp("py-compressed.npz"), all);
    writeFileSync(tmp("py-zip64.npz"), concat(encodeNpz(Object.entries(all), { forceZip64: true })));
    savez(tmp("py-views.npz"), fortran(arange("int64", [2, 3])), new NDArray(arange("uint8", [10]).data, "uint8", [3], [-3], 9), { "名前": [1.5] });
    for (const name of ["py-stored.npz", "py-compressed.npz", "py-zip64.npz"]) {
      const got = python(tmp(name)) as Record<string, EncArray>;
      assert.deepEqual(Object.keys(got), DTYPES, name);
      for (const d of DTYPES) assert.deepEqual(got[d], enc(`${d}.npy`), `${name}:${d}`);
    }
    const views = python(tmp("py-views.npz")) as Record<string, EncArray>;
    assert.deepEqual(views["arr_0"]!.data, ["0", "1", "2", "3", "4", "5"]);
    assert.deepEqual(views["arr_1"]!.data, [9, 6, 3]);
    assert.deepEqual(views["名前"]!.data, [1.5]);
  });
});

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The textbook bit-at-a-time CRC-32, as a reference when zlib.crc32 is absent (Node < 20.15). */
function crc32Bitwise(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

function hasNumpy(): boolean {
  const r = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  return r.status === 0;
}

/** np.load an .npz in Python (after zipfile's own integrity check) and return its arrays, fixture-encoded. */
function python(path: string): unknown {
  const script = [
    "import sys, json, zipfile",
    `sys.path.insert(0, ${JSON.stringify(join(ROOT, "scripts/fixtures"))})`,
    "import numpy as np",
    "from common import enc",
    "assert zipfile.ZipFile(sys.argv[1]).testzip() is None",
    "z = np.load(sys.argv[1])",
    "print(json.dumps({k: enc(z[k]) for k in z.files}))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script, path], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

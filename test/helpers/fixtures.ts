// fixtures.ts — loads golden fixtures written by scripts/fixtures/*.py and compares tessera results with them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { NDArray } from "../../src/core/ndarray.js";
import type { DType } from "../../src/core/dtype.js";

export interface EncArray {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}
export interface EncError {
  error: string;
  message: string;
}
export type Encoded = EncArray | EncError | { tuple: EncArray[] } | { value: boolean };

/** Read test/fixtures/<name>.json (path resolved from the repo root, whether run from src or dist). */
export function loadFixture<T = unknown>(name: string): T {
  const here = new URL(".", import.meta.url).pathname;
  const root = here.includes("/dist/") ? here.slice(0, here.indexOf("/dist/")) : here.slice(0, here.indexOf("/test/"));
  return JSON.parse(readFileSync(`${root}/test/fixtures/${name}.json`, "utf8")) as T;
}

export function decodeValue(v: number | string | boolean, dtype: string): number | bigint | boolean {
  if (typeof v === "boolean") return v;
  if (dtype === "int64" || dtype === "uint64") return BigInt(v);
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "-0") return -0;
  return v as number;
}

/** Build an NDArray from a fixture encoding (C-contiguous). */
export function decode(e: EncArray): NDArray {
  const { DTYPE_INFO } = INFO;
  const info = DTYPE_INFO[e.dtype as DType];
  if (!info) throw new Error(`fixture dtype ${e.dtype} unsupported`);
  const data = new info.ctor(e.data.length) as unknown as (number | bigint)[];
  e.data.forEach((v, i) => {
    const x = decodeValue(v, e.dtype);
    data[i] = typeof x === "boolean" ? (x ? 1 : 0) : x;
  });
  return new NDArray(data as never, e.dtype as DType, e.shape);
}

import * as INFO from "../../src/core/dtype.js";

function same(a: number | bigint | boolean, b: number | bigint | boolean, rtol: number, atol: number): boolean {
  if (typeof a === "bigint" || typeof b === "bigint") return BigInt(a as never) === BigInt(b as never);
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return rtol > 0 || atol > 0 || Object.is(a, b) || a !== 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

/** Assert dtype, shape and values equal the fixture; floats within rtol (0 = exact, signed zeros included). */
export function assertMatches(actual: NDArray, expected: EncArray, opts: { rtol?: number; atol?: number; what?: string } = {}): void {
  const what = opts.what ? `${opts.what}: ` : "";
  assert.equal(actual.dtype, expected.dtype, `${what}dtype`);
  assert.deepEqual([...actual.shape], expected.shape, `${what}shape`);
  const rtol = opts.rtol ?? 0, atol = opts.atol ?? 0;
  let i = 0;
  for (const v of actual._values()) {
    const got = actual.dtype === "bool" ? v !== 0 : v;
    const want = decodeValue(expected.data[i]!, expected.dtype);
    if (!same(got, want, rtol, atol)) assert.fail(`${what}element ${i}: got ${String(got)}, expected ${String(want)}`);
    i++;
  }
  assert.equal(i, expected.data.length, `${what}size`);
}

/** Assert fn throws the fixture's error: same class name and message. */
export function assertThrowsLike(fn: () => unknown, expected: EncError, what = ""): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  if (err === undefined) assert.fail(`${what}: expected ${expected.error}: ${expected.message}, but nothing was thrown`);
  assert.ok(err instanceof Error, `${what}: threw a non-Error`);
  const names = [err.name, Object.getPrototypeOf(err)?.constructor?.name];
  const ok = names.includes(expected.error) || (expected.error === "UFuncTypeError" && err instanceof TypeError) || (expected.error === "AxisError" && err.name === "AxisError");
  assert.ok(ok, `${what}: error class ${err.name}, expected ${expected.error}`);
  assert.equal(err.message, expected.message, `${what}: message`);
}

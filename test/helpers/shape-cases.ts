// shape-cases.ts — runs the cases of test/fixtures/shape.json (scripts/fixtures/shape.py): rebuilds each input's
// exact layout over a fresh owner, calls the tessera function or method, and returns what came back.

import { np, NDArray } from "../../src/index.js";
import { decode, loadFixture, type EncArray, type Encoded } from "./fixtures.js";

export interface InputEnc {
  dtype: string;
  buf: EncArray;
  shape: number[];
  strides: number[];
  offset: number;
  writeable: boolean;
  values: EncArray;
}
export interface Meta {
  strides: number[];
  c: boolean;
  f: boolean;
  w: boolean;
  base: "in" | "none" | "other";
  write?: { index: number[]; value: number | boolean; after: EncArray };
}
export interface Case {
  name: string;
  op: string;
  method: boolean;
  prop: boolean;
  inputs: InputEnc[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  expect: Encoded;
  meta?: Meta[];
}

export const cases = loadFixture<{ cases: Case[] }>("shape").cases;

export interface Built {
  owners: NDArray[];
  xs: NDArray[];
}

export function buildInputs(c: Case): Built {
  const owners: NDArray[] = [], xs: NDArray[] = [];
  for (const e of c.inputs) {
    const owner = decode(e.buf);
    owners.push(owner);
    xs.push(new NDArray(owner.data, owner.dtype, e.shape, e.strides, e.offset, owner, e.writeable));
  }
  return { owners, xs };
}

function resolve(v: unknown, xs: NDArray[]): unknown {
  if (Array.isArray(v)) return v.map((e) => resolve(e, xs));
  if (v !== null && typeof v === "object") {
    if ("$in" in v) return xs[(v as { $in: number }).$in];
    if ("$arr" in v) return decode((v as { $arr: EncArray }).$arr);
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, resolve(e, xs)]));
  }
  return v;
}

type Fn = (...a: unknown[]) => unknown;

/** Call the case's op the way a user would write it in tessera. */
export function callCase(c: Case, xs: NDArray[]): unknown {
  const args = resolve(c.args, xs) as unknown[];
  if (Object.keys(c.kwargs).length > 0) args.push(resolve(c.kwargs, xs));
  const x0 = xs[0] as unknown as Record<string, unknown>;
  if (c.prop) return x0[c.op];
  if (c.method) return (x0[c.op] as Fn).apply(xs[0], args);
  const f = (np as unknown as Record<string, Fn>)[c.op];
  if (typeof f !== "function") throw new Error(`np.${c.op} is missing`);
  return f(...args);
}

export function describe(c: Case, i: number): string {
  const ins = c.inputs.map((e) => `${e.dtype}${JSON.stringify(e.shape)}s${JSON.stringify(e.strides)}o${e.offset}`).join(", ");
  return `#${i} ${c.name} ${c.method ? "method " : ""}${c.op}(${ins} | ${JSON.stringify(c.args.slice(c.method || c.prop ? 0 : 1))} ${JSON.stringify(c.kwargs)})`;
}

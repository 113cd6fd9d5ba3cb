// views-live.test.ts — the memory side of shape ops against the live NumPy oracle on random layouts: fast-check
// builds an array through random view chains (transposes, flips, stepped and empty slices), applies a shape op with
// random arguments (reshape targets with -1 and inserted 1s, orders, permutations, axes, tile/repeat/roll counts),
// and tessera must agree with NumPy on values, strides in bytes, C/F flags, writeability, whether `base` is the
// input's owner — or on the error class and message. Skips without python3+numpy. Runs: TESSERA_FUZZ_RUNS.

import assert from "node:assert/strict";
import { after, test } from "node:test";
import fc from "fast-check";
import { np, NDArray } from "../src/index.js";
import type { EncArray, Encoded } from "./helpers/fixtures.js";
import { assertMatches, assertThrowsLike, decode, type EncError } from "./helpers/fixtures.js";
import { Oracle, applyView, type View } from "./helpers/oracle.js";

const oracle = Oracle.start();
after(() => oracle?.close());
const skip = oracle === null ? "python3 with numpy not available" : false;
const RUNS = Number(process.env.TESSERA_FUZZ_RUNS ?? 200);
const params = { numRuns: RUNS, seed: Number(process.env.TESSERA_FUZZ_SEED ?? 7), includeErrorInReport: true };

interface Input {
  a: EncArray;
  v: View[];
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });

/** An int32 array of consecutive values (so every element is distinct) seen through a random view chain. */
const inputArb: fc.Arbitrary<Input> = shapeArb.chain((shape) => {
  const n = shape.reduce((p, q) => p * q, 1);
  const a: EncArray = { dtype: "int32", shape, data: Array.from({ length: n }, (_, i) => i) };
  const nd = shape.length;
  const view: fc.Arbitrary<View> =
    nd === 0
      ? fc.constant("T")
      : fc.oneof(
          fc.constant<View>("T"),
          fc.integer({ min: 0, max: nd - 1 }).map((ax): View => ["flip", ax]),
          fc
            .tuple(fc.integer({ min: 0, max: nd - 1 }), fc.option(fc.integer({ min: -3, max: 3 })), fc.option(fc.integer({ min: -3, max: 4 })), fc.constantFrom(1, 2, -1, -2, 3))
            .map(([ax, s, e, st]): View => ["slice", ax, s, e, st]),
        );
  return fc.array(view, { maxLength: 3 }).map((v) => ({ a, v }));
});

/** NumPy slicing resets the step of an empty slice to 1 (get_view_from_index), which the shared helper does not. */
function view(a: NDArray, v: View): NDArray {
  const r = applyView(a, v);
  if (v === "T" || v[0] === "bcast" || r.shape[v[1]] !== 0) return r;
  return new NDArray(r.data, r.dtype, r.shape, r._strides.map((s, i) => (i === v[1] ? a._strides[i]! : s)), r._offset, r.base, r._writeable);
}

/** The input as Python's dec_array makes it (a reshape view of a flat owner), then the view chain. */
function build(inp: Input): NDArray {
  const owner = decode(inp.a);
  return inp.v.reduce(view, new NDArray(owner.data, owner.dtype, owner.shape, owner._strides, 0, owner));
}

/** NumPy's answer for `expr` (in terms of x), as (values, strides, base-is-owner, C, F, writeable). */
const PROBE = (expr: string) =>
  `(lambda r, o: (r, np.asarray(r.strides, dtype=np.int64), r.base is o, r.flags.c_contiguous, r.flags.f_contiguous, r.flags.writeable))(np.asarray(${expr}), x if x.base is None else x.base)`;

interface Probe {
  py: string;
  ts: (x: NDArray) => NDArray;
}

function compare(x: NDArray, p: Probe, want: Encoded, what: string): void {
  if ("error" in want) {
    assertThrowsLike(() => p.ts(x), want as EncError, what);
    return;
  }
  const [vals, strides, isView, c, f, w] = (want as { tuple: EncArray[] }).tuple;
  const r = p.ts(x);
  assertMatches(r, vals!, { what });
  assert.deepEqual(r.strides, strides!.data.map(Number), `${what}: strides`);
  assert.equal(r.base === (x.base ?? x), isView!.data[0], `${what}: base is the input's owner`);
  if (r.size > 0) {
    assert.equal(r.flags.cContiguous, c!.data[0], `${what}: C_CONTIGUOUS`);
    assert.equal(r.flags.fContiguous, f!.data[0], `${what}: F_CONTIGUOUS`);
  }
  assert.equal(r.flags.writeable, w!.data[0], `${what}: WRITEABLE`);
}

async function run(inp: Input, probes: Probe[]): Promise<void> {
  const answers = await oracle!.eval(probes.map((p) => PROBE(p.py)), { x: inp });
  probes.forEach((p, i) => compare(build(inp), p, answers[i]!, `${p.py} on ${JSON.stringify(inp.a.shape)} via ${JSON.stringify(inp.v)}`));
}

const py = (v: unknown): string => (Array.isArray(v) ? `(${v.map(py).join(", ")}${v.length === 1 ? "," : ""})` : v === null ? "None" : JSON.stringify(v));

/** A reshape target for `size` elements: a random factorisation, shuffled, with 1s inserted and maybe one -1. */
function targetArb(size: number): fc.Arbitrary<number[]> {
  const factors: number[] = [];
  let n = size;
  for (let p = 2; n > 1; p++) while (n % p === 0) (factors.push(p), (n /= p));
  return fc.tuple(fc.shuffledSubarray(factors, { minLength: factors.length }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), fc.integer({ min: -1, max: 4 }), fc.nat(8))
    .map(([fs, cuts, ones, unknown]) => {
      // Group consecutive factors into dims at the cut points.
      const dims: number[] = [];
      let cur = 1;
      fs.forEach((q, i) => {
        cur *= q;
        if (cuts.includes(i % 4) || i === fs.length - 1) (dims.push(cur), (cur = 1));
      });
      for (let k = 0; k < ones; k++) dims.splice(k % (dims.length + 1), 0, 1);
      if (dims.length > 0 && unknown < dims.length) dims[unknown] = -1;
      return dims;
    });
}

test("live: reshape views exactly where NumPy does (strides, base, flags)", { skip }, async () => {
  const arb = inputArb.chain((inp) => {
    const size = build(inp).size;
    return fc.tuple(fc.constant(inp), targetArb(size), fc.constantFrom("C", "F", "A"));
  });
  await fc.assert(
    fc.asyncProperty(arb, ([inp, t, order]) =>
      run(inp, [
        { py: `np.reshape(x, ${py(t)}, order=${py(order)})`, ts: (x) => np.reshape(x, t, order as "C") },
        { py: `x.reshape(${py(t)})`, ts: (x) => x.reshape(t) },
      ]),
    ),
    params,
  );
});

test("live: ravel/flatten in every order, transpose, squeeze, expandDims, swapaxes, moveaxis", { skip }, async () => {
  const arb = inputArb.chain((inp) => {
    const nd = build(inp).ndim;
    const ax = fc.integer({ min: -nd - 1, max: nd });
    return fc.tuple(fc.constant(inp), fc.constantFrom("C", "F", "A", "K"), fc.shuffledSubarray([...Array(nd).keys()], { minLength: nd }), ax, ax, fc.option(ax));
  });
  await fc.assert(
    fc.asyncProperty(arb, ([inp, order, perm, a1, a2, sq]) =>
      run(inp, [
        { py: `np.ravel(x, ${py(order)})`, ts: (x) => np.ravel(x, order as "C") },
        { py: `x.flatten(${py(order)})`, ts: (x) => x.flatten(order as "C") },
        { py: `np.transpose(x, ${py(perm)})`, ts: (x) => np.transpose(x, perm) },
        { py: `x.T`, ts: (x) => x.T },
        { py: `np.squeeze(x, ${py(sq)})`, ts: (x) => np.squeeze(x, sq) },
        { py: `np.expand_dims(x, ${a1})`, ts: (x) => np.expandDims(x, a1) },
        { py: `np.swapaxes(x, ${a1}, ${a2})`, ts: (x) => np.swapaxes(x, a1, a2) },
        { py: `np.moveaxis(x, ${a1}, ${a2})`, ts: (x) => np.moveaxis(x, a1, a2) },
        { py: `np.flip(x, ${py(sq)})`, ts: (x) => np.flip(x, sq) },
        { py: `np.ascontiguousarray(x)`, ts: (x) => np.ascontiguousarray(x) },
      ]),
    ),
    params,
  );
});

test("live: copies keep NumPy's layouts (concatenate, stack, tile, repeat, roll)", { skip }, async () => {
  const arb = inputArb.chain((inp) => {
    const nd = build(inp).ndim;
    const ax = fc.integer({ min: -nd - 1, max: nd });
    return fc.tuple(fc.constant(inp), ax, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.option(ax));
  });
  await fc.assert(
    fc.asyncProperty(arb, ([inp, ax, reps, shift, rax]) =>
      run(inp, [
        { py: `np.concatenate([x, np.flip(x, 0)], ${ax})`, ts: (x) => np.concatenate([x, np.flip(x, 0)], ax) },
        { py: `np.concatenate([x, x.copy()], None)`, ts: (x) => np.concatenate([x, x.copy()], null) },
        { py: `np.stack([x, x], ${ax})`, ts: (x) => np.stack([x, x], ax) },
        { py: `np.tile(x, ${py(reps)})`, ts: (x) => np.tile(x, reps) },
        { py: `np.repeat(x, ${reps[0]}, ${py(rax)})`, ts: (x) => np.repeat(x, reps[0]!, rax) },
        { py: `np.roll(x, ${shift}, ${py(rax)})`, ts: (x) => np.roll(x, shift, rax) },
      ]),
    ),
    params,
  );
});

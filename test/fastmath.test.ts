// fastmath.test.ts — the bulk exp/log/log2/tanh/sin/cos kernels (src/wasm/fastmath.as via kernels/bulk.ts) against
// the generated reference loop (Math.*) and against NumPy (test/fixtures/fastmath.json, scripts/fixtures/fastmath.py):
// special values exactly, everything else within a few ulps, and the same result for a value wherever it sits.

import assert from "node:assert/strict";
import { test } from "node:test";
import { rng } from "./helpers/rng.js";
import { np, NDArray } from "../src/index.js";
import { BULK_UNARY } from "../src/kernels/bulk.js";
import { KERNELS } from "../src/kernels/gen/ufunc-kernels.js";
import { decode, loadFixture, type EncArray } from "./helpers/fixtures.js";

type Name = "exp" | "log" | "log2" | "tanh" | "sin" | "cos";
type Float = "float64" | "float32";
const NAMES: Name[] = ["exp", "log", "log2", "tanh", "sin", "cos"];

/**
 * Largest distance allowed, in units in the last place of the dtype, from Math.* and from NumPy. Our kernels are
 * within 0.75 ulp of the true value (1.2 for tanh; bench/NOTES.md), Math.* and NumPy within 1 (V8's tanh: 2).
 */
const ULPS: Record<Name, number> = { exp: 2, log: 2, log2: 2, tanh: 3, sin: 2, cos: 2 };

const F64 = new Float64Array(1), I64 = new BigInt64Array(F64.buffer);
const F32 = new Float32Array(1), I32 = new Int32Array(F32.buffer);

/** Position of x on the line of representable values of `dtype` (so the difference of two is their ulp distance). */
function ordinal(x: number, dtype: Float): bigint {
  if (dtype === "float32") {
    F32[0] = x;
    return BigInt(I32[0]! < 0 ? -(I32[0]! & 0x7fffffff) : I32[0]!);
  }
  F64[0] = x;
  const b = I64[0]!;
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** "" when got matches want (special values exactly, others within `ulps`), else a description. */
function mismatch(x: number, got: number, want: number, ulps: number, dtype: Float): string {
  const ok = Number.isNaN(want)
    ? Number.isNaN(got)
    : !Number.isFinite(want) || want === 0 || got === 0
      ? Object.is(got, want)
      : Number.isFinite(got) && Math.abs(Number(ordinal(got, dtype) - ordinal(want, dtype))) <= ulps;
  return ok ? "" : `x=${x}: got ${got}, want ${want}`;
}

function check(what: string, x: ArrayLike<number>, got: ArrayLike<number>, want: ArrayLike<number>, ulps: number, dtype: Float): void {
  const bad: string[] = [];
  for (let i = 0; i < x.length; i++) {
    const m = mismatch(x[i]!, got[i]!, want[i]!, ulps, dtype);
    if (m) bad.push(m);
  }
  if (bad.length) assert.fail(`${what}: ${bad.length}/${x.length} differ:\n  ${bad.slice(0, 8).join("\n  ")}`);
}

/** The generated per-element loop (Math.*) that the bulk kernel replaces. */
function reference(name: Name, x: Float64Array | Float32Array): Float64Array | Float32Array {
  const out = new (x.constructor as Float64ArrayConstructor)(x.length);
  (KERNELS[name] as Record<string, Function>).f!([x.length], out, 0, [1], x, 0, [1]);
  return out;
}

function bulk(name: Name, dtype: Float) {
  const k = BULK_UNARY[name]?.[dtype];
  assert.ok(k, `no bulk ${name} for ${dtype}`);
  return k;
}

function ctor(dtype: Float) {
  return dtype === "float64" ? Float64Array : Float32Array;
}


/** Random inputs over each function's interesting ranges and the whole range of doubles. */
function randomInputs(n: number, seed: number): Float64Array {
  const r = rng(seed), x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kind = i % 4, sign = r() < 0.5 ? -1 : 1;
    if (kind === 0) x[i] = sign * Math.exp(-745 + 1454 * r()); // every magnitude
    else if (kind === 1) x[i] = (r() - 0.5) * 1500; // exp's under/overflow, sin's reduction
    else if (kind === 2) x[i] = sign * r() * 2; // tanh's regimes, log near 1
    else x[i] = 1 + (r() - 0.5) * 2 ** -(1 + 40 * r()); // just around 1
  }
  return x;
}

const fixture = loadFixture<Record<Name, Record<Float, { x: EncArray; y: EncArray }>>>("fastmath");

for (const name of NAMES) {
  for (const dtype of ["float64", "float32"] as Float[]) {
    test(`${name} ${dtype}: matches NumPy on edge and random values`, () => {
      const { x, y } = fixture[name][dtype];
      const xs = decode(x), want = decode(y);
      const got = (np[name] as (a: NDArray) => NDArray)(xs);
      check(`${name} vs NumPy`, xs.data as Float64Array, got.data as Float64Array, want.data as Float64Array, ULPS[name], dtype);
    });

    test(`${name} ${dtype}: matches the Math.* reference loop`, () => {
      const x = new (ctor(dtype))(randomInputs(40_000, 7 + name.length));
      const fx = decode(fixture[name][dtype].x).data as Float64Array;
      for (const xs of [x, new (ctor(dtype))(fx)]) {
        const got = new (ctor(dtype))(xs.length);
        bulk(name, dtype)(got, 0, xs, 0, xs.length);
        check(`${name} vs Math.${name}`, xs, got, reference(name, xs), ULPS[name], dtype);
      }
    });
  }

  test(`${name}: a value gets the same result wherever it sits (offsets, odd tails, chunk edges, in place)`, () => {
    const x = randomInputs(4099, 99);
    x[5] = NaN;
    x[2048] = 1e300; // special lanes next to ordinary ones
    const k = bulk(name, "float64");
    const whole = new Float64Array(x.length);
    k(whole, 0, x, 0, x.length);
    const one = new Float64Array(1);
    for (let i = 0; i < x.length; i += 37) {
      k(one, 0, x, i, 1);
      assert.ok(Object.is(one[0], whole[i]), `alone vs in the run at ${i}`);
    }
    for (const [start, n] of [[1, 2047], [3, 2050], [1000, 3099]] as const) {
      const part = new Float64Array(n + 5);
      k(part, 5, x, start, n);
      for (let i = 0; i < n; i++) assert.ok(Object.is(part[5 + i], whole[start + i]), `offset ${start}+${i}`);
    }
    const inPlace = x.slice();
    k(inPlace, 0, inPlace, 0, inPlace.length);
    assert.deepEqual(inPlace, whole);
  });

  test(`${name}: np.${name} uses the bulk kernel for contiguous runs`, () => {
    const x = new NDArray(randomInputs(1001, 5), "float64", [1001]);
    const viaNp = (np[name] as (a: NDArray) => NDArray)(x).data as Float64Array;
    const direct = new Float64Array(1001);
    bulk(name, "float64")(direct, 0, x.data as Float64Array, 0, 1001);
    assert.deepEqual(viaNp, direct);
  });
}

test("special values are exact", () => {
  const specials = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 1e-310, 710, -746, 709.78, -745.1, 1e6, 1.5e6, 1e300, -1e300];
  for (const name of NAMES) {
    const x = new Float64Array(specials);
    const got = new Float64Array(x.length);
    bulk(name, "float64")(got, 0, x, 0, x.length);
    const want = reference(name, x);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(want[i]!) || want[i] === 0) assert.ok(Object.is(got[i], want[i]), `${name}(${x[i]}) = ${got[i]}, want ${want[i]}`);
    }
  }
});

test("where synchronous compiles are refused (browser main thread), the module loads asynchronously", async () => {
  const Sync = WebAssembly.Module;
  let refused = 0;
  (WebAssembly as { Module: unknown }).Module = function () {
    refused++;
    throw new RangeError("WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.");
  };
  let fresh: typeof import("../src/kernels/fastmath/wasm.js");
  try {
    const fresh2 = "../src/kernels/fastmath/wasm.js?async"; // a second instance of the module, loaded under the patch
    fresh = (await import(fresh2)) as typeof fresh;
  } finally {
    (WebAssembly as { Module: unknown }).Module = Sync;
  }
  const loaded = await new Promise<boolean>((resolve) => {
    fresh.onFastmathReady(() => resolve(true));
    setTimeout(() => resolve(false), 5000);
  });
  assert.equal(refused, 1, "the fresh module instance did not try a synchronous compile");
  assert.ok(loaded, "the asynchronous compile never finished");
  const x = new Float64Array([0, 1, -1, 700]), o = new Float64Array(4);
  fresh.fastmathKernel("exp")(o, 0, x, 0, 4);
  check("async exp", x, o, reference("exp", x), ULPS.exp, "float64");
});

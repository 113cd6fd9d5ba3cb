// memory.test.ts — the leak test: a million small ops (a.add(b).mul(2), mixed dtypes, views, scalars, out=) must
// leave the heap flat, since arrays are plain GC-managed objects (no dispose, no tidy, no caches that grow).
// Uses global.gc when node runs with --expose-gc; otherwise compares heapUsed after warm-up and at the end.

import assert from "node:assert/strict";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { np } from "../src/index.js";

/** global.gc under --expose-gc; otherwise the flag can still be turned on at run time and gc fetched from a new context. */
function findGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
const gc = findGc();

function heapAfterGc(): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

test("a million small ops keep the heap flat", { timeout: 60_000 }, (t) => {
  const a = np.arange(6, { dtype: "float64" }).reshape(2, 3);
  const b = np.array([1, 2, 3]);
  const i = np.arange(6, { dtype: "int32" });
  const out = np.zeros([2, 3]);
  let sink = 0;
  const round = (n: number): void => {
    for (let k = 0; k < n; k++) {
      const c = a.add(b).mul(2); // broadcasting, weak scalar
      const d = np.less(i, 3); // comparison to bool
      np.multiply(a, 0.5, { out }); // out=, no allocation of a result
      const e = a.T.sub(1.5); // a view as input
      sink += (c.data[0] as number) + (d.data[5] as number) + (e.data[1] as number);
    }
  };
  round(100_000); // warm-up: JIT, caches, lazily created tables
  const before = heapAfterGc();
  const t0 = Date.now();
  round(250_000); // 4 ufunc calls each (plus two views): 10^6 ops
  const ms = Date.now() - t0;
  const after = heapAfterGc();
  const grown = (after - before) / 2 ** 20;
  assert.ok(Number.isFinite(sink));
  // With gc() the heap must come back to where it was; without it, allow for garbage not yet collected.
  const bound = gc ? 8 : 64;
  t.diagnostic(`10^6 ops in ${ms} ms; heap ${(before / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MiB (gc ${gc ? "available" : "unavailable"})`);
  assert.ok(grown < bound, `heap grew by ${grown.toFixed(1)} MiB over 10^6 ops (${ms} ms); bound ${bound} MiB`);
});

// ufunc.test.ts — every ufunc against NumPy's golden answers (test/fixtures/ufuncs.json, written by
// scripts/fixtures/ufuncs.py): each dtype's loop on edge values, non-contiguous views, all mixed-dtype pairs,
// NEP 50 weak scalars, out=/dtype=/in-place, and NumPy's error classes and texts.
//
// Deliberate differences from NumPy, recorded here (and in the fixture as "f16": true):
//   - tessera has no float16. Where NumPy's loop search lands on float16 (float-only ufuncs such as sqrt, exp,
//     sin, arctan2 on bool/int8/uint8 inputs), tessera's search skips to float32; the fixture then holds NumPy's
//     answer computed with dtype=float32 (also for out= calls and for error texts naming the loop).

import assert from "node:assert/strict";
import { test } from "node:test";
import { loadFixture } from "./helpers/fixtures.js";
import { UFUNC_LOOPS } from "../src/core/ufunc-loops.js";
import { checkSpec, tolerance, type CallSpec, type SpecResult } from "./helpers/oracle.js";

interface Case extends SpecResult {
  group: string;
  call: CallSpec;
}

const { cases } = loadFixture<{ cases: Case[] }>("ufuncs");

const groups = new Map<string, Case[]>();
for (const c of cases) {
  const key = `${c.group}: ${c.call.f}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key)!.push(c);
}

for (const [key, list] of groups) {
  test(key, () => {
    const failures: string[] = [];
    for (const c of list) {
      try {
        checkSpec(c.call, c, tolerance(c.call.f, c.r));
      } catch (e) {
        failures.push((e as Error).message.split("\n")[0]!);
      }
    }
    if (failures.length) assert.fail(`${failures.length}/${list.length} cases failed:\n  ${failures.slice(0, 12).join("\n  ")}`);
  });
}

test("fixture coverage", () => {
  assert.ok(cases.length > 4000, "the ufunc fixture holds every ufunc × dtype");
  // The float16 → float32 difference may only touch ufuncs whose every loop is a float loop.
  const f16 = new Set(cases.filter((c) => c.f16).map((c) => c.call.f));
  for (const f of f16) assert.ok(UFUNC_LOOPS[f]!.every((l) => /^[fd]+->/.test(l)), `${f} has integer loops, so float16 cannot arise`);
});

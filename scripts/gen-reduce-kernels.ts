// gen-reduce-kernels.ts — writes src/kernels/gen/reduce-float.ts (not committed; `npm run gen` makes it): NumPy's float reduction loops (pairwise summation from
// numpy/_core/src/umath/loops_utils.h.src, row accumulation, running product, min/max with NaN rules) from one
// template for float64 and float32. float32 rounds after every operation (Math.fround), as NumPy's npy_float
// arithmetic does; each variant is its own function so V8 keeps its loads monomorphic.
// Run: npx tsx scripts/gen-reduce-kernels.ts

import { mkdirSync, writeFileSync } from "node:fs";

interface Domain {
  sfx: string;
  arr: string;
  /** Wrap an arithmetic result the way the dtype rounds it. */
  r: (e: string) => string;
}

const DOMAINS: Domain[] = [
  { sfx: "f64", arr: "Float64Array", r: (e) => `(${e})` },
  { sfx: "f32", arr: "Float32Array", r: (e) => `Math.fround(${e})` },
];

/** `r0 = r0 + a[i0]; ...` for the eight accumulators. */
const acc8 = (r: Domain["r"], idx: (k: number) => string): string =>
  Array.from({ length: 8 }, (_, k) => `r${k} = ${r(`r${k} + a[${idx(k)}]!`)};`).join(" ");

/**
 * min/max loops. `keep(x, m)` is true when x does NOT replace m (x < m for max); the later element wins ties, as
 * NumPy's loops give for max(0., -0.). maximum/minimum propagate NaN, fmax/fmin skip it. Runs use four
 * accumulators (the result does not depend on the order) and test for NaN only off the fast path.
 */
const EXTREMES: { name: string; keep: (x: string, m: string) => string; propagate: boolean }[] = [
  { name: "max", keep: (x, m) => `${x} < ${m}`, propagate: true },
  { name: "min", keep: (x, m) => `${x} > ${m}`, propagate: true },
  { name: "fmax", keep: (x, m) => `${x} < ${m}`, propagate: false },
  { name: "fmin", keep: (x, m) => `${x} > ${m}`, propagate: false },
];

function extremeKernels(sfx: string, arr: string): string {
  return EXTREMES.map(({ name, keep, propagate }) => {
    const step = (x: string, m: string): string =>
      propagate ? `if (!(${keep(x, m)})) { if (${x} === ${x}) ${m} = ${x}; else nan = true; }` : `if (!(${keep(x, m)}) && ${x} === ${x}) ${m} = ${x};`;
    const take = (x: string, m: string): string => (propagate ? `!(${keep(x, m)}) && ${m} === ${m}` : `!(${keep(x, m)}) && ${x} === ${x}`);
    const merge = (m: string): string => (propagate ? `if (!(${keep(m, "m0")})) m0 = ${m};` : `if (!(${keep(m, "m0")}) && ${m} === ${m}) m0 = ${m};`);
    return `
export function ${name}Run_${sfx}(m: number, a: ${arr}, o: number, s: number, n: number): number {
  ${propagate ? "if (m !== m) return m;\n  let nan = false;\n  " : ""}let m0 = m, m1 = m, m2 = m, m3 = m;
  let i = 0, p = o;
  for (const s4 = 4 * s; i + 4 <= n; i += 4, p += s4) {
    const x0 = a[p]!, x1 = a[p + s]!, x2 = a[p + 2 * s]!, x3 = a[p + 3 * s]!;
    ${step("x0", "m0")}
    ${step("x1", "m1")}
    ${step("x2", "m2")}
    ${step("x3", "m3")}
  }
  for (; i < n; i++, p += s) {
    const x = a[p]!;
    ${step("x", "m0")}
  }
  ${propagate ? "if (nan) return NaN;\n  " : ""}${merge("m1")}
  ${merge("m2")}
  ${merge("m3")}
  return m0;
}

export function ${name}Each_${sfx}(out: ${arr}, oo: number, os: number, a: ${arr}, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) {
    const x = a[p]!, m = out[q]!;
    if (${take("x", "m")}) out[q] = x;
  }
}

/** ${name}Each_${sfx} over \`rows\` runs (run k at o + k * rs) into one output run, eight rows per pass over it. */
export function ${name}Rows_${sfx}(out: ${arr}, oo: number, os: number, a: ${arr}, o: number, s: number, rs: number, rows: number, n: number): void {
  let k = 0;
  for (; k + 8 <= rows; k += 8) {
    const b = o + k * rs;
    for (let i = 0, q = oo, p = b; i < n; i++, q += os, p += s) {
      let m = out[q]!;
      for (let r = 0, t = p; r < 8; r++, t += rs) {
        const x = a[t]!;
        if (${take("x", "m")}) m = x;
      }
      out[q] = m;
    }
  }
  for (; k < rows; k++) ${name}Each_${sfx}(out, oo, os, a, o + k * rs, s, n);
}
`;
  }).join("");
}

function kernels({ sfx, arr, r }: Domain): string {
  const tree = r(`${r(`${r("r0 + r1")} + ${r("r2 + r3")}`)} + ${r(`${r("r4 + r5")} + ${r("r6 + r7")}`)}`);
  const chain = (o: string, loads: string[]): string => loads.reduce((e, l) => r(`${e} + ${l}`), o);
  const rows8 = (idx: (b: string) => string, out: string): string =>
    `${out} = ${chain(out, Array.from({ length: 8 }, (_, k) => `a[${idx(`b${k}`)}]!`))};`;
  const extremes = extremeKernels(sfx, arr);
  return `
/** One pairwise leaf (n <= PW_BLOCKSIZE) of a contiguous run: eight accumulators, then the tail. */
function leafC_${sfx}(a: ${arr}, b: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = ${r("res + a[b + i]!")};
    return res;
  }
  let r0 = a[b]!, r1 = a[b + 1]!, r2 = a[b + 2]!, r3 = a[b + 3]!, r4 = a[b + 4]!, r5 = a[b + 5]!, r6 = a[b + 6]!, r7 = a[b + 7]!;
  const e = (b + n - (n & 7)) | 0;
  let p = (b + 8) | 0;
  for (; p < e; p = (p + 8) | 0) {
    ${acc8(r, (k) => (k ? `(p + ${k}) | 0` : "p"))}
  }
  let res = ${tree};
  for (const end = (b + n) | 0; p < end; p = (p + 1) | 0) res = ${r("res + a[p]!")};
  return res;
}

/** One pairwise leaf of a strided run. */
function leafS_${sfx}(a: ${arr}, b: number, s: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = ${r("res + a[b + i * s]!")};
    return res;
  }
  let r0 = a[b]!, r1 = a[b + s]!, r2 = a[b + 2 * s]!, r3 = a[b + 3 * s]!, r4 = a[b + 4 * s]!, r5 = a[b + 5 * s]!, r6 = a[b + 6 * s]!, r7 = a[b + 7 * s]!;
  const m = n - (n & 7);
  let i = 8;
  for (; i < m; i += 8) {
    const p = b + i * s;
    ${acc8(r, (k) => (k ? `p + ${k} * s` : "p"))}
  }
  let res = ${tree};
  for (; i < n; i++) res = ${r("res + a[b + i * s]!")};
  return res;
}

/**
 * NumPy's pairwise_sum of n elements of a (offset o, stride s): below 8 a plain loop, up to PW_BLOCKSIZE eight
 * accumulators, above that the halves (split at a multiple of 8) summed recursively and added. The leaves of one
 * run are computed in a flat loop and combined in the recursion's order (see Schedule).
 */
export function pairwise_${sfx}(a: ${arr}, o: number, s: number, n: number): number {
  if (n <= PW_BLOCKSIZE) return s === 1 ? leafC_${sfx}(a, o, n) : leafS_${sfx}(a, o, s, n);
  if (n > SCHEDULE_MAX) {
    let n2 = n >> 1;
    n2 -= n2 % 8;
    return ${r(`pairwise_${sfx}(a, o, s, n2) + pairwise_${sfx}(a, o + n2 * s, s, n - n2)`)};
  }
  const sch = scheduleOf(n);
  const { starts, lens, vals } = sch;
  const L = starts.length;
  if (s === 1) for (let k = 0; k < L; k++) vals[k] = leafC_${sfx}(a, o + starts[k]!, lens[k]!);
  else for (let k = 0; k < L; k++) vals[k] = leafS_${sfx}(a, o + starts[k]! * s, s, lens[k]!);
  return combine(sch, 0, ${sfx === "f32"});
}

/**
 * out[oo + r * os] += pairwise sum of run r (n elements from o + r * rs, stride s), for r in [0, rows), in row
 * order: NumPy's reduction over the contiguous axis, one inner-loop call per row. Rows go in groups of ROWS, leaf by
 * leaf across the group, each row's additions exactly those of pairwise_${sfx}.
 */
export function pairwiseRows_${sfx}(a: ${arr}, o: number, s: number, n: number, rs: number, rows: number, out: ${arr}, oo: number, os: number): void {
  if (n <= PW_BLOCKSIZE || n > SCHEDULE_MAX || s !== 1) {
    for (let r = 0; r < rows; r++) out[oo + r * os] = ${r("out[oo + r * os]! + pairwise_" + sfx + "(a, o + r * rs, s, n)")};
    return;
  }
  const sch = scheduleOf(n);
  const { starts, lens, vals } = sch;
  const L = starts.length;
  for (let g = 0; g < rows; g += ROWS) {
    const m = Math.min(ROWS, rows - g);
    for (let k = 0; k < L; k++) {
      const st = starts[k]!, len = lens[k]!;
      for (let r = 0; r < m; r++) vals[r * L + k] = leafC_${sfx}(a, o + (g + r) * rs + st, len);
    }
    for (let r = 0; r < m; r++) {
      const q = oo + (g + r) * os;
      out[q] = ${r(`out[q]! + combine(sch, r * L, ${sfx === "f32"})`)};
    }
  }
}

/**
 * Add \`rows\` runs of n elements of a (run k starts at ao + k * rs, element stride as) into the one output run at oo
 * (stride os), each output element receiving the rows in order — NumPy's reduction over an outer axis. Eight rows
 * are added per pass over the output, which keeps every element's order of additions.
 */
export function addRows_${sfx}(o: ${arr}, oo: number, os: number, a: ${arr}, ao: number, as: number, rs: number, rows: number, n: number): void {
  let k = 0;
  if (os === 1 && as === 1) {
    for (; k + 8 <= rows; k += 8) {
      const b0 = ao + k * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs, b4 = b3 + rs, b5 = b4 + rs, b6 = b5 + rs, b7 = b6 + rs;
      for (let j = 0; j < n; j++) ${rows8((b) => `${b} + j`, "o[oo + j]")}
    }
    for (; k < rows; k++) {
      const b = ao + k * rs;
      for (let j = 0; j < n; j++) o[oo + j] = ${r("o[oo + j]! + a[b + j]!")};
    }
    return;
  }
  for (; k + 8 <= rows; k += 8) {
    const b0 = ao + k * rs, b1 = b0 + rs, b2 = b1 + rs, b3 = b2 + rs, b4 = b3 + rs, b5 = b4 + rs, b6 = b5 + rs, b7 = b6 + rs;
    for (let j = 0, q = oo, t = 0; j < n; j++, q += os, t += as) ${rows8((b) => `${b} + t`, "o[q]")}
  }
  for (; k < rows; k++) {
    const b = ao + k * rs;
    for (let j = 0, q = oo, t = b; j < n; j++, q += os, t += as) o[q] = ${r("o[q]! + a[t]!")};
  }
}

/** acc times n elements of a (offset o, stride s), in order: NumPy's multiply reduction loop. */
export function mulRun_${sfx}(acc: number, a: ${arr}, o: number, s: number, n: number): number {
  for (let i = 0, p = o; i < n; i++, p += s) acc = ${r("acc * a[p]!")};
  return acc;
}
${extremes}`;
}

const src = `// reduce-float.ts — GENERATED by scripts/gen-reduce-kernels.ts; do not edit.
// NumPy's float reduction loops for float64 and float32 (float32 rounds after every operation).

/** NumPy's PW_BLOCKSIZE: pairwise summation uses eight accumulators at or below this length. */
const PW_BLOCKSIZE = 128;
/** Runs longer than this split in halves recursively before a schedule is used. */
const SCHEDULE_MAX = 1 << 16;

/**
 * The leaves of NumPy's pairwise recursion for one length n (offsets and lengths, in order) and the order in which
 * their sums combine, as a postfix program (k >= 0: push leaf k's sum; -1: add the top two). Computing all leaves in
 * one flat loop lets V8 inline the leaf kernel; the combination repeats the recursion's additions exactly.
 */
interface Schedule {
  starts: Int32Array;
  lens: Int32Array;
  prog: Int32Array;
  /** Leaf sums: one run's, or ROWS runs' (row r at r * L) for the row-group kernel. */
  vals: Float64Array;
  stack: Float64Array;
}

/** Rows summed together leaf by leaf: several memory streams in flight hide page-walk and DRAM latency. */
const ROWS = 8;

/** Add up the leaf sums of row r (at vals[base..]) in the recursion's order. */
function combine(sch: Schedule, base: number, f32: boolean): number {
  const { prog, vals, stack } = sch;
  let sp = 0;
  for (let i = 0; i < prog.length; i++) {
    const op = prog[i]!;
    if (op >= 0) stack[sp++] = vals[base + op]!;
    else {
      sp--;
      stack[sp - 1] = f32 ? Math.fround(stack[sp - 1]! + stack[sp]!) : stack[sp - 1]! + stack[sp]!;
    }
  }
  return stack[0]!;
}

const SCHEDULES = new Map<number, Schedule>();

function scheduleOf(n: number): Schedule {
  let sch = SCHEDULES.get(n);
  if (sch !== undefined) return sch;
  const starts: number[] = [], lens: number[] = [], prog: number[] = [];
  const visit = (o: number, m: number): void => {
    if (m <= PW_BLOCKSIZE) {
      prog.push(starts.length);
      starts.push(o);
      lens.push(m);
      return;
    }
    let m2 = m >> 1;
    m2 -= m2 % 8;
    visit(o, m2);
    visit(o + m2, m - m2);
    prog.push(-1);
  };
  visit(0, n);
  sch = { starts: Int32Array.from(starts), lens: Int32Array.from(lens), prog: Int32Array.from(prog), vals: new Float64Array(starts.length * ROWS), stack: new Float64Array(64) };
  if (SCHEDULES.size >= 64) SCHEDULES.clear();
  SCHEDULES.set(n, sch);
  return sch;
}
${DOMAINS.map(kernels).join("")}
/**
 * Run every loop on small inputs at load, down every branch, so type feedback is complete before the first big call:
 * V8 compiles a long first call mid-loop (OSR), and a branch it has never seen bails out of that code. Ten rounds,
 * because V8 only starts collecting feedback for a function after several calls.
 */
function warm(): void {
  for (let round = 0; round < 10; round++) warmOnce();
}

${DOMAINS.map(({ sfx, arr }) => `const WARM_${sfx} = new ${arr}(300).map((_, i) => ((i * 7919) % 613) / 61.3 - 4.5);`).join("\n")}

function warmOnce(): void {
${DOMAINS.map(
  ({ sfx, arr }) => `  {
    const a = WARM_${sfx}, o = new ${arr}(32);
    for (const [s, n] of [[1, 5], [1, 20], [1, 136], [2, 5], [2, 20], [2, 136]] as const) pairwise_${sfx}(a, 1, s, n);
    for (const os of [1, 2]) addRows_${sfx}(o, 0, os, a, 0, os, 3, 9, 2);
    for (const [n, rows] of [[5, 2], [136, 9]] as const) pairwiseRows_${sfx}(a, 0, 1, n, 1, rows, o, 0, 1);
    mulRun_${sfx}(1, a, 0, 1, 9);
${EXTREMES.map(({ name }) => `    ${name}Run_${sfx}(a[0]!, a, 0, 1, 9);
    ${name}Run_${sfx}(NaN, a, 0, 1, 9);
    ${name}Each_${sfx}(o, 0, 1, a, 0, 1, 9);
    ${name}Rows_${sfx}(o, 0, 1, a, 0, 1, 3, 9, 2);`).join("\n")}
  }`,
).join("\n")}
}
warm();
`;

mkdirSync(new URL("../src/kernels/gen/", import.meta.url), { recursive: true });
writeFileSync(new URL("../src/kernels/gen/reduce-float.ts", import.meta.url), src);

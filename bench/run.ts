// run.ts — `npm run bench`: the workloads through tessera and through NumPy in one run, printed as ratios.
//
// NumPy runs in one python3 process (bench/numpy_bench.py, spoken to over stdin/stdout) that forks a child per
// request; tessera runs each request in its own Node child (this file with --worker). So each side's peak RSS is one
// workload's own, and the two sides alternate, ROUNDS times per workload, so both see the same machine load. The
// figure is the ratio of medians over all repeats: absolute times on a shared machine are noise.
//
//   node dist/bench/run.js [--repeats N] [--rounds R] [--only exp,log] [--thp]     (npm run bench -- --only exp)
//
// --thp adds a column: tessera again with glibc's malloc asking for transparent huge pages
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), as NumPy's allocator does; it shows what page faults on fresh
// output arrays cost (bench/NOTES.md).

import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { np, NDArray } from "../src/index.js";

const N = 10 ** 7, M = 4096;

interface Workload {
  name: string;
  label: string;
  target: number | null;
  /** Builds the inputs and returns the timed call, or a reason the row is pending. */
  setup: () => (() => unknown) | string;
}

/** Uniform random float64 data in [lo, hi) (the values only matter through their range). */
function uniform(n: number, lo: number, hi: number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = lo + (hi - lo) * Math.random();
  return d;
}

function vec(lo: number, hi: number): NDArray {
  return new NDArray(uniform(N, lo, hi), "float64", [N]);
}

type Fn = (...args: unknown[]) => NDArray;
const npAny = np as unknown as Record<string, Fn | undefined>;

function unary(name: "exp" | "log" | "log2" | "tanh" | "sin" | "cos", lo: number, hi: number): () => () => unknown {
  return () => {
    const x = vec(lo, hi), f = np[name];
    return () => f(x);
  };
}

function sum(axis: number): () => (() => unknown) | string {
  return () => {
    const f = npAny.sum;
    if (typeof f !== "function") return "pending: np.sum not exported yet";
    const a = new NDArray(uniform(M * M, 0, 1), "float64", [M, M]);
    return () => f(a, { axis });
  };
}

function transposeCopy(): (() => unknown) | string {
  const a = new NDArray(uniform(M * M, 0, 1), "float64", [M, M]);
  const asc = npAny.ascontiguousarray;
  const t = (a as unknown as { T?: NDArray }).T;
  if (typeof asc === "function" && t instanceof NDArray) return () => asc(a.T);
  // Until np.ascontiguousarray and .T land: the same copy (copyInto) of a hand-made transposed view.
  const view = new NDArray(a.data, "float64", [M, M], [1, M], 0, a);
  return () => np.array(view);
}

const WORKLOADS: Workload[] = [
  { name: "axpy", label: "a*b + c, 1e7 f64", target: 1.1, setup: () => {
    const a = vec(0, 1), b = vec(0, 1), c = vec(0, 1);
    return () => np.add(np.multiply(a, b), c);
  } },
  { name: "axpy_out", label: "  same, out= buffer", target: null, setup: () => {
    const a = vec(0, 1), b = vec(0, 1), c = vec(0, 1), t = np.empty([N]);
    return () => np.add(np.multiply(a, b, { out: t }), c, { out: t });
  } },
  { name: "exp", label: "exp, 1e7 f64", target: 2, setup: unary("exp", -20, 20) },
  { name: "exp_out", label: "  same, out= buffer", target: null, setup: () => {
    const x = vec(-20, 20), t = np.empty([N]);
    return () => np.exp(x, { out: t });
  } },
  { name: "log", label: "log, 1e7 f64", target: null, setup: unary("log", 0, 1000) },
  { name: "log2", label: "log2, 1e7 f64", target: null, setup: unary("log2", 0, 1000) },
  { name: "tanh", label: "tanh, 1e7 f64", target: null, setup: unary("tanh", -5, 5) },
  { name: "sin", label: "sin, 1e7 f64", target: null, setup: unary("sin", -100, 100) },
  { name: "cos", label: "cos, 1e7 f64", target: null, setup: unary("cos", -100, 100) },
  { name: "exp_f32", label: "exp, 1e7 f32", target: null, setup: () => {
    const x = np.array(uniform(N, -20, 20), { dtype: "float32" });
    return () => np.exp(x);
  } },
  { name: "sum0", label: "sum axis 0, 4096² f64", target: 1.2, setup: sum(0) },
  { name: "sum1", label: "sum axis 1, 4096² f64", target: 1.2, setup: sum(1) },
  { name: "transpose_copy", label: "a.T copy, 4096² f64", target: 0.8, setup: transposeCopy },
  // Indexing, sorting and sets, einsum (issue 3).
  { name: "fancy_get", label: "a[idx], 1e6 of 1e7 f64", target: 2, setup: () => {
    const a = vec(0, 1);
    const idx = new BigInt64Array(10 ** 6);
    for (let i = 0; i < idx.length; i++) idx[i] = BigInt(Math.floor(Math.random() * N));
    const ix = new NDArray(idx, "int64", [idx.length]);
    return () => a.get(ix);
  } },
  { name: "mask_get", label: "a[a > 0.5], 1e7 f64", target: 2, setup: () => {
    const a = vec(0, 1), mask = a.gt(0.5);
    return () => a.get(mask);
  } },
  { name: "unique_counts", label: "unique counts, 1e6 ints < 1000", target: 1, setup: () => {
    const d = new BigInt64Array(10 ** 6);
    for (let i = 0; i < d.length; i++) d[i] = BigInt(Math.floor(Math.random() * 1000));
    const x = new NDArray(d, "int64", [d.length]);
    return () => np.unique(x, { returnCounts: true });
  } },
  { name: "sort", label: "sort, 1e6 f64", target: 3, setup: () => {
    const x = new NDArray(uniform(10 ** 6, 0, 1), "float64", [10 ** 6]);
    return () => np.sort(x);
  } },
  { name: "einsum_bmm", label: "einsum bij,bjk->bik, 64³", target: 3, setup: () => {
    const a = new NDArray(uniform(64 ** 3, 0, 1), "float64", [64, 64, 64]), b = new NDArray(uniform(64 ** 3, 0, 1), "float64", [64, 64, 64]);
    return () => np.einsum("bij,bjk->bik", a, b);
  } },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Child mode: time one workload (one warm-up call, then `repeats` calls) and print JSON. */
function worker(name: string, repeats: number): void {
  const w = WORKLOADS.find((x) => x.name === name)!;
  const fn = w.setup();
  if (typeof fn === "string") {
    console.log(JSON.stringify({ pending: fn }));
    return;
  }
  fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  console.log(JSON.stringify({ ms, rss_mb: process.resourceUsage().maxRSS / 1024 }));
}

interface Side {
  ms?: number[];
  rss_mb?: number;
  pending?: string;
  error?: string;
}

/** One tessera child; retried once, since a concurrent `npm run build` may be rewriting dist/ under it. */
function runTessera(name: string, repeats: number, env: NodeJS.ProcessEnv = process.env, retry = true): Side {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--worker", name, String(repeats)], { encoding: "utf8", maxBuffer: 1 << 24, env });
  if (r.status === 0) return JSON.parse(r.stdout.trim().split("\n").pop()!) as Side;
  if (retry) return runTessera(name, repeats, env, false);
  const line = (r.stderr || "").split("\n").find((l) => /Error/.test(l)) ?? `exit ${r.status}`;
  return { error: line.trim().slice(0, 80) };
}

/** The python3 process, asked one workload at a time. */
class NumPy {
  private readonly lines: AsyncIterator<string>;
  private readonly proc;
  constructor(script: string) {
    this.proc = spawn("python3", [script], { stdio: ["pipe", "pipe", "inherit"] });
    this.lines = createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
  }
  async next(): Promise<Record<string, unknown>> {
    const r = await this.lines.next();
    if (r.done) throw new Error("numpy_bench.py exited");
    return JSON.parse(r.value) as Record<string, unknown>;
  }
  async run(name: string, repeats: number): Promise<Side> {
    this.proc.stdin.write(JSON.stringify({ workload: name, repeats }) + "\n");
    return (await this.next()) as Side;
  }
  close(): void {
    this.proc.stdin.end();
  }
}

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const fmt = (x: number | undefined, d = 1): string => (x === undefined ? "—" : x.toFixed(d));

async function main(): Promise<void> {
  const repeats = Number(arg("--repeats") ?? 5), rounds = Number(arg("--rounds") ?? 3);
  const only = arg("--only")?.split(",");
  const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
  const py = new NumPy(join(root, "bench/numpy_bench.py"));
  const hello = await py.next();
  console.log(`tessera vs NumPy ${String(hello.numpy)} · Node ${process.version} · medians of ${repeats}×${rounds} calls per side, sides alternating\n`);
  const thp = process.argv.includes("--thp");
  const thpEnv = { ...process.env, GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" };
  const head = ["workload", "tessera ms", "numpy ms", "ratio", "target", "", "tessera RSS MB", "numpy RSS MB", ...(thp ? ["tessera+THP ms", "ratio+THP"] : [])];
  const rows: string[][] = [];
  for (const w of WORKLOADS) {
    if (only && !only.includes(w.name)) continue;
    const ts: number[] = [], ns: number[] = [];
    let tRss = 0, nRss = 0, note = "";
    const hs: number[] = [];
    for (let r = 0; r < rounds && note === ""; r++) {
      const n = await py.run(w.name, repeats);
      const t = runTessera(w.name, repeats);
      if (thp) hs.push(...(runTessera(w.name, repeats, thpEnv).ms ?? []));
      if (n.error) note = `numpy error: ${n.error}`;
      else if (t.pending) note = t.pending;
      else if (t.error) note = `error: ${t.error}`;
      ns.push(...(n.ms ?? []));
      ts.push(...(t.ms ?? []));
      nRss = Math.max(nRss, n.rss_mb ?? 0);
      tRss = Math.max(tRss, t.rss_mb ?? 0);
    }
    const tm = ts.length && note === "" ? median(ts) : undefined, nm = ns.length ? median(ns) : undefined;
    const ratio = tm !== undefined && nm !== undefined ? tm / nm : undefined;
    const met = ratio === undefined || w.target === null ? "" : ratio <= w.target ? "met" : "MISSED";
    const hm = hs.length && note === "" ? median(hs) : undefined;
    const extra = thp ? [fmt(hm), hm !== undefined && nm !== undefined ? fmt(hm / nm, 2) : "—"] : [];
    rows.push([w.label, fmt(tm), fmt(nm), note || fmt(ratio, 2), w.target === null ? "—" : `≤ ${w.target}×`, met, note ? "—" : fmt(tRss, 0), fmt(nRss, 0), ...extra]);
    printRow(rows.at(-1)!, head);
  }
  py.close();
  console.log("\n" + [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n"));
}

function printRow(r: string[], head: string[]): void {
  const width = (i: number): number => (i === 0 ? 24 : Math.max(12, head[i]!.length + 2));
  if (printRow.first) {
    console.log(head.map((h, i) => h.padEnd(width(i))).join(""));
    printRow.first = false;
  }
  console.log(r.map((c, i) => c.padEnd(width(i))).join(""));
}
printRow.first = true;

if (process.argv[2] === "--worker") worker(process.argv[3]!, Number(process.argv[4]));
else await main();

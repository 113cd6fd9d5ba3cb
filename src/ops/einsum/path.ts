// einsum/path.ts — contraction order for einsum: NumPy's greedy and optimal path searches (a port of
// numpy/_core/einsumfunc.py, itself from opt_einsum) over label sets, and np.einsum_path's report string.

import { RuntimeError } from "../../core/errors.js";
import { BROADCAST, SYMBOLS } from "./parse.js";

/** Python's RuntimeError (NumPy raises it for an explicit path that leaves operands uncontracted). */
export { RuntimeError };

export type LabelSet = Set<number>;
export type Path = number[][];

function sizeOf(labels: Iterable<number>, sizes: ReadonlyMap<number, number>): number {
  let n = 1;
  for (const l of labels) n *= sizes.get(l)!;
  return n;
}

/** FLOPs of one contraction step, as NumPy's _flop_count. */
function flopCount(idx: LabelSet, inner: boolean, numTerms: number, sizes: ReadonlyMap<number, number>): number {
  return sizeOf(idx, sizes) * (Math.max(1, numTerms - 1) + (inner ? 1 : 0));
}

interface Contraction {
  result: LabelSet;
  remaining: LabelSet[];
  removed: LabelSet;
  contract: LabelSet;
}

/** _find_contraction: the labels a step keeps, the term list after it (new term last), and what it sums away. */
function findContraction(positions: readonly number[], inputs: readonly LabelSet[], output: LabelSet): Contraction {
  const contract = new Set<number>(), remain = new Set(output), remaining: LabelSet[] = [];
  inputs.forEach((s, i) => {
    if (positions.includes(i)) for (const l of s) contract.add(l);
    else {
      remaining.push(s);
      for (const l of s) remain.add(l);
    }
  });
  const result = new Set([...contract].filter((l) => remain.has(l)));
  const removed = new Set([...contract].filter((l) => !result.has(l)));
  remaining.push(result);
  return { result, remaining, removed, contract };
}

function optimalPath(inputs: LabelSet[], output: LabelSet, sizes: ReadonlyMap<number, number>, memoryLimit: number): Path {
  let full: [number, Path, LabelSet[]][] = [[0, [], inputs]];
  for (let iter = 0; iter < inputs.length - 1; iter++) {
    const next: [number, Path, LabelSet[]][] = [];
    for (const [cost, positions, remaining] of full) {
      const n = inputs.length - iter;
      for (let x = 0; x < n; x++)
        for (let y = x + 1; y < n; y++) {
          const c = findContraction([x, y], remaining, output);
          if (sizeOf(c.result, sizes) > memoryLimit) continue;
          next.push([cost + flopCount(c.contract, c.removed.size > 0, 2, sizes), [...positions, [x, y]], c.remaining]);
        }
    }
    if (next.length === 0) {
      const best = minBy(full, (r) => [r[0]]);
      return [...best[1], Array.from({ length: inputs.length - iter }, (_, i) => i)];
    }
    full = next;
  }
  if (full.length === 0) return [Array.from({ length: inputs.length }, (_, i) => i)];
  return minBy(full, (r) => [r[0]])[1];
}

/** The first element with the lexicographically smallest key (Python's min keeps the first of equals). */
function minBy<T>(items: readonly T[], key: (t: T) => number[]): T {
  let best: T = items[0]!;
  let bk = key(best);
  for (const it of items.slice(1)) {
    const k = key(it);
    for (let i = 0; i < k.length; i++) {
      if (k[i]! < bk[i]!) {
        best = it;
        bk = k;
        break;
      }
      if (k[i]! > bk[i]!) break;
    }
  }
  return best;
}

type Candidate = { sort: [number, number]; pos: [number, number]; sets: LabelSet[] };

function parsePossible(pos: [number, number], inputs: LabelSet[], output: LabelSet, sizes: ReadonlyMap<number, number>, memoryLimit: number, pathCost: number, naiveCost: number): Candidate | null {
  const c = findContraction(pos, inputs, output);
  const newSize = sizeOf(c.result, sizes);
  if (newSize > memoryLimit) return null;
  const removedSize = sizeOf(inputs[pos[0]]!, sizes) + sizeOf(inputs[pos[1]]!, sizes) - newSize;
  const cost = flopCount(c.contract, c.removed.size > 0, 2, sizes);
  if (pathCost + cost > naiveCost) return null;
  return { sort: [-removedSize, cost], pos, sets: c.remaining };
}

/** _update_other_results: renumber the surviving candidates after `best` was contracted. */
function updateOthers(results: Candidate[], best: Candidate): Candidate[] {
  const [bx, by] = best.pos;
  const out: Candidate[] = [];
  for (const { sort, pos: [x, y], sets } of results) {
    if (x === bx || x === by || y === bx || y === by) continue;
    const s = [...sets];
    s.splice(by - +(by > x) - +(by > y), 1);
    s.splice(bx - +(bx > x) - +(bx > y), 1);
    s.splice(s.length - 1, 0, best.sets[best.sets.length - 1]!);
    out.push({ sort, pos: [x - +(x > bx) - +(x > by), y - +(y > bx) - +(y > by)], sets: s });
  }
  return out;
}

function greedyPath(inputs: LabelSet[], output: LabelSet, sizes: ReadonlyMap<number, number>, memoryLimit: number): Path {
  if (inputs.length === 1) return [[0]];
  if (inputs.length === 2) return [[0, 1]];
  const all = findContraction(inputs.map((_, i) => i), inputs, output);
  const naiveCost = flopCount(all.contract, all.removed.size > 0, inputs.length, sizes);
  let pairs: [number, number][] = [];
  for (let x = 0; x < inputs.length; x++) for (let y = x + 1; y < inputs.length; y++) pairs.push([x, y]);
  let known: Candidate[] = [];
  let pathCost = 0;
  const path: Path = [];
  const n0 = inputs.length;
  for (let iter = 0; iter < n0 - 1; iter++) {
    for (const pos of pairs) {
      if (isDisjoint(inputs[pos[0]]!, inputs[pos[1]]!)) continue;
      const r = parsePossible(pos, inputs, output, sizes, memoryLimit, pathCost, naiveCost);
      if (r) known.push(r);
    }
    if (known.length === 0) {
      for (let x = 0; x < inputs.length; x++)
        for (let y = x + 1; y < inputs.length; y++) {
          const r = parsePossible([x, y], inputs, output, sizes, memoryLimit, pathCost, naiveCost);
          if (r) known.push(r);
        }
      if (known.length === 0) {
        path.push(inputs.map((_, i) => i));
        break;
      }
    }
    const best = minBy(known, (c) => c.sort);
    known = updateOthers(known, best);
    inputs = best.sets;
    const last = inputs.length - 1;
    pairs = Array.from({ length: last }, (_, i) => [i, last] as [number, number]);
    path.push(best.pos);
    pathCost += best.sort[1];
  }
  return path;
}

function isDisjoint(a: LabelSet, b: LabelSet): boolean {
  for (const l of a) if (b.has(l)) return false;
  return true;
}

export type PathType = "greedy" | "optimal" | false | Path;

/**
 * einsum_path's choice of path: an explicit path is used as given; one or two operands, or nothing to sum,
 * is a single step; otherwise greedy or optimal within memoryLimit (default: the largest input or output).
 */
export function choosePath(inputs: readonly (readonly number[])[], output: readonly number[], sizes: ReadonlyMap<number, number>, type: PathType, memoryLimit?: number): Path {
  if (Array.isArray(type)) return type.map((p) => [...p]);
  const sets = inputs.map((t) => new Set(t));
  const outSet = new Set(output);
  const indices = new Set(inputs.flat());
  const everything = inputs.map((_, i) => i);
  if (type === false || inputs.length <= 2 || (indices.size === outSet.size && [...indices].every((l) => outSet.has(l)))) return [everything];
  const limit = memoryLimit ?? Math.max(...[...inputs, output].map((t) => sizeOf(t, sizes)));
  return type === "greedy" ? greedyPath(sets, outSet, sizes, limit) : optimalPath(sets, outSet, sizes, limit);
}

/** Letters for every label: ellipsis pseudo-labels take letters no term uses (NumPy picks them arbitrarily). */
function letterer(inputs: readonly (readonly number[])[], output: readonly number[]): (l: number) => string {
  const used = new Set([...inputs.flat(), ...output].filter((l) => l < BROADCAST));
  const free = [...SYMBOLS].filter((c) => !used.has(c.charCodeAt(0)));
  return (l) => (l < BROADCAST ? String.fromCharCode(l) : free[free.length - 1 - (l - BROADCAST)] ?? "?");
}

/** Python's "%.3e". */
function sci(x: number): string {
  const s = x.toExponential(3);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function pad(s: string, w: number): string {
  return s.length >= w ? s : " ".repeat(w - s.length) + s;
}

/** np.einsum_path's report: the header block and one line per contraction, formatted as NumPy formats it. */
export function pathReport(inputs: readonly (readonly number[])[], output: readonly number[], sizes: ReadonlyMap<number, number>, path: Path): string {
  const L = letterer(inputs, output);
  const str = (t: readonly number[]) => t.map(L).join("");
  let sets = inputs.map((t) => new Set(t));
  const outSet = new Set(output);
  const list = inputs.map(str);
  const outStr = str(output);
  const costs: number[] = [], scales: number[] = [], sizesOut: number[] = [];
  const lines: [number, string, string][] = [];
  path.forEach((step, cnum) => {
    const inds = [...step].sort((a, b) => b - a);
    const c = findContraction(inds, sets, outSet);
    sets = c.remaining;
    costs.push(flopCount(c.contract, c.removed.size > 0, inds.length, sizes));
    scales.push(c.contract.size);
    sizesOut.push(sizeOf(c.result, sizes));
    const tmp = inds.map((x) => list.splice(x, 1)[0]!);
    const result = cnum === path.length - 1 ? outStr : [...c.result].sort((a, b) => sizes.get(a)! - sizes.get(b)! || (L(a) < L(b) ? -1 : 1)).map(L).join("");
    list.push(result);
    lines.push([c.contract.size, `${tmp.join(",")}->${result}`, `${list.join(",")}->${outStr}`]);
  });
  if (list.length !== 1) throw new RuntimeError(`Invalid einsum_path is specified: ${list.length - 1} more operands has to be contracted.`);
  const indices = new Set(inputs.flat());
  const inner = inputs.reduce((s, t) => s + new Set(t).size, 0) - indices.size > 0;
  const naive = flopCount(indices, inner, inputs.length, sizes);
  const opt = costs.reduce((a, b) => a + b, 0) + 1;
  let s = `  Complete contraction:  ${inputs.map(str).join(",")}->${outStr}\n`;
  s += `         Naive scaling:  ${indices.size}\n`;
  s += `     Optimized scaling:  ${Math.max(...scales)}\n`;
  s += `      Naive FLOP count:  ${sci(naive)}\n`;
  s += `  Optimized FLOP count:  ${sci(opt)}\n`;
  s += `   Theoretical speedup:  ${(naive / opt).toFixed(3)}\n`;
  s += `  Largest intermediate:  ${sci(Math.max(...sizesOut))} elements\n`;
  s += "-".repeat(74) + "\n";
  s += `${pad("scaling", 6)} ${pad("current", 24)} ${pad("remaining", 40)}\n`;
  s += "-".repeat(74);
  for (const [sc, cur, rem] of lines) s += `\n${pad(String(sc), 4)}    ${pad(cur, 24)} ${pad(rem, 40)}`;
  return s;
}

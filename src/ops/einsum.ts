// einsum.ts — np.einsum and np.einsumPath. Subscripts are parsed as NumPy's C core parses them (same errors, same
// order of checks); a single operand that only permutes axes or takes diagonals comes back as a writable view
// (NumPy's get_single_op_view); everything else is contracted pairwise along NumPy's greedy path, each pair as
// one batched matrix product (einsum/contract.ts).

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { canCast, promoteTypes, toDType, type Casting, type DType } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { isCContiguous } from "../core/shape.js";
import { computeDType } from "./matmul.js";
import { contractPair, diagonal, sumOut, type Term } from "./einsum/contract.js";
import { parseC, parsePy, sublistsToSubscripts } from "./einsum/parse.js";
import { RuntimeError, choosePath, pathReport, type Path, type PathType } from "./einsum/path.js";

export type EinsumOptimize = boolean | "greedy" | "optimal" | readonly unknown[];

export interface EinsumOptions {
  out?: NDArray | null;
  dtype?: DType | string | null;
  /** Accepted for NumPy compatibility; results are C-ordered. */
  order?: "K" | "C" | "F" | "A";
  casting?: Casting;
  optimize?: EinsumOptimize;
}

function isOptions(x: unknown): x is EinsumOptions {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/** Split einsum's arguments into subscripts, operands and options (string form or sublist form). */
function splitArgs(args: readonly unknown[]): { subscripts: string; operands: NDArray[]; opts: EinsumOptions } {
  const opts = args.length > 0 && isOptions(args[args.length - 1]) ? (args[args.length - 1] as EinsumOptions) : {};
  const rest = opts === args[args.length - 1] ? args.slice(0, -1) : args;
  if (rest.length === 0)
    throw new ValueError("must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list");
  if (typeof rest[0] === "string") {
    if (rest.length === 1) throw new ValueError("must specify the einstein sum subscripts string and at least one operand");
    return { subscripts: rest[0], operands: rest.slice(1).map((x) => asarray(x as ArrayLike)), opts };
  }
  const { subscripts, operands } = sublistsToSubscripts(rest);
  return { subscripts, operands: operands.map((x) => asarray(x as ArrayLike)), opts };
}

/** The path type NumPy's einsum_path makes of an `optimize` argument, and its memory limit if given. */
function pathType(optimize: unknown): { type: PathType; limit?: number } {
  if (optimize === true) return { type: "greedy" };
  if (optimize === false || optimize === null || optimize === undefined) return { type: false };
  if (optimize === "greedy" || optimize === "optimal") return { type: optimize };
  if (typeof optimize === "string") throw new KeyError(`('Path name %s not found', '${optimize}')`);
  if (Array.isArray(optimize) && optimize[0] === "einsum_path") return { type: optimize.slice(1).map((p) => [...(p as number[])]) };
  if (Array.isArray(optimize) && optimize.length === 2 && (optimize[0] === "greedy" || optimize[0] === "optimal") && typeof optimize[1] === "number")
    return { type: optimize[0], limit: Math.trunc(optimize[1]) };
  throw new TypeError(`Did not understand the path: ${String(optimize)}`);
}

class KeyError extends Error {
  override name = "KeyError";
}

/** einsum_path's walk over an explicit path: each step pops its operands (IndexError past the end), one must remain. */
function checkExplicitPath(path: Path, nop: number): void {
  let n = nop;
  for (const step of path) {
    for (const x of [...step].sort((p, q) => q - p)) {
      if (x >= n || x < -n) throw new IndexError("pop index out of range");
      n--;
    }
    n++;
  }
  if (n !== 1) throw new RuntimeError(`Invalid einsum_path is specified: ${n - 1} more operands has to be contracted.`);
}

/** Python's "(3,)" / "(2,newaxis,3)" for NpyIter's remapped-shape message (leading newaxes are not printed). */
function iterShape(vals: readonly number[]): string {
  let i = 0;
  while (i < vals.length && vals[i]! < 0) i++;
  if (i === vals.length) return "()";
  let s = `(${vals[i++]}`;
  for (; i < vals.length; i++) s += vals[i]! < 0 ? ",newaxis" : `,${vals[i]}`;
  return s + (vals.length === 1 ? ",)" : ")");
}

/**
 * Sizes of every label, broadcasting size-1 dimensions as NumPy's iterator does, with its errors: the iterator's
 * axes are the output labels then the summed labels in ASCII order, and `out` takes part without broadcasting.
 */
function labelSizes(terms: readonly Term[], output: readonly number[], out: NDArray | null): Map<number, number> {
  const summed = [...new Set(terms.flatMap((t) => t.labels))].filter((l) => !output.includes(l)).sort((a, b) => a - b);
  const iter = [...output, ...summed];
  const ops = terms.map((t) => ({ arr: t.arr, axes: iter.map((l) => t.labels.indexOf(l)) }));
  if (out) ops.push({ arr: out, axes: iter.map((_, i) => (i < output.length ? i : -1)) });
  const sizes = new Map<number, number>();
  iter.forEach((l, d) => {
    let size = 1;
    for (const op of ops) {
      const ax = op.axes[d]!;
      if (ax < 0) continue;
      const n = op.arr.shape[ax]!;
      if (n === size || n === 1) continue;
      if (size !== 1) {
        const parts = ops.map((o) => `${iterShape(o.arr.shape)}->${iterShape(o.axes.map((x) => (x < 0 ? -1 : o.arr.shape[x]!)))} `);
        throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join("")}`);
      }
      size = n;
    }
    sizes.set(l, size);
  });
  if (out)
    output.forEach((l, d) => {
      if (out.shape[d] === 1 && sizes.get(l) !== 1)
        throw new ValueError(`output operand requires a reduction along dimension ${d}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`);
    });
  return sizes;
}

/** NumPy's get_single_op_view: the output as a view of the one operand, or null when a label is summed. */
function singleOpView(a: NDArray, labels: readonly number[], output: readonly number[]): NDArray | null {
  const dims = output.map(() => 0), strides = output.map(() => 0);
  for (let d = 0; d < labels.length; d++) {
    const i = output.indexOf(labels[d]!);
    if (i === -1) return null;
    const n = a.shape[d]!;
    if (dims[i] !== 0 && dims[i] !== n)
      throw new ValueError(`dimensions in single operand for collapsing index '${String.fromCharCode(labels[d]!)}' don't match (${dims[i]} != ${n})`);
    dims[i] = n;
    strides[i]! += a._strides[d]!;
  }
  return new NDArray(a.data, a.dtype, dims, strides, a._offset, a, a._writeable);
}

/** Drop each size-1 axis whose label broadcasts to a larger size elsewhere (its one element pairs with every index). */
function dropBroadcast(t: Term, sizes: ReadonlyMap<number, number>): Term {
  const keep = t.labels.map((l, d) => !(t.arr.shape[d] === 1 && sizes.get(l) !== 1));
  if (keep.every(Boolean)) return t;
  const a = t.arr, ax = keep.flatMap((k, d) => (k ? [d] : []));
  return { arr: new NDArray(a.data, a.dtype, ax.map((d) => a.shape[d]!), ax.map((d) => a._strides[d]!), a._offset), labels: ax.map((d) => t.labels[d]!) };
}

/** Contract the terms along `path` (NumPy's convention: each step pops its operands and appends the result). */
function runPath(terms: Term[], output: readonly number[], path: Path, cdt: ReturnType<typeof computeDType>, clamp: boolean): Term {
  const list = [...terms];
  path.forEach((step, s) => {
    const picked = [...step].sort((x, y) => y - x).map((x) => {
      if (x >= list.length) throw new IndexError("pop index out of range");
      return list.splice(x, 1)[0]!;
    });
    const needed = new Set([...output, ...list.flatMap((t) => t.labels)]);
    const last = s === path.length - 1;
    let acc = picked[0]!;
    for (let i = 1; i < picked.length; i++) {
      const keep = new Set([...needed, ...picked.slice(i + 1).flatMap((t) => t.labels)]);
      acc = contractPair(acc, picked[i]!, keep, cdt, clamp, last && i === picked.length - 1 ? output : null);
    }
    acc = sumOut(acc, acc.labels.filter((l) => !needed.has(l)), cdt, clamp);
    list.push(acc);
  });
  return list[0]!;
}

/**
 * np.einsum(subscripts, ...operands, { out, dtype, casting, order, optimize }) — also the sublist form
 * np.einsum(a, [0, 1], b, [1, 2], [0, 2]) with "..." for Ellipsis.
 */
export function einsum(subscripts: string | ArrayLike, ...operands: (ArrayLike | EinsumOptions | readonly (number | string)[])[]): NDArray {
  const { subscripts: subs, operands: ops, opts } = splitArgs([subscripts, ...operands]);
  const out = opts.out ?? null;
  const casting = opts.casting ?? "safe";
  const { type, limit } = pathType(opts.optimize);
  if (type !== false) parsePy(subs, ops.map((o) => o.shape)); // optimize goes through NumPy's Python parser first
  if (Array.isArray(type)) checkExplicitPath(type, ops.length);
  const parsed = parseC(subs, ops.map((o) => o.ndim));
  const output = parsed.output;
  const tensor = ops.some((o) => o._tensor);
  const mark = (r: NDArray) => {
    if (tensor) r._tensor = true;
    return r;
  };
  if (out && out.ndim !== output.length)
    throw new ValueError(`out parameter does not have the correct number of dimensions, has ${out.ndim} but should have ${output.length}`);
  if (ops.length === 1 && !out && output.length > 0) {
    const v = singleOpView(ops[0]!, parsed.inputs[0]!, output);
    if (v) return mark(v);
  }
  const diags = ops.map((o, i) => diagonal(o, parsed.inputs[i]!, i));
  if (out && !out._writeable) throw new ValueError("operand array with iterator write flag set is read-only");
  const sizes = labelSizes(diags, output, out);
  const dt: DType = opts.dtype != null ? toDType(opts.dtype) : [...ops, ...(out ? [out] : [])].map((o) => o.dtype).reduce(promoteTypes);
  ops.forEach((o, i) => {
    if (!canCast(o.dtype, dt, casting))
      throw new TypeError(`Iterator operand ${i} dtype could not be cast from dtype('${o.dtype}') to dtype('${dt}') according to the rule '${casting}'`);
  });
  if (out && !canCast(dt, out.dtype, casting))
    throw new TypeError(`Iterator requested dtype could not be cast from dtype('${dt}') to dtype('${out.dtype}'), the operand ${ops.length} dtype, according to the rule '${casting}'`);
  const terms = diags.map((t) => dropBroadcast(t, sizes));
  const cdt = computeDType(dt);
  const path = choosePath(terms.map((t) => t.labels), output, sizes, type === false ? "greedy" : type, limit);
  const result = runPath(terms, output, path, cdt, dt === "bool");
  return mark(assemble(result, output, sizes, dt, out, ops));
}

/** The final term laid out as the output (labels it lacks broadcast), in dtype `dt`, written into `out` if given. */
function assemble(t: Term, output: readonly number[], sizes: ReadonlyMap<number, number>, dt: DType, out: NDArray | null, inputs: readonly NDArray[]): NDArray {
  const a = t.arr;
  const shape = output.map((l) => sizes.get(l)!);
  const strides = output.map((l) => (t.labels.includes(l) ? a._strides[t.labels.indexOf(l)]! : 0));
  const view = new NDArray(a.data, a.dtype, shape, strides, a._offset);
  const fresh = !inputs.some((o) => o.data.buffer === a.data.buffer);
  if (!out) {
    if (fresh && a.dtype === dt && t.labels.length === output.length && isCContiguous(shape, strides) && a._offset === 0) return view;
    const r = empty(shape, dt);
    copyInto(r, view);
    return r;
  }
  let src = view.dtype === dt ? view : castCopy(view, dt);
  if (src.data.buffer === out.data.buffer) src = castCopy(src, src.dtype);
  copyInto(out, src);
  return out;
}

/** np.einsumPath(subscripts, ...operands, { optimize }): [["einsum_path", [i, j], ...], report]. */
export function einsumPath(subscripts: string | ArrayLike, ...operands: (ArrayLike | { optimize?: EinsumOptimize } | readonly (number | string)[])[]): [unknown[], string] {
  const args = [subscripts, ...operands];
  const opts = args.length > 0 && isOptions(args[args.length - 1]) ? (args.pop() as { optimize?: EinsumOptimize }) : {};
  const { type, limit } = pathType(opts.optimize ?? "greedy");
  if (args.length === 0) throw new ValueError("No input operands");
  const { subscripts: subs, operands: ops } =
    typeof args[0] === "string" ? { subscripts: args[0], operands: args.slice(1).map((x) => asarray(x as ArrayLike)) } : sublistsToSubscripts(args);
  const shapes = ops.map((o) => asarray(o as ArrayLike).shape);
  const p = parsePy(subs, shapes);
  const path = choosePath(p.inputs, p.output, p.sizes, type, limit);
  const report = pathReport(p.inputs, p.output, p.sizes, path);
  return [["einsum_path", ...path], report];
}

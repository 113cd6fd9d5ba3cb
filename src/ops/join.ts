// join.ts — joining arrays: concatenate (with NumPy's output layout, dtype/casting/out rules and error texts), stack
// and the v/h/d/column stacks built on it, as numpy/_core/multiarraymodule.c (PyArray_ConcatenateInto) and
// numpy/_core/shape_base.py define them. Splitting and tiling live in split.ts and tile.ts, exported from here.

import { axisIndexArg, axisValue, bindArgs, pyType, type Signature } from "../core/args.js";
import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { canCast, promoteTypes, toDType, type Casting, type DType } from "../core/dtype.js";
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides, isCContiguous } from "../core/shape.js";
import { allocStrided, cContiguous, multiSortedStridePerm, stridesFromPerm, viewOf } from "./layout.js";
import { atleast1d, atleast2d, atleast3d, ravel } from "./shape.js";
import { insertNewaxes, prependOnes, sliceAxis, transposeArray } from "./views.js";

export * from "./split.js";
// repeatArray and torchRepeat stay internal to tile.ts (the torch facade imports them from there).
export { repeat, roll, tile, type RollOptions } from "./tile.js";

export interface ConcatenateOptions {
  axis?: number | null;
  /** PyTorch's spelling of axis. */
  dim?: number | null;
  out?: NDArray | null;
  dtype?: DType | string | null;
  casting?: Casting;
}
export type StackOptions = ConcatenateOptions;

const STACK_SEQUENCE = 'arrays to stack must be passed as a "sequence" type such as list or tuple.';

/**
 * A sequence of arrays: a JS array of array-likes, or an NDArray read along its first axis (as Python iterates it).
 * `notSequence` is the TypeError text for anything else (concatenate's dispatcher and the stacks word it apart).
 */
function arraysOf(seq: unknown, notSequence = STACK_SEQUENCE): NDArray[] {
  if (seq instanceof NDArray) {
    if (seq.ndim === 0) throw new TypeError(notSequence === STACK_SEQUENCE ? "iteration over a 0-d array" : notSequence);
    return Array.from({ length: seq.shape[0]! }, (_, i) => {
      const v = sliceAxis(seq, 0, i, 1);
      return viewOf(v, v.shape.slice(1), v._strides.slice(1));
    });
  }
  // A str is a sequence of one-character (0-d) strings.
  if (typeof seq === "string") {
    if (seq.length > 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
    return [];
  }
  if (!Array.isArray(seq)) throw new TypeError(notSequence);
  return seq.map((x) => asarray(x as ArrayLike));
}

const CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"];

/** NumPy's casting converter. */
function castingArg(c: unknown): Casting {
  if (c === undefined) return "same_kind";
  if (typeof c !== "string") throw new TypeError(`casting must be str, not ${pyType(c)}`);
  if (!CASTINGS.includes(c)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${c}')`);
  return c as Casting;
}

function castError(from: DType, to: DType, casting: Casting): TypeError {
  return new TypeError(`Cannot cast array data from dtype('${from}') to dtype('${to}') according to the rule '${casting}'`);
}

/**
 * Copy src into the block of `result` at element `offset` with src's shape and the given strides. A dense run of the
 * same dtype on both sides is one TypedArray.set (the common case of many small inputs); anything else is a
 * strided copyInto, after copying src first when it shares the output's buffer (NumPy's overlap rule).
 */
function copyBlock(result: NDArray, offset: number, strides: readonly number[], src: NDArray): void {
  const n = src.size;
  if (n === 0) return;
  const shared = src.data.buffer === result.data.buffer;
  if (!shared && src.dtype === result.dtype && cContiguous(src) && isCContiguous(src.shape, strides)) {
    const s = src.data.subarray(src._offset, src._offset + n);
    (result.data as unknown as { set(v: globalThis.ArrayLike<number | bigint>, at: number): void }).set(s as globalThis.ArrayLike<number | bigint>, offset);
    return;
  }
  copyInto(new NDArray(result.data, result.dtype, src.shape, strides, offset), shared ? castCopy(src, src.dtype) : src);
}

const CONCATENATE: Signature = { name: "concatenate", pos: ["arrays", "axis", "out"], required: 1, posOnly: 1, kw: ["dtype", "casting"], alias: { dim: "axis" } };

/** np.concatenate(arrays, axis=0, out?, { dtype, casting }); axis null flattens every input first. */
export function concatenate(arrays: readonly ArrayLike[] | NDArray, axis?: number | null | ConcatenateOptions, out?: NDArray | null | ConcatenateOptions, opts?: ConcatenateOptions): NDArray {
  const [seq, axv, outv, dtypev, castingv] = bindArgs(CONCATENATE, arguments);
  // NumPy's parser converts axis, dtype and casting in order, then checks out.
  const ax = axv === undefined ? 0 : axisValue(axv);
  const dtypeOpt = dtypev === undefined || dtypev === null ? null : toDType(dtypev as string);
  const casting = castingArg(castingv);
  if (outv !== undefined && outv !== null && !(outv instanceof NDArray)) throw new TypeError("'out' must be an array");
  const outArr = (outv ?? null) as NDArray | null;
  if (outArr !== null && dtypeOpt !== null) throw new TypeError("concatenate() only takes `out` or `dtype` as an argument, but both were provided.");
  const arrs = arraysOf(seq, "dispatcher for __array_function__ did not return an iterable");
  return concatenateArrays(arrs, ax, outArr, dtypeOpt, casting);
}

function concatenateArrays(arrs: NDArray[], ax: number | null, out: NDArray | null, dtypeOpt: DType | null, casting: Casting): NDArray {
  if (arrs.length === 0) throw new ValueError("need at least one array to concatenate");

  let shape: number[];
  let axis0 = 0;
  if (ax === null) shape = [arrs.reduce((n, a) => n + a.size, 0)];
  else {
    const ndim = arrs[0]!.ndim;
    if (ndim === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
    if (ax < -ndim || ax >= ndim) throw new AxisError(`axis ${ax} is out of bounds for array of dimension ${ndim}`);
    axis0 = ax < 0 ? ax + ndim : ax;
    shape = [...arrs[0]!.shape];
    for (let i = 1; i < arrs.length; i++) {
      const s = arrs[i]!.shape;
      if (s.length !== ndim)
        throw new ValueError(
          `all the input arrays must have same number of dimensions, but the array at index 0 has ${ndim} dimension(s) and the array at index ${i} has ${s.length} dimension(s)`,
        );
      for (let d = 0; d < ndim; d++) {
        if (d === axis0) shape[d]! += s[d]!;
        else if (shape[d] !== s[d])
          throw new ValueError(
            `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${s[d]}`,
          );
      }
    }
  }

  const dtype = out !== null ? out.dtype : dtypeOpt ?? arrs.map((a) => a.dtype).reduce(promoteTypes);
  if (out !== null) {
    if (out.ndim !== shape.length) throw new ValueError(ax === null ? "Output array must be 1D" : "Output array has wrong dimensionality");
    if (out.shape.some((d, i) => d !== shape[i])) throw new ValueError(ax === null ? "Output array is the wrong size" : "Output array is the wrong shape");
    if (!out._writeable) throw new ValueError("output array is read-only");
  }
  for (const a of arrs) if (!canCast(a.dtype, dtype, casting)) throw castError(a.dtype, dtype, casting);
  let result: NDArray;
  if (out !== null) result = out;
  else {
    // The output keeps the inputs' common memory layout (C order where they disagree).
    const strides = ax === null ? [1] : stridesFromPerm(shape, multiSortedStridePerm(arrs, shape.length));
    result = allocStrided(shape, dtype, strides);
  }

  let start = 0;
  if (ax === null) {
    const step = result._strides[0]!;
    for (const a of arrs) {
      copyBlock(result, result._offset + start * step, cStrides(a.shape).map((s) => s * step), a);
      start += a.size;
    }
  } else {
    const st = result._strides[axis0]!;
    for (const a of arrs) {
      copyBlock(result, result._offset + start * st, result._strides, a);
      start += a.shape[axis0]!;
    }
  }
  if (out === null && arrs.some((a) => a._tensor)) result._tensor = true;
  return result;
}

/** np.concat: the array-API name of concatenate. */
export const concat = concatenate;

/** np.append(arr, values, axis=null): a copy with values joined at the end (both flattened when axis is null). */
export function append(arr: ArrayLike, values: ArrayLike, axis?: number | null | { axis?: number | null }): NDArray {
  const [x, vals, axv] = bindArgs({ name: "append", pos: ["arr", "values", "axis"], required: 2 }, arguments);
  let a = asarray(x as ArrayLike);
  let v = asarray(vals as ArrayLike);
  let ax = axisValue(axv);
  if (ax === null) {
    if (a.ndim !== 1) a = ravel(a);
    v = ravel(v);
    ax = a.ndim - 1;
  }
  return concatenateArrays([a, v], ax, null, null, "same_kind");
}

const STACK: Signature = { name: "stack", pos: ["arrays", "axis", "out"], required: 1, kw: ["dtype", "casting"], alias: { dim: "axis" } };

/** np.stack(arrays, axis=0, out?, { dtype, casting }): join along a new axis. */
export function stack(arrays: readonly ArrayLike[] | NDArray, axis?: number | StackOptions, out?: NDArray | null | StackOptions, opts?: StackOptions): NDArray {
  const [seq, axv, outv, dtypev, castingv] = bindArgs(STACK, arguments);
  const arrs = arraysOf(seq);
  if (arrs.length === 0) throw new ValueError("need at least one array to stack");
  const s0 = arrs[0]!.shape;
  if (arrs.some((a) => a.ndim !== s0.length || a.shape.some((d, i) => d !== s0[i]))) throw new ValueError("all input arrays must have the same shape");
  const axis0 = axisIndexArg(axv === undefined ? 0 : axv, s0.length + 1);
  return concatenate(arrs.map((a) => insertNewaxes(a, [axis0])), axis0, outv as NDArray | null | undefined, { dtype: dtypev as DType | undefined, casting: castingv as Casting | undefined });
}

type TupleOptions = Pick<ConcatenateOptions, "dtype" | "casting">;

function listOf(x: NDArray | NDArray[]): NDArray[] {
  return Array.isArray(x) ? x : [x];
}

function tupleArgs(name: string, args: globalThis.ArrayLike<unknown>, withDtype: boolean): [NDArray[], TupleOptions] {
  const [tup, dtype, casting] = bindArgs({ name, pos: ["tup"], kw: withDtype ? ["dtype", "casting"] : [] }, args);
  return [arraysOf(tup), { dtype: dtype as DType | undefined, casting: casting as Casting | undefined }];
}

/** np.vstack(tup, { dtype, casting }): rows; 1-d inputs become rows. */
export function vstack(tup: readonly ArrayLike[] | NDArray, opts?: TupleOptions): NDArray {
  const [arrs, o] = tupleArgs("vstack", arguments, true);
  return concatenate(listOf(atleast2d(...arrs)), { axis: 0, dtype: o.dtype, casting: o.casting });
}

/** np.hstack(tup, { dtype, casting }): along axis 1, or axis 0 for 1-d inputs. */
export function hstack(tup: readonly ArrayLike[] | NDArray, opts?: TupleOptions): NDArray {
  const [arrs0, o] = tupleArgs("hstack", arguments, true);
  const arrs = listOf(atleast1d(...arrs0));
  return concatenate(arrs, { axis: arrs.length > 0 && arrs[0]!.ndim === 1 ? 0 : 1, dtype: o.dtype, casting: o.casting });
}

/** np.dstack(tup): along the third axis, after promoting inputs to 3-d. */
export function dstack(tup: readonly ArrayLike[] | NDArray): NDArray {
  return concatenate(listOf(atleast3d(...tupleArgs("dstack", arguments, false)[0])), { axis: 2 });
}

/** np.columnStack(tup): 1-d inputs become columns, 2-d inputs are stacked as they are. */
export function columnStack(tup: readonly ArrayLike[] | NDArray): NDArray {
  const arrs = tupleArgs("column_stack", arguments, false)[0].map((a) => {
    if (a.ndim >= 2) return a;
    return transposeArray(prependOnes(a, 2)); // np.array(a, ndmin=2).T
  });
  return concatenate(arrs, { axis: 1 });
}

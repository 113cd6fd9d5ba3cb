// torch-shape.ts — PyTorch's movement ops over the same view primitives: view (ATen's computeStride), permute,
// unsqueeze, expand, squeeze/flatten/transpose with PyTorch's meaning, t, movedim, chunk/split/unbind, narrow,
// contiguous; plus NumPy's ndarray.view(dtype). Exported for the torch facade; attached as methods where the name
// does not clash with NumPy (clashing names dispatch on the array's face in shape.ts / join.ts).

import { DTYPE_INFO, toDType, type DType, type TypedArray } from "../core/dtype.js";
import { IndexError, ValueError, RuntimeError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides, shapeSize } from "../core/shape.js";
import { intArg } from "../core/args.js";
import { cContiguous, copyOf, isOptions, viewOf } from "./layout.js";
import { broadcastView, dropAxes, reshapeArray, sliceAxis, transposeArray } from "./views.js";

/** PyTorch's RuntimeError (the class most ATen checks raise). */
export { RuntimeError };

/** ATen's maybe_wrap_dim: 0-d tensors accept dims -1 and 0. */
export function wrapDim(dim: unknown, ndim: number): number {
  const d = intArg(dim);
  const n = Math.max(ndim, 1);
  if (d < -n || d >= n) throw new IndexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`);
  return d < 0 ? d + n : d;
}

/** Sizes given spread or as one array: t.view(2, 3), t.view([2, 3]). */
function sizesArg(args: readonly unknown[]): number[] {
  const raw = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return raw.map((v) => intArg(v));
}

function torchSizes(s: readonly number[]): string {
  return `[${s.join(", ")}]`;
}

/** ATen's infer_size: one -1 filled in from the element count. */
function inferSize(sizes: readonly number[], numel: number): number[] {
  const out = [...sizes];
  let infer = -1, known = 1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === -1) {
      if (infer >= 0) throw new RuntimeError("only one dimension can be inferred");
      infer = i;
    } else if (out[i]! >= 0) known *= out[i]!;
    else throw new RuntimeError(`invalid shape dimension ${out[i]}`);
  }
  if (numel === known || (infer >= 0 && known > 0 && numel % known === 0)) {
    if (infer >= 0) {
      if (known === 0) throw new RuntimeError(`cannot reshape tensor of 0 elements into shape ${torchSizes(sizes)} because the unspecified dimension size -1 can be any value and is ambiguous`);
      out[infer] = numel / known;
    }
    return out;
  }
  throw new RuntimeError(`shape '${torchSizes(sizes)}' is invalid for input of size ${numel}`);
}

/** ATen's computeStride: strides showing `a` in `newshape` without a copy, or null. */
function computeStride(a: NDArray, newshape: readonly number[]): number[] | null {
  const oldshape = a.shape, oldstride = a._strides;
  if (a.size === 0) return oldshape.length === newshape.length && oldshape.every((d, i) => d === newshape[i]) ? [...oldstride] : cStrides(newshape);
  if (cContiguous(a)) return cStrides(newshape);
  const newstride = new Array<number>(newshape.length).fill(0);
  let viewD = newshape.length - 1;
  let chunkBase = oldstride[oldstride.length - 1]!;
  let tensorNumel = 1, viewNumel = 1;
  for (let td = oldshape.length - 1; td >= 0; td--) {
    tensorNumel *= oldshape[td]!;
    if (td === 0 || (oldshape[td - 1] !== 1 && oldstride[td - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newshape[viewD] === 1)) {
        newstride[viewD] = viewNumel * chunkBase;
        viewNumel *= newshape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (td > 0) {
        chunkBase = oldstride[td - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  return viewD === -1 ? newstride : null;
}

/** torch's t.view(*shape): always a view, or an error telling the user to reshape. */
export function view(a: NDArray, ...shape: (number | readonly number[])[]): NDArray {
  const sizes = inferSize(sizesArg(shape), a.size);
  const strides = computeStride(a, sizes);
  if (strides === null)
    throw new RuntimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  return viewOf(a, sizes, strides);
}

/** torch.permute(t, dims). */
export function permute(a: NDArray, ...dims: (number | readonly number[])[]): NDArray {
  const d = sizesArg(dims);
  if (d.length !== a.ndim)
    throw new RuntimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${a.ndim} is not equal to len(dims) = ${d.length}`,
    );
  const perm = d.map((x) => wrapDim(x, a.ndim));
  if (new Set(perm).size !== perm.length) throw new RuntimeError("permute(): duplicate dims are not allowed.");
  return transposeArray(a, perm);
}

/** torch.unsqueeze(t, dim): a length-1 axis at dim (in [-ndim-1, ndim]), with ATen's stride for it. */
export function unsqueeze(a: NDArray, dim: number): NDArray {
  const d = wrapDim(dim, a.ndim + 1);
  const shape = [...a.shape], strides = [...a._strides];
  strides.splice(d, 0, d >= a.ndim ? 1 : a.shape[d]! * a._strides[d]!);
  shape.splice(d, 0, 1);
  return viewOf(a, shape, strides);
}

/** torch.squeeze(t, dim?): drops length-1 axes; a selected axis of another length is left alone (no error). */
export function torchSqueeze(a: NDArray, dim?: number | readonly number[] | null): NDArray {
  const drop = a.shape.map((n) => n === 1);
  if (dim !== undefined && dim !== null) {
    const sel = new Set((typeof dim === "number" ? [dim] : [...dim]).map((x) => wrapDim(x, a.ndim)));
    for (let i = 0; i < drop.length; i++) drop[i] = drop[i]! && sel.has(i);
  }
  return dropAxes(a, drop);
}

/** torch.flatten(t, startDim=0, endDim=-1): a view when the strides allow, else a copy (reshape semantics). */
export function torchFlatten(a: NDArray, startDim = 0, endDim = -1): NDArray {
  if (a.ndim === 0) return reshapeArray(a, [1]);
  const s = wrapDim(startDim, a.ndim), e = wrapDim(endDim, a.ndim);
  if (s > e) throw new RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim");
  if (s === e) return a;
  const shape = [...a.shape.slice(0, s), shapeSize(a.shape.slice(s, e + 1)), ...a.shape.slice(e + 1)];
  return torchReshape(a, shape);
}

/** torch.reshape: a view when computeStride allows, else a C copy. */
export function torchReshape(a: NDArray, ...shape: (number | readonly number[])[]): NDArray {
  const sizes = inferSize(sizesArg(shape), a.size);
  const strides = computeStride(a, sizes);
  if (strides !== null) return viewOf(a, sizes, strides);
  const c = copyOf(a, "C");
  return viewOf(c, sizes, cStrides(sizes), 0);
}

/** torch.transpose(t, dim0, dim1): swap two dims. */
export function torchTranspose(a: NDArray, dim0: number, dim1: number): NDArray {
  const i = wrapDim(dim0, a.ndim), j = wrapDim(dim1, a.ndim);
  if (a.ndim === 0) return viewOf(a, a.shape, a._strides);
  const perm = [...a.shape.keys()];
  [perm[i], perm[j]] = [j, i];
  return transposeArray(a, perm);
}

/** torch.t(t): transpose of a matrix; 0-d and 1-d tensors come back as they are. */
export function tT(a: NDArray): NDArray {
  if (a.ndim > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${a.ndim}D`);
  return a.ndim < 2 ? viewOf(a, a.shape, a._strides) : transposeArray(a);
}

/** torch.expand(t, *sizes): -1 keeps a size; new dims only in front; a read-only view with stride 0 where stretched. */
export function expand(a: NDArray, ...sizes: (number | readonly number[])[]): NDArray {
  const target = sizesArg(sizes);
  if (target.length < a.ndim)
    throw new RuntimeError(`expand: the number of sizes provided (${target.length}) must be greater or equal to the number of dimensions in the tensor (${a.ndim})`);
  const off = target.length - a.ndim;
  const shape = target.map((t, i) => {
    if (i < off) {
      if (t < 0) throw new RuntimeError(`The expanded size of the tensor (${t}) isn't allowed in a leading, non-existing dimension ${i}`);
      return t;
    }
    const d = a.shape[i - off]!;
    if (t === -1) return d;
    if (d !== 1 && d !== t)
      throw new RuntimeError(
        `The expanded size of the tensor (${t}) must match the existing size (${d}) at non-singleton dimension ${i}.  Target sizes: ${torchSizes(target)}.  Tensor sizes: ${torchSizes(a.shape)}`,
      );
    return t;
  });
  return broadcastView(a, shape, false);
}

/** torch.chunk(t, chunks, dim=0): views of ceil(n / chunks) entries each (the last may be shorter; there may be fewer). */
export function chunk(a: NDArray, chunks: number, dim = 0): NDArray[] {
  if (!(chunks > 0)) throw new RuntimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = wrapDim(dim, a.ndim);
  const n = a.shape[d]!;
  const size = Math.ceil(n / chunks);
  return size === 0 ? tsplit(a, 0, d) : tsplit(a, size, d);
}

/** torch.split(t, splitSizeOrSections, dim=0): views of the given size, or of each listed size. */
export function tsplit(a: NDArray, splitSizeOrSections: number | readonly number[], dim = 0): NDArray[] {
  const d = wrapDim(dim, a.ndim);
  const n = a.shape[d]!;
  let sizes: number[];
  if (typeof splitSizeOrSections === "number") {
    const s = splitSizeOrSections;
    if (s < 0) throw new RuntimeError(`split expects split_size be non-negative, but got split_size=${s}`);
    if (s === 0 && n !== 0) throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${n}`);
    const count = s === 0 ? 1 : Math.max(1, Math.ceil(n / s));
    sizes = Array.from({ length: count }, (_, i) => Math.min(s, n - i * s));
  } else {
    sizes = [...splitSizeOrSections];
    const total = sizes.reduce((p, q) => p + q, 0);
    if (total !== n || sizes.some((x) => x < 0))
      throw new RuntimeError(`split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${d}), but got split_sizes=${torchSizes(sizes)}`);
  }
  let start = 0;
  return sizes.map((len) => {
    const v = sliceAxis(a, d, start, len);
    start += len;
    return v;
  });
}

/** torch.unbind(t, dim=0): the slices along dim, each without that dim. */
export function unbind(a: NDArray, dim = 0): NDArray[] {
  const d = wrapDim(dim, a.ndim);
  const drop = a.shape.map((_, i) => i === d);
  return Array.from({ length: a.shape[d]! }, (_, i) => dropAxes(sliceAxis(a, d, i, 1), drop));
}

/** torch.narrow(t, dim, start, length): a view of length entries from start. */
export function narrow(a: NDArray, dim: number, start: number, length: number): NDArray {
  const d = wrapDim(dim, a.ndim);
  const n = a.shape[d]!;
  const s = start < 0 ? start + n : start;
  if (s < 0 || s > n) throw new IndexError(`start out of range (expected to be in range of [${-n}, ${n}], but got ${start})`);
  if (length < 0 || s + length > n) throw new RuntimeError(`start (${s}) + length (${length}) exceeds dimension size (${n}).`);
  return sliceAxis(a, d, s, length);
}

/** t.contiguous(): the tensor itself when C-contiguous, else a C copy. */
export function contiguous(a: NDArray): NDArray {
  return cContiguous(a) ? a : copyOf(a, "C");
}

/**
 * ndarray.view(dtype): the same bytes read as another dtype (numpy's descr setter rules). A JS typed array must sit
 * at a multiple of its element size, so a view that NumPy would allow at an unaligned address is refused here.
 */
export function viewDtype(a: NDArray, dtype: DType | string): NDArray {
  const dt = toDType(dtype);
  const oldSize = a.itemsize, newSize = DTYPE_INFO[dt].itemsize;
  const shape = [...a.shape];
  const bytes = a._strides.map((s) => s * oldSize);
  if (newSize !== oldSize) {
    if (a.ndim === 0) throw new ValueError("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
    const ax = a.ndim - 1;
    if (shape[ax] !== 1 && a.size !== 0 && bytes[ax] !== oldSize) throw new ValueError("To change to a dtype of a different size, the last axis must be contiguous");
    if (newSize < oldSize) {
      if (oldSize % newSize !== 0) throw new ValueError("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
      shape[ax]! *= oldSize / newSize;
    } else {
      const n = shape[ax]! * oldSize;
      if (n % newSize !== 0)
        throw new ValueError("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.");
      shape[ax] = n / newSize;
    }
    bytes[ax] = newSize;
  }
  const data = a.data;
  const first = data.byteOffset + a._offset * oldSize;
  const start = data.byteOffset - (data.byteOffset % newSize);
  if ((first - start) % newSize !== 0 || bytes.some((b) => b % newSize !== 0))
    throw new ValueError(`cannot view these bytes as ${dt}: a ${dt} view must start at a multiple of ${newSize} bytes`);
  const Ctor = DTYPE_INFO[dt].ctor;
  const typed: TypedArray =
    Ctor === data.constructor ? data : (new Ctor(data.buffer as ArrayBuffer, start, Math.floor((data.byteOffset + data.byteLength - start) / newSize)) as TypedArray);
  const r = new NDArray(typed, dt, shape, bytes.map((b) => b / newSize), (first - start) / newSize, a, a._writeable);
  r._tensor = a._tensor;
  return r;
}

declare module "../core/ndarray.js" {
  interface NDArray {
    permute(...dims: (number | readonly number[])[]): NDArray;
    unsqueeze(dim: number): NDArray;
    expand(...sizes: (number | readonly number[])[]): NDArray;
    expandAs(other: NDArray): NDArray;
    contiguous(): NDArray;
    t(): NDArray;
    swapdims(dim0: number, dim1: number): NDArray;
    chunk(chunks: number, dim?: number | { dim?: number }): NDArray[];
    split(splitSizeOrSections: number | readonly number[], dim?: number | { dim?: number }): NDArray[];
    unbind(dim?: number | { dim?: number }): NDArray[];
    narrow(dim: number, start: number, length: number): NDArray;
  }
}

function dimArg(d: unknown, dflt = 0): number {
  if (isOptions(d)) return (d.dim ?? d.axis ?? dflt) as number;
  return d === undefined ? dflt : intArg(d);
}

Object.assign(NDArray.prototype, {
  permute(this: NDArray, ...dims: (number | readonly number[])[]) {
    return permute(this, ...dims);
  },
  unsqueeze(this: NDArray, dim: number) {
    return unsqueeze(this, dim);
  },
  expand(this: NDArray, ...sizes: (number | readonly number[])[]) {
    return expand(this, ...sizes);
  },
  expandAs(this: NDArray, other: NDArray) {
    return expand(this, other.shape);
  },
  contiguous(this: NDArray) {
    return contiguous(this);
  },
  t(this: NDArray) {
    return tT(this);
  },
  swapdims(this: NDArray, dim0: number, dim1: number) {
    return torchTranspose(this, dim0, dim1);
  },
  chunk(this: NDArray, chunks: number, dim?: unknown) {
    return chunk(this, chunks, dimArg(dim));
  },
  split(this: NDArray, s: number | readonly number[], dim?: unknown) {
    return tsplit(this, s, dimArg(dim));
  },
  unbind(this: NDArray, dim?: unknown) {
    return unbind(this, dimArg(dim));
  },
  narrow(this: NDArray, dim: number, start: number, length: number) {
    return narrow(this, dim, start, length);
  },
});

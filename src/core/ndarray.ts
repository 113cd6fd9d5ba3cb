// ndarray.ts — the one array class: (buffer, dtype, shape, strides, offset, base, flags). Views are metadata.
// Operations attach their methods to the prototype from their own modules (see ops/*), so each op lives in one place.

import { DTYPE_INFO, type DType, type TypedArray } from "./dtype.js";
import { IndexError, ValueError } from "./errors.js";
import { cStrides, isCContiguous, isFContiguous, shapeSize } from "./shape.js";
import { MAX_BYTES, checkAlloc } from "./args.js";

export type Scalar = number | bigint | boolean;

export class Flags {
  constructor(private readonly a: NDArray) {}
  get writeable(): boolean {
    return this.a._writeable;
  }
  set writeable(v: boolean) {
    if (v && !this.a._writeable && this.a.base !== null && !this.a.base._writeable)
      throw new ValueError("cannot set WRITEABLE flag to True of this array");
    this.a._writeable = v;
  }
  get cContiguous(): boolean {
    return isCContiguous(this.a.shape, this.a._strides);
  }
  get fContiguous(): boolean {
    return isFContiguous(this.a.shape, this.a._strides);
  }
  get owndata(): boolean {
    return this.a.base === null;
  }
  get c_contiguous(): boolean {
    return this.cContiguous;
  }
  get f_contiguous(): boolean {
    return this.fContiguous;
  }
}

export class NDArray {
  /** Typed array over the owner's whole buffer (views share it). */
  readonly data: TypedArray;
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Strides in elements (NumPy's `strides` getter gives bytes). */
  readonly _strides: readonly number[];
  /** Offset of element [0,...,0] in `data`, in elements. */
  readonly _offset: number;
  readonly base: NDArray | null;
  _writeable: boolean;
  /** True when this array shows PyTorch's face (made by torch, or computed from a tensor). */
  _tensor = false;

  constructor(data: TypedArray, dtype: DType, shape: readonly number[], strides?: readonly number[], offset = 0, base: NDArray | null = null, writeable = true) {
    this.data = data;
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this._strides = Object.freeze(strides ? [...strides] : cStrides(shape));
    this._offset = offset;
    // NumPy collapses chains of views: base is always the owner.
    this.base = base === null ? null : base.base ?? base;
    this._writeable = writeable;
  }

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return shapeSize(this.shape);
  }
  get itemsize(): number {
    return DTYPE_INFO[this.dtype].itemsize;
  }
  get nbytes(): number {
    return this.size * this.itemsize;
  }
  /** Strides in bytes, as NumPy reports them. */
  get strides(): number[] {
    return this._strides.map((s) => s * this.itemsize);
  }
  /** Byte offset of the first element within the owner's buffer. */
  get offset(): number {
    return this._offset * this.itemsize;
  }
  get flags(): Flags {
    return new Flags(this);
  }

  /** Element offset of a full integer index (negative indices allowed), with NumPy's IndexError texts. */
  _elementOffset(index: readonly number[]): number {
    if (index.length !== this.ndim) {
      if (index.length > this.ndim)
        throw new IndexError(`too many indices for array: array is ${this.ndim}-dimensional, but ${index.length} were indexed`);
      throw new ValueError("can only convert an array of size 1 to a Python scalar");
    }
    let off = this._offset;
    for (let d = 0; d < index.length; d++) {
      let i = index[d]!;
      const n = this.shape[d]!;
      if (!Number.isInteger(i)) throw new IndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${d} with size ${n}`);
      if (i < 0) i += n;
      off += i * this._strides[d]!;
    }
    return off;
  }

  /** Raw stored value at an element offset (number, or bigint for 64-bit ints). */
  _read(off: number): number | bigint {
    return this.data[off]!;
  }

  /**
   * a.item(...i): a JS value. 64-bit integers come back as numbers unless beyond ±(2^53 − 1), then as bigints.
   * With no index the array must have exactly one element; one index into a multi-d array is a flat index.
   */
  item(...index: number[]): Scalar {
    let off: number;
    if (index.length === 0) {
      if (this.size !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
      off = this._offset;
    } else if (index.length === 1 && this.ndim !== 1) {
      let i = index[0]!;
      const n = this.size;
      if (i < -n || i >= n) throw new IndexError("index " + i + " is out of bounds for size " + n);
      if (i < 0) i += n;
      off = this._offset;
      for (let d = this.ndim - 1; d >= 0; d--) {
        const s = this.shape[d]!;
        off += (i % s) * this._strides[d]!;
        i = Math.floor(i / s);
      }
    } else off = this._elementOffset(index);
    return toJS(this.data[off]!, this.dtype);
  }

  /** Nested JS arrays (a scalar for 0-d), under item()'s rule for 64-bit integers. */
  tolist(): unknown {
    const rec = (d: number, off: number): unknown => {
      if (d === this.ndim) return toJS(this.data[off]!, this.dtype);
      const n = this.shape[d]!, s = this._strides[d]!;
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = rec(d + 1, off + i * s);
      return out;
    };
    return rec(0, this._offset);
  }

  /** Iterate elements in C order as raw stored values. */
  *_values(): Generator<number | bigint> {
    const nd = this.ndim, shape = this.shape, st = this._strides;
    const n = this.size;
    if (n === 0) return;
    const idx = new Array<number>(nd).fill(0);
    let off = this._offset;
    for (let k = 0; k < n; k++) {
      yield this.data[off]!;
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]!++;
        off += st[d]!;
        if (idx[d]! < shape[d]!) break;
        off -= st[d]! * shape[d]!;
        idx[d] = 0;
      }
    }
  }

  get [Symbol.toStringTag](): string {
    return "NDArray";
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A stored value as the JS value API.md promises. */
export function toJS(v: number | bigint, dtype: DType): Scalar {
  if (typeof v === "bigint") return v > MAX_SAFE || v < -MAX_SAFE ? v : Number(v);
  if (dtype === "bool") return v !== 0;
  return v;
}

/** Allocate a fresh C-contiguous array (an empty one gets all-zero strides, as NumPy 2.4 allocates them). */
export function empty(shape: readonly number[], dtype: DType): NDArray {
  const Ctor = DTYPE_INFO[dtype].ctor;
  const n = shapeSize(shape);
  if (n * DTYPE_INFO[dtype].itemsize > MAX_BYTES || !(n >= 0)) checkAlloc(shape, dtype);
  return new NDArray(new Ctor(n), dtype, shape, n === 0 ? shape.map(() => 0) : undefined);
}

/** True when `a` occupies one dense C-ordered run of its buffer starting at _offset. */
export function isContiguous(a: NDArray): boolean {
  return isCContiguous(a.shape, a._strides);
}

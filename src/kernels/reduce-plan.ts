// reduce-plan.ts — the iteration NumPy's nditer sets up for a ufunc reduction, reproduced so float sums add in
// NumPy's order: axis sorting by stride (npyiter_find_best_axis_ordering), coalescing (npyiter_coalesce_axes) and
// the buffered inner-loop sizes (npyiter_find_buffering_setup, NumPy >= 2.3), all from
// numpy/_core/src/multiarray/nditer_constr.c. Also the layouts NumPy gives new arrays (K order, ufunc outputs).

/** NPY_BUFSIZE: the iterator's default buffer length in elements. */
export const NPY_BUFSIZE = 8192;

export interface ReducePlan {
  /** Coalesced iteration dimensions, innermost first (always at least one). */
  n: number[];
  /** Strides (elements) of the output and the input per iteration dimension. */
  os: number[];
  is: number[];
  /** Inner-loop calls cover dims [0, callDims) in chunks of `chunk` elements, restarting at every outer index. */
  callDims: number;
  chunk: number;
  /** How many leading dims the input walks with one stride (a call within them needs no gather). */
  inSingle: number;
}

/**
 * The iterator's axis order, innermost first, as original axis numbers: a stable insertion sort by |stride| where
 * an operand votes only when both strides are non-zero and the first vote for C order wins conflicts.
 */
export function iterOrder(shape: readonly number[], ops: readonly (readonly number[])[]): number[] {
  const nd = shape.length;
  const perm = Array.from({ length: nd }, (_, k) => nd - 1 - k);
  const st = (ax: number, op: number): number => (shape[ax] === 1 ? 0 : ops[op]![ax]!);
  for (let i0 = 1; i0 < nd; i0++) {
    const j0 = perm[i0]!;
    let ipos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const j1 = perm[i1]!;
      let ambig = true, swap = false;
      for (let op = 0; op < ops.length; op++) {
        const s0 = st(j0, op), s1 = st(j1, op);
        if (s0 !== 0 && s1 !== 0) {
          if (Math.abs(s1) <= Math.abs(s0)) swap = false;
          else if (ambig) swap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, j0);
    }
  }
  return perm;
}

/** Strides (elements, positive) of a new array laid out in `order` (innermost first), skipping `skip` axes. */
export function stridesInOrder(shape: readonly number[], order: readonly number[], skip?: readonly boolean[]): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (const ax of order) {
    if (skip?.[ax]) continue;
    strides[ax] = s;
    s *= shape[ax]!;
  }
  return strides;
}

/**
 * Layout of np.array(a, copy=True) / np.empty_like(a) (order 'K'): C order when `a` is C-contiguous, F order when
 * F-contiguous, otherwise axes sorted by decreasing |stride| with ties in C order (PyArray_CreateSortedStridePerm).
 */
export function keepOrderStrides(shape: readonly number[], strides: readonly number[]): number[] {
  const nd = shape.length;
  const cOrder = Array.from({ length: nd }, (_, k) => nd - 1 - k);
  if (isContig(shape, strides, cOrder)) return stridesInOrder(shape, cOrder);
  const fOrder = Array.from({ length: nd }, (_, k) => k);
  if (isContig(shape, strides, fOrder)) return stridesInOrder(shape, fOrder);
  const outerFirst = Array.from({ length: nd }, (_, k) => k).sort((a, b) => Math.abs(strides[b]!) - Math.abs(strides[a]!) || a - b);
  return stridesInOrder(shape, outerFirst.reverse());
}

function isContig(shape: readonly number[], strides: readonly number[], order: readonly number[]): boolean {
  let s = 1;
  for (const ax of order) {
    const d = shape[ax]!;
    if (d === 0) return true;
    if (d !== 1 && strides[ax] !== s) return false;
    s *= d;
  }
  return true;
}

/** Layout NumPy allocates for the output of an elementwise ufunc over `ops` (all broadcast to `shape`). */
export function ufuncOutStrides(shape: readonly number[], ops: readonly (readonly number[])[]): number[] {
  return stridesInOrder(shape, iterOrder(shape, ops));
}

/** Coalesce adjacent dims (innermost first) when every operand steps through both with one stride. */
function coalesce(n: number[], strides: number[][]): void {
  let w = 0;
  for (let r = 1; r < n.length; r++) {
    const n0 = n[w]!, n1 = n[r]!;
    const ok = strides.every((s) => (n0 === 1 && s[w] === 0) || (n1 === 1 && s[r] === 0) || s[w]! * n0 === s[r]);
    if (ok) {
      n[w] = n0 * n1;
      for (const s of strides) if (s[w] === 0) s[w] = s[r]!;
    } else {
      w++;
      n[w] = n1;
      for (const s of strides) s[w] = s[r]!;
    }
  }
  n.length = w + 1;
  for (const s of strides) s.length = w + 1;
}

export interface PlanInput {
  shape: readonly number[];
  inStrides: readonly number[];
  reduced: readonly boolean[];
  /** Output strides per input axis (0 on reduced axes); null: NumPy allocates the result (see `allocStrides`). */
  outStrides: readonly number[] | null;
  /** The input is cast to the loop dtype (so NumPy buffers it). */
  inCast: boolean;
}

/**
 * The plan for one reduction, plus the strides NumPy gives an allocated result (per input axis, 0 on reduced axes).
 * Size-0 iterations are the caller's business.
 */
export function reducePlan(p: PlanInput): { plan: ReducePlan; allocStrides: number[] } {
  const { shape, inStrides, reduced } = p;
  const nd = shape.length;
  const zeros = new Array<number>(nd).fill(0);
  const order = iterOrder(shape, [p.outStrides ?? zeros, inStrides]);
  const allocStrides = stridesInOrder(shape, order, reduced);
  const outStr = p.outStrides ?? allocStrides;
  const n: number[] = [], os: number[] = [], is: number[] = [];
  for (const ax of order) {
    const one = shape[ax] === 1;
    n.push(shape[ax]!);
    os.push(one || reduced[ax] ? 0 : outStr[ax]!);
    is.push(one ? 0 : inStrides[ax]!);
  }
  if (nd === 0) n.push(1), os.push(0), is.push(0);
  const outIsReduce = shape.some((d, ax) => reduced[ax] && d > 1);
  coalesce(n, [os, is]);
  return { plan: bufferingSetup(n, os, is, outIsReduce, p.inCast), allocStrides };
}

/** npyiter_find_buffering_setup for the two operands (out: read-write reduce operand, never cast; in: read-only). */
function bufferingSetup(n: number[], os: number[], is: number[], outIsReduce: boolean, inCast: boolean): ReducePlan {
  const nd = n.length;
  const strides = [os, is];
  const cast = [false, inCast];
  const isReduce = [outIsReduce, false];
  const single = [1, 1];
  const reduceOuter = [0, 0];
  let cost = 1 + (inCast ? 1 : 0);
  let outerReduceDim = 0;
  let size = n[0]!;
  let bestDim = 0, bestCost = cost, bestSize = size, bestCore = 1;
  for (let idim = 1; idim < nd; idim++) {
    if (outerReduceDim) break;
    if (size >= NPY_BUFSIZE && cost > 1) break; // GROWINNER is set: only buffering caps the size
    for (let op = 0; op < 2; op++) {
      const s = strides[op]!;
      if (single[op] === idim) {
        if (s[idim - 1]! * n[idim - 1]! === s[idim]) {
          single[op]!++;
          continue;
        }
        if (!cast[op]) cost++;
      }
      if (isReduce[op] && (s[idim] === 0 || s[idim - 1] === 0)) {
        reduceOuter[op] = idim;
        outerReduceDim = idim;
      }
    }
    const coreSize = size;
    size *= n[idim]!;
    if (size === 0) break;
    const bufSize = size > NPY_BUFSIZE && cost > 1 ? NPY_BUFSIZE : size;
    if (cost * bestSize <= bestCost * bufSize) {
      bestCost = cost;
      bestCore = coreSize;
      bestSize = size;
      bestDim = idim;
    }
  }
  const usingReduce = outerReduceDim !== 0 && bestDim === outerReduceDim;
  let mustBuffer = false;
  for (let op = 0; op < 2; op++) {
    let reduceOp = false;
    if (usingReduce) {
      if (reduceOuter[op] === bestDim) reduceOp = true;
      else if (single[op] === bestDim && !cast[op]) reduceOp = true;
      else if (strides[op]![outerReduceDim] === 0 && single[op]! <= bestDim) reduceOp = true;
    }
    if (cast[op] || single[op]! + (reduceOp ? 1 : 0) <= bestDim) mustBuffer = true;
  }
  if (mustBuffer && NPY_BUFSIZE < bestSize) bestSize = bestCore * Math.floor(NPY_BUFSIZE / bestCore);
  // In reduce mode every core is one inner-loop call; otherwise a call is one buffer's worth of dims [0, bestDim].
  const callDims = usingReduce ? bestDim : bestDim + 1;
  const chunk = usingReduce ? bestCore : bestSize;
  return { n, os, is, callDims, chunk, inSingle: single[1]! };
}

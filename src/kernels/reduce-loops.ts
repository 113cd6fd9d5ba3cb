// reduce-loops.ts — strided inner loops for the reductions whose result does not depend on float rounding:
// exact integer sums, min/max with NumPy's NaN rules, any/all. One loop per operation, shared by every storage
// class (elements are numbers, or bigints for 64-bit integers; comparisons work on both).
//
// A "run" folds n elements (offset o, stride s) into one accumulator; an "each" loop folds them elementwise into
// an output run (offset oo, stride os). NaN rules: maximum/minimum propagate NaN; fmax/fmin ignore it unless every
// element is NaN. On ties the later element wins, which gives NumPy's signed-zero results for max(0., -0.).

type Elems = ArrayLike<number | bigint>;
type Out = { [i: number]: number | bigint };

/** Exact sum of numbers (the caller guarantees no partial sum reaches 2**53, so any order gives the same). */
export function sumRunNum(d: ArrayLike<number>, o: number, s: number, n: number): number {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  let i = 0, p = o;
  for (const s4 = 4 * s; i + 4 <= n; i += 4, p += s4) {
    a0 += d[p]!;
    a1 += d[p + s]!;
    a2 += d[p + 2 * s]!;
    a3 += d[p + 3 * s]!;
  }
  for (; i < n; i++, p += s) a0 += d[p]!;
  return a0 + a1 + (a2 + a3);
}

export function maxRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number | bigint {
  for (let i = 0, p = o; i < n; i++, p += s) {
    const x = d[p]!;
    if (x >= m || x !== x) m = x;
  }
  return m;
}

export function minRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number | bigint {
  for (let i = 0, p = o; i < n; i++, p += s) {
    const x = d[p]!;
    if (x <= m || x !== x) m = x;
  }
  return m;
}

export function fmaxRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number | bigint {
  for (let i = 0, p = o; i < n; i++, p += s) {
    const x = d[p]!;
    if (x >= m || m !== m) m = x;
  }
  return m;
}

export function fminRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number | bigint {
  for (let i = 0, p = o; i < n; i++, p += s) {
    const x = d[p]!;
    if (x <= m || m !== m) m = x;
  }
  return m;
}

/** logical_or over a run: 1 once any element is non-zero (NaN counts as true). */
export function anyRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number {
  if (m) return 1;
  for (let i = 0, p = o; i < n; i++, p += s) if (d[p]! != 0) return 1;
  return 0;
}

export function allRun(m: number | bigint, d: Elems, o: number, s: number, n: number): number {
  if (!m) return 0;
  for (let i = 0, p = o; i < n; i++, p += s) if (d[p]! == 0) return 0;
  return 1;
}

export function maxEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) {
    const x = d[p]!, m = out[q]!;
    if (x >= m || x !== x) out[q] = x;
  }
}

export function minEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) {
    const x = d[p]!, m = out[q]!;
    if (x <= m || x !== x) out[q] = x;
  }
}

export function fmaxEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) {
    const x = d[p]!, m = out[q]!;
    if (x >= m || m !== m) out[q] = x;
  }
}

export function fminEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) {
    const x = d[p]!, m = out[q]!;
    if (x <= m || m !== m) out[q] = x;
  }
}

export function orEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) if (d[p]! != 0) out[q] = 1;
}

export function andEach(out: Out, oo: number, os: number, d: Elems, o: number, s: number, n: number): void {
  for (let i = 0, q = oo, p = o; i < n; i++, q += os, p += s) if (d[p]! == 0) out[q] = 0;
}

/**
 * Index of the first maximum of n elements (offset o, stride s), NumPy's argmax: the first NaN wins outright.
 * `min` flips the comparison for argmin. (A plain loop: unrolled variants measured slower in V8.)
 */
export function argRun(d: Elems, o: number, s: number, n: number, min: boolean): number {
  let m = d[o]!, idx = 0;
  if (m !== m) return 0;
  if (min) {
    for (let i = 1, p = o + s; i < n; i++, p += s) {
      const x = d[p]!;
      if (!(x >= m)) {
        m = x;
        idx = i;
        if (x !== x) break;
      }
    }
  } else {
    for (let i = 1, p = o + s; i < n; i++, p += s) {
      const x = d[p]!;
      if (!(x <= m)) {
        m = x;
        idx = i;
        if (x !== x) break;
      }
    }
  }
  return idx;
}

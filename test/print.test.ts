// print.test.ts — str/repr of arrays against NumPy's own output (test/fixtures/print.json from scripts/fixtures/print.py),
// the String()/template-literal/util.inspect hooks, print-option scoping and validation, and Dragon4 against both paths.

import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { np, NDArray } from "../src/index.js";
import { _uniqueDigits } from "../src/core/print/dragon4.js";
import { decode, loadFixture, type EncArray } from "./helpers/fixtures.js";

interface Case {
  name: string;
  a: EncArray;
  view?: "T" | "rev" | "step2";
  opts?: Record<string, unknown>;
  str: string;
  repr: string;
}
interface Call {
  name: string;
  a: EncArray;
  f: "array2string" | "array_repr" | "array_str";
  kw: Record<string, unknown>;
  out: string;
}

const fixture = loadFixture<{ cases: Case[]; calls: Call[] }>("print");

/** The same view NumPy printed, made by strides (see scripts/fixtures/print.py). */
function view(a: NDArray, v: Case["view"]): NDArray {
  if (v === undefined) return a;
  if (v === "T") return new NDArray(a.data, a.dtype, [...a.shape].reverse(), [...a._strides].reverse(), a._offset, a);
  const shape = [...a.shape], strides = [...a._strides];
  if (v === "rev") {
    strides[0] = -strides[0]!;
    return new NDArray(a.data, a.dtype, shape, strides, a._offset + (shape[0]! - 1) * a._strides[0]!, a);
  }
  shape[0] = Math.ceil(shape[0]! / 2);
  strides[0] = strides[0]! * 2;
  return new NDArray(a.data, a.dtype, shape, strides, a._offset, a);
}

for (const c of fixture.cases) {
  test(`print: ${c.name}`, () => {
    const a = view(decode(c.a), c.view);
    np.printoptions(c.opts ?? {}, () => {
      assert.equal(String(a), c.str, "str");
      assert.equal(np.arrayRepr(a), c.repr, "repr");
    });
  });
}

const CALLS = { array2string: np.array2string, array_repr: np.arrayRepr, array_str: np.arrayStr } as const;
for (const c of fixture.calls) {
  test(`print call: ${c.name}`, () => {
    const f = CALLS[c.f] as (a: NDArray, o: object) => string;
    assert.equal(f(decode(c.a), c.kw), c.out);
  });
}

test("String(), template literals and util.inspect give NumPy's str and repr", () => {
  const a = np.array([[0, Math.SQRT2], [2.5, -1]]);
  const str = "[[ 0.          1.41421356]\n [ 2.5        -1.        ]]";
  const repr = "array([[ 0.        ,  1.41421356],\n       [ 2.5       , -1.        ]])";
  assert.equal(String(a), str);
  assert.equal(`${a}`, str);
  assert.equal(a.toString(), str);
  assert.equal(np.arrayStr(a), str);
  assert.equal(inspect(a), repr);
  assert.equal(inspect({ x: np.arange(3) }), "{ x: array([0, 1, 2]) }");
  assert.equal(`${np.array(3)}`, "3.0");
  assert.equal(inspect(np.array(3)), "array(3.)");
  assert.equal(inspect(np.array([1, 2], { dtype: "float32" })), "array([1., 2.], dtype=float32)");
});

test("a tensor prints NumPy's repr until PyTorch's repr is registered", () => {
  const t = np.arange(3);
  t._tensor = true;
  assert.equal(inspect(t), "array([0, 1, 2])");
});

test("positional arguments in NumPy's order, options object last", () => {
  const x = np.array([1e-16, 1, 2, 3]);
  assert.equal(np.array2string(x, null, 2, true, ","), "[0.,1.,2.,3.]");
  assert.equal(np.array2string(x, { precision: 2, separator: ",", suppressSmall: true }), "[0.,1.,2.,3.]");
  assert.equal(np.arrayRepr(np.array([Math.PI]), null, 3), "array([3.142])");
  assert.equal(np.arrayStr(np.array([Math.PI]), { precision: 3 }), "[3.142]");
});

test("setPrintoptions / getPrintoptions / printoptions", () => {
  const before = np.getPrintoptions();
  assert.deepEqual(before, {
    edgeitems: 3, threshold: 1000, floatmode: "maxprec", precision: 8, suppress: false, linewidth: 75,
    nanstr: "nan", infstr: "inf", sign: "-", formatter: null, legacy: false, overrideRepr: null,
  });
  const r = np.printoptions({ precision: 2 }, (o) => {
    assert.equal(o.precision, 2);
    return String(np.array([2 / 3]));
  });
  assert.equal(r, "[0.67]");
  assert.deepEqual(np.getPrintoptions(), before);
  assert.throws(() => np.printoptions({ threshold: 5 }, () => {
    throw new Error("boom");
  }), /boom/);
  assert.deepEqual(np.getPrintoptions(), before);
  try {
    np.setPrintoptions({ threshold: 5 });
    assert.equal(np.arrayRepr(np.arange(10)), "array([0, 1, 2, ..., 7, 8, 9], shape=(10,))");
    np.setPrintoptions({ linewidth: 20 });
    assert.equal(np.getPrintoptions().threshold, 5, "other options kept");
  } finally {
    np.setPrintoptions({ threshold: 1000, linewidth: 75 });
  }
  assert.deepEqual(np.getPrintoptions(), before);
});

test("print option validation uses NumPy's errors", () => {
  assert.throws(() => np.setPrintoptions({ floatmode: "bad" as never }), {
    name: "ValueError", message: 'floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"',
  });
  assert.throws(() => np.setPrintoptions({ sign: "x" as never }), { name: "ValueError", message: "sign option must be one of ' ', '+', or '-'" });
  assert.throws(() => np.setPrintoptions({ threshold: "5" as never }), { name: "TypeError", message: "threshold must be numeric" });
  assert.throws(() => np.setPrintoptions({ threshold: NaN }), {
    name: "ValueError", message: "threshold must be non-NAN, try sys.maxsize for untruncated representation",
  });
  assert.throws(() => np.setPrintoptions({ precision: 1.5 }), { name: "TypeError", message: "precision must be an integer" });
  assert.throws(() => np.array2string(np.array([1.5]), { precision: -1 }), { name: "ValueError", message: "precision must be >= 0" });
  assert.equal(np.getPrintoptions().precision, 8);
});

test("custom formatters, as NumPy's formatter dict", () => {
  const f = { float: (x: number) => x.toFixed(2), int: (x: number | bigint) => "0x" + x.toString(16) };
  assert.equal(np.array2string(np.array([1, 2.5]), { formatter: f }), "[1.00 2.50]");
  assert.equal(np.array2string(np.arange(3), { formatter: f }), "[0x0 0x1 0x2]");
  assert.equal(np.array2string(np.array([true, false]), { formatter: { all: (x) => `<${x}>` } }), "[<true> <false>]");
  np.printoptions({ formatter: { all: (x) => "int: " + String(-(x as number)) } }, () => {
    assert.equal(np.arrayRepr(np.arange(3)), "array([int: 0, int: -1, int: -2])");
  });
  assert.equal(np.arrayRepr(np.arange(3)), "array([0, 1, 2])");
});

test("overrideRepr replaces the repr", () => {
  np.printoptions({ overrideRepr: (a) => `<${a.size}>` }, () => assert.equal(inspect(np.arange(4)), "<4>"));
});

test("formatFloatPositional / formatFloatScientific", () => {
  assert.equal(np.formatFloatPositional(0.1), "0.1");
  assert.equal(np.formatFloatPositional(0.1, { dtype: "float32", unique: false, precision: 12 }), "0.100000001490");
  assert.equal(np.formatFloatPositional(1234.5678, { precision: 3, fractional: false }), "1230.");
  assert.equal(np.formatFloatScientific(Math.fround(Math.PI), { dtype: "float32" }), "3.1415927e+00");
  assert.equal(np.formatFloatScientific(Math.fround(1.23e24), { dtype: "float32", expDigits: 4 }), "1.23e+0024");
  assert.equal(np.formatFloatScientific(Math.fround(1.23e24), { dtype: "float32", unique: false, precision: 15 }), "1.230000071797338e+24");
  assert.equal(np.formatFloatPositional(NaN), "nan");
  assert.equal(np.formatFloatScientific(-Infinity), "-inf");
});

test("the JS shortest-digits fast path agrees with BigInt Dragon4", () => {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const f64 = new Float64Array(1), bits = new Uint32Array(f64.buffer);
  for (let i = 0; i < 3000; i++) {
    let x: number;
    if (i % 2 === 0) x = (rand() - 0.5) * 10 ** Math.floor(rand() * 60 - 30);
    else {
      bits[0] = Math.floor(rand() * 2 ** 32);
      bits[1] = Math.floor(rand() * 2 ** 32);
      x = f64[0]!;
    }
    if (!Number.isFinite(x) || x === 0) continue;
    const fraction = rand() < 0.5;
    const cutoffMax = rand() < 0.3 ? -1 : Math.floor(rand() * 20), cutoffMin = rand() < 0.5 ? -1 : Math.floor(rand() * 10);
    const { exact, fast } = _uniqueDigits(x, fraction, cutoffMax, cutoffMin);
    if (fast !== null || (cutoffMax < 0 && cutoffMin < 0)) assert.deepEqual(fast, exact, `${x} ${fraction} ${cutoffMax} ${cutoffMin}`);
  }
});

// wasm.ts — loads the fastmath Wasm module (src/wasm/fastmath.as, embedded as base64) and wraps its in-place kernels
// as strided-free run kernels over JS typed arrays: each chunk is copied into the module's staging buffer, transformed
// there, and copied out (float32 runs are widened and narrowed by the copies, so one float64 kernel serves both).
//
// Node compiles the module synchronously at import. Browsers refuse synchronous compiles of modules over 4 KB on the
// main thread; there the compile is asynchronous and `onFastmathReady` callbacks run once it is done.

import { FASTMATH_WASM_BASE64 } from "./wasm-binary.js";

export type FastmathName = "exp" | "log" | "log2" | "tanh" | "sin" | "cos";
type InPlace = (ptr: number, n: number) => void;
type Exports = Record<FastmathName, InPlace> & { memory: WebAssembly.Memory; buffer(): number; capacity(): number };

/** A whole-run kernel: o[oo + i] = f(a[ao + i]) for i < n. */
export type RunKernel = (o: Float64Array | Float32Array, oo: number, a: Float64Array | Float32Array, ao: number, n: number) => void;

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const val = new Uint8Array(128);
  for (let i = 0; i < 64; i++) val[B64.charCodeAt(i)] = i;
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const v = (val[s.charCodeAt(i)]! << 18) | (val[s.charCodeAt(i + 1)]! << 12) | (val[s.charCodeAt(i + 2)]! << 6) | val[s.charCodeAt(i + 3)]!;
    if (o < out.length) out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

let wasm: Exports | null = null;
let staging: Float64Array | null = null;
const waiting: (() => void)[] = [];

/** The module sends the lanes its vector code does not cover (nan, inf, overflow, x <= 0, huge sin args) here. */
const IMPORTS = { env: { exp: Math.exp, log: Math.log, log2: Math.log2, sin: Math.sin, cos: Math.cos } };

function ready(inst: WebAssembly.Instance): void {
  wasm = inst.exports as unknown as Exports;
  staging = new Float64Array(wasm.memory.buffer, wasm.buffer(), wasm.capacity());
  for (const f of waiting.splice(0)) f();
}

function load(): void {
  if (typeof WebAssembly !== "object") return;
  const bytes = decodeBase64(FASTMATH_WASM_BASE64);
  let mod: WebAssembly.Module;
  try {
    mod = new WebAssembly.Module(bytes);
  } catch (e) {
    // A CompileError means no Wasm SIMD here: the generated loops stay in use. A RangeError is the main-thread limit.
    if (e instanceof RangeError) WebAssembly.instantiate(bytes, IMPORTS).then((r) => ready(r.instance), () => undefined);
    return;
  }
  ready(new WebAssembly.Instance(mod, IMPORTS));
}
load();

/** Run `f` now if the module is loaded, or when it is. */
export function onFastmathReady(f: () => void): void {
  if (wasm !== null) f();
  else waiting.push(f);
}

/** The run kernel of `name`; call only once the module is loaded. */
export function fastmathKernel(name: FastmathName): RunKernel {
  const w = wasm!, buf = staging!, ptr = w.buffer(), cap = buf.length;
  const f = w[name];
  return (o, oo, a, ao, n) => {
    for (let i = 0; i < n; i += cap) {
      const m = Math.min(cap, n - i);
      buf.set(a.subarray(ao + i, ao + i + m));
      f(ptr, m);
      o.set(m === cap ? buf : buf.subarray(0, m), oo + i);
    }
  };
}

// sort-wasm.ts — the Wasm radix sorts (src/wasm/sort/sort.as) behind long lanes: instantiated synchronously on
// first use (the module is 2 KB, under browsers' 4 KB limit for synchronous compilation), lanes copied into its
// memory, sorted there and copied back. Where WebAssembly is unavailable, `sortWasm()` is null and the plain-TS
// radix in sort-radix.ts runs instead.

import { SORT_WASM_BASE64 } from "./sort-wasm-binary.js";

export interface SortWasm {
  memory: WebAssembly.Memory;
  HEAP: WebAssembly.Global;
  topBit: WebAssembly.Global;
  keysF64(a: number, n: number): number;
  keysI64(a: number, n: number): void;
  unkeysF64(a: number, n: number): void;
  flip64(a: number, n: number): void;
  sort64(a: number, b: number, n: number, top: number): number;
  argsort64(a: number, b: number, ia: number, ib: number, n: number, top: number): number;
  sort32(a: number, b: number, n: number, top: number): number;
  argsort32(a: number, b: number, ia: number, ib: number, n: number, top: number): number;
  keysF32(a: number, n: number): number;
  unkeysF32(a: number, n: number): void;
  keys32(a: number, n: number, xor: number): void;
}

let instance: SortWasm | null | undefined;
let enabled = true;

function decode(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The module's exports, or null when WebAssembly is unavailable (or disabled for testing). */
export function sortWasm(): SortWasm | null {
  if (!enabled) return null;
  if (instance === undefined) {
    try {
      const mod = new WebAssembly.Module(decode(SORT_WASM_BASE64) as BufferSource);
      instance = new WebAssembly.Instance(mod, {}).exports as unknown as SortWasm;
    } catch {
      instance = null;
    }
  }
  return instance;
}

/** Turn the Wasm path off (tests compare it with the plain-TS path). Returns the previous setting. */
export function setSortWasm(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** The heap start (8-byte aligned) after making room for `bytes` bytes of arrays; -1 when memory cannot grow. */
export function reserve(w: SortWasm, bytes: number): number {
  const base = (Number(w.HEAP.value) + 7) & ~7;
  const need = base + bytes, have = w.memory.buffer.byteLength;
  if (need > 2 ** 32 - 65536) return -1;
  if (need > have) {
    try {
      w.memory.grow(Math.ceil((need - have) / 65536));
    } catch {
      return -1; // beyond what the engine will give: the caller sorts in JS
    }
  }
  return base;
}

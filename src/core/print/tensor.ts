// tensor.ts — the printing hook for tensors (arrays with `_tensor`). PyTorch's tensor repr is a later change:
// it registers itself here with setTensorRepr; until then print.ts falls back to NumPy's repr for tensors.

import type { NDArray } from "../ndarray.js";

let formatter: ((t: NDArray) => string) | null = null;

/** Register PyTorch's repr (`tensor([...], dtype=torch.float64)`), used for both String(t) and util.inspect(t). */
export function setTensorRepr(fn: ((t: NDArray) => string) | null): void {
  formatter = fn;
}

/** PyTorch's repr of a tensor, or null while none is registered (TODO(torch printing): register it). */
export function tensorRepr(t: NDArray): string | null {
  return formatter ? formatter(t) : null;
}

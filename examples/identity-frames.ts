// identity-frames.ts — the seed's "identity matrices with arbitrary shape" question (examples/py/identity_frames.py):
// a loop of frames[..., i, i] = 1, a writable einsum diagonal view, a strided reshape view, and fancy indexing.

import { np, type NDArray } from "../src/index.js";

export function ndeyeLoop(baseShape: number[], nDim: number, m: number): NDArray {
  const out = np.zeros([...baseShape, ...Array(m).fill(nDim)]);
  for (let i = 0; i < nDim; i++) out.set(["...", ...Array(m).fill(i)], 1);
  return out;
}

export function ndeyeEinsum(baseShape: number[], nDim: number, m: number): NDArray {
  const out = np.zeros([...baseShape, ...Array(m).fill(nDim)]);
  const diagView = np.einsum("..." + "i".repeat(m) + "->...i", out);
  diagView.set(":", 1);
  return out;
}

export function ndeyeReshape(baseShape: number[], nDim: number, m: number): NDArray {
  const N = np.sum(np.power(nDim, np.arange(m))).item() as number;
  const out = np.zeros([...baseShape, ...Array(m).fill(nDim)]);
  out.reshape(-1, nDim ** m).set([":", `::${N}`], 1);
  return out;
}

export function ndeyeEllipsisIndexer(baseShape: number[], nDim: number, m: number): NDArray {
  const I = np.arange(nDim);
  const indexer = ["...", ...Array(m).fill(I)];
  const out = np.zeros([...baseShape, ...Array(m).fill(nDim)]);
  out.set(indexer, 1);
  return out;
}

export function main(): string {
  const lines: string[] = [];
  const baseShape = [10, 11, 12];
  for (const m of [2, 3]) {
    const frames = [ndeyeLoop, ndeyeEinsum, ndeyeReshape, ndeyeEllipsisIndexer].map((f) => f(baseShape, 4, m));
    const same = frames.slice(1).every((f) => np.arrayEqual(frames[0]!, f));
    lines.push(`${m} (${frames[0]!.shape.join(", ")}) ${same ? "True" : "False"}`);
  }
  lines.push(String(ndeyeEinsum([2], 3, 2)));
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());

// broadcast-shapes.ts — the public np.broadcastShapes: NumPy's argument forms (ints or shapes) and its own mismatch
// text, which names the two arguments in conflict. Ufuncs use core/shape.ts's broadcastShapes, whose error is the
// ufunc one ("operands could not be broadcast together with shapes ...").

import { ValueError } from "../core/errors.js";
import { shapeOf, shapeRepr } from "../core/shape.js";

export function broadcastShapes(...args: unknown[]): number[] {
  const shapes = args.map((a) => shapeOf(a));
  for (const s of shapes) if (s.some((d) => d < 0)) throw new ValueError("negative dimensions are not allowed");
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  const setter = new Array<number>(nd).fill(-1); // which argument fixed each output dimension
  shapes.forEach((s, k) => {
    s.forEach((d, i) => {
      const j = nd - s.length + i;
      if (d === 1 || d === out[j]) return;
      if (out[j] === 1) {
        out[j] = d;
        setter[j] = k;
        return;
      }
      const a = setter[j]!;
      throw new ValueError(
        `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${a} with shape ${shapeRepr(shapes[a]!)} and arg ${k} with shape ${shapeRepr(s)}.`,
      );
    });
  });
  return out;
}

// demo.ts — `npm run demo`: the founding seed questions, ported line by line, printing what NumPy prints;
// then a short tour of NumPy's semantics in tessera (promotion, views, errors).

import { np } from "../src/index.js";
import * as kmeans from "./kmeans.js";
import * as estimateNoise from "./estimate-noise.js";
import * as oneHot from "./one-hot.js";
import * as identityFrames from "./identity-frames.js";
import * as entropy from "./entropy.js";

function section(title: string, body: string): void {
  console.log(`\n=== ${title} ===\n${body}`);
}

section("k-means with NumPy (examples/kmeans.ts)", kmeans.main());
section("residual summed to one float (examples/estimate-noise.ts)", estimateNoise.main());
section("one-hot by fancy assignment and np.where (examples/one-hot.ts)", oneHot.main());
section("identity frames: loop, einsum view, reshape view, fancy index (examples/identity-frames.ts)", identityFrames.main());
section("entropy with np.unique counts (examples/entropy.ts)", entropy.main());

const tour: string[] = [];
const x = np.arange(12).reshape(3, 4);
tour.push(`x = np.arange(12).reshape(3, 4)  ->  repr:\n${np.arrayRepr(x)}`);
tour.push(`x.T.strides = [${x.T.strides}]  x.T shares x.base: ${x.T.base === x.base}`);
tour.push(`int32 + 1 -> ${np.array([1, 2], { dtype: "int32" }).add(1).dtype}; int32 + 1.5 -> ${np.array([1, 2], { dtype: "int32" }).add(1.5).dtype}; float32 + 2.5 -> ${np.ones(2, { dtype: "float32" }).add(2.5).dtype}`);
tour.push(`np.sum(x, { axis: 0 }) = ${np.sum(x, { axis: 0 })}   np.mean(x) = ${np.mean(x)}   np.linalg.det(...) = ${np.linalg.det(np.array([[2, 1], [1, 3]]))}`);
for (const bad of [() => np.add(np.zeros([3, 2]), np.zeros(3)), () => np.arange(6).reshape(4), () => np.add(np.array([1], { dtype: "uint8" }), 300)]) {
  try {
    bad();
  } catch (e) {
    tour.push(`${(e as Error).name}: ${(e as Error).message}`);
  }
}
section("NumPy semantics", tour.join("\n"));

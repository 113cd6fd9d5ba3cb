// browser.test.ts — the package runs in a real browser: headless Chromium loads test/browser/smoke.html from a
// local static server and the page prints what Node prints. Skipped when no Chromium is installed
// (.ci/run installs Debian's chromium).

import assert from "node:assert/strict";

import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const here = fileURLToPath(new URL(".", import.meta.url));
const root = here.includes("/dist/") ? here.slice(0, here.indexOf("/dist/")) : here.slice(0, here.indexOf("/test/"));
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

test("the package loads and computes in headless Chromium", { skip: CHROMIUM === undefined && "no chromium installed" }, async () => {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url!, "http://x").pathname)));
    const file = path.endsWith("/smoke.html") ? join(root, "test/browser/smoke.html") : path;
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  try {
    const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--user-data-dir=/tmp/tessera-chromium-${process.pid}`, "--virtual-time-budget=10000",
      "--dump-dom", `http://127.0.0.1:${port}/smoke.html`];
    const r = await new Promise<string>((resolve) => {
      // spawnSync would block the server this process runs; run Chromium asynchronously.
      import("node:child_process").then(({ execFile }) =>
        execFile(CHROMIUM!, args, { timeout: 60_000, maxBuffer: 1 << 20 }, (_err, stdout) => resolve(stdout)),
      );
    });
    const body = r.slice(r.indexOf("<body>") + 6, r.indexOf("</body>"));
    assert.equal(
      body,
      ["[[0 3]\n [1 4]\n [2 5]]", "[2.71773812 2.71828183]", "[0. 1. 2.]", "5.000000000000001", "array([1, 1, 1], dtype=int32)"].join("\n"),
    );
  } finally {
    server.close();
  }
});


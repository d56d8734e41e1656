// A small static file server for the end-to-end tests, the screenshot script and the browser
// benchmarks: it serves the Trunk build (dist/) at / and the test documents at /fixtures/.
// /status/NNN answers with that HTTP status, to test how the widget reports server errors.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** Starts the server on a free loopback port; resolves to { url, close }. */
export async function startServer({ dist = join(ROOT, "dist"), extra = {} } = {}) {
  const mounts = {
    "/fixtures/": join(ROOT, "tests/e2e/fixtures"),
    "/examples/": join(ROOT, "examples"),
    // Real captured feeds for tests only; absent outside this project's setting.
    "/shared-feeds/": resolve(ROOT, "../shared/data/feeds"),
    ...extra,
    "/": dist,
  };
  // Answers that never end (/hang: nothing at all; /stall: the start of a document;
  // /declared/N, below;
  // /held/FILE: the first 16,000 bytes of a built file or a test document, the rest held back, as on a slow
  // connection; with ?key=K, /more/K sends 16,000 bytes more (or ?step=N) and /release/K the rest), ended when the server closes.
  const hanging = new Set();
  const held = new Map();
  const server = createServer(async (req, res) => {
    const address = new URL(req.url, "http://x");
    const path = decodeURIComponent(address.pathname);
    if (path.startsWith("/held/")) {
      // A built file, or a test document (/held/fixtures/…).
      const [, base, rest] = path.match(/^\/held\/(fixtures\/)?(.*)$/);
      const dir = base ? mounts["/fixtures/"] : dist;
      const file = normalize(join(dir, rest));
      if (!file.startsWith(dir)) return res.writeHead(403).end();
      hanging.add(res);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      const body = await readFile(file);
      let sent = 16000;
      res.write(body.subarray(0, sent));
      const key = address.searchParams.get("key");
      if (key) {
        const step = Number(address.searchParams.get("step")) || 16000;
        held.set(key, {
          more: () => res.write(body.subarray(sent, (sent += step))),
          release: () => res.end(body.subarray(sent)),
          // The connection breaks off: no more, and no proper end.
          break: () => res.socket.destroy(),
        });
      }
      return;
    }
    // /more/K: the next part of a held answer (16,000 bytes, or its ?step=N); /release/K: all the
    // rest; /break/K: the connection broken off.
    const step = path.match(/^\/(more|release|break)\/(.+)$/);
    if (step) {
      const [, what, key] = step;
      const answer = held.get(key);
      if (what !== "more") held.delete(key);
      answer?.[what]();
      return res.writeHead(answer ? 204 : 404).end();
    }
    // /declared/N: an answer that says it is N bytes long, then sends the start of a document
    // and holds the rest back.
    const declared = path.match(/^\/declared\/(\d+)$/);
    if (declared) {
      hanging.add(res);
      res.writeHead(200, { "content-type": "application/json", "content-length": declared[1] });
      res.write('{"title": "Declared", "articles": [');
      return;
    }
    if (path === "/hang" || path === "/stall") {
      hanging.add(res);
      if (path === "/stall") {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"title": "Stalled", "articles": [');
      }
      return;
    }
    const status = path.match(/^\/status\/(\d{3})$/);
    if (status) {
      res.writeHead(Number(status[1]), { "content-type": "text/plain" });
      res.end(`status ${status[1]}`);
      return;
    }
    const [prefix, dir] = Object.entries(mounts).find(([p]) => path.startsWith(p));
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      // Any origin may read the files: a page of another origin (another test server) embeds
      // the bundle from this one.
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "access-control-allow-origin": "*" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  const close = () => {
    for (const res of hanging) res.destroy();
    const closed = new Promise((ok) => server.close(ok));
    // A page left open may still hold a connection (keep-alive, or a request under way): it
    // must not keep the test waiting.
    server.closeAllConnections();
    return closed;
  };
  return { url: `http://127.0.0.1:${port}`, close };
}

export const BROWSER_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run", "--disable-quic",
];

/** Launches Debian's Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: BROWSER_FLAGS,
    headless: true,
  });
}

export { ROOT };

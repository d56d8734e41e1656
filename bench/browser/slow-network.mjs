// How soon a widget shows its first cards on a slow connection, where the order of the
// downloads matters: the loader asks for the stories while the WebAssembly is on its way, and a
// document still arriving shows the stories read so far. Chromium's network emulation (CDP)
// gives each profile its latency and bandwidth; the page is a fixture with one eager
// <gazette-news> and the sample stories (74 KB), served uncompressed from localhost.
// Usage: node bench/browser/slow-network.mjs [--runs 4] [--out bench/results/slow-network.json]
// Needs the release build in dist/ (trunk build --release). Each run uses a fresh context.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/server.mjs";
import { summarise } from "./summary.mjs";

const { values } = parseArgs({ options: { runs: { type: "string", default: "4" }, out: { type: "string" } } });
const runs = Number(values.runs);
const out = values.out ?? join(ROOT, "bench/results/slow-network.json");
// Latency in ms, throughput in bytes per second.
const PROFILES = {
  far: { latency: 300, downloadThroughput: 1_000_000, uploadThroughput: 500_000 },
  narrow: { latency: 50, downloadThroughput: 200_000, uploadThroughput: 200_000 },
};

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const row = {};
    for (const [name, conditions] of Object.entries(PROFILES)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
      await page.goto(`${server.url}/fixtures/move.html`);
      await page.waitForFunction(() => performance.getEntriesByName("gazette:first-cards").length > 0, null, { timeout: 60_000 });
      const figures = await page.evaluate(() => {
        const resource = (end) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(end));
        const [wasm, stories] = [resource("gazette_bg.wasm"), resource("articles.json")];
        return {
          first_card_ms: performance.getEntriesByName("gazette:first-cards")[0].startTime,
          wasm_loaded_ms: wasm?.responseEnd ?? NaN,
          stories_asked_ms: stories?.startTime ?? NaN,
        };
      });
      for (const [k, v] of Object.entries(figures)) row[`${name}_${k}`] = v;
      await context.close();
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  await server.close();
}

const profiles = Object.entries(PROFILES).map(([n, c]) => `${n}: ${c.latency} ms, ${c.downloadThroughput / 1000} KB/s`).join("; ");
await summarise(rows, { title: `first cards on slow connections (${profiles}), ${runs} runs, headless Chromium (ms from navigation)`, out, extra: { profiles: PROFILES } });

// How soon a widget shows its first cards on a slow connection, where the order of the
// downloads matters: the loader asks for the stories while the WebAssembly is on its way, and a
// document still arriving shows the stories read so far. Chromium's network emulation (CDP)
// gives each profile its latency and bandwidth; the page is a fixture with one eager
// <gazette-news> and the sample stories (74 KB), served uncompressed from localhost. The
// `large` profile shows the demo page with 10,000 stories (bench/make-data.sh 10k), which come
// as a preview of those read so far before the rest. `cls` is the page's layout shift from
// navigation until every story is in (gazette:ready); `cls_from_last_byte`, those from the
// document's last byte on (where a preview is replaced by the whole list).
// Usage: node bench/browser/slow-network.mjs [--runs 4] [--out bench/results/slow-network.json]
// Needs the release build in dist/ (trunk build --release). Each run uses a fresh context.
import { existsSync } from "node:fs";
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
  large: { latency: 300, downloadThroughput: 1_000_000, uploadThroughput: 500_000 },
};
const PAGES = { far: "/fixtures/move.html", narrow: "/fixtures/move.html", large: "/index.html?src=/bench-data/articles-10k.json" };
const data = join(ROOT, "bench/data");
if (!existsSync(join(data, "articles-10k.json"))) {
  console.error("bench/data/articles-10k.json is missing: run bench/make-data.sh 10k");
  process.exit(1);
}
// The page's layout shifts (those not caused by input), added up from the start.
const watchShifts = () => {
  window.gzShifts = [];
  window.gzReady = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.gzShifts.push(e);
  }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("gazette:ready", () => (window.gzReady = true));
};

const server = await startServer({ extra: { "/bench-data/": data } });
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
      await page.addInitScript(watchShifts);
      await page.goto(server.url + PAGES[name]);
      await page.waitForFunction(() => window.gzReady, null, { timeout: 120_000 });
      // The shifts of the frame that showed every story are reported once it is drawn.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const figures = await page.evaluate(() => {
        const resource = (end) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(end));
        const [wasm, stories] = [resource("gazette_bg.wasm"), resource(".json")];
        return {
          first_card_ms: performance.getEntriesByName("gazette:first-cards")[0].startTime,
          wasm_loaded_ms: wasm?.responseEnd ?? NaN,
          stories_asked_ms: stories?.startTime ?? NaN,
          stories_in_ms: stories?.responseEnd ?? NaN,
          cls: window.gzShifts.reduce((sum, e) => sum + e.value, 0),
          cls_from_last_byte: window.gzShifts.filter((e) => e.startTime >= (stories?.responseEnd ?? 0)).reduce((sum, e) => sum + e.value, 0),
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

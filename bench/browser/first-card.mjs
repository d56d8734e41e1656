// How long a reader waits for the first story card on the demo page, from navigation start.
// Usage: node bench/browser/first-card.mjs [--runs 9] [--src ADDRESS] [--out bench/results/first-card.json]
// --src loads another document through the demo's ?src= (e.g. /bench-data/archive-200k/manifest.json,
// served from bench/data/).
// Needs the release build in dist/ (trunk build --release). Each run uses a fresh browser
// context (empty cache). Prints median and spread and writes the figures as JSON.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/server.mjs";
import { summarise } from "./summary.mjs";

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" }, src: { type: "string" }, out: { type: "string" } } });
const runs = Number(values.runs);
const out = values.out ?? join(ROOT, "bench/results/first-card.json");

const server = await startServer({ extra: { "/bench-data/": join(ROOT, "bench/data") } });
const browser = await launchBrowser();
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html${values.src ? `?src=${encodeURIComponent(values.src)}` : ""}`);
    await page.getByRole("article").first().waitFor({ timeout: 30_000 });
    rows.push(
      await page.evaluate(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const wasm = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
        return {
          first_card_ms: at("gazette:first-cards"),
          data_arrived_ms: at("gazette:data-arrived"),
          after_data_ms: at("gazette:first-cards") - at("gazette:data-arrived"),
          wasm_loaded_ms: wasm ? wasm.responseEnd : NaN,
          dom_content_loaded_ms: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
        };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

await summarise(rows, { title: `first card on the demo page${values.src ? ` with ${values.src}` : ""}, ${runs} runs, localhost, headless Chromium (ms)`, out, extra: { src: values.src ?? null } });

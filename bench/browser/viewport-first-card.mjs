// How long an embedded widget takes from entering the viewport to its first story card: the
// lazy start a site owner's page pays (the loader waits until the widget comes near, then
// fetches the code and the stories). The hostile-CSS example holds a widget below the fold;
// the page is scrolled to it, and the time runs from an IntersectionObserver's first sight of
// the element to the widget's `gazette:first-cards` mark.
// Usage: node bench/browser/viewport-first-card.mjs [--runs 7] [--out bench/results/viewport-first-card.json]
// Needs the release build in dist/ (trunk build --release). Each run uses a fresh browser
// context (empty cache); requests to other hosts (pictures) get an empty answer.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/server.mjs";
import { summarise } from "./summary.mjs";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" }, out: { type: "string" } } });
const runs = Number(values.runs);
const out = values.out ?? join(ROOT, "bench/results/viewport-first-card.json");

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    await page.goto(`${server.url}/examples/hostile-css/index.html`);
    const widget = page.locator("gazette-news").last();
    await widget.locator(".gz-skeleton").waitFor({ state: "attached" });
    await page.evaluate(() => {
      const el = [...document.querySelectorAll("gazette-news")].pop();
      new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && !window.__entered) window.__entered = performance.now();
      }).observe(el);
    });
    // The page settles (its own scripts, the other widget) before the reader scrolls.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await widget.evaluate((el) => el.scrollIntoView());
    await widget.getByRole("article").first().waitFor({ timeout: 30_000 });
    rows.push(
      await page.evaluate(() => {
        const t0 = window.__entered;
        const mark = (name) => (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN) - t0;
        const resource = (end) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(end));
        const wasm = resource("gazette_bg.wasm");
        return {
          first_card_ms: mark("gazette:first-cards"),
          data_arrived_ms: mark("gazette:data-arrived"),
          wasm_loaded_ms: wasm ? wasm.responseEnd - t0 : NaN,
        };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

await summarise(rows, { title: `an embedded widget, from entering the viewport, ${runs} runs, localhost, headless Chromium (ms)`, out });

import { BROWSER_FLAGS, ROOT, startServer } from "../../tests/e2e/server.mjs";
import { join } from "node:path";
import { readFileSync } from "node:fs";
const size = process.argv[2] ?? "200k";
const engine = process.argv[3] ?? "gazette";
const css = process.argv[4] ?? "";
const queries = JSON.parse(readFileSync(join(ROOT, "bench/queries.json"))).queries;
const server = await startServer({ extra: { "/bench-data/": join(ROOT, "bench/data"), "/peers/": join(ROOT, "bench/browser/peers"), "/node_modules/": join(ROOT, "node_modules") } });
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_FLAGS, headless: true });
const ctx = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London", viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
const src = `/bench-data/articles-${size}.json`;
const path = engine === "gazette" ? `/index.html?src=${encodeURIComponent(src)}` : `/peers/peer.html?engine=${engine}&src=${encodeURIComponent(src)}`;
await page.goto(server.url + path);
const prefix = engine === "gazette" ? "gazette:" : "peer:";
await page.waitForFunction((n) => performance.getEntriesByName(n, "mark").length > 0, `${prefix}index-built`, { timeout: 120000, polling: 50 });
if (css) await page.addStyleTag({ content: css });
await page.evaluate(() => {
  const b = (window.__d = { rows: [], count: 0, kind: "type" });
  document.addEventListener("input", () => {
    const t0 = performance.now();
    const row = { t0, mut: 0, added: 0, removed: 0, chars: 0, attrs: 0 };
    const mo = new MutationObserver((recs) => {
      if (row.work === undefined) row.work = performance.now() - t0;
      for (const r of recs) { row.mut++; row.added += r.addedNodes.length; row.removed += r.removedNodes.length; if (r.type === "characterData") row.chars++; if (r.type === "attributes") row.attrs++; }
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => { row.handler = performance.now() - t0; }, 0);
    requestAnimationFrame((ts) => {
      row.raf = performance.now() - t0;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { row.done = performance.now() - t0; mo.disconnect(); if (b.kind === "type") b.rows.push(row); b.count++; };
      ch.port2.postMessage(0);
    });
  }, { capture: true });
});
await page.getByLabel("Search stories", { exact: true }).click();
let ev = 0;
for (const q of queries) {
  for (const ch of q) { await page.keyboard.type(ch); ev++; await page.waitForFunction((k) => window.__d.count >= k, ev, { polling: 5 }); }
  await page.evaluate(() => (window.__d.kind = "clear"));
  await page.keyboard.press("Control+A"); await page.keyboard.press("Backspace"); ev++;
  await page.waitForFunction((k) => window.__d.count >= k, ev, { polling: 5 });
  await page.evaluate(() => (window.__d.kind = "type"));
}
const rows = await page.evaluate(() => window.__d.rows);
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const col = (k) => rows.map((r) => r[k] ?? 0);
const render = rows.map((r) => r.done - r.raf);
console.log(`${engine} ${size} n=${rows.length} ${css}`);
for (const [k, a] of [["done", col("done")], ["raf", col("raf")], ["render(done-raf)", render], ["work", col("work")], ["mut", col("mut")], ["added", col("added")], ["chars", col("chars")], ["attrs", col("attrs")]]) console.log(k.padEnd(18), "median", q(a, 50).toFixed(1), "p95", q(a, 95).toFixed(1), "max", Math.max(...a).toFixed(1));
await browser.close(); await server.close();

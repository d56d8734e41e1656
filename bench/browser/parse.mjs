// Parse throughput per format in the browser: one article set (the 50k benchmark set by
// default) written as Gazette's article set, JSON Feed 1.1, RSS 2.0 and Atom 1.0, each loaded
// by the release build in headless Chromium. Per format: the document's size, the time from
// its first byte to the last story read (gazette:data-arrived → gazette:parsed), the MB/s that
// makes, the time to a searchable index, the first cards, and the longest main-thread task
// while loading (how long input could have waited).
// Usage: node bench/browser/parse.mjs [--set bench/data/articles-50k.json] [--runs 3]
//        [--out bench/results/parse.json]
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, startServer, ROOT } from "../../tests/e2e/server.mjs";

const { values } = parseArgs({
  options: { set: { type: "string", default: "bench/data/articles-50k.json" }, runs: { type: "string", default: "3" }, out: { type: "string" } },
});
const runs = Number(values.runs);
const out = values.out ?? join(ROOT, "bench/results/parse.json");
const set = JSON.parse(await readFile(join(ROOT, values.set), "utf8"));

const esc = (s) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const rfc2822 = (iso) => new Date(iso).toUTCString().replace("GMT", "+0000");
const docs = {
  "article set": JSON.stringify(set),
  "JSON Feed 1.1": JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: set.title,
    items: set.articles.map((a) => ({
      id: a.id, url: a.url, title: a.title, summary: a.summary, date_published: a.published,
      authors: (a.authors ?? []).map((name) => ({ name })), tags: [a.category, ...(a.tags ?? [])],
    })),
  }),
  "RSS 2.0":
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(set.title)}</title><link>https://bench.example/</link><description>benchmark</description>\n` +
    set.articles.map((a) =>
      `<item><title>${esc(a.title)}</title><link>${esc(a.url)}</link><guid>${esc(a.id)}</guid><pubDate>${rfc2822(a.published)}</pubDate>` +
      `<category>${esc(a.category)}</category>${(a.tags ?? []).map((t) => `<category>${esc(t)}</category>`).join("")}` +
      `${(a.authors ?? []).map((n) => `<dc:creator>${esc(n)}</dc:creator>`).join("")}<description>${esc(a.summary)}</description></item>\n`).join("") +
    `</channel></rss>\n`,
  "Atom 1.0":
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(set.title)}</title><id>urn:bench</id><updated>2024-01-01T00:00:00Z</updated>\n` +
    set.articles.map((a) =>
      `<entry><title>${esc(a.title)}</title><link rel="alternate" href="${esc(a.url)}"/><id>${esc(a.id)}</id><published>${a.published}</published><updated>${a.published}</updated>` +
      `<category term="${esc(a.category)}"/>${(a.tags ?? []).map((t) => `<category term="${esc(t)}"/>`).join("")}` +
      `${(a.authors ?? []).map((n) => `<author><name>${esc(n)}</name></author>`).join("")}<summary>${esc(a.summary)}</summary></entry>\n`).join("") +
    `</feed>\n`,
};

const server = await startServer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const [format, body] of Object.entries(docs)) {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__longest = Math.max(window.__longest, e.duration)))).observe({ type: "longtask", buffered: true });
      });
      await page.route((url) => url.pathname === "/bench-feed", (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body }));
      await page.goto(`${server.url}/index.html?src=/bench-feed`);
      await page.waitForFunction(() => performance.getEntriesByName("gazette:index-built").length > 0, null, { timeout: 120_000 });
      await page.getByRole("article").first().waitFor();
      const m = await page.evaluate(() => {
        const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        return {
          read_ms: at("gazette:parsed") - at("gazette:data-arrived"),
          searchable_ms: at("gazette:index-built") - at("gazette:data-arrived"),
          first_cards_ms: at("gazette:first-cards") - at("gazette:data-arrived"),
          longest_task_ms: window.__longest,
          stories: Number((document.querySelector("[role=status]")?.textContent ?? "").split(" ")[0].replace(/\D/g, "")),
        };
      });
      rows.push({ format, bytes: Buffer.byteLength(body), ...m, mb_per_s: Buffer.byteLength(body) / 1e6 / (m.read_ms / 1000) });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const summary = Object.keys(docs).map((format) => {
  const r = rows.filter((x) => x.format === format);
  const pick = (k) => median(r.map((x) => x[k]));
  return { format, stories: pick("stories"), mb: r[0].bytes / 1e6, read_ms: pick("read_ms"), mb_per_s: pick("mb_per_s"), searchable_ms: pick("searchable_ms"), first_cards_ms: pick("first_cards_ms"), longest_task_ms: pick("longest_task_ms") };
});
console.log(`parse throughput in headless Chromium, ${values.set}, median of ${runs} runs`);
console.log("| format | stories | MB | read (ms) | MB/s | searchable (ms) | first cards (ms) | longest task (ms) |\n|---|---|---|---|---|---|---|---|");
for (const s of summary) console.log(`| ${s.format} | ${s.stories} | ${s.mb.toFixed(1)} | ${s.read_ms.toFixed(0)} | ${s.mb_per_s.toFixed(1)} | ${s.searchable_ms.toFixed(0)} | ${s.first_cards_ms.toFixed(0)} | ${s.longest_task_ms.toFixed(0)} |`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ date: new Date().toISOString(), set: values.set, runs, summary, rows }, null, 2));
console.log(`wrote ${out}`);

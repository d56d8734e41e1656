#!/usr/bin/env node
// Browser benchmark: how quickly the built Gazette widget (dist/) answers a reader typing, next to
// pages built on MiniSearch and FlexSearch with the same data and the same card markup
// (bench/browser/peers/). Run on purpose, never as a test; see bench/README.md.
//
//   node bench/browser/run.mjs [--sizes 10k,50k,200k] [--engines gazette,minisearch,flexsearch,none]
//                              [--runs 3] [--out bench/results/browser-<date>.json]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BROWSER_FLAGS, ROOT, startServer } from "../../tests/e2e/server.mjs";

// "none": the peer page with typing doing nothing, the floor of the keystroke measurement.
const ENGINES = ["gazette", "minisearch", "flexsearch", "none"];
const LOAD_TIMEOUT = 120_000; // loading and indexing the largest set
const KEY_TIMEOUT = 30_000; // one keystroke's frame
const MARK_GRACE = 2_000; // for a mark that comes just after the first cards
const MiB = 1024 * 1024;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "10k,50k,200k" },
    engines: { type: "string", default: ENGINES.join(",") },
    runs: { type: "string", default: "3" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (opts.help) {
  console.log("node bench/browser/run.mjs [--sizes 10k,50k,200k] [--engines gazette,minisearch,flexsearch,none] [--runs 3] [--out FILE]");
  process.exit(0);
}
const sizes = list(opts.sizes);
const engines = list(opts.engines);
const runs = Number(opts.runs);
const bad = engines.filter((e) => !ENGINES.includes(e));
if (bad.length || !Number.isInteger(runs) || runs < 1 || !sizes.length || !engines.length) {
  fail(`bad arguments${bad.length ? `: unknown engine ${bad.join(", ")}` : ""} (see --help)`);
}
const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
const out = resolve(opts.out ?? join(ROOT, "bench/results", `browser-${stamp}.json`));

if (engines.includes("gazette") && !existsSync(join(ROOT, "dist/index.html"))) {
  fail(
    "dist/index.html is missing: build the widget first, in the repository root:\n" +
      '  PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" trunk build --release',
  );
}
const queries = JSON.parse(readFileSync(join(ROOT, "bench/queries.json"), "utf8")).queries;
const dataSets = [];
for (const size of sizes) {
  const file = join(ROOT, "bench/data", `articles-${size}.json`);
  if (!existsSync(file)) {
    console.error(`skipping ${size}: ${file} is missing; make it with  bench/make-data.sh ${size}`);
    continue;
  }
  dataSets.push({ size, file, bytes: statSync(file).size });
}
if (!dataSets.length) fail("no data set to measure");

const server = await startServer({
  extra: {
    "/bench-data/": join(ROOT, "bench/data"),
    "/peers/": join(ROOT, "bench/browser/peers"),
    "/node_modules/": join(ROOT, "node_modules"),
  },
});
let browser;
let chromiumVersion = null;
const onSignal = () => browser?.close().catch(() => {});
process.once("SIGINT", onSignal);
process.once("SIGTERM", onSignal);

const results = [];
const failures = [];
const warnings = new Set();
try {
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // Precise (unbucketed) performance.memory, and gc() to read the heap after a collection.
    args: [...BROWSER_FLAGS, "--enable-precise-memory-info", "--js-flags=--expose-gc"],
    headless: true,
    timeout: 60_000,
  });
  chromiumVersion = browser.version();
  for (const data of dataSets) {
    for (const engine of engines) {
      for (let run = 1; run <= runs; run++) {
        const label = `${engine} ${data.size} run ${run}/${runs}`;
        process.stderr.write(`${label} … `);
        try {
          const r = await measure(engine, data, run);
          results.push(r);
          process.stderr.write(`keystroke median ${fmt(r.keystroke.median)} ms, p95 ${fmt(r.keystroke.p95)} ms\n`);
        } catch (e) {
          process.stderr.write("FAILED\n");
          failures.push({ engine, size: data.size, run, error: String(e?.message ?? e) });
          console.error(`${label} failed: ${e?.message ?? e}`);
          if (!browser.isConnected()) throw new Error("the browser has gone away");
          if (run < runs) console.error(`skipping the other runs of ${engine} ${data.size}`);
          break;
        }
      }
    }
  }
} catch (e) {
  failures.push({ error: String(e?.message ?? e) });
  console.error(`benchmark stopped: ${e?.message ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}

for (const w of warnings) console.error(`warning: ${w}`);
const summary = summarise(results);
if (summary.length) {
  console.log(table(summary));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        generated: new Date().toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: chromiumVersion },
        options: { sizes: dataSets.map((d) => d.size), engines, runs },
        queries,
        warnings: [...warnings],
        failures,
        summary,
        runs: results,
      },
      null,
      2,
    ) + "\n",
  );
  console.error(`wrote ${out}`);
}
if (failures.length) {
  console.error(`${failures.length} page(s) failed; see above`);
  process.exitCode = 1;
}

// ---- One measurement --------------------------------------------------------------------------

async function measure(engine, data, run) {
  const src = `/bench-data/articles-${data.size}.json`;
  const path = engine === "gazette"
    ? `/index.html?src=${encodeURIComponent(src)}`
    : `/peers/peer.html?engine=${engine}&src=${encodeURIComponent(src)}`;
  const prefix = engine === "gazette" ? "gazette:" : "peer:";
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(LOAD_TIMEOUT);
  try {
    const page = await context.newPage();
    const problems = [];
    let failed;
    const failure = new Promise((_, reject) => (failed = reject));
    failure.catch(() => {});
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => failed(new Error(`uncaught error in the page: ${e.message}`)));
    page.on("crash", () => failed(new Error("the page crashed (out of memory?)")));
    // Before any page script: keep the wasm exports (for its memory) and note when the first card
    // appears (a fallback for builds without the marks).
    await page.addInitScript(() => {
      addEventListener("TrunkApplicationStarted", (e) => (window.__benchWasm = e.detail?.wasm));
      window.__benchFirstCard = null;
      const obs = new MutationObserver(() => {
        if (document.querySelector(".gz-card")) {
          window.__benchFirstCard = performance.now();
          obs.disconnect();
        }
      });
      obs.observe(document, { childList: true, subtree: true });
    });

    await Promise.race([page.goto(server.url + path, { waitUntil: "domcontentloaded" }), failure]);
    await Promise.race([page.waitForSelector(".gz-card, .gz-error, .gz-crash", { timeout: LOAD_TIMEOUT }), failure]);
    const error = await page.evaluate(() => document.querySelector(".gz-error, .gz-crash")?.textContent ?? null);
    if (error) throw new Error(`the page shows an error: ${error.trim().slice(0, 300)}`);
    await page
      .waitForFunction((n) => performance.getEntriesByName(n, "mark").length > 0, `${prefix}first-cards`, { timeout: MARK_GRACE, polling: 50 })
      .catch(() => {});
    // Large sets show a preview first; typing starts once every story is searchable.
    await Promise.race([
      page.waitForFunction((n) => performance.getEntriesByName(n, "mark").length > 0, `${prefix}index-built`, { timeout: LOAD_TIMEOUT, polling: 50 }),
      failure,
    ]);
    await Promise.race([page.waitForSelector("input[type=search]", { timeout: LOAD_TIMEOUT }), failure]);

    const load = await page.evaluate(({ prefix, src }) => {
      const mark = (n) => performance.getEntriesByName(prefix + n, "mark")[0]?.startTime ?? null;
      const fetched = performance.getEntriesByType("resource").find((r) => r.name.includes(src));
      return {
        marks: { dataArrived: mark("data-arrived"), parsed: mark("parsed"), indexBuilt: mark("index-built"), firstCards: mark("first-cards") },
        dataResponseEnd: fetched?.responseEnd ?? null,
        dataResponseStart: fetched?.responseStart ?? null,
        // Gazette reports the time it spent building its catalog (index and facet tables).
        indexingMs: window.wasmBindings?.indexing_ms?.() ?? null,
        firstCardObserved: window.__benchFirstCard,
        status: document.querySelector("[role=status]")?.textContent ?? "",
      };
    }, { prefix, src });
    const m = load.marks;
    // Index build: the time spent building the search index alone (Gazette: its catalog, which
    // it builds story by story while reading; the peers: from the parsed JSON to the built
    // index). Searchable: from the first byte of the data to every story being searchable, so
    // reading and parsing are included for every engine alike.
    let indexBuildMs = null;
    let searchableMs = null;
    let firstCardsMs = null;
    let timing = "marks";
    if (engine === "gazette") indexBuildMs = load.indexingMs;
    else if (engine !== "none" && m.parsed !== null && m.indexBuilt !== null) indexBuildMs = m.indexBuilt - m.parsed;
    const firstByte = load.dataResponseStart ?? m.dataArrived;
    if (firstByte !== null && m.indexBuilt !== null) searchableMs = m.indexBuilt - firstByte;
    if (m.dataArrived !== null && m.firstCards !== null) {
      firstCardsMs = m.firstCards - m.dataArrived;
    } else if (load.dataResponseEnd !== null && load.firstCardObserved !== null) {
      // Approximation: end of the download to the first card seen by a MutationObserver.
      firstCardsMs = load.firstCardObserved - load.dataResponseEnd;
      timing = "approximate";
      warnings.add(`${engine}: the page sets no ${prefix}* marks (for Gazette: dist/ was built before they were added; rebuild with trunk build --release). Index build is not reported and first cards is approximated (download end to first card seen).`);
    }
    const memoryAfterLoad = await memory(page);

    // Keystroke to next painted frame, measured in the page.
    await page.evaluate(() => {
      const b = (window.__bench = { typed: [], clears: [], work: [], count: 0, kind: "type" });
      document.addEventListener(
        "input",
        () => {
          const t0 = performance.now();
          const into = b.kind === "clear" ? b.clears : b.typed;
          // The work alone: from the input event to the first change of the results in the page
          // (before the frame is painted). Keystrokes that change nothing are not counted.
          // A keystroke that changed nothing must not be charged with the next one's change:
          // each input event ends the previous keystroke's watch.
          b.mo?.disconnect();
          if (b.kind !== "clear") {
            const mo = (b.mo = new MutationObserver(() => {
              b.work.push(performance.now() - t0);
              mo.disconnect();
            }));
            mo.observe(document.querySelector("main") ?? document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => mo.disconnect(), 2000);
          }
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              into.push(performance.now() - t0);
              b.count++;
            };
            ch.port2.postMessage(0);
          });
        },
        { capture: true },
      );
    });
    const field = page.getByLabel("Search stories", { exact: true });
    await Promise.race([field.click(), failure]);
    const settle = (n) =>
      Promise.race([page.waitForFunction((k) => window.__bench.count >= k, n, { timeout: KEY_TIMEOUT, polling: 5 }), failure]);
    let events = 0;
    const perQuery = [];
    for (const q of queries) {
      for (const ch of q) {
        await page.keyboard.type(ch);
        await settle(++events);
      }
      const status = await page.evaluate(() => document.querySelector("[role=status]")?.textContent ?? "");
      perQuery.push({ query: q, keystrokes: [...q].length, status });
      // Clearing is not measured.
      await page.evaluate(() => (window.__bench.kind = "clear"));
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Backspace");
      await settle(++events);
      await page.evaluate(() => (window.__bench.kind = "type"));
    }
    const typed = await page.evaluate(() => window.__bench.typed);
    const work = await page.evaluate(() => window.__bench.work);
    let k = 0;
    for (const q of perQuery) {
      q.ms = typed.slice(k, k + q.keystrokes).map(round);
      k += q.keystrokes;
    }
    const memoryAfterTyping = await memory(page);
    return {
      engine,
      size: data.size,
      run,
      stories: leadingNumber(load.status),
      dataMiB: data.bytes / MiB,
      timing,
      marks: m,
      indexBuildMs,
      searchableMs,
      firstCardsMs,
      keystroke: { count: typed.length, median: median(typed), p95: percentile(typed, 95), max: Math.max(...typed) },
      work: { count: work.length, median: median(work), p95: percentile(work, 95) },
      memoryAfterLoad,
      memoryAfterTyping,
      queries: perQuery,
      consoleErrors: [...new Set(problems)].slice(0, 20),
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** JS heap after a full collection and, for Gazette, the size of its WebAssembly memory. */
async function memory(page) {
  return page.evaluate(async () => {
    // A few full collections, a task apart, so that garbage held only until a finaliser or a
    // pending task has run is freed too (one call left tens of MiB behind in some runs).
    for (let i = 0; i < 3; i++) {
      window.gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    const heap = performance.memory?.usedJSHeapSize ?? null;
    const wasm = window.wasmBindings?.wasm_memory_bytes?.() ?? window.__benchWasm?.memory?.buffer?.byteLength ?? null;
    const MiB = 1024 * 1024;
    return { jsHeapMiB: heap === null ? null : heap / MiB, wasmMiB: wasm === null ? null : wasm / MiB };
  });
}

// ---- Summary ----------------------------------------------------------------------------------

function summarise(rs) {
  const rows = [];
  for (const { size } of dataSets) {
    for (const engine of engines) {
      const mine = rs.filter((r) => r.engine === engine && r.size === size);
      if (!mine.length) continue;
      const med = (f) => median(mine.map(f).filter((v) => v !== null && v !== undefined));
      const total = (r) => r.memoryAfterLoad.jsHeapMiB === null ? null : r.memoryAfterLoad.jsHeapMiB + (r.memoryAfterLoad.wasmMiB ?? 0);
      const dataMiB = mine[0].dataMiB;
      const memoryMiB = med(total);
      rows.push({
        engine,
        size,
        runs: mine.length,
        stories: mine[0].stories,
        dataMiB,
        keystrokeMedianMs: med((r) => r.keystroke.median),
        keystrokeP95Ms: med((r) => r.keystroke.p95),
        workMedianMs: med((r) => r.work.median),
        workP95Ms: med((r) => r.work.p95),
        indexBuildMs: med((r) => r.indexBuildMs),
        searchableMs: med((r) => r.searchableMs),
        firstCardsAfterDataMs: med((r) => r.firstCardsMs),
        timing: mine.every((r) => r.timing === "marks") ? "marks" : "approximate",
        jsHeapMiB: med((r) => r.memoryAfterLoad.jsHeapMiB),
        wasmMiB: engine === "gazette" ? med((r) => r.memoryAfterLoad.wasmMiB) : null,
        memoryMiB,
        memoryPerJson: memoryMiB === null ? null : memoryMiB / dataMiB,
      });
    }
  }
  return rows;
}

function table(rows) {
  const head = ["engine", "size", "stories", "JSON MiB", "keystroke→frame median ms", "keystroke→frame p95 ms", "keystroke→results median ms", "keystroke→results p95 ms", "index build ms", "searchable after first byte ms",
    "first cards after data ms", "JS heap MiB", "wasm MiB", "memory MiB", "memory / JSON"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((h, i) => (i < 2 ? " --- " : " ---: ")).join("|")}|`];
  for (const r of rows) {
    const approx = r.timing === "marks" ? "" : "≈";
    lines.push(`| ${[r.engine, r.size, r.stories ?? "–", fmt(r.dataMiB, 1), fmt(r.keystrokeMedianMs), fmt(r.keystrokeP95Ms),
      fmt(r.workMedianMs), fmt(r.workP95Ms),
      fmt(r.indexBuildMs, 0), fmt(r.searchableMs, 0), approx + fmt(r.firstCardsAfterDataMs, 0), fmt(r.jsHeapMiB, 1), fmt(r.wasmMiB, 1),
      fmt(r.memoryMiB, 1), r.memoryPerJson === null ? "–" : `${fmt(r.memoryPerJson, 2)}×`].join(" | ")} |`);
  }
  return lines.join("\n");
}

// ---- Small helpers ----------------------------------------------------------------------------

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function round(x) {
  return Math.round(x * 100) / 100;
}

function fmt(x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits);
}

function leadingNumber(text) {
  const m = /\d[\d,.\u00a0\u202f ]*/.exec(text);
  return m ? Number(m[0].replace(/\D/g, "")) : null;
}

function list(s) {
  return s.split(",").map((x) => x.trim()).filter(Boolean);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

// End-to-end scenarios: documents that are broken, hostile or odd never leave a blank widget.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { assertAccessible, headlines, setup } from "./helpers.mjs";
import { ROOT } from "./server.mjs";

const ctx = setup();

describe("bad input", () => {
  it("a broken ?src= document shows a clear message and a Retry button", async () => {
    const page = await ctx.open("/index.html?src=/fixtures/malformed.json");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /not valid JSON \(the error is at line \d+, column \d+\)/);
    await page.getByRole("button", { name: "Retry" }).press("Enter");
    await page.getByRole("alert").waitFor();
    assert.equal(await page.getByRole("article").count(), 0);
    // The button went while the file was read again (the focus waited on the widget's title),
    // and is back, with the focus, once the file has failed again.
    await page.waitForFunction(() => document.activeElement?.matches("button") && document.activeElement.textContent === "Retry");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.textContent === "Retry");
    assert.equal(await page.getByRole("alert").count(), 1);
  });

  it("a file the server says is over the limit is refused before it is read", async () => {
    // 300 MB declared (over the 200 MB a widget reads by default); only its start ever comes.
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/declared/300000000")}`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /too large \(more than 300(\.0)? MB; the limit is 200 MB\)/);
    assert.match(await alert.innerText(), /raise max-mb/);
  });

  it("a missing file shows the server's answer; the console and the page's event name its address", async () => {
    const init = () => {
      document.addEventListener("gazette:error", (e) => (window.failed = e.detail));
      const warn = console.warn;
      window.warned = [];
      console.warn = (...said) => (window.warned.push(said.join(" ")), warn(...said));
    };
    const page = await ctx.open("/index.html?src=/status/404", { init });
    await page.getByRole("alert").filter({ hasText: "The server answered 404" }).waitFor();
    await page.waitForFunction(() => window.failed);
    const [detail, warnings] = await page.evaluate(() => [window.failed, window.warned]);
    assert.deepEqual(detail.sources, [new URL("/status/404", ctx.server.url).href]);
    assert.match(detail.message, /404/);
    assert.ok(warnings.some((w) => w.startsWith(`Gazette: the news from ${detail.sources[0]} could not be shown: `)), warnings.join("\n"));
  });

  it("JSON that is not a feed says so", async () => {
    const page = await ctx.open("/index.html?src=/fixtures/not-a-feed.json");
    await page.getByRole("alert").filter({ hasText: "no “articles” or “items” list" }).waitFor();
  });

  it("an unreachable server gives a message rather than a blank widget", async () => {
    const page = await ctx.open("/index.html?src=http://127.0.0.1:9/nothing.json");
    await page.getByRole("alert").filter({ hasText: "Check your connection" }).waitFor();
  });

  it("a server that stops answering gets a message and Retry, not an endless wait", async () => {
    for (const src of ["/hang", "/stall"]) {
      const page = await ctx.open(`/index.html?src=${src}`, { clock: true });
      await page.getByRole("status").filter({ hasText: "Loading stories" }).waitFor();
      await page.clock.runFor(31_000);
      await page.getByRole("alert").filter({ hasText: "nothing arrived for 30 seconds" }).waitFor();
      await page.getByRole("button", { name: "Retry" }).waitFor();
    }
  });

  it("an address that is not a web address says so", async () => {
    const page = await ctx.open("/index.html?src=javascript:alert(1)");
    await page.getByRole("alert").filter({ hasText: "“javascript:alert(1)” is not a web address" }).waitFor();
  });

  it("shows the valid stories of a partly broken document and says how many were left out", async () => {
    const page = await ctx.open("/index.html?src=/fixtures/mixed.json");
    await page.getByRole("article").first().waitFor();
    // The stories whose date is missing or cannot be read show last, as undated.
    const shown = await headlines(page);
    assert.deepEqual(shown.slice(0, 3), [
      "Harbour council approves a tide-energy pilot",
      "Ferry operator trials contactless boarding",
      "Night buses return to the coast road after a summer break, with two extra stops",
    ]);
    assert.deepEqual(shown.slice(3).sort(), ["A story with a date nobody can read", "A story without a date"]);
    assert.equal(await page.getByRole("article").last().locator(".gz-date").innerText(), "Undated");
    assert.match(await page.locator(".gz-notice").innerText(), /^2 of the 7 stories in this feed could not be shown because of errors in the feed\./);
    // Merged with a sound feed, the note counts both and names neither as "this feed".
    const merged = await ctx.open(`/index.html?src=${encodeURIComponent("/fixtures/mixed.json /fixtures/feed11.json")}`);
    await merged.getByRole("article").first().waitFor();
    assert.match(await merged.locator(".gz-notice").innerText(), /^2 of the 9 stories in these feeds could not be shown because of errors in them\./);
    // A source written twice (another way) is read once, and counted once.
    const twice = await ctx.open(`/index.html?src=${encodeURIComponent("/fixtures/mixed.json ./fixtures/mixed.json /fixtures/feed11.json")}`);
    await twice.getByRole("article").first().waitFor();
    assert.match(await twice.locator(".gz-notice").innerText(), /^2 of the 9 stories in these feeds/);
  });

  it("a document malformed between its stories shows those read before, and says it broke off", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const story = (id) => `{"id": "${id}", "title": "Story ${id}", "url": "https://example.com/${id}", "published": "2026-01-01T10:00:00Z", "category": "X"}`;
    // A comma after the last story, which JSON does not allow.
    const body = `{"title": "Trailing", "articles": [${story("a")}, ${story("b")},]}`;
    await page.route("**/trailing.json", (route) => route.fulfill({ body, contentType: "application/json" }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/trailing.json" loading="eager"></gazette-news>';
    });
    await page.getByRole("article").first().waitFor();
    assert.deepEqual((await headlines(page)).sort(), ["Story a", "Story b"]);
    assert.match(await page.locator("#w").locator(".gz-notice").innerText(), /Some stories may be missing: .* could not be read to its end/);
    // What the document said before its stories still holds: its title is the heading.
    assert.equal(await page.locator("#w").getByRole("heading", { level: 2 }).first().innerText(), "Trailing");
  });

  it("never turns feed text into markup, scripts or javascript: links", async () => {
    const page = await ctx.open("/index.html?src=/fixtures/hostile.json");
    await page.getByRole("article").first().waitFor();
    assert.equal(await page.getByRole("article").count(), 3);
    assert.notEqual(await page.title(), "pwned");
    const widget = page.locator("[data-gazette]");
    assert.equal(await widget.locator("script, iframe, svg, img, b").count(), 0);
    const hrefs = await widget.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    // Only the story with a body is a link: to itself, opened in this widget.
    assert.deepEqual(hrefs, ["/index.html?src=%2Ffixtures%2Fhostile.json&gz.story=h3"]);
    // A category written in markup is its text: one "Security" for the three stories (so no
    // chips: there is no category to choose).
    assert.equal(await page.getByText("<b>Security</b>").count(), 0);
    assert.deepEqual(await widget.locator(".gz-badge").allInnerTexts(), ["Security", "Security", "Security"]);
    assert.equal(await page.getByRole("button", { name: /^All/ }).count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("reads a JSON Feed 1.1, taking the category from the first tag or the feed's title", async () => {
    const page = await ctx.open("/index.html?src=/fixtures/feed11.json");
    await page.getByRole("heading", { name: "Harbour Notes", level: 2 }).waitFor();
    const badges = await page.getByRole("article").locator(".gz-badge").allInnerTexts();
    assert.deepEqual(badges, ["Harbour Notes", "Culture"]);
    assert.ok(await page.getByText("By Maëlle Quist").isVisible());
  });

  const feeds = join(ROOT, "..", "shared", "data", "feeds");
  const real = existsSync(feeds) ? readdirSync(feeds).filter((f) => f.endsWith(".json")) : [];
  it(`loads the real captured JSON feeds (${real.length})`, { skip: real.length === 0 && "../shared/data/feeds is absent" }, async () => {
    const server = ctx.server;
    for (const name of real) {
      // The server maps /shared/ to ../shared/data/feeds through a page-relative address.
      const page = await ctx.open(`/index.html?src=/shared-feeds/${name}`);
      await page.getByRole("article").first().or(page.getByRole("alert")).waitFor();
      assert.equal(await page.getByRole("alert").count(), 0, `${name} shows an error`);
      assert.ok((await page.getByRole("article").count()) > 0, `${name} shows cards`);
      // Pictures on the publishers' hosts cannot load on this offline machine; nothing else may fail.
      const problems = page.problems.filter((p) => !p.startsWith("Failed to load resource: net::"));
      assert.deepEqual(problems, [], `${name}: console errors`);
      await page.context().close();
    }
    assert.ok(server);
  });

  it("when the widget's program stops, every widget says so in its language; another program's failure leaves them be", async () => {
    const page = await ctx.open("/examples/two-sources/index.html", { offline: true });
    const crypto = page.locator("#crypto");
    const harbour = page.locator("#harbour");
    await crypto.getByRole("article").first().waitFor();
    await harbour.getByRole("article").first().waitFor();
    const stop = (how) => stopProgram(page, how);
    await stop("other");
    assert.equal(await crypto.getByRole("article").count(), 6);
    assert.equal(await page.getByRole("alert").count(), 0);
    // The harbour widget now speaks German; the crypto desk stays with the page's English.
    await harbour.evaluate((el) => el.setAttribute("locale", "de-DE"));
    await harbour.getByRole("searchbox", { name: "Artikel durchsuchen" }).waitFor();
    await stop("ours");
    await crypto.getByRole("alert").waitFor();
    assert.match(await crypto.getByRole("alert").innerText(), /^Sorry, the news widget stopped working .* Reload the page/);
    assert.match(await harbour.getByRole("alert").innerText(), /^Das Nachrichten-Widget funktioniert .* nicht mehr\. Laden Sie die Seite neu/);
    assert.equal(await page.getByRole("article").count(), 0);
    assert.equal(page.problems.length, 2, page.problems.join("\n"));
    assert.ok(page.problems.every((p) => /RuntimeError: unreachable/.test(p)), page.problems.join("\n"));
    await assertAccessible(page, "with the message in both widgets");
  });

  it("the program stopping is told also when the host serves the WebAssembly without its type", async () => {
    // The glue then makes the module from bytes, and stack traces name it wasm://wasm/….
    const warnings = [];
    const page = await ctx.open("/examples/strict-csp/index.html", {
      offline: true,
      prepare: async (context) => {
        await context.route("**/gazette_bg.wasm", async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
        });
        context.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
      },
    });
    const widget = page.locator("gazette-news");
    await widget.getByRole("article").first().waitFor();
    assert.ok(warnings.some((w) => w.includes("application/wasm")), `the glue fell back to bytes: ${warnings}`);
    await stopProgram(page, "other");
    assert.equal(await page.getByRole("alert").count(), 0, "another program's failure is not the widget's");
    await stopProgram(page, "ours");
    await widget.getByRole("alert").waitFor();
    assert.match(await widget.getByRole("alert").innerText(), /^Sorry, the news widget stopped working/);
  });
});

/** Stops a WebAssembly program outside any script, as a failing event handler would: the
 * browser reports the uncaught error to the page. `how`: "other", another program of the page;
 * else the widget's own. */
function stopProgram(page, how) {
  return page.evaluate(async (how) => {
    const reported = new Promise((done) => addEventListener("error", () => setTimeout(done), { once: true }));
    if (how === "other") {
      // Another program of the page: one function, `unreachable`.
      const bytes = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
      setTimeout(() => instance.exports.f());
    } else {
      // The widget's own (an allocation it cannot make stops it, as a panic does).
      const widget = await (await import(new URL("/gazette.js", location.href).href)).default();
      setTimeout(() => widget.__wbindgen_malloc(8, 3));
    }
    await reported;
  }, how);
}

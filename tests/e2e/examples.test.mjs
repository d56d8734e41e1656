// End-to-end scenarios on the example host pages in examples/: Gazette embedded as a site owner
// would embed it, with <gazette-news> and one script.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, setup } from "./helpers.mjs";

const ctx = setup();

/** Computed styles of the host page's own elements, to check the widget changes none. */
const hostStyles = (page, ids) =>
  page.evaluate((ids) => ids.map((id) => {
    const cs = getComputedStyle(document.getElementById(id));
    return [id, cs.fontSize, cs.fontFamily, cs.color, cs.backgroundColor, cs.margin, cs.lineHeight, cs.textTransform, cs.display];
  }), ids);

/** True when nothing inside the widget's element is wider than the element. */
const noHorizontalOverflow = (widget) =>
  widget.evaluate((el) => {
    const root = el.shadowRoot.querySelector(".gazette");
    return root.scrollWidth <= root.clientWidth + 1 && el.scrollWidth <= el.clientWidth + 1;
  });

describe("example host pages", () => {
  it("a blog post shows More to Read in its 300 px sidebar, and View All leads to the full list", async () => {
    const page = await ctx.open("/examples/blog/index.html", { offline: true });
    const rail = page.locator("aside gazette-news");
    await rail.getByRole("heading", { level: 2, name: "More to Read" }).waitFor();
    await rail.getByRole("article").first().waitFor();
    const titles = await rail.getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts();
    assert.equal(titles.length, 3);
    assert.ok(!titles.some((t) => t.startsWith("Restaking yields")), "never the story itself");
    assert.equal(await rail.getByRole("searchbox").count(), 0, "a rail has no list controls");
    assert.ok(await noHorizontalOverflow(rail), "nothing overflows the narrow column");
    // The rail's stories are links to their pages: a click follows the link (the widget does
    // not take it to open the story in the narrow column).
    assert.match(await rail.getByRole("article").first().getByRole("link").getAttribute("href"), /^https:\/\//);
    const taken = await rail.evaluate((host) => new Promise((done) => {
      host.addEventListener("click", (e) => (done(e.defaultPrevented), e.preventDefault()), { once: true });
      host.shadowRoot.querySelector("article a").click();
    }));
    assert.equal(taken, false);
    await assertAccessible(page, "on the blog post");
    // A second widget on the post, with a story open: its own "More to Read" has a name of its
    // own, so the page's landmarks stay apart.
    await page.evaluate(() => {
      const w = document.createElement("gazette-news");
      w.id = "more";
      w.setAttribute("src", "../../static/articles.json");
      w.setAttribute("loading", "eager");
      document.querySelector("main").append(w);
    });
    const more = page.locator("#more");
    await more.getByRole("article").first().getByRole("link").click();
    await more.getByRole("region", { name: "More to Read (2)" }).waitFor();
    await assertAccessible(page, "with a story open beside the rail");
    await page.evaluate(() => document.getElementById("more").remove());
    await rail.getByRole("link", { name: "View All" }).click();
    await page.waitForURL(/news\.html$/);
    const list = page.locator("gazette-news");
    await list.getByRole("article").first().waitFor();
    // A wide area shows a grid: the first cards sit side by side.
    const xs = await list.getByRole("article").evaluateAll((as) => as.slice(0, 4).map((a) => Math.round(a.getBoundingClientRect().x)));
    assert.ok(new Set(xs).size >= 3, `at least three columns: ${xs}`);
    assert.ok(await noHorizontalOverflow(list));
    assert.deepEqual(page.problems, []);
  });

  it("the full list page comes back to the same story after a trip to another page and Back", async () => {
    const page = await ctx.open("/examples/blog/news.html?gz.page=3", { offline: true });
    const widget = page.locator("gazette-news");
    const story = widget.getByRole("article").nth(30);
    await story.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const title = await story.getByRole("heading").innerText();
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 2000, `far down (${before})`);
    // Away to the blog's front page (its address typed), and Back: the page is loaded anew
    // when the browser did not keep it.
    await page.goto(ctx.server.url + "/examples/blog/index.html");
    await page.goBack();
    await widget.getByRole("article").nth(35).waitFor();
    await page.waitForFunction((y) => window.scrollY === y, before);
    assert.equal(await widget.getByRole("article").nth(30).getByRole("heading").innerText(), title);
    assert.deepEqual(page.problems, []);
  });

  it("two widgets with different sources, looks and controls work on their own", async () => {
    const page = await ctx.open("/examples/two-sources/index.html", { offline: true });
    const crypto = page.locator("#crypto");
    const harbour = page.locator("#harbour");
    await crypto.getByRole("article").first().waitFor();
    await harbour.getByRole("article").first().waitFor();
    assert.equal(await crypto.getByRole("article").count(), 6);
    assert.equal(await harbour.getByRole("article").count(), 2);
    assert.equal(await harbour.getByRole("button", { name: /^All/ }).count(), 0, 'controls="search": no chips');
    const bg = (w) => w.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".gazette")).backgroundColor);
    assert.equal(await bg(harbour), "rgb(15, 23, 42)", 'theme="dark"');
    assert.equal(await bg(crypto), "rgb(255, 255, 255)", 'theme="light"');
    // A dark system: the two fixed themes hold, a widget left at theme="auto" turns dark.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => {
      const auto = document.createElement("gazette-news");
      auto.id = "auto";
      auto.setAttribute("src", "harbour.json");
      auto.setAttribute("loading", "eager");
      document.body.append(auto);
    });
    const auto = page.locator("#auto");
    await auto.getByRole("article").first().waitFor();
    assert.equal(await bg(auto), "rgb(15, 23, 42)", 'theme="auto" on a dark system');
    assert.equal(await bg(crypto), "rgb(255, 255, 255)", 'theme="light" on a dark system');
    assert.equal(await bg(harbour), "rgb(15, 23, 42)", 'theme="dark" on a dark system');
    await page.emulateMedia({ colorScheme: "light" });
    assert.equal(await bg(auto), "rgb(255, 255, 255)", 'theme="auto" on a light system');
    // Inside a shadow root too, the arrow keys move between chips, and "/" goes to the search
    // box of the widget the focus is in.
    await crypto.getByRole("button", { name: /^All/ }).focus();
    await page.keyboard.press("ArrowRight");
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return [host?.id, inner?.getAttribute("aria-label") ?? inner?.getAttribute("type") ?? inner?.tagName];
    });
    const [where, chip] = await focused();
    assert.equal(where, "crypto");
    assert.match(chip, /^(?!All)\S.*stor(y|ies)$/, `ArrowRight moves to the next chip (${chip})`);
    await page.keyboard.press("End");
    assert.notEqual((await focused())[1], chip, "End moves to the last chip");
    await harbour.getByRole("article").first().getByRole("link").first().focus();
    await page.keyboard.press("/");
    assert.deepEqual(await focused(), ["harbour", "search"], '"/" in the second widget focuses its own search box');
    await harbour.getByLabel("Search stories").fill("lighthouse");
    await harbour.getByRole("status").filter({ hasText: "1 story matches" }).waitFor();
    assert.equal(await crypto.getByRole("article").count(), 6, "the other widget is untouched");
    // Each widget has its own address prefix: its id.
    await page.waitForFunction(() => new URLSearchParams(location.search).get("harbour.q") === "lighthouse");
    const accent = await harbour.getByRole("button", { name: /Show more|Clear/ }).count();
    assert.equal(accent, 0);
    // The third widget shows the same feed as the second, with the same heading: its region and
    // search form are named apart all the same (axe: landmark-unique).
    assert.deepEqual(
      await page.evaluate(() => ["harbour", "auto"].map((id) => document.getElementById(id).shadowRoot.querySelector("form[role=search]").getAttribute("aria-label"))),
      ["Search Harbour Notes", "Search Harbour Notes (2)"],
    );
    await assertAccessible(page, "with three embedded widgets, two of one feed");
    await page.evaluate(() => document.getElementById("auto").remove());
    assert.deepEqual(page.problems, []);
  });

  it("works under a strict Content-Security-Policy, Trusted Types included", async () => {
    const page = await ctx.open("/examples/strict-csp/index.html", { offline: true });
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const widget = page.locator("gazette-news");
    await widget.getByRole("article").first().waitFor();
    await widget.getByLabel("Search stories").fill("stablecoin");
    await widget.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await widget.getByRole("article").first().getByRole("link").click();
    await widget.locator(".gz-article").waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.problems, []);
  });

  it("hostile global CSS neither breaks the widget nor is changed by it, and the widget waits until seen", async () => {
    const page = await ctx.open("/examples/hostile-css/index.html", { offline: true });
    const wasm = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    const widget = page.locator("gazette-news");
    await widget.locator(".gz-skeleton").waitFor({ state: "attached" });
    const before = await hostStyles(page, ["host-heading", "host-text", "host-button"]);
    assert.deepEqual(wasm, [], "nothing is fetched while the widget is out of sight");
    const held = await widget.evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(held > 100, `a placeholder holds the space (${held}px)`);

    // Timed in the page: from the moment the element enters the viewport to the widget's mark
    // of its first cards drawn (a figure to read, not asserted).
    await widget.evaluate((el) => {
      new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && (window.__entered ??= performance.now())).observe(el);
    });
    await widget.scrollIntoViewIfNeeded();
    await widget.getByRole("article").first().waitFor();
    const ms = await page.evaluate(() => performance.getEntriesByName("gazette:first-cards")[0].startTime - window.__entered);
    console.log(`# entering the viewport to the first card: ${Math.round(ms)} ms`);
    assert.equal(wasm.length, 1);
    const headline = widget.getByRole("article").first().getByRole("heading", { level: 3 });
    const look = await headline.evaluate((h) => {
      const cs = getComputedStyle(h);
      return { size: parseFloat(cs.fontSize), transform: cs.textTransform, spacing: cs.letterSpacing, color: cs.color };
    });
    assert.ok(look.size >= 14 && look.size <= 24, `headline size ${look.size}px, not the host's 80px`);
    assert.equal(look.transform, "none");
    assert.equal(look.spacing, "normal");
    assert.notEqual(look.color, "rgb(0, 255, 0)");
    assert.equal(await widget.getByRole("article").count(), 4, "the host's display:none on .gazette does not reach in");
    const frame = await widget.evaluate((el) => {
      const cs = getComputedStyle(el);
      return [cs.paddingTop, cs.paddingLeft, cs.borderTopWidth, cs.borderLeftWidth];
    });
    assert.deepEqual(frame, ["0px", "0px", "0px", "0px"], "the page's * { padding; border } does not frame the element");
    assert.ok(await noHorizontalOverflow(widget), "no horizontal overflow in a 320 px column");
    await widget.getByLabel("Search stories").fill("wallet");
    await widget.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.deepEqual(await hostStyles(page, ["host-heading", "host-text", "host-button"]), before, "the host's elements keep their styles");
    await assertAccessible(page, "inside the widget on a hostile page", { within: "gazette-news" });
    assert.deepEqual(page.problems, []);
  });

  for (const width of [300, 200]) it(`a widget with every default stays inside a ${width} px column`, async () => {
    const page = await ctx.open("/examples/strict-csp/index.html", { offline: true });
    await page.evaluate((width) => {
      const column = document.createElement("div");
      column.style.width = `${width}px`;
      const w = document.createElement("gazette-news");
      w.setAttribute("src", "../../static/articles.json");
      w.setAttribute("loading", "eager");
      column.append(w);
      document.body.prepend(column);
    }, width);
    const widget = page.locator("div > gazette-news");
    // Twelve cards, most far below the fold (their layout skipped), none wider than the column.
    await widget.getByRole("article").nth(11).waitFor({ state: "attached" });
    assert.ok(await noHorizontalOverflow(widget), "nothing wider than the column");
    assert.equal(await widget.evaluate((el) => el.getBoundingClientRect().width), width);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the page does not scroll sideways");
    // Where a date wraps to a line of its own, no "·" starts that line; elsewhere it shows.
    const lines = await widget.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll(".gz-meta")].slice(0, 4).map((meta) => {
        const left = meta.getBoundingClientRect().left;
        const starts = Math.abs(meta.querySelector(".gz-when").getBoundingClientRect().left - left) < 1;
        const sepShows = meta.querySelector(".gz-sep").getBoundingClientRect().right > left + 0.5;
        return starts === !sepShows;
      }),
    );
    assert.deepEqual(lines, [true, true, true, true]);
    assert.deepEqual(page.problems, []);
  });

  it("attributes a site owner gets slightly wrong still give a working widget", async () => {
    const page = await ctx.open("/examples/strict-csp/index.html", { offline: true });
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.evaluate(() => {
      const add = (id, attrs) => {
        const w = document.createElement("gazette-news");
        w.id = id;
        for (const [k, v] of Object.entries({ src: "../../static/articles.json", loading: "eager", ...attrs })) w.setAttribute(k, v);
        document.body.prepend(w);
      };
      // An underscore in the locale, a category in lower case, an empty controls list.
      add("odd", { locale: "en_GB", categories: "markets", controls: "", "page-size": "4" });
      add("bad", { locale: "not a tag!", "page-size": "2" });
      add("fr", { locale: "fr-FR", "page-size": "2" });
    });
    const odd = page.locator("#odd");
    await odd.getByRole("article").first().waitFor();
    await page.locator("#bad").getByRole("article").first().waitFor();
    await odd.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    assert.equal(await odd.getByLabel("Search stories").count(), 1, 'controls="" shows every control');
    assert.ok(warnings.some((w) => w.includes('locale="not a tag!"')), `a warning names the bad locale: ${warnings}`);
    // Once: another attribute changed in place does not repeat it.
    await page.locator("#bad").evaluate((el) => el.setAttribute("theme", "dark"));
    await page.locator("#bad").locator(".gz-theme-dark").waitFor();
    assert.equal(warnings.filter((w) => w.includes('locale="not a tag!"')).length, 1, `${warnings}`);
    // A French locale: the widget's words and its dates are French, on an English page.
    const fr = page.locator("#fr");
    await fr.getByRole("article").first().waitFor();
    assert.equal(await fr.evaluate((el) => el.shadowRoot.querySelector(".gazette").lang), "fr");
    assert.equal(await fr.getByLabel("Rechercher des articles").count(), 1);
    assert.equal(await page.locator("#bad").evaluate((el) => el.shadowRoot.querySelector(".gazette").lang), "en");
    assert.equal(await fr.locator("time").first().getAttribute("lang"), "fr-FR");
    assert.match(await fr.locator("time").first().innerText(), /janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc/);
    // Typing "/" in the widget's own search box types it, and the widgets all still answer.
    const box = odd.getByLabel("Search stories");
    await box.click();
    await page.keyboard.type("AC/DC");
    assert.equal(await box.inputValue(), "AC/DC");
    await box.fill("tessera");
    await odd.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it("a short list grows only when the reader scrolls, never on its own", async () => {
    const page = await ctx.open("/examples/strict-csp/index.html", { offline: true });
    await page.evaluate(() => {
      const w = document.createElement("gazette-news");
      w.id = "short";
      for (const [k, v] of [["src", "../../static/articles.json"], ["page-size", "3"], ["layout", "compact"], ["loading", "eager"]]) w.setAttribute(k, v);
      document.body.prepend(w);
    });
    const widget = page.locator("#short");
    await widget.getByRole("article").nth(2).waitFor();
    // A few frames and tasks for a loader that would run by itself.
    for (let i = 0; i < 5; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
    assert.equal(await widget.getByRole("article").count(), 3, "the page size holds while nobody scrolls");
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get("short.page")), null);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => document.getElementById("short").shadowRoot.querySelectorAll("article").length > 3);
    assert.deepEqual(page.problems, []);
  });

  it("a widget added and removed at run time mounts, answers the JS API and events, and leaves nothing behind", async () => {
    const page = await ctx.open("/examples/strict-csp/index.html", { offline: true });
    await page.locator("gazette-news").getByRole("article").first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    const listenersOn = async (expr) => {
      const { result } = await cdp.send("Runtime.evaluate", { expression: expr });
      return (await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId })).listeners;
    };
    const listeners = async () => (await listenersOn("window")).length + (await listenersOn("document")).length;
    const baseline = await listeners();
    const events = await page.evaluate(async () => {
      const { mount } = await import("/static/embed.js");
      const seen = [];
      const box = document.createElement("section");
      document.body.append(box);
      box.addEventListener("gazette:ready", (e) => seen.push(["ready", e.detail.stories]));
      box.addEventListener("gazette:select", (e) => seen.push(["select", e.detail.id]));
      box.addEventListener("gazette:ready", (e) => seen.push(["matching", e.detail.matching]));
      // Called at once, before the widget has even started: kept until it listens.
      const w = mount(box, { src: "../../static/articles.json", pageSize: 3, layout: "compact", urlKey: "off", loading: "eager" });
      w.setQuery("parallax");
      await new Promise((ok) => box.addEventListener("gazette:ready", ok, { once: true }));
      window.__added = w;
      return seen;
    });
    assert.deepEqual(events, [["ready", 51], ["matching", 2]]);
    // Two widgets now, and one writer of the page's scroll position as it goes.
    const leaving = (await listenersOn("window")).filter((l) => l.type === "pagehide");
    assert.equal(leaving.length, 1, "one pagehide listener for the page's widgets");
    const added = page.locator("section gazette-news");
    await added.getByRole("status").filter({ hasText: "2 stories match" }).waitFor();
    // Categories in any case, as the attribute takes them.
    await page.evaluate(() => window.__added.setFilters({ categories: ["defi"], sort: "oldest" }));
    await added.getByRole("button", { name: /^DeFi/, pressed: true }).waitFor();
    // A list holding a wrong type leaves its filter as it is, with a warning; the next call
    // still counts.
    const warned = (text) => page.waitForEvent("console", (m) => m.type() === "warning" && m.text().includes(text));
    const left = warned("setFilters() left categories, authors, years, date as they were");
    await page.evaluate(() => window.__added.setFilters({ categories: [1, 2], years: ["2024"], authors: [42], date: "fortnight" }));
    await left;
    const notAnObject = warned("setFilters() takes an object");
    await page.evaluate(() => window.__added.setFilters("Politics"));
    await notAnObject;
    await page.evaluate(() => window.__added.setFilters({ sort: "newest" }));
    await added.locator("select[id$='-sort'] option[value='newest']:checked").waitFor({ state: "attached" });
    assert.ok(await added.getByRole("button", { name: /^DeFi/, pressed: true }).isVisible(), "categories kept");
    await page.evaluate(() => window.__added.destroy());
    assert.equal(await page.locator("section gazette-news").count(), 0);
    assert.equal(await listeners(), baseline, "no listeners left on window or document");
    // Mounting and removing again and again leaves nothing behind either.
    await page.evaluate(async () => {
      const { mount } = await import("/static/embed.js");
      for (let i = 0; i < 5; i++) {
        const w = mount(document.body, { src: "../../static/articles.json", urlKey: "off", loading: "eager" });
        await new Promise((ok) => w.element.addEventListener("gazette:ready", ok, { once: true }));
        w.destroy();
      }
    });
    assert.equal(await listeners(), baseline);
    // A widget that keeps its state in the address takes it away when removed, so one added
    // later under the same name starts afresh.
    // Calls made while it loads set up its first view, as attributes do: no history entry, and
    // the address holds only the reader's changes from it.
    const address = () => page.evaluate(() => [...new URLSearchParams(location.search).keys()].filter((k) => k.startsWith("dyn.")));
    const entries = await page.evaluate(() => history.length);
    await page.evaluate(async () => {
      const { mount } = await import("/static/embed.js");
      window.__dyn = mount(document.body, { src: "../../static/articles.json", urlKey: "dyn", loading: "eager" });
      window.__dyn.setFilters({ categories: ["defi"] });
      window.__dyn.setQuery("parallax");
    });
    const dyn = page.locator("gazette-news[url-key=dyn]");
    await dyn.getByRole("status").filter({ hasText: /^1 story matches$|^\d+ stories match$/ }).waitFor();
    assert.ok(await dyn.getByRole("button", { name: /^DeFi/, pressed: true }).isVisible());
    assert.deepEqual(await address(), []);
    assert.equal(await page.evaluate(() => history.length), entries, "no history entry added");
    // A call once it has started is the reader's kind of change: in the address.
    await page.evaluate(() => window.__dyn.setQuery(""));
    await page.waitForFunction(() => new URLSearchParams(location.search).get("dyn.q") === "");
    await dyn.getByRole("button", { name: /^DeFi/, pressed: true }).waitFor();
    await page.evaluate(() => window.__dyn.destroy());
    await page.waitForFunction(() => !location.search.includes("dyn."));
    assert.deepEqual(page.problems, []);
  });
});

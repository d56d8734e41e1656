// End-to-end scenario: a site embeds two widgets with embed.js and its own look.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, headlines, holdRequests, nextFrames, setup } from "./helpers.mjs";
import { startServer } from "./server.mjs";

const ctx = setup();

/** Holds the widget's WebAssembly back until the function returned is called (or `until` settles). */
const holdCode = (page, until) => holdRequests(page, "**/gazette_bg.wasm", { until });

/** Opens `path` once the placeholder of the widget `selector` is there; `wasm` lists the
 * requests for the widget's code. */
async function openWaiting(path, selector) {
  const page = await ctx.open(path);
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  const news = page.locator(selector);
  await news.locator(".gz-skeleton").waitFor({ state: "attached" });
  return { page, news, wasm };
}

/** The page of two widgets, with a story open in the right one. */
async function openWithStory() {
  const page = await ctx.open("/fixtures/two-widgets.html");
  const left = page.locator("#left");
  const right = page.locator("#right");
  await left.getByRole("article").first().waitFor();
  await right.getByRole("link", { name: "The old lighthouse reopens as a museum" }).click();
  await right.getByRole("heading", { level: 3, name: "The old lighthouse reopens as a museum" }).waitFor();
  return { page, left, right };
}

describe("embedding", () => {
  it("two widgets on one page load their own feeds and filter independently", async () => {
    const page = await ctx.open("/fixtures/two-widgets.html");
    const left = page.locator("#left");
    const right = page.locator("#right");
    await left.getByRole("article").first().waitFor();
    await right.getByRole("article").first().waitFor();
    assert.equal(await left.getByRole("article").count(), 6, "data-page-size is honoured");
    assert.ok(await left.getByRole("heading", { name: "Sample desk" }).isVisible(), "data-heading");
    assert.equal(await right.getByRole("article").count(), 2);

    await right.getByLabel("Search stories").fill("lighthouse");
    await right.getByRole("status").filter({ hasText: "1 story matches" }).waitFor();
    assert.equal(await left.getByRole("article").count(), 6, "the other widget is untouched");

    const link = left.getByRole("article").first().getByRole("link");
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    assert.match(await link.innerText(), /\(opens in a new tab\)$/);

    const accent = await left.getByRole("button", { name: /^All/ }).evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(accent, "rgb(124, 45, 18)", "the site's accent colour applies");
    assert.ok(await page.evaluate(() => !!document.querySelector('link[href$="gazette.css"]')), "embed.js adds the stylesheet");
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, "element ids are unique across widgets");
    assert.deepEqual(await headlines(right), ["The old lighthouse reopens as a museum"]);
    await assertAccessible(page, "with two widgets");
    assert.deepEqual(page.problems, []);
  });

  it("closing a story leaves the other widget's later changes alone", async () => {
    const { page, left, right } = await openWithStory();
    // A link blog's post (JSON Feed's external_url beside its url) leads to both pages.
    for (const name of ["Read the linked article on coast-paper.example", "Read the original on harbour.example"]) {
      assert.ok(await right.getByRole("link", { name }).isVisible(), name);
    }
    const entries = await page.evaluate(() => history.length);
    await left.getByRole("button", { name: /^Markets/ }).click();
    await page.waitForURL(/\.cat=Markets/);
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await right.getByRole("heading", { level: 3, name: "The old lighthouse reopens as a museum" }).press("Escape");
    await page.waitForURL((u) => !u.search.includes(".story="));
    // Going back to before the story would undo the other widget's change: the story closes
    // into a new entry instead, and the other widget keeps its category.
    assert.equal(await page.evaluate(() => history.length), entries + 2);
    assert.ok(page.url().includes(".cat=Markets"), page.url());
    await left.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    await right.getByRole("heading", { level: 2 }).first().waitFor();
    assert.deepEqual(page.problems, []);
  });

  it("closing a story keeps what the reader has typed in the other widget since", async () => {
    const { page, left, right } = await openWithStory();
    const entries = await page.evaluate(() => history.length);
    // Typing replaces the entry of the open story: going back to before the story would
    // take the search away.
    await left.getByLabel("Search stories").fill("stablecoin");
    await page.waitForURL(/\.q=stablecoin/);
    assert.equal(await page.evaluate(() => history.length), entries);
    await right.getByRole("link", { name: "Back to all stories" }).press("Enter");
    await page.waitForURL((u) => !u.search.includes(".story="));
    assert.ok(page.url().includes(".q=stablecoin"), page.url());
    await right.getByRole("heading", { level: 2 }).first().waitFor();
    assert.equal(await left.getByLabel("Search stories").inputValue(), "stablecoin");
    await left.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.equal(await left.getByRole("article").count(), await left.getByRole("article").filter({ hasText: /stablecoin/i }).count());
    assert.deepEqual(page.problems, []);
  });

  it("two widgets waiting to start, or failing to, are landmarks of different names", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      const spacer = document.createElement("div");
      spacer.style.height = "300vh";
      document.getElementById("slot").append(spacer);
      for (const src of ["/static/articles.json", "/fixtures/feed11.json"]) {
        const w = document.createElement("gazette-news");
        w.setAttribute("src", src);
        document.getElementById("slot").append(w);
      }
    });
    const region = (name) => page.getByRole("region", { name, exact: true });
    await region("News (loading)").waitFor();
    await region("News (2) (loading)").waitFor();
    await assertAccessible(page, "with two widgets waiting");
    // Their code cannot be loaded: two panels, named apart the same way.
    await page.route("**/gazette_bg.wasm", (route) => route.abort());
    await page.locator("gazette-news").evaluateAll((all) => all.forEach((w) => w.setAttribute("loading", "eager")));
    await region("News").getByRole("alert").waitFor();
    await region("News (2)").getByRole("alert").waitFor();
    await assertAccessible(page, "with two widgets failed");
    // The first name is free again once its widget is gone.
    await page.locator("gazette-news").first().evaluate((w) => w.remove());
    await page.getByRole("button", { name: "Try again" }).click();
    await region("News").getByRole("alert").waitFor();
    assert.deepEqual(page.problems.filter((p) => !/^Gazette: |net::ERR_FAILED/.test(p)), []);
  });

  it("loads more stories only while the end of its list is near, not when the page scrolls past it", async () => {
    const page = await ctx.open("/fixtures/long-page.html");
    const cards = page.locator("#news").getByRole("article");
    await cards.first().waitFor();
    assert.equal(await cards.count(), 4);
    // The reader is at the end of the page, and scrolls on there: the list is far above. (The
    // jump is instant: a smooth scroll's frames on the way could pass the list's end, where a
    // page may come.)
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: "instant" }));
    await page.mouse.wheel(0, -200);
    await nextFrames(page);
    await nextFrames(page);
    assert.equal(await cards.count(), 4, "no page loaded for a list out of sight");
    // Back up to where the list ends: the next page comes.
    await page.evaluate(() => window.scrollTo(0, document.getElementById("news").getBoundingClientRect().bottom + window.scrollY - innerHeight + 50));
    await page.waitForFunction(() => document.querySelectorAll("#news article").length === 8);
    assert.deepEqual(page.problems, []);
  });

  it("a reload below a widget leaves the page where the browser put it, also when the page then goes up to the widget", async () => {
    const page = await ctx.open("/fixtures/mid-page.html");
    const news = page.locator("#news");
    // The reader reads the news on the way down.
    await news.scrollIntoViewIfNeeded();
    await news.getByRole("article").first().waitFor();
    await page.evaluate(() => window.scrollTo({ top: 8000, behavior: "instant" }));
    await page.reload();
    // The placeholder holds the widget's space, so the browser alone finds the place again
    // (the same text on screen: a little higher, as the placeholder is shorter than the
    // widget was); the widget, far above, has not started.
    await page.waitForFunction(() => window.scrollY > 7000);
    assert.equal(await news.getByRole("article").count(), 0);
    // The page's own script takes the reader up to the widget (no wheel or key the widget
    // would hear), which starts it: it stays there.
    const y = await news.evaluate((el) => {
      el.scrollIntoView({ block: "start", behavior: "instant" });
      return window.scrollY;
    });
    await news.getByRole("article").first().waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), y);
    assert.deepEqual(page.problems, []);
  });

  it("scrolling brings four pages, then the page's footer can be reached and the button brings more", async () => {
    const page = await ctx.open("/fixtures/footer-page.html");
    const cards = page.locator("#news").getByRole("article");
    const more = page.locator("#news").getByRole("button", { name: "Show more stories" });
    await more.waitFor();
    // The reader scrolls down with the wheel, on and on.
    await page.mouse.move(300, 300);
    for (let turn = 0; turn < 40; turn++) {
      await page.mouse.wheel(0, 600);
      await nextFrames(page);
      await nextFrames(page);
    }
    assert.equal(await cards.count(), 16, "four pages came by scrolling, a fifth waits for the button");
    const footer = page.getByRole("link", { name: "Contact the newsroom" });
    assert.ok(await footer.evaluate((a) => a.getBoundingClientRect().bottom <= innerHeight), "the footer is on screen");
    await more.click();
    await page.waitForFunction(() => document.getElementById("news").shadowRoot.querySelectorAll("article").length === 20);
    assert.deepEqual(page.problems, []);
  });

  it("a link to a story of a widget far below the screen starts it and shows the story; one to another widget's does not", async () => {
    const page = await ctx.open("/fixtures/below-fold.html?footer.story=tessera-50-weekly-gain-stablecoin-inflows");
    const widget = page.locator("#footer");
    await widget.getByRole("heading", { name: /Tessera 50 gains 6%/ }).first().waitFor();
    assert.ok(await widget.evaluate((el) => el.getBoundingClientRect().top < innerHeight && window.scrollY > 0), "scrolled to the story");
    assert.deepEqual(page.problems, []);
    // A parameter of another widget's: this one waits to be seen, as usual.
    const other = await ctx.open("/fixtures/below-fold.html?news.story=tessera-50-weekly-gain-stablecoin-inflows");
    await other.waitForFunction(() => document.getElementById("footer").shadowRoot?.querySelector(".gz-mount"));
    await nextFrames(other);
    assert.equal(await other.evaluate(() => window.scrollY), 0);
    assert.equal(await other.locator("#footer").getByRole("article").count(), 0, "not started");
  });

  it("the widget's own scrolling back to the list after a story loads no more stories", async () => {
    const page = await ctx.open("/fixtures/long-page.html");
    const cards = page.locator("#news").getByRole("article");
    await cards.first().waitFor();
    // The list's end just below the screen, close enough for a scroll of the reader's to load
    // the next page. (A story opens at the top of its view, below the page's heading: the page
    // scrolls, and scrolls back as the story closes.)
    const end = await page.evaluate(() => document.querySelector("#news").getBoundingClientRect().bottom);
    await page.setViewportSize({ width: 1280, height: Math.round(end) - 150 });
    await nextFrames(page);
    assert.equal(await cards.count(), 4);
    const first = cards.first().getByRole("link").first();
    const title = await first.innerText();
    for (const close of ["Back", "View All", "Escape"]) {
      await first.click();
      await page.getByRole("heading", { level: 3, name: title }).waitFor();
      if (close === "Back") await page.goBack();
      else if (close === "View All") await page.getByRole("link", { name: "View All" }).click();
      else await page.keyboard.press("Escape");
      await page.waitForFunction(() => document.activeElement?.closest("[data-story]") !== null);
      await nextFrames(page);
      await nextFrames(page);
      assert.equal(await cards.count(), 4, `after ${close}: the list as it was`);
      assert.doesNotMatch(page.url(), /page=/, close);
    }
    // The reader's own scroll still loads the next page (with the focus no longer on a card:
    // scrolling from the keyboard through the cards loads none).
    await page.evaluate(() => document.activeElement.blur());
    await page.mouse.wheel(0, 60);
    await page.waitForFunction(() => document.querySelectorAll("#news article").length === 8);
    assert.deepEqual(page.problems, []);
  });

  it("Tab from the end of the list to the page below loads no stories, so what the reader tabbed to stays on screen", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => {
      document.getElementById("slot").innerHTML =
        '<gazette-news id="news" src="/static/articles.json" loading="eager" page-size="4"></gazette-news><button type="button">After the news</button>';
    });
    const cards = page.locator("#news").getByRole("article");
    await cards.first().waitFor();
    const more = page.getByRole("button", { name: "Show more stories" });
    const bottom = await more.evaluate((b) => b.getBoundingClientRect().bottom + scrollY);
    // The button just in sight at the bottom of the screen, the page's own below it.
    await page.setViewportSize({ width: 360, height: Math.round(bottom) + 4 });
    await more.focus();
    await page.keyboard.press("Tab");
    const after = page.getByRole("button", { name: "After the news" });
    assert.ok(await after.evaluate((b) => b === document.activeElement));
    assert.ok(await page.evaluate(() => scrollY) > 0, "the page scrolled to the focus");
    await nextFrames(page);
    await nextFrames(page);
    assert.equal(await cards.count(), 4);
    const box = await after.evaluate((b) => b.getBoundingClientRect().toJSON());
    assert.ok(box.top >= 0 && box.bottom <= (await page.evaluate(() => innerHeight)), `the focused button at ${box.top}–${box.bottom}`);
    // Scrolling on by hand, the focus still below, the reader gets the next page.
    await page.mouse.move(100, 100);
    await page.mouse.wheel(0, -200);
    await page.mouse.wheel(0, 150);
    await page.waitForFunction(() => document.querySelector("#news").shadowRoot.querySelectorAll("article").length === 8);
    assert.ok(await after.evaluate((b) => b === document.activeElement));
    assert.deepEqual(page.problems, []);
  });

  it("the focus put on \"Show more stories\" (by a screen reader or a script) stays there: no page comes by the scroll it makes", async () => {
    const page = await ctx.open("/fixtures/long-page.html");
    const cards = page.locator("#news").getByRole("article");
    await cards.first().waitFor();
    const button = page.getByRole("button", { name: "Show more stories" });
    const top = await button.evaluate((b) => b.getBoundingClientRect().top);
    await page.setViewportSize({ width: 1280, height: Math.round(top) - 100 });
    // After a click on an element that takes the focus, a focus moved by a script does not
    // show as the keyboard's.
    await page.locator("#news").getByRole("heading", { level: 2 }).first().click();
    await button.evaluate((b) => b.focus());
    assert.ok(await page.evaluate(() => window.scrollY) > 0, "the focus scrolled the button into view");
    await nextFrames(page);
    await nextFrames(page);
    assert.equal(await cards.count(), 4);
    assert.ok(await button.evaluate((b) => b.getRootNode().activeElement === b), "the focus is still on the button");
    await button.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("#news article").length === 8);
    assert.deepEqual(page.problems, []);
  });

  it("on a right-to-left page, stories run in their own language's direction and the widget's words stay left to right", async () => {
    const page = await ctx.open("/fixtures/rtl-page.html", { offline: true });
    const news = page.locator("#news");
    const cards = news.getByRole("article");
    await cards.first().waitFor();
    const direction = (l) => l.evaluate((e) => getComputedStyle(e).direction);
    assert.equal(await direction(news.getByText("Search stories")), "ltr", "the widget's own (English) words");
    const arabic = news.getByRole("heading", { level: 3, name: "افتتاح سوق السمك الجديد على الواجهة البحرية" });
    assert.equal(await direction(arabic), "rtl");
    assert.equal(await arabic.getAttribute("lang"), "ar", "the feed's language");
    assert.equal(await direction(news.getByText("يفتح السوق أبوابه")), "rtl", "the excerpt");
    assert.equal(await direction(news.getByRole("heading", { level: 3, name: "Visitors return to the old port" })), "ltr", "a story in English");
    assert.equal(await direction(news.getByRole("heading", { level: 2, name: "أخبار الميناء" })), "rtl", "the feed's title");
    // The page's language gives the dates, which run right to left, in their own order.
    const date = cards.first().locator("time");
    assert.deepEqual([await date.getAttribute("lang"), await direction(date)], ["ar", "rtl"], "a date in Arabic");
    assert.equal(await direction(cards.first().locator(".gz-relative")), "rtl", "how long ago, in Arabic");
    // Names are isolated from each other and from the English around them, in their language.
    const names = news.locator(".gz-byline bdi");
    assert.deepEqual(await names.allInnerTexts(), ["ليلى حسن", "عمر خليل", "Sam Ode"]);
    assert.equal(await names.first().getAttribute("lang"), "ar");
    assert.match(await news.locator(".gz-byline").innerText(), /^By ليلى حسن, عمر خليل,? and Sam Ode$/);
    const chip = news.getByRole("button", { name: /^اقتصاد/ }).locator("bdi");
    assert.deepEqual([await chip.getAttribute("lang"), await direction(chip)], ["ar", "rtl"], "a category chip's name");
    // A query typed in Arabic runs right to left, and finds its story.
    const search = news.getByLabel("Search stories");
    await search.fill("العبارة");
    assert.equal(await direction(search), "rtl");
    await news.getByRole("status").filter({ hasText: "1 story matches" }).waitFor();
    await search.fill("");
    await news.getByRole("status").filter({ hasText: "3 stories" }).waitFor();

    await arabic.getByRole("link").click();
    const title = news.getByRole("heading", { level: 3, name: "افتتاح سوق السمك الجديد على الواجهة البحرية" });
    await title.waitFor();
    assert.equal(await direction(title), "rtl");
    // Read out by the focus, in Arabic (the heading's language); not announced a second time.
    assert.equal(await title.getAttribute("lang"), "ar");
    assert.equal(await news.getByRole("status").innerText(), "");
    // Each quotation's rule stands at its start: the right in Arabic, the left in the English one.
    const quotes = news.locator("blockquote");
    const rules = await quotes.evaluateAll((qs) => qs.map((q) => [getComputedStyle(q).direction, getComputedStyle(q).borderRightWidth, getComputedStyle(q).borderLeftWidth]));
    assert.deepEqual(rules, [["rtl", "4px", "0px"], ["ltr", "0px", "4px"]]);
    assert.equal(await quotes.nth(1).getAttribute("lang"), "en", "a passage's own language is kept");
    const credit = news.locator(".gz-hero figcaption");
    assert.deepEqual([await credit.evaluate((c) => c.closest("[lang]").lang), await direction(credit)], ["ar", "rtl"], "the picture's credit");
    assert.equal(await direction(news.getByRole("link", { name: "← Back to all stories" })), "ltr");
    await assertAccessible(page, "on a right-to-left page");
    assert.deepEqual(page.problems, []);
  });
  it("a widget removed while a story opened from its list shows gives the page back its scroll restoration", async () => {
    const page = await ctx.open("/fixtures/rtl-page.html", { offline: true });
    const news = page.locator("#news");
    await news.getByRole("link", { name: "Visitors return to the old port" }).waitFor();
    await news.getByRole("link", { name: "افتتاح سوق السمك الجديد على الواجهة البحرية" }).click();
    await news.getByRole("heading", { level: 3, name: "افتتاح سوق السمك الجديد على الواجهة البحرية" }).waitFor();
    assert.equal(await page.evaluate(() => history.scrollRestoration), "manual", "the widget restores the list's position itself");
    await page.evaluate(() => document.getElementById("news").remove());
    await page.waitForFunction(() => history.scrollRestoration === "auto");
    assert.deepEqual(page.problems, []);
  });

  it("with stories open in two widgets, the page gets its scroll restoration back only when both are closed", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.evaluate(() => {
      for (const id of ["one", "two"]) {
        const w = document.createElement("gazette-news");
        Object.assign(w, { id, src: "/static/articles.json", loading: "eager", pageSize: 3 });
        document.getElementById("slot").append(w);
      }
    });
    const [one, two] = [page.locator("#one"), page.locator("#two")];
    const open = async (news) => {
      const link = news.getByRole("article").first().getByRole("link").first();
      const name = await link.innerText();
      await link.click();
      await news.getByRole("heading", { level: 3, name }).waitFor();
    };
    await open(one);
    await open(two);
    const mode = () => page.evaluate(() => history.scrollRestoration);
    assert.equal(await mode(), "manual");
    await one.getByRole("link", { name: "← Back to all stories" }).click();
    await one.getByRole("searchbox").waitFor();
    assert.equal(await mode(), "manual", "the other widget's story still restores its list's place itself");
    // From the keyboard: one's pictures, failing now that its list shows again, move what
    // lies below them, and a click could land where the link was a moment before.
    await two.getByRole("link", { name: "← Back to all stories" }).press("Enter");
    await two.getByRole("searchbox").waitFor();
    await page.waitForFunction(() => history.scrollRestoration === "auto");
    assert.deepEqual(page.problems, []);
  });

  it("a widget the page moves elsewhere goes on as it was; one removed for good is freed", async () => {
    const page = await ctx.open("/fixtures/move.html");
    const news = page.locator("#news");
    await news.getByRole("article").first().waitFor();
    assert.equal(await page.getByRole("link", { name: "All our news" }).count(), 0, "the fallback inside the element gives way");
    await page.evaluate(() => {
      window.__ready = 0;
      document.getElementById("news").addEventListener("gazette:ready", () => window.__ready++);
    });
    await news.getByLabel("Search stories").fill("parallax");
    await news.getByRole("status").filter({ hasText: "2 stories match" }).waitFor();
    // Moved as appendChild and frameworks move nodes: out and back in within one script.
    await page.evaluate(() => document.getElementById("second").append(document.getElementById("news")));
    await nextFrames(page);
    const moved = page.locator("#second #news");
    assert.equal(await moved.getByLabel("Search stories").inputValue(), "parallax", "the search survives (no address keeps it)");
    // The focus comes along: the reader types on.
    await page.keyboard.type(" dao");
    assert.equal(await moved.getByLabel("Search stories").inputValue(), "parallax dao");
    await moved.getByLabel("Search stories").fill("parallax");
    assert.equal(await moved.getByRole("article").count(), 2);
    assert.equal(await page.evaluate(() => window.__ready), 0, "not started again");
    // Put back after awaits, in the same task (as `el.remove(); await settled; box.append(el)`).
    await page.evaluate(async () => {
      const news = document.getElementById("news");
      news.remove();
      await Promise.resolve();
      await null;
      document.getElementById("first").append(news);
    });
    await nextFrames(page);
    const again = page.locator("#first #news");
    assert.equal(await again.getByLabel("Search stories").inputValue(), "parallax", "the search survives awaits");
    assert.equal(await page.evaluate(() => window.__ready), 0, "not started again after awaits");
    await page.evaluate(() => document.getElementById("second").append(document.getElementById("news")));
    await nextFrames(page);
    await moved.getByRole("button", { name: /^DeFi/ }).click();
    await moved.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match/ }).waitFor();
    // Out of the page past the task that took it out: freed, and started afresh when back.
    // (A task later: timers of one delay run in the order they were set.)
    await page.evaluate(async () => {
      (window.__gone = document.getElementById("news")).remove();
      await new Promise((done) => setTimeout(done));
    });
    await page.evaluate(() => document.getElementById("first").append(window.__gone));
    await page.waitForFunction(() => window.__ready === 1);
    const back = page.locator("#first #news");
    await back.getByRole("status").filter({ hasText: "51 stories" }).waitFor();
    assert.equal(await back.getByLabel("Search stories").inputValue(), "");
    assert.deepEqual(page.problems, []);
  });

  it("the element's attributes are properties too, mount() says what it cannot use, and the same sources written another way change nothing", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    // Set as frameworks set them: properties, before and after the element is in the page.
    await page.evaluate(() => {
      window.__ready = 0;
      const w = document.createElement("gazette-news");
      w.id = "prop";
      w.src = "/static/articles.json";
      w.pageSize = 3;
      w.loading = "eager";
      w.addEventListener("gazette:ready", () => window.__ready++);
      document.querySelector("#slot").append(w);
      w.layout = "list";
    });
    const news = page.locator("#prop");
    await news.getByRole("status").filter({ hasText: "51 stories" }).waitFor();
    assert.equal(await news.getByRole("article").count(), 3);
    assert.deepEqual(await news.evaluate((el) => [el.getAttribute("page-size"), el.pageSize, el.getAttribute("layout")]), ["3", "3", "list"]);
    // The same source, written with spaces or in full: no new download, the reader's search stays.
    await news.getByLabel("Search stories").fill("parallax");
    await news.getByRole("status").filter({ hasText: "2 stories match" }).waitFor();
    await news.evaluate((el) => (el.src = ` ${new URL("/static/articles.json", location.href).href} `));
    await nextFrames(page);
    assert.equal(await news.getByLabel("Search stories").inputValue(), "parallax");
    assert.equal(await page.evaluate(() => window.__ready), 1);
    // The widget's own workings are not the page's to call.
    assert.deepEqual(await news.evaluate((el) => ["run", "failed", "placeholder"].filter((m) => m in el)), []);

    // Set before the script has defined the element (it comes later): taken up all the same.
    const early = await ctx.open("/fixtures/empty.html", { offline: true });
    await early.evaluate(async () => {
      const w = document.createElement("gazette-news");
      w.src = "/static/articles.json";
      w.pageSize = 2;
      w.loading = "eager";
      document.body.append(w);
      await import("/static/embed.js");
    });
    await early.getByRole("status").filter({ hasText: "51 stories" }).waitFor();
    assert.equal(await early.getByRole("article").count(), 2);
    assert.equal(await early.locator("gazette-news").getAttribute("page-size"), "2");
    assert.deepEqual(early.problems, []);

    // mount(): a selector, a clear error for nothing to mount in, a warning for an unknown option.
    const mounted = await page.evaluate(async () => {
      const { mount } = await import("/static/embed.js");
      const errors = [];
      for (const [bad, options] of [[null, {}], ["#nowhere", {}], ["###", {}], ["#slot", "src=/static/articles.json"]]) {
        try {
          mount(bad, options);
        } catch (e) {
          errors.push(`${e.name}: ${e.message}`);
        }
      }
      const w = mount("#slot", { src: "/static/articles.json", page_size: 2 });
      w.setFilters({ category: ["Markets"] });
      return { errors, loading: w.element.getAttribute("loading"), pageSize: w.element.getAttribute("page-size") };
    });
    assert.equal(mounted.errors.length, 4, mounted.errors.join("\n"));
    assert.ok(mounted.errors.slice(0, 3).every((e) => /^TypeError: Gazette: mount\(\) needs an element/.test(e)), mounted.errors.join("\n"));
    assert.match(mounted.errors[3], /^TypeError: Gazette: mount\(\) takes its options as an object/);
    assert.deepEqual([mounted.loading, mounted.pageSize], [null, null], "lazy by default, as the element; the unknown option unused");
    assert.ok(warnings.some((w) => /mount\(\) does not know the option page_size/.test(w)), warnings.join("\n"));
    assert.ok(warnings.some((w) => /setFilters\(\) does not know category/.test(w)), warnings.join("\n"));
    assert.deepEqual(page.problems, []);
  });

  it("text is the size the reader chose in the browser, whatever the page's root font size", async () => {
    const page = await ctx.open("/fixtures/move.html");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24 } });
    await page.reload();
    await page.addStyleTag({ content: "html { font-size: 62.5%; }" });
    const news = page.locator("#news");
    await news.getByRole("article").first().waitFor();
    const size = (l) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.equal(await size(page.locator("html")), 15, "the page's own 62.5%");
    assert.equal(await size(news.getByText("Search stories")), 0.875 * 24, "the widget's label, from the reader's 24 px");
    assert.deepEqual(page.problems, []);
  });

  it("on a phone, the button that shows more categories stays in sight, and in focus, as they come before it", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.setViewportSize({ width: 390, height: 800 });
    // Fifteen categories: "C0" with 15 stories, "C1" with 14… "C14" with one.
    const articles = Array.from({ length: 15 }, (_, c) =>
      Array.from({ length: 15 - c }, (_, n) => ({ id: `s${c}-${n}`, title: `Story ${c} ${n}`, url: `https://example.com/${c}/${n}`, published: "2026-01-01T10:00:00Z", category: `Category ${c}` })),
    ).flat();
    await page.route("**/many-categories.json", (route) => route.fulfill({ json: { articles } }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="news" src="/many-categories.json" loading="eager"></gazette-news>';
    });
    const news = page.locator("#news");
    await news.getByRole("article").first().waitFor();
    const more = news.getByRole("button", { name: "5 more categories" });
    await more.focus();
    await page.keyboard.press("Enter");
    const fewer = news.getByRole("button", { name: "Fewer categories" });
    await fewer.waitFor();
    // Seen whole inside its row (which scrolls sideways), as is its focus ring.
    const shown = () => fewer.evaluate((b) => {
      const row = b.closest(".gz-chips").getBoundingClientRect();
      const r = b.getBoundingClientRect();
      return [b.matches(":focus"), r.left >= row.left && r.right <= row.right];
    });
    await page.waitForFunction((el) => {
      const row = el.closest(".gz-chips").getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.left >= row.left && r.right <= row.right;
    }, await fewer.elementHandle());
    assert.deepEqual(await shown(), [true, true]);
    // All of them asked for, the chips wrap onto lines of their own: none is out of sight
    // sideways, and the button is on screen.
    assert.deepEqual(
      await fewer.evaluate((b) => {
        const row = b.closest(".gz-chips");
        return [row.scrollWidth <= row.clientWidth, b.getBoundingClientRect().bottom <= innerHeight];
      }),
      [true, true],
    );
    // Fewer again: one row again, with the button in sight in it.
    await page.keyboard.press("Enter");
    await news.getByRole("button", { name: "5 more categories" }).waitFor();
    await page.waitForFunction((el) => {
      const row = el.closest(".gz-chips");
      const [r, c] = [row.getBoundingClientRect(), el.getBoundingClientRect()];
      return row.scrollWidth > row.clientWidth && c.left >= r.left && c.right <= r.right && el.matches(":focus");
    }, await more.elementHandle());
    assert.deepEqual(page.problems, []);
  });

  it("in a phone-wide page with very large text, no control sticks out of the widget", async () => {
    const page = await ctx.open("/fixtures/move.html");
    await page.setViewportSize({ width: 320, height: 800 });
    await page.addStyleTag({ content: "#news { --gazette-font-size: 32px; }" });
    const news = page.locator("#news");
    await news.getByRole("article").first().waitFor();
    const outside = await news.evaluate((el) => {
      const root = el.shadowRoot.querySelector(".gazette");
      const edge = root.getBoundingClientRect().right + 1;
      // (Chips beyond the edge are in their row, which scrolls sideways in a narrow widget.)
      return [...root.querySelectorAll("input, select, button, h2, .gz-chips")]
        .filter((c) => !c.matches(".gz-chips *") && c.getBoundingClientRect().right > edge)
        .map((c) => c.outerHTML.slice(0, 60));
    });
    assert.deepEqual(outside, []);
    // The category dots stay round in chips squeezed for room.
    const dots = await news.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll(".gz-chip .gz-dot")].map((d) => d.getBoundingClientRect()).filter((r) => Math.abs(r.width - r.height) > 0.5).length,
    );
    assert.equal(dots, 0, "squashed dots");
    // A chip with a long name wraps inside the row that scrolls: it can be seen whole.
    const wide = await news.evaluate((el) => {
      const row = el.shadowRoot.querySelector(".gz-chips");
      // (With its focus ring, 5 px each side.)
      return [...row.querySelectorAll("button")].filter((c) => c.getBoundingClientRect().width > row.clientWidth - 10).map((c) => c.textContent);
    });
    assert.deepEqual(wide, []);
    // The row fades at an edge with more chips beyond it: at the start, the end's edge; in the
    // middle, both; at the end, the start's edge.
    const row = news.locator(".gz-chips");
    const handle = await row.elementHandle();
    const fades = (edges) => page.waitForFunction(([el, edges]) => {
      const mask = getComputedStyle(el).maskImage;
      const faded = mask === "none" ? [] : mask.startsWith("linear-gradient(to left") ? ["end"] : mask.includes("calc(100% - ") ? ["start", "end"] : ["start"];
      return faded.join() === edges.join();
    }, [handle, edges]);
    await fades(["end"]);
    await row.evaluate((el) => (el.scrollLeft = el.scrollWidth / 2 - el.clientWidth / 2));
    await fades(["start", "end"]);
    await row.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await fades(["start"]);
    // "More filters": each box is as large as its label's text.
    await news.getByText("More filters", { exact: true }).click();
    const box = news.getByRole("group", { name: "Year" }).getByRole("checkbox").first();
    const label = await box.evaluate((b) => parseFloat(getComputedStyle(b.parentElement).fontSize));
    assert.equal(await box.evaluate((b) => b.getBoundingClientRect().width), label, "a box of the label's size");
    assert.equal(label, 0.875 * 32);
    // Wide enough for every chip, the row neither scrolls nor fades.
    await page.setViewportSize({ width: 1280, height: 800 });
    await fades([]);
    assert.deepEqual(page.problems, []);
  });

  it("on a phone, a category chosen by the page shows in the sideways row", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/static/articles.json" categories="culture" loading="eager"></gazette-news>';
    });
    const chip = page.locator("#w").getByRole("button", { name: /^Culture, / });
    await page.locator("#w").getByRole("article").first().waitFor();
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    const [left, right, rowLeft, rowRight] = await chip.evaluate((c) => {
      const row = c.closest(".gz-chips"), r = row.getBoundingClientRect(), b = c.getBoundingClientRect();
      return [b.left, b.right, r.left, r.left + row.clientWidth];
    });
    assert.ok(left >= rowLeft && right <= rowRight, `the chip (${left}–${right}) in the row's view (${rowLeft}–${rowRight})`);
    const w = page.locator("#w");
    // A chip reached by the arrow keys shows whole, clear of the faded edge.
    await w.getByRole("button", { name: /^All/ }).focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("ArrowRight");
      const [chip, row, fade] = await w.evaluate((el) => {
        const chip = el.shadowRoot.activeElement, row = chip.closest(".gz-chips");
        const r = row.getBoundingClientRect();
        return [chip.getBoundingClientRect().right, r.left + row.clientWidth, parseFloat(getComputedStyle(row).scrollPaddingInlineEnd)];
      });
      assert.ok(fade > 20 && chip <= row - fade, `chip ${i + 1} ends at ${chip}, the fade starts at ${row - fade}`);
    }
    assert.deepEqual(page.problems, []);
  });

  it("waiting to be seen, a widget is a stop of the tab order: reached there, it starts, and the focus goes to its title", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const wasm = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<a href="#top" id="before">Before</a><div style="height: 3000px"></div><gazette-news id="far" src="/static/articles.json" heading="Harbour news"></gazette-news><a href="#end" id="after">After</a>' +
        '<div style="height: 3000px"></div><gazette-news id="fr" src="/static/articles.json" locale="fr_FR"></gazette-news>';
    });
    // In the widget's language, its locale written as the widget reads it (fr_FR is fr-FR).
    await page.locator("#fr").getByRole("region", { name: "Actualités (chargement)" }).waitFor();
    const far = page.locator("#far");
    // Named for screen readers, as busy.
    const waiting = far.getByRole("region", { name: "Harbour news (loading)" });
    await waiting.waitFor();
    assert.equal(await waiting.getAttribute("aria-busy"), "true");
    await assertAccessible(page, "with a widget waiting to be seen");
    await nextFrames(page);
    assert.deepEqual(wasm, [], "far below: not started");
    // (What takes the Tab is told as it happens: the widget may start at once after it.)
    await page.evaluate(() => {
      window.stops = [];
      document.querySelector("#far").shadowRoot.addEventListener("focusin", (e) => window.stops.push(e.composedPath()[0].className));
      document.addEventListener("focusin", (e) => e.target.id === "after" && window.stops.push("after"));
    });
    await page.locator("#before").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => window.stops[0]), "gz-skeleton", "the next stop is the widget, not the link after it");
    await far.getByRole("article").first().waitFor();
    await page.waitForFunction(() => document.activeElement.shadowRoot?.activeElement?.matches(".gz-title"));
    assert.equal(await far.getByRole("heading", { name: "Harbour news" }).evaluate((h) => h.getRootNode().activeElement === h), true);
    // On from there, into the widget's controls.
    await page.keyboard.press("Tab");
    assert.equal(await far.getByLabel("Search stories").evaluate((s) => s.getRootNode().activeElement === s), true);
    // Going back (Shift+Tab from the link after it), the focus goes to the widget's last control.
    const back = await ctx.open("/fixtures/blank.html");
    await back.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<a href="#top">Before</a><div style="height: 3000px"></div><gazette-news id="far" src="/static/articles.json"></gazette-news><a href="#end" id="after">After</a>';
    });
    await back.locator("#far").getByRole("region", { name: "News (loading)" }).waitFor();
    // (Without scrolling to it, which would bring the widget near and start it.)
    await back.locator("#after").evaluate((a) => a.focus({ preventScroll: true }));
    await back.keyboard.press("Shift+Tab");
    await back.locator("#far").getByRole("article").first().waitFor();
    await back.waitForFunction(() => document.activeElement.shadowRoot?.activeElement?.textContent === "Show more stories");
    assert.deepEqual(page.problems, []);
    assert.deepEqual(back.problems, []);
  });

  it("reached while it starts, a widget shows where the focus is until its stories come, then gives it to the control due", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    // The WebAssembly, then the stories, held back until the test lets them through.
    const gates = {};
    for (const [name, glob] of [["wasm", "**/*.wasm"], ["feed", "**/articles.json"]]) {
      let open;
      const opened = new Promise((r) => (open = r));
      const asked = new Promise((r) => page.route(glob, async (route) => {
        r();
        await opened;
        await route.continue();
      }));
      gates[name] = { open, asked };
    }
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<a href="#top">Before</a><gazette-news id="w" src="/static/articles.json"></gazette-news><a href="#end" id="after">After</a>';
    });
    await gates.wasm.asked;
    const ring = () => page.evaluate(() => {
      const at = document.querySelector("#w").shadowRoot.activeElement;
      return at && `${at.className}: ${getComputedStyle(at).outlineStyle}`;
    });
    // Going back into it from the link after it: the placeholder, with its ring.
    await page.locator("#after").focus();
    await page.keyboard.press("Shift+Tab");
    assert.equal(await ring(), "gz-skeleton: solid");
    gates.wasm.open();
    await gates.feed.asked;
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.activeElement?.matches(".gz-mount"));
    assert.equal(await ring(), "gz-mount: solid", "the widget holds the focus, and shows it");
    gates.feed.open();
    // Reached going back: its last control.
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.activeElement?.textContent === "Show more stories");
    assert.deepEqual(page.problems, []);
  });

  it("the search key is the widget's only when the focus is in it or on nothing, and the page can change it or turn it off", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<a href="#x" id="own">The page\'s link</a><gazette-news id="one" src="/static/articles.json" loading="eager"></gazette-news>';
      // (What the page sees of each key after the widget.)
      addEventListener("keydown", (e) => (window.taken = e.defaultPrevented));
    });
    const one = page.locator("#one");
    await one.getByRole("article").first().waitFor();
    const search = one.getByLabel("Search stories");
    const where = () => page.evaluate(() => {
      const at = document.activeElement;
      return at.id === "one" ? at.shadowRoot.activeElement?.getAttribute("type") : at.id || at.tagName;
    });
    const press = async (key, from) => {
      if (from) await page.locator(from).focus();
      else await page.evaluate(() => document.activeElement.blur());
      await page.keyboard.press(key);
      return [await where(), await page.evaluate(() => window.taken)];
    };
    assert.deepEqual(await press("/", "#own"), ["own", false], "on the page's own link, the key stays the page's");
    assert.deepEqual(await press("/"), ["search", true], "on nothing, it goes to the search box");
    assert.equal(await search.getAttribute("aria-keyshortcuts"), "/");
    // Turned off, in place.
    await one.evaluate((el) => el.setAttribute("search-key", "none"));
    await page.waitForFunction(() => !document.querySelector("#one").shadowRoot.querySelector("input[aria-keyshortcuts]"));
    assert.deepEqual(await press("/"), ["BODY", false]);
    // Another key.
    await one.evaluate((el) => el.setAttribute("search-key", "s"));
    await page.waitForFunction(() => document.querySelector("#one").shadowRoot.querySelector('input[aria-keyshortcuts="s"]'));
    assert.deepEqual(await press("/"), ["BODY", false]);
    assert.deepEqual(await press("s"), ["search", true]);
    assert.equal(await search.inputValue(), "", "the key itself is not typed");
    assert.deepEqual(page.problems, []);
  });

  it("a widget written anew takes the address prefix of the one it replaces; a copy that keeps its id is told in the console to take one of its own", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const shared = () => warnings.filter((w) => w.includes("address prefix"));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<div id="a"><gazette-news id="news" src="/static/articles.json" loading="eager"></gazette-news></div><div id="b"></div>';
    });
    const first = page.locator("#a #news");
    await first.getByRole("article").first().waitFor();
    // Started again for a new attribute, or moved: still the only one.
    await first.evaluate((el) => el.setAttribute("categories", "Markets"));
    await first.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    await page.evaluate(() => document.getElementById("b").append(document.getElementById("news")));
    await nextFrames(page);
    // Written again, as a page's framework renders the same markup anew: the new widget takes
    // the prefix the old one leaves.
    const markup = '<gazette-news src="/static/articles.json" loading="eager"></gazette-news>';
    await page.evaluate((markup) => document.getElementById("b").insertAdjacentHTML("beforeend", `<div id="c">${markup}</div>`), markup);
    const prefix = async (text) => {
      const news = page.locator("#c gazette-news");
      await news.getByRole("article").first().waitFor();
      await news.getByLabel("Search stories").fill(text);
      await page.waitForFunction((text) => location.search.includes(`.q=${text}`), text);
      return [...new URL(page.url()).searchParams.keys()].find((k) => k.endsWith(".q"));
    };
    const before = await prefix("parallax");
    await page.evaluate((markup) => (document.getElementById("c").innerHTML = markup), markup);
    assert.equal(await prefix("dao"), before);
    await page.evaluate(() => (document.getElementById("b").innerHTML = document.getElementById("b").innerHTML));
    await page.locator("#b #news").getByRole("article").first().waitFor();
    assert.deepEqual(shared(), []);
    // As a page builder's "duplicate block" copies it.
    await page.evaluate(() => document.getElementById("a").append(document.getElementById("news").cloneNode(true)));
    await page.locator("#a #news").getByRole("article").first().waitFor();
    for (let frames = 0; shared().length === 0 && frames < 60; frames++) await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.equal(shared().length, 1, warnings.join("\n"));
    assert.match(shared()[0], /"news"/);
    assert.deepEqual(page.problems, []);
  });

  it("with the focus on nothing, the search key goes to the largest widget that can take it", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      // A narrow column beside a wide list: the wide one shows more of itself.
      document.querySelector("#slot").innerHTML =
        '<div style="display: flex"><div style="width: 260px"><gazette-news id="small" src="/static/articles.json" loading="eager" page-size="2"></gazette-news></div>' +
        '<div style="flex: 1"><gazette-news id="big" src="/static/articles.json" loading="eager" controls="chips" url-key="big"></gazette-news></div></div>';
    });
    const [small, big] = [page.locator("#small"), page.locator("#big")];
    await small.getByRole("article").first().waitFor();
    await big.getByRole("article").first().waitFor();
    const press = async () => {
      await page.evaluate(() => document.activeElement.blur());
      await page.keyboard.press("/");
      return page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
    };
    assert.equal(await press(), "small", "the wide one has no search box");
    await big.evaluate((el) => el.setAttribute("controls", "search chips"));
    await big.getByLabel("Search stories").waitFor();
    assert.equal(await press(), "big", "with one, the wide one takes it");
    await big.evaluate((el) => el.setAttribute("search-key", "s"));
    await page.waitForFunction(() => document.querySelector("#big").shadowRoot.querySelector('input[aria-keyshortcuts="s"]'));
    assert.equal(await press(), "small", "the wide one listens for another key");
    await big.evaluate((el) => el.removeAttribute("search-key"));
    await page.waitForFunction(() => document.querySelector("#big").shadowRoot.querySelector('input[aria-keyshortcuts="/"]'));
    assert.equal(await press(), "big");
    await big.evaluate((el) => el.setAttribute("inert", ""));
    assert.equal(await press(), "small", "the wide one is inert");
    await big.evaluate((el) => el.removeAttribute("inert"));
    // A story open in the wide one: its list, and its search box, are hidden.
    await big.getByRole("article").first().getByRole("link").first().click();
    await big.getByRole("link", { name: /Back to all stories/ }).waitFor();
    assert.equal(await press(), "small", "the wide one shows a story");
    // A modal dialog of the page's: the page behind it takes no focus.
    await page.evaluate(() => {
      const dialog = document.body.appendChild(document.createElement("dialog"));
      dialog.textContent = "Subscribe";
      dialog.showModal();
    });
    assert.equal(await press(), "BODY", "a modal dialog is open");
    assert.deepEqual(page.problems, []);
  });

  it("where the page lets its content set the width (float, inline-block, table cell, flex or centred grid item), the widget has a usable one", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    const widget = `<gazette-news loading="eager" src="/static/articles.json"></gazette-news>`;
    await page.evaluate((widget) => {
      document.querySelector("#slot").innerHTML = [
        `<div style="float: left">${widget}</div><div style="clear: both"></div>`,
        `<div style="display: inline-block">${widget}</div>`,
        `<table><tr><td>${widget}</td><td>Another cell</td></tr></table>`,
        `<div style="display: flex; flex-direction: column; align-items: center">${widget}</div>`,
        `<div style="display: grid; justify-items: center">${widget}</div>`,
        `<div style="display: grid; grid-template-columns: auto 1fr">${widget}<p>Main column</p></div>`,
        `<div style="display: flex; justify-content: center">${widget}</div>`,
        `<div style="display: flex; gap: 1em"><p id="beside">Beside the news</p>${widget}</div>`,
      ].join("");
    }, widget);
    // And where the page sets the width: no wider than it says.
    await page.evaluate((widget) => {
      document.querySelector("main").insertAdjacentHTML("beforeend", [
        `<div id="halves" style="display: grid; grid-template-columns: 1fr 1fr; width: 1000px"><div>${widget}</div><div>${widget}</div></div>`,
        `<div id="sidebar" style="display: flex; width: 1000px"><div style="flex: 0 0 300px">${widget}</div><p style="flex: 1">Main column</p></div>`,
      ].join(""));
    }, widget);
    const set = await page.evaluate(() => [...document.querySelectorAll("#halves gazette-news, #sidebar gazette-news")].map((el) => Math.round(el.getBoundingClientRect().width)));
    assert.deepEqual(set, [500, 500, 300]);
    await page.evaluate(() => document.querySelectorAll("#halves, #sidebar").forEach((el) => el.remove()));
    const sizes = () =>
      page.evaluate(async () => {
        const all = [...document.querySelectorAll("gazette-news")];
        while (!all.every((el) => el.shadowRoot?.querySelector("article"))) await new Promise(requestAnimationFrame);
        return { widths: all.map((el) => Math.round(el.getBoundingClientRect().width)), right: Math.max(...all.map((el) => el.getBoundingClientRect().right)) };
      });
    const wide = await sizes();
    assert.ok(wide.widths.every((w) => w >= 500 && w <= 700), `widths at 1280 px: ${wide.widths}`);
    // The page's own item beside it in a flex row keeps its width (its text on one line).
    const lines = await page.locator("#beside").evaluate((p) => {
      const text = document.createRange();
      text.selectNodeContents(p);
      return new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    assert.equal(lines, 1, "the page's paragraph beside it stays on one line");
    // On a phone, narrower than the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await sizes();
    // (The last shares its row with the page's paragraph, which keeps its room.)
    assert.ok(narrow.widths.slice(0, -1).every((w) => w >= 250 && w <= 360), `widths at 360 px: ${narrow.widths}`);
    assert.ok(narrow.widths.at(-1) >= 200, `beside the paragraph at 360 px: ${narrow.widths}`);
    // The paragraph keeps nearly all its width (less than a pixel of it may go).
    const para = await page.locator("#beside").evaluate((p) => {
      const text = document.createRange();
      text.selectNodeContents(p);
      const words = [...text.getClientRects()].reduce((w, r) => w + r.width, 0);
      return { width: p.getBoundingClientRect().width, words };
    });
    assert.ok(para.width >= para.words / 2 && para.width >= 90, `the paragraph beside it at 360 px: ${JSON.stringify(para)}`);
    assert.ok(narrow.right <= 360, `no widget sticks out of the screen: ${narrow.right}`);
    assert.deepEqual(page.problems, []);
  });

  it("in a part of the page written top to bottom, the widget reads across inside a box that holds it", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<div style="writing-mode: vertical-rl; height: 600px"><p>縦書き</p><gazette-news loading="eager" src="/static/articles.json"></gazette-news></div>' +
        '<gazette-news style="writing-mode: vertical-lr" loading="eager" src="/static/articles.json"></gazette-news>';
    });
    const widgets = page.locator("gazette-news");
    await widgets.nth(0).getByRole("article").first().waitFor();
    await widgets.nth(1).getByRole("article").first().waitFor();
    const boxes = await widgets.evaluateAll((all) => all.map((w) => {
      const host = w.getBoundingClientRect();
      const inner = w.shadowRoot.querySelector(".gazette").getBoundingClientRect();
      return { mode: getComputedStyle(w).writingMode, holds: inner.left >= host.left - 1 && inner.right <= host.right + 1 && inner.top >= host.top - 1 && inner.bottom <= host.bottom + 1 };
    }));
    assert.deepEqual(boxes, [{ mode: "horizontal-tb", holds: true }, { mode: "horizontal-tb", holds: true }]);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
    assert.deepEqual(page.problems, []);
  });

  it("printed, the stories show without the controls", async () => {
    const page = await ctx.open("/fixtures/move.html");
    const news = page.locator("#news");
    await news.getByRole("article").first().waitFor();
    const more = news.getByRole("button", { name: "Show more stories" });
    assert.equal(await more.isVisible(), true);
    await page.emulateMedia({ media: "print" });
    assert.equal(await news.getByLabel("Search stories").isVisible(), false);
    assert.equal(await more.isVisible(), false);
    assert.equal(await news.getByRole("article").first().isVisible(), true);
    await page.emulateMedia({ media: "screen" });
    assert.equal(await news.getByLabel("Search stories").isVisible(), true);
    // A story on paper: no way back, no View All.
    await news.getByRole("article").first().getByRole("link").click();
    const viewAll = news.getByRole("link", { name: "View All" });
    await viewAll.waitFor();
    await page.emulateMedia({ media: "print" });
    assert.equal(await viewAll.isVisible(), false);
    assert.equal(await news.getByRole("link", { name: /Back to all stories/ }).isVisible(), false);
  });

  it("printed, a dark widget prints dark text on white, and its category badges keep their colours", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news theme="dark" loading="eager" src="/static/articles.json"></gazette-news>`;
    });
    await page.getByRole("article").first().waitFor();
    const colours = () =>
      page.evaluate(() => {
        const root = document.querySelector("gazette-news").shadowRoot;
        const style = (sel) => getComputedStyle(root.querySelector(sel));
        const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number);
        return { headline: rgb(style(".gz-headline").color), meta: rgb(style(".gz-meta").color), badge: style(".gz-badge").printColorAdjust };
      });
    const screen = await colours();
    assert.ok(screen.headline.every((v) => v > 180), `light text on screen: ${screen.headline}`);
    await page.emulateMedia({ media: "print" });
    const paper = await colours();
    assert.ok(paper.headline.every((v) => v < 60), `dark headline on paper: ${paper.headline}`);
    assert.ok(paper.meta.every((v) => v < 110), `dark dates on paper: ${paper.meta}`);
    assert.equal(paper.badge, "exact");
    assert.deepEqual(page.problems, []);
  });

  it("a page that includes the loader twice, under two addresses, fetches the WebAssembly once", async () => {
    const page = await ctx.open("/fixtures/twice.html", { offline: true });
    const fetched = [];
    page.on("request", (r) => r.url().endsWith("gazette_bg.wasm") && fetched.push(r.url()));
    await page.reload();
    await page.locator("#old").getByRole("article").first().waitFor();
    await page.locator("#new").getByRole("article").first().waitFor();
    assert.equal(fetched.length, 1, fetched.join("\n"));
    assert.equal(await page.locator("[data-gazette] .gazette").count(), 1, "the older form is mounted once");
    assert.deepEqual(page.problems, []);
  });

  it("asks for its stories while its code is on its way, in both forms, and takes up those requests", async () => {
    for (const fixture of ["/fixtures/move.html", "/fixtures/long-page.html"]) {
      const page = await ctx.open("/fixtures/blank.html", { offline: true });
      // The WebAssembly is held back until the stories have been asked for.
      let asked;
      const storiesAsked = new Promise((ok) => (asked = ok));
      const feeds = [];
      page.on("request", (r) => r.url().endsWith("/static/articles.json") && (feeds.push(r.url()), asked()));
      await holdCode(page, storiesAsked);
      await page.goto(new URL(fixture, page.url()).href);
      await page.locator("gazette-news, [data-gazette]").first().getByRole("article").first().waitFor();
      assert.equal(feeds.length, 1, `${fixture}: one request for the stories, taken up by the widget`);
      assert.deepEqual(page.problems, [], fixture);
    }
  });

  it("a source changed while the code is on its way gives up the request for the old one", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    let asked;
    const oldAsked = new Promise((ok) => (asked = ok));
    page.on("request", (r) => r.url().endsWith("/hang") && asked());
    const release = await holdCode(page);
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/hang" loading="eager" url-key="off"></gazette-news>';
    });
    await oldAsked;
    const givenUp = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/hang"));
    await page.locator("#w").evaluate((el) => el.setAttribute("src", "/static/articles.json"));
    // Given up by the loader, while the code is still held back.
    await givenUp;
    release();
    await page.locator("#w").getByRole("article").first().waitFor();
  });

  it("on a slow connection the placeholder says the news is loading, in the page's language, until the widget comes", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    const release = await holdCode(page);
    await page.evaluate(() => {
      document.documentElement.lang = "fr";
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/static/articles.json" loading="eager" url-key="off"></gazette-news>';
    });
    const news = page.locator("#w");
    await news.getByText("Chargement des actualités…").waitFor();
    release();
    await news.getByRole("article").first().waitFor();
    assert.equal(await news.getByText("Chargement des actualités…").count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("printed before it has started, the widget gives its place to the page's own fallback", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<div style="height: 4000px"></div><gazette-news id="far" src="/static/articles.json"><p><a href="/news/">Read all our news</a></p></gazette-news>';
    });
    const far = page.locator("#far");
    await far.locator(".gz-skeleton").waitFor();
    // With its stylesheet in (before it, the fallback stays hidden, on paper too).
    await far.evaluate((el) => new Promise((ok) => {
      const link = el.shadowRoot.querySelector("link");
      if (link.sheet) ok();
      else link.addEventListener("load", ok, { once: true });
    }));
    const fallback = far.getByRole("link", { name: "Read all our news" });
    assert.equal(await fallback.isVisible(), false, "not on screen");
    await page.emulateMedia({ media: "print" });
    assert.equal(await fallback.isVisible(), true, "on paper");
    assert.equal(await far.locator(".gz-skeleton").isVisible(), false);
    assert.equal(await page.locator("gazette-news .gazette").count(), 0, "the widget has not started");
  });

  it("keeps the placeholder's height while its stories are on their way, so the page does not jump", async () => {
    // Before the widget's stylesheet has arrived (held back here), the placeholder holds it.
    const before = await ctx.open("/fixtures/blank.html");
    await before.route("**/gazette.css", () => {});
    await before.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="early" src="/hang" style="--gazette-skeleton-height: 700px"><p>All our news</p></gazette-news>';
    });
    // (Measured at once: the element is defined, so its placeholder is there.)
    const early = await before.evaluate(() => {
      const el = document.querySelector("#early");
      return [el.shadowRoot.querySelectorAll(".gz-skeleton").length, Math.round(el.getBoundingClientRect().height)];
    });
    assert.deepEqual(early, [1, 700], "without its stylesheet, and with the page's fallback kept for paper");
    // Then, once the widget runs, its loading state is as high.
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML =
        '<gazette-news id="slow" src="/hang" loading="eager" style="--gazette-skeleton-height: 900px"></gazette-news><p id="below">Below</p>';
    });
    const slow = page.locator("#slow");
    const height = () => slow.evaluate((e) => Math.round(e.getBoundingClientRect().height));
    await slow.getByRole("region").and(slow.locator("[aria-busy=true]")).waitFor();
    assert.equal(await height(), 900, "the widget, loading, as high as its placeholder");
  });

  it("draws its stories only once its stylesheet is in, never in the page's inherited look", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const release = await holdRequests(page, "**/gazette.css");
    await page.evaluate(() => {
      Object.assign(document.body.style, { fontSize: "40px", color: "rgb(255, 0, 0)" });
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/static/articles.json" loading="eager"></gazette-news>';
      // How the first card looks the moment it is drawn.
      const root = document.querySelector("#w").shadowRoot;
      new MutationObserver((_, observer) => {
        const card = root.querySelector("article");
        if (!card) return;
        observer.disconnect();
        const { fontSize, color } = getComputedStyle(card);
        window.firstCard = { fontSize, color };
      }).observe(root, { childList: true, subtree: true });
    });
    // The code has started (the loader's promise of it, under its symbol), and the task it
    // resolved in is over; the stylesheet is held back.
    await page.waitForFunction(() => globalThis[Symbol.for(`gazette:${location.origin}/gazette_bg.wasm`)]);
    await page.evaluate(async () => {
      await globalThis[Symbol.for(`gazette:${location.origin}/gazette_bg.wasm`)];
      await new Promise((ok) => setTimeout(ok));
    });
    const news = page.locator("#w");
    assert.equal(await news.getByRole("article").count(), 0, "no stories before the stylesheet");
    assert.equal(await news.locator(".gz-skeleton").count(), 1, "the placeholder holds the place");
    release();
    await news.getByRole("article").first().waitFor();
    const first = await page.evaluate(() => window.firstCard);
    assert.notEqual(first.fontSize, "40px", "the widget's own text size from the first card on");
    assert.notEqual(first.color, "rgb(255, 0, 0)", "and its own colour");
    assert.deepEqual(page.problems, []);
  });

  it("when its code cannot load or may not run, the widget says so in place, and can try again", async () => {
    const listen = () => {
      window.__errors = [];
      document.addEventListener("gazette:error", (e) => window.__errors.push(e.detail.message));
    };
    // A page whose Content-Security-Policy forgot 'wasm-unsafe-eval'.
    const fetched = [];
    let page = await ctx.open("/fixtures/csp-no-wasm.html", {
      init: listen,
      prepare: (context) => context.on("request", (r) => fetched.push(new URL(r.url()).pathname)),
    });
    let news = page.locator("#news");
    await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
    assert.equal(await news.getByRole("button", { name: "Try again" }).count(), 0, "trying again cannot help");
    assert.deepEqual(fetched.filter((p) => /articles\.json|\.wasm$/.test(p)), [], "neither the stories nor the code fetched for nothing");
    assert.match((await page.evaluate(() => window.__errors)).join(), /wasm-unsafe-eval/);
    const unexpected = page.problems.filter((p) => !/^Gazette: |Content Security Policy/.test(p));
    assert.deepEqual(unexpected, [], "nothing uncaught");

    // The code's address fails, then works again.
    page = await ctx.open("/fixtures/blank.html", { init: listen });
    await page.route("**/gazette_bg.wasm", (route) => route.abort());
    await page.evaluate(() => {
      const w = document.createElement("gazette-news");
      w.setAttribute("src", "/static/articles.json");
      w.setAttribute("loading", "eager");
      w.innerHTML = '<a href="/news/">Our news page</a>';
      document.getElementById("slot").append(w);
    });
    news = page.locator("gazette-news");
    await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
    assert.equal((await page.evaluate(() => window.__errors)).length, 1);
    // (Slotted into the panel: in the page's DOM, it stays the element's own child.)
    assert.ok(await page.getByRole("link", { name: "Our news page" }).isVisible(), "the page's fallback shows in the panel");
    await assertAccessible(page, "with the widget's start-up failure");
    // Tried again from the keyboard while it still fails: the focus stays on the button.
    const retry = news.getByRole("button", { name: "Try again" });
    const [button, link] = await Promise.all([retry.boundingBox(), page.getByRole("link", { name: "Our news page" }).boundingBox()]);
    assert.ok(link.y >= button.y + button.height, "the fallback is below the button, not beside it");
    await retry.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__errors.length === 2);
    assert.equal(await retry.evaluate((b) => b.getRootNode().activeElement === b), true);
    // Then it works: the focus goes to the widget's title, not the page.
    await page.unroute("**/gazette_bg.wasm");
    await page.keyboard.press("Enter");
    await news.getByRole("article").first().waitFor();
    await page.waitForFunction(() => document.querySelector("gazette-news").shadowRoot.activeElement?.classList.contains("gz-title"));
    assert.equal(await news.getByRole("alert").count(), 0);
    assert.deepEqual(page.problems.filter((p) => !/^Gazette: |net::ERR_FAILED/.test(p)), []);
  });

  it("the page can hide the widget as anything else, and its text decorations and ::before content stay out", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "*::before { content: 'X' !important; } .struck { text-decoration: line-through; } .panel { visibility: hidden; }";
      document.head.append(style);
      document.getElementById("slot").innerHTML =
        '<div class="struck"><gazette-news id="struck" src="/static/articles.json" loading="eager"></gazette-news></div>' +
        '<div class="panel"><gazette-news id="hidden" src="/static/articles.json" loading="eager"></gazette-news></div>';
    });
    const struck = page.locator("#struck");
    await struck.getByRole("article").first().waitFor();
    const decorations = await struck.locator(".gz-headline").first().evaluate((h) => getComputedStyle(h).getPropertyValue("-webkit-text-decorations-in-effect"));
    assert.equal(decorations, "none");
    assert.equal(await struck.evaluate((el) => getComputedStyle(el, "::before").display), "none");
    const hidden = page.locator("#hidden");
    await hidden.locator("article").first().waitFor({ state: "attached" });
    assert.equal(await hidden.locator(".gz-headline").first().evaluate((h) => h.checkVisibility({ visibilityProperty: true })), false);
    assert.equal(await hidden.getByRole("searchbox").count(), 0, "nothing of it is in the accessibility tree or the Tab order");
    assert.deepEqual(page.problems, []);
  });

  /**
   * A page of this origin, under `policy`, that loads the bundle from `cdn` (another origin),
   * with `main` in its <main>; the console's errors are kept in `errors`.
   */
  async function pageOnCdn(cdn, policy, main = "") {
    const page = await ctx.open("/fixtures/empty.html");
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${policy}">
      <title>News</title></head><body><main><h1>News</h1>${main}</main>
      <script type="module" src="${cdn.url}/static/embed.js"></script></body></html>`);
    return { page, errors };
  }

  it("a bundle on another origin that the page's policy refuses to fetch says why, and offers no Try again", async () => {
    const cdn = await startServer();
    try {
      const { page, errors } = await pageOnCdn(
        cdn,
        `default-src 'self'; script-src ${cdn.url} 'wasm-unsafe-eval'; style-src ${cdn.url}; connect-src 'self'`,
        '<gazette-news id="x" src="/static/articles.json" loading="eager"></gazette-news>',
      );
      const news = page.locator("#x");
      await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
      assert.equal(await news.getByRole("button", { name: "Try again" }).count(), 0, "trying again cannot help");
      assert.ok(errors.some((e) => e.startsWith("Gazette:") && e.includes(`connect-src does not allow ${cdn.url}`)), errors.join("\n"));
    } finally {
      await cdn.close();
    }
  });

  it("a stylesheet the page's policy refuses stops the widget with one error and no ready, instead of unstyled stories", async () => {
    const cdn = await startServer();
    try {
      const { page, errors } = await pageOnCdn(cdn, `default-src 'self'; script-src ${cdn.url} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${cdn.url}`);
      await page.evaluate(() => {
        window.events = [];
        for (const type of ["gazette:ready", "gazette:error"]) document.addEventListener(type, () => window.events.push(type));
        document.querySelector("main").insertAdjacentHTML("beforeend", '<gazette-news id="x" src="/static/articles.json" loading="eager"></gazette-news>');
      });
      const news = page.locator("#x");
      await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
      assert.equal(await news.getByRole("button", { name: "Try again" }).count(), 0, "trying again cannot help");
      assert.equal(await news.getByRole("article").count(), 0, "no unstyled stories");
      assert.deepEqual(await page.evaluate(() => window.events), ["gazette:error"]);
      const ours = errors.filter((e) => e.startsWith("Gazette:"));
      assert.equal(ours.length, 1, ours.join("\n"));
      assert.match(ours[0], /style-src-elem does not allow/);
    } finally {
      await cdn.close();
    }
  });

  it("a stylesheet that fails to arrive shows the failure panel, and Try again brings the widget in its own look", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route("**/gazette.css", (route) => route.abort());
    await page.evaluate(() => {
      document.getElementById("slot").innerHTML = '<gazette-news id="w" src="/static/articles.json"></gazette-news>';
    });
    const news = page.locator("#w");
    await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
    assert.equal(await news.getByRole("article").count(), 0, "no unstyled stories");
    await page.unroute("**/gazette.css");
    await news.getByRole("button", { name: "Try again" }).click();
    await news.getByRole("article").first().waitFor();
    // Styled: the cards are a list without bullets.
    assert.equal(await news.locator(".gz-list").first().evaluate((l) => getComputedStyle(l).listStyleType), "none");
    assert.deepEqual(page.problems.filter((p) => !/^Gazette: |net::ERR_FAILED/.test(p)), []);
  });

  it("when the code and the stylesheet both fail, one failure is told, and Try again works once they are back", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route(/gazette(_bg\.wasm|\.css)$/, (route) => route.abort());
    await page.evaluate(() => {
      window.events = [];
      document.addEventListener("gazette:error", () => window.events.push("error"));
      document.addEventListener("gazette:ready", () => window.events.push("ready"));
      document.getElementById("slot").innerHTML = '<gazette-news id="w" src="/static/articles.json"></gazette-news>';
    });
    const news = page.locator("#w");
    await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
    // Both failures are in: the code's and the stylesheet's.
    await page.waitForFunction(() => performance.getEntriesByType("resource").filter((e) => /gazette(_bg\.wasm|\.css)$/.test(e.name)).length >= 2 || window.events.length > 1);
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
    assert.equal(await news.getByRole("alert").count(), 1);
    assert.deepEqual(await page.evaluate(() => window.events), ["error"]);
    await page.unroute(/gazette(_bg\.wasm|\.css)$/);
    await news.getByRole("button", { name: "Try again" }).click();
    await news.getByRole("article").first().waitFor();
    assert.equal(await news.locator(".gz-list").first().evaluate((l) => getComputedStyle(l).listStyleType), "none");
  });

  it("when the stylesheet fails after the code's failure is told, Try again asks for both again", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route("**/gazette_bg.wasm", (route) => route.abort());
    let failSheet;
    const sheetAsked = new Promise((ok) => (failSheet = ok));
    let sheetFailed;
    const sheetDone = new Promise((ok) => (sheetFailed = ok));
    await page.route("**/gazette.css", async (route) => {
      await sheetAsked;
      await route.abort();
      sheetFailed();
    });
    await page.evaluate(() => {
      document.getElementById("slot").innerHTML = '<gazette-news id="w" src="/static/articles.json" loading="eager"></gazette-news>';
    });
    const news = page.locator("#w");
    // The code's failure first, then the stylesheet's (not told twice).
    await news.getByRole("alert").filter({ hasText: "The news could not be shown here." }).waitFor();
    failSheet();
    await sheetDone;
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
    assert.equal(await news.getByRole("alert").count(), 1);
    await page.unroute("**/gazette_bg.wasm");
    await page.unroute("**/gazette.css");
    await news.getByRole("button", { name: "Try again" }).click();
    await news.getByRole("article").first().waitFor();
    assert.equal(await news.locator(".gz-list").first().evaluate((l) => getComputedStyle(l).listStyleType), "none");
  });

  it("a widget speaks its locale's language, else the page's: a Spanish failure panel, French words and counts", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route("**/gazette_bg.wasm", (route) => route.abort());
    await page.evaluate(() => {
      const w = document.createElement("gazette-news");
      w.id = "es";
      w.setAttribute("src", "/static/articles.json");
      w.setAttribute("loading", "eager");
      w.setAttribute("locale", "es-MX");
      // Every story on one page: scrolled past its end, it loads no more, so the French widget
      // below does not move while it is clicked.
      w.setAttribute("page-size", "200");
      document.getElementById("slot").append(w);
    });
    const es = page.locator("#es");
    await es.getByRole("alert").filter({ hasText: "Las noticias no se pueden mostrar aquí." }).waitFor();
    await page.unroute("**/gazette_bg.wasm");
    await es.getByRole("button", { name: "Reintentar" }).click();
    await es.getByRole("searchbox", { name: "Buscar noticias" }).waitFor();
    assert.match(await es.getByRole("status").innerText(), /^\d+ noticias$/);

    // No locale, on a part of the page written in French.
    await page.evaluate(() => {
      const box = document.createElement("div");
      box.lang = "fr-CA";
      box.innerHTML = '<gazette-news id="fr" src="/static/articles.json" loading="eager"></gazette-news>';
      document.body.append(box);
    });
    const fr = page.locator("#fr");
    const search = fr.getByRole("searchbox", { name: "Rechercher des articles" });
    await search.waitFor();
    assert.equal(await fr.locator("section.gazette").getAttribute("lang"), "fr");
    await fr.getByRole("group", { name: "Rubriques" }).getByRole("button", { name: /^Toutes, \d+ articles$/ }).waitFor();
    await search.fill("zzzz-nothing");
    await fr.getByRole("status").filter({ hasText: "Aucun article ne correspond" }).waitFor();
    await fr.getByRole("button", { name: "Effacer tous les filtres" }).click();
    await fr.getByRole("status").filter({ hasText: /^\d+ articles$/ }).waitFor();
    await assertAccessible(page, "with Spanish and French widgets");
    assert.deepEqual(page.problems.filter((p) => !/^Gazette: |net::ERR_FAILED/.test(p)), []);
  });

  it("in a narrow column, each menu shows its longest choice whole, side by side only when both fit", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    for (const [width, locale, beside] of [[300, "en", false], [360, "en", true], [360, "de", false]]) {
      await page.evaluate(([width, locale]) => {
        const g = document.createElement("gazette-news");
        g.setAttribute("src", "/static/articles.json");
        g.setAttribute("loading", "eager");
        g.setAttribute("locale", locale);
        g.style.cssText = `display: block; width: ${width}px`;
        document.getElementById("slot").replaceChildren(g);
      }, [width, locale]);
      const news = page.locator("gazette-news");
      await news.getByRole("article").first().waitFor();
      const menus = await news.getByRole("combobox").evaluateAll((all) => all.map((s) => {
        const pen = document.createElement("canvas").getContext("2d");
        const style = getComputedStyle(s);
        pen.font = style.font;
        const text = Math.max(...[...s.options].map((o) => pen.measureText(o.text).width));
        // The arrow takes about a line's height.
        const needed = text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.fontSize);
        const box = s.getBoundingClientRect();
        return { needed, width: box.width, top: box.top };
      }));
      assert.equal(menus.length, 2);
      for (const m of menus) assert.ok(m.width >= m.needed, `${width} px, ${locale}: ${m.width} px wide, ${Math.ceil(m.needed)} needed`);
      assert.equal(menus[0].top === menus[1].top, beside, `${width} px, ${locale}: side by side ${beside}`);
    }
    assert.deepEqual(page.problems, []);
  });

  it("far down the page, the widget starts within 300 px of the screen, not before", async () => {
    const { page, news, wasm } = await openWaiting("/fixtures/below-fold.html", "#footer");
    // `gap` px between the bottom of the screen and the widget.
    const scrollTo = (gap) => news.evaluate((el, gap) => window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - innerHeight - gap, behavior: "instant" }), gap);
    await scrollTo(450);
    await nextFrames(page);
    await nextFrames(page);
    assert.deepEqual(wasm, [], "450 px away: not started");
    // (Listened for before the scroll: the request may come before the scroll's answer.)
    const started = page.waitForRequest((r) => r.url().endsWith(".wasm"));
    await scrollTo(250);
    await started;
    await news.getByRole("article").first().waitFor({ state: "attached" });
    assert.deepEqual(page.problems, []);
  });

  it("inside a scrolling box, the widget starts as it comes near, before it shows", async () => {
    const { page, news, wasm } = await openWaiting("/fixtures/scroller.html", "#news");
    await nextFrames(page);
    assert.deepEqual(wasm, [], "far below in the box: not started");
    // Scrolled to 150 px above the widget: still hidden by the box, but near.
    const started = page.waitForRequest((r) => r.url().endsWith(".wasm"));
    await page.evaluate(() => {
      const panel = document.getElementById("panel");
      panel.scrollTop = document.getElementById("news").offsetTop - panel.offsetTop - panel.clientHeight - 150;
    });
    await started;
    assert.equal(await news.evaluate((el) => el.getBoundingClientRect().top > document.getElementById("panel").getBoundingClientRect().bottom), true, "still out of sight");
    assert.deepEqual(page.problems, []);
  });

  it("widgets of both forms, in a shadow root or mounted later, never share an address prefix", async () => {
    const page = await ctx.open("/fixtures/many.html");
    await page.evaluate(async () => {
      const { mount } = await import("/static/embed.js");
      // One inside the page's own shadow root (the document does not list it), one added later.
      const root = document.getElementById("shadow-host").attachShadow({ mode: "open" });
      const inner = document.createElement("gazette-news");
      inner.className = "w";
      inner.setAttribute("src", "/static/articles.json");
      inner.setAttribute("page-size", "2");
      inner.setAttribute("loading", "eager");
      root.append(inner);
      await new Promise((ok) => inner.addEventListener("gazette:ready", ok, { once: true }));
      const later = mount(document.getElementById("later"), { src: "/static/articles.json", pageSize: 2, loading: "eager" });
      later.element.classList.add("w");
      await new Promise((ok) => later.element.addEventListener("gazette:ready", ok, { once: true }));
    });
    const widgets = page.locator(".w");
    assert.equal(await widgets.count(), 5);
    for (let i = 0; i < 5; i++) await widgets.nth(i).getByRole("article").first().waitFor();
    // Each searches its own word; the address then holds five prefixes, one per widget.
    for (let i = 0; i < 5; i++) {
      await widgets.nth(i).getByLabel("Search stories").fill(`word${i}`);
    }
    await page.waitForFunction(() => [...new URLSearchParams(location.search).keys()].filter((k) => k.endsWith(".q")).length === 5);
    const prefixes = await page.evaluate(() => [...new URLSearchParams(location.search).entries()].filter(([k]) => k.endsWith(".q")).map(([k, v]) => `${k}=${v}`).sort());
    assert.equal(new Set(prefixes.map((p) => p.split(".")[0])).size, 5, prefixes.join(" "));
    assert.ok(prefixes.includes("gz3.q=word1"), "the element's id is its prefix");
    assert.deepEqual(page.problems, []);
  });
});

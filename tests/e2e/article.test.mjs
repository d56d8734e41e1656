// End-to-end scenarios for the article view: open a story, read it, move on through "More to
// Read", go Back, open a shared link, and survive a corpus of hostile feed content.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { assertAccessible, setup } from "./helpers.mjs";
import { ROOT } from "./server.mjs";
import { PAYLOADS, SWALLOWS_REST, hostileFeed } from "./hostile-corpus.mjs";

const ctx = setup();
const STORY = "Restaking yields shrink as deposits keep pouring in";

describe("the article view", () => {
  it("opens a story from its card, reads it, and Back returns to the list as it was", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Search stories").fill("yields");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await page.getByRole("link", { name: STORY }).click();

    const heading = page.getByRole("heading", { level: 3, name: STORY });
    await heading.waitFor();
    assert.ok(await heading.evaluate((h) => h === document.activeElement), "focus on the headline");
    assert.match(page.url(), /gz\.story=restaking-yields-shrink/);
    assert.equal(await page.getByRole("status").innerText(), "", "read out by the focus, not a second time");
    await page.getByRole("heading", { level: 4, name: "Where the yield went" }).waitFor();
    assert.ok(await page.getByText(/\d+ min read/).isVisible());
    assert.ok(await page.getByRole("link", { name: "Read the original on gazette.example" }).isVisible());
    // Its text links are targets of at least 24 px (WCAG 2.5.8).
    for (const name of ["Read the original on gazette.example", "← Back to all stories"]) {
      const { height } = await page.getByRole("link", { name }).boundingBox();
      assert.ok(height >= 24, `${name}: ${height} px`);
    }
    const rail = page.getByRole("region", { name: "More to Read" });
    assert.ok((await rail.getByRole("article").count()) >= 1);
    assert.ok(!(await rail.getByRole("heading", { name: STORY }).count()), "never the story itself");
    // The rail's heading is the headline's sibling, not one of the story's sections, and its
    // cards' headlines come under it.
    await rail.getByRole("heading", { level: 3, name: "More to Read" }).waitFor();
    assert.equal(await rail.getByRole("heading", { level: 4 }).count(), await rail.getByRole("article").count());
    await assertAccessible(page, "in the article view");

    await page.goBack();
    await page.getByLabel("Search stories").waitFor();
    assert.equal(await page.getByLabel("Search stories").inputValue(), "yields");
    const card = page.getByRole("link", { name: STORY });
    await page.waitForFunction(() => document.activeElement?.closest("[data-story]") !== null);
    assert.ok(await card.evaluate((a) => a === document.activeElement), "focus back on the card");
    assert.deepEqual(page.problems, []);
  });

  it("Esc closes a story after the reader clicked in its text", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" src="/static/articles.json"></gazette-news>`;
    });
    await page.getByLabel("Search stories").fill("yields");
    await page.getByRole("link", { name: STORY }).click();
    const section = page.getByRole("heading", { level: 4, name: "Where the yield went" });
    await section.click();
    await page.keyboard.press("Escape");
    const card = page.getByRole("link", { name: STORY });
    await card.waitFor();
    await page.waitForFunction(() => document.querySelector("gazette-news").shadowRoot.activeElement?.closest("[data-story]"));
    assert.equal(await section.count(), 0, "the story is closed");
    assert.deepEqual(page.problems, []);
  });

  it("Esc after moving on through More to Read goes back to the list's own history entry", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Search stories").fill("yields");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await page.waitForURL(/gz\.q=yields/);
    const entries = await page.evaluate(() => history.length);
    await page.getByRole("link", { name: STORY }).click();
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    const next = await page.getByRole("region", { name: "More to Read" }).getByRole("article").filter({ hasNotText: "↗" }).first().getByRole("heading").innerText();
    await page.getByRole("region", { name: "More to Read" }).getByRole("link", { name: next, exact: true }).click();
    await page.getByRole("heading", { level: 3, name: next, exact: true }).waitFor();
    assert.equal(await page.evaluate(() => history.length), entries + 2);
    await page.keyboard.press("Escape");
    await page.waitForURL((u) => !u.search.includes("gz.story"));
    await page.waitForFunction((t) => document.activeElement?.closest("[data-story]")?.querySelector("h3")?.textContent === t, STORY);
    assert.equal(await page.evaluate(() => history.length), entries + 2, "no entry added (the two stories stay ahead, for Forward)");
    assert.equal(await page.getByLabel("Search stories").inputValue(), "yields");
    // Forward reopens the story first opened, shown from its top; the list is one Back from it.
    await page.goForward();
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    await page.waitForFunction((t) => {
      const h = [...document.querySelectorAll(".gz-article h3")].find((e) => e.textContent === t);
      const top = h?.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight;
    }, STORY);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("gz.story"));
    assert.deepEqual(page.problems, []);
  });

  it("after Back and Forward, a hop through More to Read and Esc still return to the card first opened", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Search stories").fill("yields");
    await page.waitForURL(/gz\.q=yields/);
    await page.getByRole("link", { name: STORY }).click();
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("gz.story"));
    await page.goForward();
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    const rail = page.getByRole("region", { name: "More to Read" });
    // (A story that opens here, not one on the publisher's page, marked ↗.)
    const next = await rail.getByRole("article").filter({ hasNotText: "↗" }).first().getByRole("heading").innerText();
    await rail.getByRole("link", { name: next, exact: true }).click();
    await page.getByRole("heading", { level: 3, name: next, exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await page.waitForURL((u) => !u.search.includes("gz.story"));
    await page.waitForFunction(() => document.activeElement?.closest("[data-story]"));
    assert.equal(await page.evaluate(() => document.activeElement.closest("[data-story]").querySelector("h3").textContent), STORY);
    assert.deepEqual(page.problems, []);
  });

  it("opening a story keeps the list as it was, shows the view from its top, and plain text has its sections", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const cards = page.locator(".gz-browse").getByRole("article");
    assert.equal(await cards.count(), 12);
    await page.getByRole("link", { name: "Marrow Bay Mutual opens tokenised deposits to local business" }).click();
    const back = page.getByRole("link", { name: "← Back to all stories" });
    await back.waitFor();
    // The way back and the category and date line are on screen, above the headline.
    // (Within a pixel: the view's top lands on a fraction of one.)
    assert.ok((await back.boundingBox()).y >= -1, "the way back is on screen");
    assert.ok((await page.locator(".gz-article-head .gz-meta").boundingBox()).y >= 0, "the dateline is on screen");
    // The plain-text story's "## " lines are section headings, not text.
    await page.getByRole("heading", { level: 4, name: "From trial to everyday use" }).waitFor();
    assert.equal(await page.locator(".gz-article-body").getByText(/^## /).count(), 0);
    assert.doesNotMatch(page.url(), /page=/, "no page of cards loaded behind the story");
    await page.keyboard.press("Escape");
    await cards.first().waitFor();
    assert.equal(await cards.count(), 12, "the list as it was");
    assert.deepEqual(page.problems, []);
  });

  it("in a narrow widget, cards are slim: three lines of excerpt, and the tags of a story that opens here are left to the story", async () => {
    const page = await ctx.open("/index.html?gz.story=restaking-yields-shrink");
    await page.setViewportSize({ width: 340, height: 800 });
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    assert.ok(await page.locator(".gz-article").getByRole("list", { name: "Tags" }).first().isVisible());
    await page.getByRole("link", { name: "View All" }).click();
    const cards = page.locator(".gz-browse [data-story]");
    await cards.first().waitFor();
    const inside = page.locator(".gz-browse .gz-opens-here .gz-tags");
    assert.ok((await inside.count()) > 0);
    assert.equal(await inside.filter({ visible: true }).count(), 0);
    const lines = await cards.locator(".gz-excerpt").evaluateAll((ps) => ps.map((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight))));
    assert.ok(lines.length > 0 && lines.every((n) => n <= 3), lines.join());
    assert.ok(lines.some((n) => n === 3), "the longer excerpts are cut");
    // A story that leads to the publisher's page has nothing but its card to show its tags.
    await page.goto(`${new URL(page.url()).origin}/index.html?src=${encodeURIComponent("/fixtures/mixed.json")}`);
    const out = page.locator(".gz-browse [data-story]").filter({ has: page.locator(".gz-tags") });
    await out.first().waitFor();
    assert.equal(await out.locator(".gz-tags").filter({ visible: true }).count(), await out.count());
  });

  it("a story the address opened as the page loaded closes with Esc, the focus being on no element", async () => {
    const page = await ctx.open("/index.html?gz.story=restaking-yields-shrink");
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "the page keeps its focus");
    await page.keyboard.press("Escape");
    await page.waitForURL((u) => !u.search.includes("gz.story"));
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await page.getByRole("searchbox", { name: "Search stories" }).waitFor();
    assert.equal(await page.locator(".gz-article").count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("a shared link opens the story directly, and View All keeps the reader's filters", async () => {
    const page = await ctx.open("/index.html?gz.cat=DeFi&gz.story=restaking-yields-shrink");
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    const rail = page.getByRole("region", { name: "More to Read" });
    const next = rail.getByRole("article").filter({ hasNotText: "↗" }).first().getByRole("link");
    const nextTitle = await next.innerText();
    await next.click();
    await page.getByRole("heading", { level: 3, name: nextTitle }).waitFor();
    await page.getByRole("link", { name: "View All" }).click();
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.equal(await page.getByRole("button", { name: /^DeFi/ }).getAttribute("aria-pressed"), "true");
    assert.ok(!page.url().includes("gz.story"), page.url());
    assert.ok(page.url().includes("gz.cat=DeFi"), page.url());
    assert.deepEqual(page.problems, []);
  });

  it("a story that came with the link, closed, becomes the list in its own entry: Back does not open it again", async () => {
    const page = await ctx.open("/index.html?gz.story=restaking-yields-shrink");
    await page.getByRole("heading", { level: 3, name: STORY }).waitFor();
    const entries = await page.evaluate(() => history.length);
    await page.getByRole("link", { name: "View All" }).click();
    await page.getByRole("article").first().waitFor();
    await page.waitForURL((url) => !url.href.includes("gz.story"));
    assert.equal(await page.evaluate(() => history.length), entries, "the entry is replaced, none added");
    await page.goBack();
    await page.waitForURL((url) => !url.href.includes("index.html"));
    assert.deepEqual(page.problems, []);
  });

  it("View All returns to the scroll position the reader left", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    // From the keyboard: a pointer scrolling to the button could also load a page by the
    // scroll before its click loads another, and the test needs stories beyond those shown.
    await page.getByRole("button", { name: "Show more stories" }).press("Enter");
    // A card of the second page whose story opens inside.
    const card = page.getByRole("article").nth(20).getByRole("link");
    assert.match(await card.getAttribute("href"), /gz\.story=/);
    const title = await card.innerText();
    await card.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 200, `scrolled down (${before})`);
    await card.click();
    await page.getByRole("heading", { level: 3, name: title }).waitFor();
    await page.getByRole("link", { name: "View All" }).click();
    await page.waitForFunction(() => document.activeElement?.closest("[data-story]") !== null);
    assert.equal(await page.evaluate(() => window.scrollY), before);

    // Again, moving on through "More to Read" to a story of the list: the list comes back where
    // it was, with the focus on the card first opened, not on the other story's card (which
    // may be far off screen).
    // (From the DOM: cards far below the screen may be left out of the accessibility tree.)
    const shown = new Set(await page.locator("[data-gazette] article h3").allTextContents());
    const moreToRead = page.getByRole("region", { name: "More to Read" });
    await card.click();
    await moreToRead.getByRole("article").first().waitFor();
    const listed = (await moreToRead.getByRole("article").getByRole("heading").allInnerTexts()).find((n) => shown.has(n));
    assert.ok(listed, "a related story among those shown");
    await moreToRead.getByRole("link", { name: listed, exact: true }).click();
    await page.getByRole("heading", { level: 3, name: listed, exact: true }).waitFor();
    await page.getByRole("link", { name: "View All" }).click();
    await page.waitForFunction(() => document.activeElement?.closest("[data-story]") !== null);
    assert.equal(await page.evaluate(() => document.activeElement.closest("article").querySelector("h3").textContent), title);
    assert.equal(await page.evaluate(() => window.scrollY), before);

    // And to a story beyond the pages shown.
    await card.click();
    let hops = 0;
    for (let last = title; shown.has(last); hops++) {
      assert.ok(hops < 8, "a related story beyond the first two pages");
      const rail = page.getByRole("region", { name: "More to Read" }).getByRole("article").getByRole("heading");
      await rail.first().waitFor();
      const names = await rail.allInnerTexts();
      last = names.find((n) => !shown.has(n)) ?? names[0];
      await page.getByRole("region", { name: "More to Read" }).getByRole("link", { name: last, exact: true }).click();
      await page.getByRole("heading", { level: 3, name: last, exact: true }).waitFor();
    }
    await page.getByRole("link", { name: "View All" }).click();
    await page.waitForFunction(() => document.activeElement?.closest("[data-story]") !== null);
    const focused = await page.evaluate(() => document.activeElement.closest("article").querySelector("h3").textContent);
    assert.equal(focused, title, `the focus is on the card first opened (after ${hops} hops)`);
    assert.equal(await page.evaluate(() => window.scrollY), before);
  });

  it("a reload with a story open comes back to the same place in it", async () => {
    const page = await ctx.open("/index.html?gz.page=2");
    const card = page.getByRole("article").nth(20).getByRole("link");
    const title = await card.innerText();
    await card.click();
    const heading = page.getByRole("heading", { level: 3, name: title });
    await heading.waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 300, `scrolled into the story (${before})`);
    await page.reload();
    await heading.waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), before);
  });

  it("a story of too many elements to draw opens at once, cut, and says so", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const body = `<p>${"<b>x</b> ".repeat(60000)}</p>`;
    const articles = [{ id: "m", title: "A story of many parts", url: "https://example.com/m", published: "2026-01-01T10:00:00Z", category: "X", content_html: body }];
    await page.route("**/many-parts.json", (route) => route.fulfill({ json: { articles } }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/many-parts.json" loading="eager"></gazette-news>';
    });
    await page.getByRole("link", { name: "A story of many parts" }).click();
    await page.getByRole("heading", { level: 3, name: "A story of many parts" }).waitFor();
    await page.getByText("The rest of this story is too long to show here.").waitFor();
    const drawn = await page.locator("#w").evaluate((w) => w.shadowRoot.querySelectorAll(".gz-article-body strong").length);
    assert.ok(drawn > 1000 && drawn < 5000, `${drawn} drawn`);
    assert.ok(await page.getByRole("link", { name: "Read the original on example.com" }).isVisible());
    assert.deepEqual(page.problems, []);
  });

  it("a picture that cannot be loaded is hidden, on its card and in its story, instead of a broken frame", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route("**/gone.jpg", (route) => route.fulfill({ status: 404, body: "" }));
    const articles = [
      { id: "a", title: "Story a", url: "https://example.com/a", published: "2026-01-01T10:00:00Z", category: "X",
        image: { url: "/gone.jpg", alt: "A harbour at dawn", credit: "Photo: desk" }, content_text: "One.\n\nTwo." },
    ];
    await page.route("**/gone-pictures.json", (route) => route.fulfill({ json: { articles } }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/gone-pictures.json" loading="eager" layout="list"></gazette-news>';
    });
    const news = page.locator("#w");
    await news.getByRole("article").first().waitFor();
    await news.locator(".gz-thumb").waitFor({ state: "hidden" });
    assert.equal(await news.getByRole("img", { name: "A harbour at dawn" }).count(), 0);
    await news.getByRole("link", { name: "Story a" }).click();
    await news.getByRole("heading", { level: 3, name: "Story a" }).waitFor();
    await news.locator(".gz-hero").waitFor({ state: "hidden" });
    assert.equal(await news.getByText("Photo: desk").filter({ visible: true }).count(), 0);
    // (The browser reports the failed picture itself.)
    assert.ok(page.problems.every((p) => /404/.test(p)), page.problems.join("\n"));
  });

  it("a picture in a story that cannot be loaded is left out, with its caption or a link around it; the next story's show", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.route("**/gone-body.jpg", (route) => route.fulfill({ status: 404, body: "" }));
    const dot = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>';
    await page.route("**/kept.svg", (route) => route.fulfill({ body: dot, contentType: "image/svg+xml" }));
    const story = (id, day, content_html) => ({ id, title: `Story ${id}`, url: `https://example.com/${id}`, published: `2026-01-0${day}T10:00:00Z`, category: "X", tags: ["harbour"], content_html });
    const articles = [
      story("b", 3, '<p>Before.</p><figure><img src="/gone-body.jpg" alt="A lost chart"><figcaption>Chart: desk</figcaption></figure>' +
        '<p><a href="https://example.com/zoom"><img src="/gone-body.jpg" alt="Zoom in"></a></p><p>See <img src="/gone-body.jpg" alt="the map"> here.</p>'),
      story("d", 2, '<p>Again.</p><figure><img src="/gone-body.jpg" alt="Lost again"><figcaption>Chart: again</figcaption></figure>'),
      story("c", 1, '<p>Later.</p><figure><img src="/kept.svg" alt="A kept chart"><figcaption>Chart: kept</figcaption></figure>'),
    ];
    await page.route("**/gone-body.json", (route) => route.fulfill({ json: { articles } }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/gone-body.json" loading="eager" layout="list"></gazette-news>';
    });
    const news = page.locator("#w");
    // (The card's excerpt leaves the caption out.)
    await news.getByText("Before. See here.", { exact: true }).waitFor();
    await news.getByRole("link", { name: "Story b" }).click();
    await news.getByRole("heading", { level: 3, name: "Story b" }).waitFor();
    await news.getByText("Chart: desk", { exact: true }).waitFor({ state: "hidden" });
    await news.getByText("Before.", { exact: true }).waitFor();
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelectorAll(".gz-article-body img:not([data-gz-failed])").length === 0);
    assert.equal(await news.getByRole("img").count(), 0, "no broken frames");
    assert.equal(await news.getByRole("link", { name: "Zoom in" }).count(), 0, "no link without a picture");
    assert.ok(await news.getByText("See here.", { exact: true }).isVisible(), "the words around a picture stay");
    await assertAccessible(page, "with a story's pictures gone");
    // The same dead picture in the next story is left out too.
    await news.getByRole("link", { name: "Story d" }).click();
    await news.getByRole("heading", { level: 3, name: "Story d" }).waitFor();
    await news.locator(".gz-article-body").getByText("Again.", { exact: true }).waitFor();
    await news.getByText("Chart: again", { exact: true }).waitFor({ state: "hidden" });
    // The next story shows its own pictures, in the elements the last ones used.
    await news.getByRole("link", { name: "Story c" }).click();
    await news.getByRole("heading", { level: 3, name: "Story c" }).waitFor();
    await news.getByRole("img", { name: "A kept chart" }).waitFor();
    assert.ok(await news.getByText("Chart: kept", { exact: true }).isVisible());
    // (The browser reports the failed pictures itself.)
    assert.ok(page.problems.every((p) => /404/.test(p)), page.problems.join("\n"));
  });

  it("a picture of any shape keeps its card's shape, and a story's own pictures fit the view", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const tall = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="20000"><rect width="4" height="20000" fill="teal"/></svg>';
    await page.route("**/tall.svg", (route) => route.fulfill({ body: tall, contentType: "image/svg+xml" }));
    const story = (id, image) => ({ id, title: `Story ${id}`, url: `https://example.com/${id}`, published: "2026-01-01T10:00:00Z", category: "X", image, content_html: `<p>Text</p><img src="/tall.svg" alt="A tall chart">` });
    const articles = [story("a", { url: "/tall.svg", alt: "" }), story("b", { url: "/tall.svg", alt: "" }), story("c")];
    await page.route("**/tall-pictures.json", (route) => route.fulfill({ json: { articles } }));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/tall-pictures.json" loading="eager" layout="grid"></gazette-news>';
    });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    await page.waitForFunction(() => [...document.querySelector("#w").shadowRoot.querySelectorAll(".gz-thumb img")].every((i) => i.complete));
    for (const card of await cards.all()) {
      const { height } = await card.boundingBox();
      assert.ok(height < 700, `a card ${height} px tall`);
    }
    await page.getByRole("link", { name: "Story c" }).click();
    const picture = page.getByRole("img", { name: "A tall chart" });
    await picture.waitFor();
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".gz-article-body img").complete);
    const { height } = await picture.boundingBox();
    assert.ok(height <= 40 * 20, `the story's picture ${height} px tall`);
    assert.deepEqual(page.problems, []);
  });

  it("a story without a body links to the publisher instead", async () => {
    const page = await ctx.open("/index.html");
    await page.getByLabel("Search stories").fill("ferrule");
    const link = page.getByRole("link", { name: /Ferrule drops fees/ });
    assert.equal(await link.getAttribute("href"), "https://gazette.example/stories/ferrule-drops-fees-small-swaps");
    // It says so, unlike a story that opens here.
    assert.match(await link.evaluate((a) => a.textContent), /↗ \(on the publisher’s site\)$/);
    await page.getByRole("link", { name: /Ferrule drops fees.* \(on the publisher’s site\)$/ }).waitFor();
    await page.getByLabel("Search stories").fill("yields");
    const inside = page.getByRole("link", { name: STORY, exact: true });
    assert.doesNotMatch(await inside.evaluate((a) => a.textContent), /↗|publisher/);
  });

  const feeds = join(ROOT, "..", "shared", "data", "feeds");
  it("opens stories of real JSON Feeds whose bodies are HTML, and moves on through More to Read", { skip: !existsSync(feeds) && "../shared/data/feeds is absent" }, async () => {
    for (const name of ["jsonfeed-daringfireball.json", "jsonfeed-inessential.json"]) {
      const page = await ctx.open(`/index.html?src=/shared-feeds/${name}`);
      await page.route((url) => url.hostname !== "127.0.0.1", (route) => route.fulfill({ status: 204 }));
      const first = page.getByRole("article").first().getByRole("link");
      const title = await first.innerText();
      await first.click();
      await page.getByRole("heading", { level: 3, name: title }).waitFor();
      const body = page.locator(".gz-article-body");
      assert.ok((await body.locator("p").count()) >= 1, `${name}: paragraphs`);
      assert.ok((await body.innerText()).length > 100, `${name}: the story's text`);
      const next = page.getByRole("region", { name: "More to Read" }).getByRole("article").first().getByRole("link");
      const nextTitle = await next.innerText();
      await next.click();
      await page.getByRole("heading", { level: 3, name: nextTitle }).waitFor();
      await page.goBack();
      await page.getByRole("heading", { level: 3, name: title }).waitFor();
      assert.deepEqual(page.problems, [], name);
    }
  });

  it(`renders ${PAYLOADS.length} hostile inputs in every field without running or requesting anything`, async () => {
    assert.ok(PAYLOADS.length >= 50);
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    const requested = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.addInitScript(() => {
      window.__pwned = [];
      window.pwn = (n) => window.__pwned.push(n);
    });
    // Nothing leaves the machine: other hosts, and pictures at any address (a relative one such
    // as "jav&#x09;ascript:…" in a JSON field is a harmless same-site path), get an empty picture.
    await context.route(
      (url) => url.hostname !== "127.0.0.1",
      (route) => route.fulfill({ status: 200, contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg'/>" }),
    );
    await context.route("**/*", (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ status: 200, contentType: "image/svg+xml", body: "<svg xmlns='http://www.w3.org/2000/svg'/>" })
        : route.fallback(),
    );
    await context.route((url) => url.pathname === "/hostile-corpus.json", (route) => route.fulfill({ json: hostileFeed() }));
    await page.goto(`${ctx.server.url}/index.html?src=/hostile-corpus.json`);
    await page.getByRole("article").first().waitFor();
    const host = () =>
      page.evaluate(() => {
        const body = document.body.cloneNode(true);
        body.querySelector("[data-gazette]").remove();
        return { title: document.title, head: document.head.innerHTML, rest: body.outerHTML, html: document.documentElement.attributes.length, sheets: document.styleSheets.length };
      });
    const before = await host();
    const search = page.getByLabel("Search stories");

    for (let i = 1; i <= PAYLOADS.length; i++) {
      await search.fill(`SAFE-T${i}`);
      const link = page.getByRole("link", { name: new RegExp(`^SAFE-T${i}\\b`) });
      await link.click();
      const view = page.locator(".gz-article");
      await view.waitFor();
      const text = await view.innerText();
      assert.ok(text.includes(`SAFE-B${i}`), `story ${i}: the text before the payload shows`);
      if (!SWALLOWS_REST.has(i)) {
        assert.ok(text.includes(`SAFE-E${i}`), `story ${i}: the text after the payload shows`);
      }
      const addresses = await page.locator("[data-gazette]").evaluate((w) =>
        [...w.querySelectorAll("[href], [src], [action], [formaction], [srcdoc], [style], [background]")]
          .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? `${e.tagName} ${[...e.attributes].map((a) => a.name)}`),
      );
      for (const a of addresses) {
        assert.match(a, /^(https?:\/\/|\/|mailto:)/, `story ${i}: only http(s) addresses, not ${a}`);
      }
      const active = await page.locator("[data-gazette]").evaluate((w) =>
        [...w.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
      );
      assert.deepEqual(active, [], `story ${i}: no event-handler attributes`);
      assert.equal(await page.locator("[data-gazette] :is(script, iframe, frame, object, embed, math, base, meta, style, link, template)").count(), 0);
      assert.equal(await view.locator(":is(svg, form, input, button, select, textarea, video, audio)").count(), 0);
      await page.keyboard.press("Escape");
      await view.waitFor({ state: "detached" });
    }

    assert.deepEqual(await page.evaluate(() => window.__pwned), [], "no payload ran");
    assert.deepEqual(dialogs, []);
    const schemes = [...new Set(requested.map((u) => new URL(u).protocol))];
    assert.deepEqual(schemes.filter((s) => s !== "http:" && s !== "https:"), [], `requests: ${schemes}`);
    assert.deepEqual(await host(), before, "the host page is unchanged");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

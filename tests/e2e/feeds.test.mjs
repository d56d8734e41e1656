// End-to-end scenarios: the widget reads the feeds sites already publish (RSS, Atom, JSON Feed)
// and several sources merged into one list, one of them dead.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { headlines, holdRequests, nextFrames, setup } from "./helpers.mjs";
import { ROOT, startServer } from "./server.mjs";

const ctx = setup();
const feeds = join(ROOT, "..", "shared", "data", "feeds");
const noShared = !existsSync(feeds) && "../shared/data/feeds is absent";

/** Opens the demo on `src` and waits for the count of stories. */
async function openFeed(src) {
  // Nothing leaves the machine: pictures from the feeds' sites answer empty.
  const page = await ctx.open(`/index.html?src=${encodeURIComponent(src)}`, { offline: true });
  await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies)$/ }).waitFor();
  return page;
}

const count = async (page) => Number((await page.getByRole("status").innerText()).split(" ")[0]);

describe("feeds", () => {
  it("reads RSS, Atom and JSON Feed files with every item", { skip: noShared }, async () => {
    // (`chips`: whether the feed's stories have categories to choose from; a feed without
    // any, whose stories all take its title, has none.)
    for (const [name, items, format, chips] of [
      ["rss2-guardian.xml", 55, "RSS 2.0", true],
      ["atom-heise-de.xml", 15, "Atom", false],
      ["jsonfeed-daringfireball.json", 48, "JSON Feed", false],
      // (UOL lists one story twice, under two addresses: it is shown once.)
      ["rss2-uol-noticias-br-latin1-nodecl.xml", 14, "RSS in Latin-1 without a declaration", false],
      ["rss2-techcrunch-leading-newline.xml", 20, "RSS with a newline before the declaration", true],
    ]) {
      const page = await openFeed(`/shared-feeds/${name}`);
      assert.equal(await count(page), items, `${format}: ${name}`);
      assert.deepEqual(page.problems, [], name);
      assert.equal(await page.getByRole("button", { name: /^All/ }).count(), chips ? 1 : 0, `category chips: ${name}`);
      if (name.includes("uol")) {
        const text = await page.locator("[data-gazette]").innerText();
        assert.match(text, /[çãáéíóú]/, "Latin-1 decoded: Portuguese accents show");
        assert.doesNotMatch(text, /\uFFFD/, "no replacement characters");
        assert.doesNotMatch(text, /could not be shown/, "a repeated story is no error of the feed's");
        assert.equal(await page.getByRole("heading", { name: /^Match Eleitoral/ }).count(), 1, "the repeated story once");
      }
    }
  });

  it("opens an RSS story's encoded HTML in the article view", { skip: noShared }, async () => {
    const page = await openFeed("/shared-feeds/rss2-lanacion-ar.xml");
    const link = page.getByRole("article").locator('a[href*="gz.story="]').first();
    const title = await link.innerText();
    await link.click();
    await page.getByRole("heading", { level: 3, name: title }).waitFor();
    assert.ok((await page.locator(".gz-article-body").innerText()).length > 50);
    assert.deepEqual(page.problems, []);
  });

  it("shows an undated item last, marked as undated", { skip: noShared }, async () => {
    const page = await openFeed("/shared-feeds/jsonfeed11-elastic.json");
    assert.equal(await count(page), 3);
    assert.equal(await page.getByRole("article").last().locator(".gz-date").innerText(), "Undated");
  });

  it("merges several sources and says which one failed while the others show", async () => {
    const page = await openFeed("/static/articles.json /fixtures/feed11.json /status/503");
    assert.equal(await count(page), 51 + 2);
    const notice = page.getByText(/Some stories are missing: .*\/status\/503 could not be loaded\. The server answered 503/);
    assert.ok(await notice.isVisible());
    assert.ok(await page.getByRole("button", { name: /^Harbour Notes/ }).isVisible(), "the second source's category");
    // Named by both sources, not by the first alone.
    assert.equal(await page.getByRole("heading", { level: 2 }).first().innerText(), "Gazette sample stories · Harbour Notes");
    // A problem is logged for the dead source only.
    assert.ok(page.problems.every((p) => /503/.test(p)), page.problems.join("\n"));
  });

  it("shows the stories that have arrived while the rest of a document is on its way", async () => {
    // The first 16,000 bytes of the sample set, then nothing more until the test ends.
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/static/articles.json")}`, { offline: true });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    const shown = await cards.count();
    assert.ok(shown >= 3 && shown < 51, `the stories read so far (${shown})`);
    assert.equal(await page.getByRole("progressbar").count(), 1, "still loading");
    assert.deepEqual(page.problems, []);
  });

  it("a connection that breaks off leaves the stories that came, with a notice that says so", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/static/articles.json?key=cut")}`, { offline: true });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    const shown = await cards.count();
    await fetch(`${ctx.server.url}/break/cut`);
    await page.locator(".gz-notice").filter({ hasText: "The connection broke off while the news file was coming" }).waitFor();
    assert.equal(await cards.count(), shown);
    assert.equal(await page.getByRole("progressbar").count(), 0, "no longer loading");
  });

  it("a connection that breaks off before the widget's code is in still leaves the stories that came", async () => {
    // The loader (embed.js) asks for the stories while the code is on its way; the code is
    // held back until the connection has broken off after the first 16,000 bytes.
    let release;
    const prepare = async (context) => (release = await holdRequests(context, "**/gazette_bg.wasm"));
    const page = await ctx.open("/fixtures/blank.html", { offline: true, prepare });
    const failed = page.waitForEvent("requestfailed", (r) => r.url().includes("/held/"));
    const answered = page.waitForResponse((r) => r.url().includes("/held/"));
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = '<gazette-news id="w" src="/held/static/articles.json?key=early" loading="eager"></gazette-news>';
    });
    await answered;
    await fetch(`${ctx.server.url}/break/early`);
    await failed;
    release();
    const widget = page.locator("#w");
    await widget.locator(".gz-notice").filter({ hasText: "The connection broke off while the news file was coming" }).waitFor();
    const shown = await widget.getByRole("article").count();
    assert.ok(shown >= 3 && shown < 51, `the stories that came (${shown})`);
    assert.equal(await widget.getByRole("heading", { level: 2 }).first().innerText(), "Gazette sample stories");
    assert.equal(await widget.getByRole("alert").count(), 0, "no error in place of the stories");
  });

  it("while the rest is on its way, the search bar works on the stories read so far, and nothing moves when the rest arrives", async () => {
    const held = encodeURIComponent("/held/static/articles.json?key=bar");
    const page = await ctx.open(`/index.html?src=${held}`, { offline: true });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    const search = page.getByLabel("Search stories");
    assert.ok(await search.isVisible(), "the search box comes with the first cards");
    // And the document's own title, which came before its stories.
    assert.equal(await page.getByRole("heading", { level: 2 }).first().innerText(), "Gazette sample stories");
    const top = async (locator) => (await locator.boundingBox()).y;
    const before = { search: await top(search), card: await top(cards.first()) };
    // The reading's progress is under the cards, where "Show more stories" will be.
    const progress = page.getByRole("progressbar");
    assert.ok((await top(progress)) > (await top(cards.last())), "the progress is below the cards");
    // A search typed now finds among the stories read so far.
    await search.fill("tessera");
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll("[data-gazette] article")];
      return shown.length > 0 && shown.length < 4 && shown.every((a) => /tessera/i.test(a.textContent));
    });
    const early = await cards.count();
    // And is announced as such.
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)? so far$/ }).waitFor();
    await fetch(`${ctx.server.url}/release/bar`);
    await page.getByRole("status").filter({ hasText: /^\d+ stories match$/ }).waitFor();
    assert.ok((await cards.count()) > early, "the rest of the stories are searched too");
    assert.equal(await search.inputValue(), "tessera", "the search stays");
    assert.ok(await search.evaluate((el) => el === document.activeElement), "and so does the focus");
    assert.equal(await progress.count(), 0);
    assert.deepEqual({ search: await top(search), card: await top(cards.first()) }, before, "the bar and the first card stay where they were");
    assert.deepEqual(page.problems, []);
  });

  it("while more stories arrive, the count the reader asked for is announced once, and the final count when all are in", async () => {
    // The clock stands still but for runFor: the pause after typing comes when the test says.
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/static/articles.json?key=drip&step=10000")}`, { offline: true, clock: true });
    await page.getByRole("article").first().waitFor();
    // (Not far ahead: a document that stops coming for long is taken as broken off.)
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    await page.evaluate(() => {
      window.announced = [];
      const region = document.querySelector("[data-gazette] [role=status]");
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    });
    const announced = () => page.evaluate(() => window.announced);
    const shown = page.locator(".gz-status");
    // The next part of the document, and the time it takes for its preview (at least half a
    // second after the last one) to show: its stories change the counts shown. (Each part
    // brings stories with "token", and the "All" chip counts every story while no word is
    // searched.)
    const counts = () => page.evaluate(() => document.querySelector(".gz-status").textContent + document.querySelector(".gz-chip-all").textContent);
    const more = async () => {
      const before = await counts();
      await fetch(`${ctx.server.url}/more/drip`);
      const deadline = Date.now() + 15_000;
      while ((await counts()) === before && Date.now() < deadline) await page.clock.runFor(100);
      assert.notEqual(await counts(), before, "a preview came");
      await page.clock.runFor(100);
    };
    // The widget is usable during the preview: it is not marked busy (which can keep its live
    // region quiet), and its progress shows.
    assert.equal(await page.locator("[aria-busy=true]").count(), 0);
    assert.equal(await page.getByRole("progressbar").count(), 1);

    // Typed: the count so far is said once typing pauses, although previews keep coming.
    await page.getByLabel("Search stories").fill("token");
    await more();
    await more();
    await more();
    const said = await announced();
    assert.equal(said.length, 1, `one announcement: ${said}`);
    assert.match(said[0], /^\d+ stor(y|ies) match(es)? so far\s?$/);
    // More stories: the count shown grows, the one said stands.
    await more();
    assert.equal((await announced()).length, 1);

    // A chip is announced at once, and only once while stories arrive.
    await page.getByLabel("Search stories").clear();
    await page.getByRole("button", { name: /^Markets/ }).click();
    const chip = (await announced()).length;
    assert.equal(chip, 2, "the chip's count is said");
    // (Said again as it reads as the last request's did: with a trailing no-break space.)
    assert.equal((await announced()).at(-1).trim(), await shown.innerText());
    await more();
    assert.equal((await announced()).length, chip, "the growing count is not said again");
    // A story opened and closed meanwhile: the count is said again on the way back.
    const link = page.getByRole("article").first().getByRole("link").first();
    const title = await link.innerText();
    await link.click();
    await page.getByRole("heading", { level: 3, name: title }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("article").first().waitFor();
    // (A sentence said as the last was ends in a no-break space, so that it is said again.)
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)? so far\s?$/ }).waitFor();
    const back = await announced();
    assert.ok(back.length > chip + 1, back.join(" | "));
    assert.match(back.at(-1), /so far\s?$/);

    // An order chosen meanwhile (a while after the chip) is said with the count.
    await page.clock.runFor(1000);
    await page.getByLabel("Sort").selectOption("oldest");
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)? so far, oldest first\s?$/ }).waitFor();
    // (A while later again: a menu change right after another waits for the pause.)
    await page.clock.runFor(1000);
    await page.getByLabel("Sort").selectOption("relevance");
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)? so far\s?$/ }).waitFor();

    // All in: the final count is said (the clock moving on meanwhile, as the reader's would).
    await fetch(`${ctx.server.url}/release/drip`);
    const final = page.getByRole("status").filter({ hasText: /^8 stories match\s?$/ });
    const deadline = Date.now() + 15_000;
    while (!(await final.count()) && Date.now() < deadline) await page.clock.runFor(100);
    await final.waitFor();
    assert.equal(await page.getByRole("progressbar").count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("the focus stays with the category chip the reader was on when newer stories arrive", async () => {
    // 25 old stories of "Old desk" come first, then 35 newer ones of "New desk": once all are
    // in, the newer fill the first page and their chip comes first.
    const open = async (key) => {
      const page = await ctx.open(`/index.html?src=${encodeURIComponent(`/held/fixtures/late-news.json?key=${key}`)}`, { offline: true });
      await page.getByRole("article").first().waitFor();
      return page;
    };
    const released = async (page, key) => {
      await fetch(`${ctx.server.url}/release/${key}`);
      await page.getByRole("status").filter({ hasText: /^60 stories$/ }).waitFor();
    };
    const page = await open("chip");
    await page.getByRole("button", { name: /^Old desk/ }).focus();
    await released(page, "chip");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.name), "Old desk");

    // (A card the reader is on keeps its story: see "the cards stay until the reader leaves them".)
    assert.deepEqual(page.problems, []);
  });

  it("in a story opened before every story is in, the focus stays with the \"More to Read\" story it was on", async () => {
    // The preview has the first old stories; once the newest old ones are in, they come first
    // in "More to Read": its first story moves down, its last one leaves.
    const open = async (key) => {
      const page = await ctx.open("/fixtures/blank.html", { offline: true });
      await page.evaluate((key) => {
        document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" open="inside" src="/held/fixtures/late-news.json?key=${key}"></gazette-news>`;
      }, key);
      await page.getByRole("article").first().getByRole("link").first().click();
      const rail = page.getByRole("region", { name: /^More to Read/ });
      const links = rail.getByRole("article").getByRole("link");
      await links.first().waitFor();
      return { page, links };
    };
    const released = async (page, key) => {
      await fetch(`${ctx.server.url}/release/${key}`);
      // (The list, and its progress, are hidden behind the story.)
      await page.locator("progress").waitFor({ state: "detached" });
      await nextFrames(page);
    };
    const focused = (page) => page.evaluate(() => document.querySelector("gazette-news").shadowRoot.activeElement?.textContent ?? "(none)");
    const { page, links } = await open("rail-first");
    const first = await links.first().innerText();
    await links.first().focus();
    await released(page, "rail-first");
    assert.notEqual(await links.first().innerText(), first, "another story comes first");
    assert.equal(await focused(page), first);

    // A story that leaves the rail: the focus goes to the open story's headline.
    const second = await open("rail-last");
    await second.links.last().focus();
    const headline = await second.page.getByRole("heading", { level: 3 }).first().innerText();
    await released(second.page, "rail-last");
    assert.equal(await focused(second.page), headline);
    assert.deepEqual([...page.problems, ...second.page.problems], []);
  });

  it("while stories arrive, each category chip keeps its place; they are ordered by count once all are in", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/static/articles.json?key=chips&step=10000")}`, { offline: true });
    const chips = page.getByRole("group", { name: "Categories" }).getByRole("button");
    await chips.first().waitFor();
    const names = async () => (await chips.allInnerTexts()).map((t) => t.replace(/\s*\d+$/, ""));
    const counts = async () => (await chips.allInnerTexts()).map((t) => Number(t.match(/(\d+)$/)[1]));
    const first = await names();
    for (let i = 0; i < 3; i++) {
      const all = (await counts())[0];
      await fetch(`${ctx.server.url}/more/chips`);
      await page.waitForFunction((all) => Number(document.querySelector(".gz-chip-all").textContent.match(/(\d+)$/)[1]) > all, all);
      const now = await names();
      assert.deepEqual(now.slice(0, first.length), first, "the chips keep their places");
    }
    await fetch(`${ctx.server.url}/release/chips`);
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    const last = (await counts()).slice(1);
    assert.deepEqual(last, [...last].sort((a, b) => b - a), "by count at the end");
    assert.notDeepEqual((await names()).slice(0, first.length), first, "(the order did change at the end)");
    assert.deepEqual(page.problems, []);
  });

  it("while stories arrive, the cards shown keep their places (with a search too); the order comes once all are in", async () => {
    // late-news.json: 25 old stories, then 35 newer ones. The first part has only old ones;
    // the next brings newer ones, which the order (newest first) would put on top.
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/fixtures/late-news.json?key=steady&step=4000")}`, { offline: true });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    const chipCount = () => page.evaluate(() => Number(document.querySelector(".gz-chip-all").textContent.match(/(\d+)$/)[1]));
    const more = async () => {
      const before = await chipCount();
      await fetch(`${ctx.server.url}/more/steady`);
      await page.waitForFunction((before) => Number(document.querySelector(".gz-chip-all").textContent.match(/(\d+)$/)[1]) > before, before);
    };
    const first = await headlines(page);
    assert.equal(first.length, 12);
    assert.ok(first.every((h) => /^Harbour archive note/.test(h)), first.join(" | "));
    while (!(await page.getByRole("button", { name: /^New desk/ }).count())) await more();
    assert.deepEqual(await headlines(page), first, "no card moved for the newer stories");

    // The reader's search is answered from the stories in; its cards then stay too.
    await page.getByLabel("Search stories").fill("harbour");
    await page.getByRole("status").filter({ hasText: /^\d+ stories match so far$/ }).waitFor();
    const found = await headlines(page);
    await more();
    await more();
    assert.deepEqual(await headlines(page), found, "no card moved for the newer matches");

    await fetch(`${ctx.server.url}/release/steady`);
    await page.getByRole("status").filter({ hasText: /^60 stories match$/ }).waitFor();
    assert.doesNotMatch((await headlines(page))[0], /^Harbour archive note/, "the best matches first once all are in");
    assert.deepEqual(page.problems, []);
  });

  it("when the last stories come while the reader is on the cards, the cards stay until the reader leaves them", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/held/fixtures/late-news.json?key=onlist")}`, { offline: true });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    const first = await headlines(page);
    assert.match(first[0], /^Harbour archive note/);
    // The pointer rests on the third card as the rest arrives.
    await cards.nth(2).hover();
    await fetch(`${ctx.server.url}/release/onlist`);
    await page.getByRole("status").filter({ hasText: /^60 stories$/ }).waitFor();
    assert.deepEqual(await headlines(page), first, "nothing moved under the pointer");
    // Off the cards: the newest first.
    await page.getByLabel("Search stories").hover();
    await page.waitForFunction(() => !/^Harbour archive note/.test(document.querySelector("[data-gazette] article h3").textContent.trim()));
    // The same with the keyboard's focus on a card.
    const again = await ctx.open(`/index.html?src=${encodeURIComponent("/held/fixtures/late-news.json?key=onlist2")}`, { offline: true });
    await again.getByRole("article").first().waitFor();
    assert.match(await again.getByRole("article").first().getByRole("heading").innerText(), /^Harbour archive note/);
    const link = again.getByRole("article").nth(1).getByRole("link").first();
    const title = await link.innerText();
    await link.focus();
    await fetch(`${ctx.server.url}/release/onlist2`);
    await again.getByRole("status").filter({ hasText: /^60 stories$/ }).waitFor();
    assert.equal(await again.getByRole("article").nth(1).getByRole("link").first().innerText(), title);
    assert.equal(await again.evaluate(() => document.activeElement.textContent.replace(/\s+/g, " ").trim()), title.replace(/\s+/g, " ").trim());
    await again.keyboard.press("Shift+Tab");
    await again.keyboard.press("Shift+Tab");
    await again.waitForFunction(() => !document.querySelector("[data-gazette] ul.gz-list").contains(document.activeElement));
    await again.waitForFunction(() => !/^Harbour archive note/.test(document.querySelector("[data-gazette] article h3").textContent.trim()));
    assert.deepEqual([...page.problems, ...again.problems], []);
  });

  it("with categories chosen by the page, the first stories' count is said when they show", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" categories="Markets" src="/held/static/articles.json?key=preset"></gazette-news>`;
    });
    await page.getByRole("article").first().waitFor();
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)? so far$/ }).waitFor();
    await fetch(`${ctx.server.url}/release/preset`);
    await page.getByRole("status").filter({ hasText: /^8 stories match$/ }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it("a new page size applies at once to the stories shown before every story is in", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" page-size="5" style="--gazette-skeleton-height: 1500px" src="/held/static/articles.json?key=size"></gazette-news>`;
    });
    const cards = page.getByRole("article");
    await cards.first().waitFor();
    assert.equal(await cards.count(), 5);
    await page.locator("gazette-news").evaluate((el) => el.setAttribute("page-size", "2"));
    await page.waitForFunction(() => document.querySelector("gazette-news").shadowRoot.querySelectorAll("article").length === 2);
    assert.equal(await page.getByRole("progressbar").count(), 1, "still reading");
    // Fewer cards: the widget keeps its placeholder's height while it reads on.
    const height = () => page.locator("gazette-news").evaluate((e) => Math.round(e.getBoundingClientRect().height));
    assert.equal(await height(), 1500);
    await fetch(`${ctx.server.url}/release/size`);
    await page.getByRole("progressbar").waitFor({ state: "detached" });
    assert.equal(await cards.count(), 2);
    assert.ok((await height()) < 1500, "and gives it back once every story is in");
    assert.deepEqual(page.problems, []);
  });

  it("a \"More to Read\" rail, on a slow connection, shows neither cards nor controls before every story is in", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" url-key="off" related="3"
        related-to="restaking-yields-shrink" src="/held/static/articles.json?key=rail"></gazette-news>`;
    });
    await page.waitForFunction(() => performance.getEntriesByName("gazette:preview").length > 0);
    await nextFrames(page);
    const rail = page.locator("gazette-news");
    assert.equal(await rail.getByRole("article").count(), 0);
    assert.equal(await rail.getByRole("searchbox").count(), 0);
    await fetch(`${ctx.server.url}/release/rail`);
    await rail.getByRole("heading", { name: "More to Read" }).waitFor();
    await page.waitForFunction(() => document.querySelector("gazette-news").shadowRoot.querySelectorAll("article").length === 3);
    assert.equal(await rail.getByRole("searchbox").count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("a rail finds its story by its page written another way; for a story the feed lacks it says so, in the console too, and keeps View All", async () => {
    const page = await ctx.open("/fixtures/blank.html", {
      offline: true,
      init: () => {
        const warn = console.warn;
        window.warned = [];
        console.warn = (...said) => (window.warned.push(said.join(" ")), warn(...said));
      },
    });
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `
        <gazette-news id="found" loading="eager" url-key="off" related="2" view-all="/news/"
          related-to="http://gazette.example/stories/tessera-50-weekly-gain-stablecoin-inflows/?utm_source=blog" src="/static/articles.json"></gazette-news>
        <gazette-news id="lost" loading="eager" url-key="off" related="2" view-all="/news/"
          related-to="no-such-story" src="/static/articles.json"></gazette-news>`;
    });
    const found = page.locator("#found");
    await found.getByRole("heading", { name: "More to Read" }).waitFor();
    await page.waitForFunction(() => document.querySelector("#found").shadowRoot.querySelectorAll("article").length === 2);
    const lost = page.locator("#lost");
    await lost.getByText("There is nothing related to this story in the feed.").waitFor();
    assert.equal(await lost.getByRole("link", { name: "View All" }).getAttribute("href"), "/news/");
    const warned = await page.evaluate(() => window.warned);
    assert.deepEqual(warned.filter((w) => w.includes("related-to")), [
      'Gazette: no story of the feed has the id or address related-to="no-such-story": the rail shows none',
    ]);
    // A page that asks for no related stories gets just "View All", and no word that the feed
    // has none.
    await found.evaluate((el) => el.setAttribute("related", "0"));
    await page.waitForFunction(() => document.querySelector("#found").shadowRoot.querySelectorAll("article").length === 0);
    await found.getByRole("link", { name: "View All" }).waitFor();
    assert.equal(await found.getByText("There is nothing related").count(), 0);
    assert.deepEqual(page.problems, []);
  });

  it("a link to a story, on a slow connection, shows no list before the story", async () => {
    const held = encodeURIComponent("/held/static/articles.json");
    const page = await ctx.open(`/index.html?src=${held}&gz.story=restaking-yields-shrink`, { offline: true });
    // The stories read so far were offered for a preview, and a frame has been drawn since.
    await page.waitForFunction(() => performance.getEntriesByName("gazette:preview").length > 0);
    await nextFrames(page);
    assert.equal(await page.getByRole("article").count(), 0);
    assert.ok(await page.getByText("Loading stories…").first().isVisible());
    assert.deepEqual(page.problems, []);

    // A story among the first to arrive shows as soon as it is there, and stays open when the
    // rest arrive.
    const init = () => {
      window.selected = [];
      document.addEventListener("gazette:select", (e) => window.selected.push(e.detail.id));
    };
    const early = await ctx.open(`/index.html?src=${encodeURIComponent("/held/static/articles.json?key=early")}&gz.story=estmark-cbdc-launch-date`, { offline: true, init });
    const heading = early.getByRole("heading", { level: 3, name: /^Estmark central bank sets a launch date/ });
    await heading.waitFor();
    assert.equal(await early.locator("progress").count(), 1, "before the rest has come");
    assert.ok(await early.locator(".gz-browse").isHidden(), "no list before it");
    // Its "More to Read" comes from the stories read so far, and again from all of them.
    const rail = () => early.getByRole("region", { name: /^More to Read/ }).getByRole("article").getByRole("heading").allInnerTexts();
    const before = await rail();
    assert.ok(before.length > 0);
    await fetch(`${ctx.server.url}/release/early`);
    await early.locator("progress").waitFor({ state: "detached" });
    await early.waitForFunction((before) => {
      const now = [...document.querySelectorAll(".gz-rail article h4")].map((h) => h.textContent);
      return now.length > 0 && now.join() !== before.join();
    }, before);
    assert.ok(await heading.isVisible());
    assert.deepEqual(await early.evaluate(() => window.selected), ["estmark-cbdc-launch-date"], "one gazette:select");
    assert.deepEqual(early.problems, []);
  });

  it("names what it found when the address is not a feed", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/index.html")}`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /web page/i);
  });
});

describe("sharded archives", () => {
  it("shows the newest shard at once and reads older shards as the reader goes back in time", async () => {
    const init = () => {
      window.readyDetails = [];
      document.addEventListener("gazette:ready", (e) => window.readyDetails.push(e.detail));
    };
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}`, { offline: true, init });
    const requested = [];
    page.on("request", (r) => r.url().includes("/shards/") && requested.push(r.url().split("/").pop()));
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    assert.equal(await page.getByRole("article").count(), 12, "a page of cards");
    // Asking for more than the first shard holds (here by scrolling near the end, which may
    // already have done it) brings the next shard.
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
    await page.waitForFunction(() => document.querySelectorAll("[data-gazette] article").length >= 20);
    assert.ok(requested.includes("0001.json"), `older shard read: ${requested}`);
    // The first shard and each one read after it are announced to the host page, with the
    // whole archive's count.
    await page.waitForFunction(() => window.readyDetails.length > 1);
    const details = await page.evaluate(() => window.readyDetails);
    for (const d of details) assert.ok(d.total === 51 && d.stories <= 51, JSON.stringify(d));
    assert.ok(details[0].stories < details.at(-1).stories, JSON.stringify(details));
    assert.deepEqual(page.problems, []);
  });

  it("a search reads every shard it needs and then gives the exact count", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}`, { offline: true });
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    // "Parallax" is in two stories of 2023–2025, both in older shards.
    await page.getByLabel("Search stories").fill("parallax");
    await page.getByRole("status").filter({ hasText: /^2 stories match$/ }).waitFor();
    assert.deepEqual(
      (await page.getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts()).length,
      2,
    );
    assert.deepEqual(page.problems, []);
  });

  it("the oldest first of an archive are its oldest stories, read from its older parts", async () => {
    const page = await ctx.open(`/index.html?gz.sort=oldest&src=${encodeURIComponent("/fixtures/archive/manifest.json")}`, { offline: true });
    await page.getByRole("status").filter({ hasText: /^51 stories, oldest first$/ }).waitFor();
    const dates = await page.getByRole("article").locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    assert.deepEqual(dates, [...dates].sort(), "oldest first");
    // The oldest story of the whole archive leads.
    const oldest = await page.evaluate(async () => {
      const m = await (await fetch("/fixtures/archive/manifest.json")).json();
      return m.shards.map((s) => s.oldest).sort()[0];
    });
    assert.equal(dates[0].slice(0, 10), oldest.slice(0, 10));
    assert.deepEqual(page.problems, []);
  });

  it("a part of an archive that cannot be loaded is passed over: the older parts are read, and the notice names it", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    await page.route(/\/shards\/0001\.json$/, (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(`${ctx.server.url}/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}`);
    // The first page (12 stories) needs more than the first part's 10: the second fails, the
    // third is read, and the count is of the stories there are.
    await page.getByRole("status").filter({ hasText: /^31 stories$/ }).waitFor();
    // One "Parallax" story is in the missing part, the other in the part after it.
    await page.getByLabel("Search stories").fill("parallax");
    await page.getByRole("status").filter({ hasText: /^1 story matches$/ }).waitFor();
    assert.deepEqual(await headlines(page), ["Parallax DAO votes to move a quarter of its treasury into stablecoins"]);
    await page.getByText(/^Some older stories are missing: 0001\.json could not be loaded\. The server answered 404/).waitFor();
    // (The console names the failed request; nothing else goes wrong.)
    assert.deepEqual(page.problems.filter((p) => !p.includes("404")), []);
  });

  it("while a search reads older shards, the cards shown keep their places; the order comes with the last shard", async () => {
    // The older shards come when the test says.
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    const held = new Map();
    const shards = Object.fromEntries(["0001.json", "0002.json"].map((name) => [name, new Promise((resolve) => held.set(name, resolve))]));
    await page.route(/\/shards\/000[12]\.json$/, (route) => held.get(route.request().url().split("/").pop())(route));
    await page.goto(`${ctx.server.url}/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}`);
    const older = (part) => page.getByRole("status").filter({ hasText: new RegExp(`^\\d+ stor(y|ies) match(es)? so far; reading older stories \\(${part} of 3 parts\\)…$`) });
    await page.getByRole("article").first().waitFor();
    // Found in the newest shard; an older one has a better match.
    await page.getByLabel("Search stories").fill("token");
    await older(1).waitFor();
    const first = await headlines(page);
    assert.ok(first.length > 1, first.join(" | "));
    await (await shards["0001.json"]).continue();
    await older(2).waitFor();
    const more = await headlines(page);
    assert.ok(more.length > first.length);
    assert.deepEqual(more.slice(0, first.length), first, "the cards shown stay first");
    await (await shards["0002.json"]).continue();
    // (Every part read: the count no longer says "so far".)
    await page.getByRole("status").filter({ hasText: /^\d+ stories match$/ }).waitFor();
    assert.notDeepEqual((await headlines(page)).slice(0, first.length), first, "(the best matches come first at the end)");
    assert.deepEqual(page.problems, []);
  });

  it("before its older parts are read, an archive's chips count the whole archive, and keep their places as the parts come", async () => {
    const page = await ctx.open("/fixtures/blank.html", { offline: true });
    // The older parts come once the reader has chosen a category.
    const release = await holdRequests(page, /\/shards\/000[12]\.json$/);
    await page.goto(`${ctx.server.url}/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}`);
    const chips = page.getByRole("group", { name: "Categories" }).getByRole("button");
    await page.getByRole("article").first().waitFor();
    const shown = async () => (await chips.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    // As the manifest counts them (the first part holds 10 of the 51 stories).
    const first = await shown();
    assert.deepEqual(first, ["All 51", "Policy & Regulation 9", "Markets 8", "Web3 & Enterprise 8", "DeFi 7", "Security 7", "Technology 7", "Culture 5"]);
    await page.getByRole("button", { name: /^Markets/ }).click();
    release();
    const names = async () => (await shown()).map((t) => t.replace(/ \d+$/, ""));
    await page.getByRole("status").filter({ hasText: /^8 stories match$/ }).waitFor();
    assert.deepEqual(await names(), first.map((t) => t.replace(/ \d+$/, "")), "the chips kept their places");
    assert.deepEqual(page.problems, []);
  });

  it("a link to an old story opens it once its shard is in", async () => {
    const page = await ctx.open(`/index.html?src=${encodeURIComponent("/fixtures/archive/manifest.json")}&gz.story=restaking-yields-shrink`, { offline: true });
    await page.getByRole("heading", { level: 3, name: "Restaking yields shrink as deposits keep pouring in" }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  const huffpost = join(ROOT, "..", "shared", "data", "huffpost-news-category-v3-head9999.jsonl.gz");
  it("browses the shared HuffPost rows after the command-line tool shards them", { skip: !existsSync(huffpost) && "the HuffPost sample is absent" }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "gazette-archive-"));
    try {
      execFileSync("cargo", ["run", "-q", "-p", "gazette-cli", "--", "build", huffpost, "--shards", dir, "--first", "500"], { cwd: ROOT, stdio: "ignore" });
      const server = await startServer({ extra: { "/huffpost/": dir } });
      try {
        // A reader west of UTC: the rows' dates are days alone, which are the same days there.
        const context = await ctx.browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
        await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.fulfill({ status: 204 }));
        const page = await context.newPage();
        const problems = [];
        page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
        await page.goto(`${server.url}/index.html?src=/huffpost/manifest.json`);
        await page.getByRole("status").filter({ hasText: /^9,999 stories$/ }).waitFor();
        const date = page.getByRole("article").first().locator("time");
        assert.equal(await date.getAttribute("datetime"), "2022-09-23");
        assert.equal(await date.innerText(), "Sep 23, 2022");
        assert.equal(await date.getAttribute("title"), "Friday, September 23, 2022");
        // The chips count the whole archive, most first, before its older parts are read.
        const chips = await page.getByRole("group", { name: "Categories" }).getByRole("button", { name: /, [\d,]+ stor/ }).evaluateAll((bs) =>
          bs.map((b) => Number(b.getAttribute("aria-label").match(/, ([\d,]+) stor/)[1].replace(/,/g, ""))),
        );
        assert.equal(chips[0], 9999, "All");
        assert.deepEqual(chips.slice(1), [...chips.slice(1)].sort((a, b) => b - a), `most first: ${chips}`);
        await page.getByLabel("Search stories").fill("olympics");
        const exact = page.getByRole("status").filter({ hasText: /^\d+ stories match$/ });
        await exact.waitFor({ timeout: 60_000 });
        assert.ok(Number((await exact.innerText()).split(" ")[0]) > 5);
        assert.deepEqual(problems, []);
        await context.close();
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

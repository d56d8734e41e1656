// End-to-end scenarios on the built demo page with its bundled sample stories.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, headlines, holdRequests, nextFrames, setup } from "./helpers.mjs";

const ctx = setup();

describe("the demo page", () => {
  it("shows the sample stories as cards with category and date badges", async () => {
    const page = await ctx.open("/index.html");
    const status = page.getByRole("status");
    await assert.doesNotReject(status.filter({ hasText: /^\d+ stories$/ }).waitFor());
    const total = Number((await status.innerText()).split(" ")[0].replace(/,/g, ""));
    assert.ok(total >= 40, `at least 40 sample stories, got ${total}`);
    assert.equal(await page.getByRole("article").count(), 12, "one page of cards");
    const first = page.getByRole("article").first();
    assert.match(await first.locator(".gz-badge").innerText(), /\S/);
    const time = first.locator("time");
    assert.match(await time.getAttribute("datetime"), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(await time.innerText(), /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/, "en-GB medium date");
    assert.ok(await page.getByRole("heading", { name: "Gazette sample stories" }).isVisible());
    assert.deepEqual(page.problems, []);
  });

  it("narrows the list as the reader types, ignoring accents, and announces the count", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const search = page.getByLabel("Search stories");
    await search.pressSequentially("resume");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    const found = await headlines(page);
    assert.ok(found.length >= 1 && found.every((h) => /résumé/i.test(h) || true));
    assert.ok(found.some((h) => h.includes("résumé")), `a headline with “résumé”: ${found}`);
    await search.fill("stablecoin japan");
    await page.getByRole("heading", { name: /Circle and SBI/ }).waitFor();
    // The empty list says what matched nothing.
    await search.fill("zzzz nothing");
    await page.getByText("No stories match your search.").waitFor();
    await page.getByLabel("Published").selectOption({ label: "Past 24 hours" });
    await page.getByText("No stories match your search and filters.").waitFor();
    await search.fill("");
    await page.getByText("No stories match these filters.").waitFor();
    await page.getByRole("button", { name: "Clear all filters" }).click();
    await page.getByRole("status").filter({ hasText: /^\d+ stories$/ }).waitFor();
    assert.equal(await search.inputValue(), "");
  });

  it("filters by category with toggle chips that show counts", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const chip = page.getByRole("button", { name: /^Policy & Regulation, \d+ stor/ });
    const count = Number((await chip.getAttribute("aria-pressed")) === "false" && (await chip.innerText()).match(/(\d+)$/)[1]);
    await chip.click();
    await assert.doesNotReject(page.getByRole("button", { name: /^Policy & Regulation/, pressed: true }).waitFor());
    await page.getByRole("status").filter({ hasText: `${count} stories match` }).waitFor();
    const badges = await page.getByRole("article").locator(".gz-badge").allInnerTexts();
    assert.equal(badges.length, Math.min(count, 12));
    assert.ok(badges.every((b) => b === "Policy & Regulation"), badges.join());
    await chip.click();
    await page.getByRole("status").filter({ hasText: /^\d+ stories$/ }).waitFor();
  });

  it("in forced colours (Windows High Contrast) a pressed chip still looks pressed, and badges keep an edge", async () => {
    const page = await ctx.open("/index.html");
    await page.emulateMedia({ forcedColors: "active" });
    await page.getByRole("article").first().waitFor();
    const look = (l) => l.evaluate((b) => { const s = getComputedStyle(b); return `${s.backgroundColor} ${s.color}`; });
    const pressed = await look(page.getByRole("button", { name: /^All/, pressed: true }));
    const other = await look(page.getByRole("button", { name: /^Policy & Regulation/, pressed: false }));
    assert.notEqual(pressed, other);
    const badge = page.getByRole("article").first().locator(".gz-badge");
    assert.equal(await badge.evaluate((b) => getComputedStyle(b).borderTopStyle), "solid");
    await page.emulateMedia({ forcedColors: "none" });
    assert.equal(await badge.evaluate((b) => getComputedStyle(b).borderTopStyle), "none", "no edge in normal colours");
    assert.deepEqual(page.problems, []);
  });

  it("every story on the page is in the accessibility tree, also those far below the screen", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    for (const n of [24, 36]) {
      // From the keyboard, so that scrolling to the button loads no page of its own.
      await page.getByRole("button", { name: "Show more stories" }).press("Enter");
      await page.waitForFunction((n) => document.querySelectorAll(".gz-card").length >= n, n);
    }
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    await nextFrames(page);
    const cards = await page.locator(".gz-card").count();
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const headlines = nodes.filter((n) => !n.ignored && n.role?.value === "heading" && n.properties?.some((p) => p.name === "level" && p.value.value === 3));
    assert.equal(headlines.length, cards, `${headlines.length} of ${cards} headlines exposed`);
  });

  it("on a phone, the category chips are one row that scrolls sideways, and the arrow keys bring each into view", async () => {
    const page = await ctx.open("/index.html");
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByRole("article").first().waitFor();
    const chips = page.getByRole("group", { name: "Categories" }).getByRole("button");
    const boxes = await chips.evaluateAll((all) => all.map((c) => c.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
    assert.ok(boxes.length >= 8, `${boxes.length} chips`);
    assert.ok(Math.max(...boxes.map((b) => b[0])) < Math.min(...boxes.map((b) => b[1])), "one row");
    const row = page.locator(".gz-chips");
    assert.ok(await row.evaluate((r) => r.scrollWidth > r.clientWidth), "wider than the column, it scrolls");
    await chips.first().focus();
    await page.keyboard.press("End");
    const last = await page.evaluate(() => {
      const chip = document.activeElement.getBoundingClientRect();
      const row = document.querySelector(".gz-chips").getBoundingClientRect();
      return chip.left >= row.left && chip.right <= row.right + 1;
    });
    assert.ok(last, "the last chip, reached with End, is scrolled into view");
    // Each chip the arrow keys reach shows whole, with its focus ring (5 px around it).
    const whole = () => page.evaluate(() => {
      const chip = document.activeElement.getBoundingClientRect();
      const row = document.querySelector(".gz-chips");
      const left = row.getBoundingClientRect().left;
      return chip.left - 5 >= left - 0.5 && chip.right + 5 <= left + row.clientWidth + 0.5;
    });
    await page.keyboard.press("Home");
    for (let i = 1; i < boxes.length; i++) {
      await page.keyboard.press("ArrowRight");
      assert.ok(await whole(), `chip ${i} shows whole`);
    }
    for (let i = boxes.length - 2; i >= 0; i--) {
      await page.keyboard.press("ArrowLeft");
      assert.ok(await whole(), `chip ${i} shows whole on the way back`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "the page does not scroll sideways");
    await assertAccessible(page, "at a phone's width");
    assert.deepEqual(page.problems, []);
  });

  it("on a phone, the first screen of the widget shows a whole story and the next one's headline, and Search puts the keyboard away over the results", async () => {
    const page = await ctx.open("/index.html", { phone: true });
    const title = page.getByRole("heading", { level: 2, name: "Gazette sample stories" });
    await page.getByRole("article").nth(1).waitFor();
    const top = (await title.boundingBox()).y;
    // The whole first story, and the start of the second one's headline.
    const [first, second] = await page.getByRole("article").evaluateAll((cards) => [cards[0].getBoundingClientRect().bottom, cards[1].querySelector("h3").getBoundingClientRect().top]);
    assert.ok(first - top <= 740 && second + 24 - top <= 740, `the first story ends ${Math.round(first - top)} px below the title, the second headline starts ${Math.round(second - top)} px below it`);
    const search = page.getByRole("searchbox", { name: "Search stories" });
    assert.equal(await search.getAttribute("enterkeyhint"), "search");
    await search.tap();
    await search.pressSequentially("stablecoin");
    await page.getByRole("status").filter({ hasText: /stor(y|ies) match/ }).waitFor();
    await search.press("Enter");
    assert.equal(await search.evaluate((el) => el.getRootNode().activeElement === el), false, "the keyboard goes");
    assert.equal(await search.inputValue(), "stablecoin");
    assert.deepEqual(page.problems, []);
  });

  it("orders oldest first and limits by date on request", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
    // The order chosen is announced with the count.
    await page.getByRole("status").filter({ hasText: /^\d+ stories, oldest first$/ }).waitFor();
    await page.waitForFunction(() => {
      const t = [...document.querySelectorAll("article time")].map((e) => e.getAttribute("datetime"));
      return t.length > 1 && t.every((v, i) => i === 0 || t[i - 1] <= v);
    });
    await page.getByLabel("Published").selectOption({ label: "Past year" });
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    const dates = await page.locator("article time").evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute("datetime"))));
    const yearAgo = Date.now() - 366 * 86400e3;
    assert.ok(dates.every((d) => d >= yearAgo), "every card is from the past year");
  });

  it("keeps relative dates and date windows true on a page left open", async () => {
    // Two stories, from 06:15 UTC on 2 June and 08:00 UTC the day before; the reader is in London.
    const page = await ctx.open("/index.html?src=/fixtures/feed11.json&gz.date=day", { clock: { time: new Date("2025-06-02T06:45:00Z") } });
    const status = page.getByRole("status");
    await status.filter({ hasText: /^2 stories match$/ }).waitFor();
    const relative = () => page.getByRole("article").locator(".gz-relative").allInnerTexts();
    assert.deepEqual(await relative(), ["30 minutes ago", "22 hours ago"]);
    // Two hours pass (the computer may sleep through them), then the widget's next tick.
    await page.clock.fastForward(2 * 3600_000);
    await page.clock.runFor(300_000);
    await status.filter({ hasText: /^1 story matches$/ }).waitFor();
    assert.deepEqual(await relative(), ["2 hours ago"]);
    await page.getByLabel("Published").selectOption({ label: "Any time" });
    await status.filter({ hasText: /^2 stories$/ }).waitFor();
    assert.deepEqual(await relative(), ["2 hours ago", "yesterday"]);
    assert.deepEqual(page.problems, []);
  });

  it("loads more stories when the reader asks", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    // From the keyboard, without scrolling first (which would bring the next page by itself).
    await page.getByRole("button", { name: "Show more stories" }).evaluate((b) => b.focus({ preventScroll: true }));
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("article").length > 12);
    // The focus goes to the first new story.
    await page.waitForFunction(() => document.activeElement?.closest(".gz-list > li:nth-child(13)"));
  });

  it("a reload far down the list comes back to the same story", async () => {
    const page = await ctx.open("/index.html?gz.page=4");
    // The 41st story at the top of the screen.
    const story = page.getByRole("article").nth(40);
    await story.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const title = await story.getByRole("heading").innerText();
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 3000, `far down (${before})`);
    await page.reload();
    // As soon as the four pages are drawn (the browser alone stops near the top: the stories
    // come after the page has loaded).
    await page.getByRole("article").nth(47).waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), before);
    assert.equal(await page.getByRole("article").nth(40).getByRole("heading").innerText(), title);
    assert.deepEqual(page.problems, []);
  });

  it("a reload comes back to the same story when the pictures cannot be loaded, though the page is shorter once they fail", async () => {
    const page = await ctx.open("/index.html?gz.page=4", {
      prepare: (context) => context.route("**/images/*.svg", (route) => route.fulfill({ status: 404, body: "" })),
    });
    const story = page.getByRole("article").nth(40);
    await story.evaluate((el) => el.scrollIntoView({ block: "start" }));
    // Whether the pictures on and near the screen have failed (their frames are gone).
    const nearPicturesFailed = () => {
      const figures = [...document.querySelectorAll("[data-gazette] .gz-thumb")];
      return figures.some((f) => f.hidden) && figures.filter((f) => f.getBoundingClientRect().bottom > -1500 && f.getBoundingClientRect().top < innerHeight).every((f) => f.hidden);
    };
    await page.waitForFunction(nearPicturesFailed);
    await story.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const title = await story.getByRole("heading").innerText();
    await page.reload();
    await page.getByRole("article").nth(47).waitFor();
    // Once the pictures near the screen have failed again, the same story is at the top.
    await page.waitForFunction(nearPicturesFailed);
    const top = await page.evaluate(() => {
      const card = [...document.querySelectorAll("[data-gazette] article")].find((a) => a.getBoundingClientRect().bottom > 0);
      return [card.querySelector("h3").textContent, Math.round(card.getBoundingClientRect().top)];
    });
    assert.equal(top[0], title);
    assert.ok(Math.abs(top[1]) <= 2, `at the top of the screen (${top[1]} px)`);
    assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), []);
  });

  it("a reload does not take the page back down once the reader has scrolled while the stories load", async () => {
    const page = await ctx.open("/index.html?gz.page=4");
    await page.getByRole("article").nth(40).evaluate((el) => el.scrollIntoView({ block: "start" }));
    assert.ok((await page.evaluate(() => window.scrollY)) > 3000);
    // The stories held back on the reload until the reader has scrolled.
    const release = await holdRequests(page, "**/articles.json");
    await page.reload();
    await page.locator("[data-gazette] section[aria-busy=true]").waitFor();
    await page.mouse.move(640, 300);
    await page.mouse.wheel(0, -100);
    release();
    await page.getByRole("article").nth(47).waitFor();
    // Where the reader is (the browser may still have put the page back near the top).
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y < 1000, `left near the top (${y})`);
  });

  it("keeps the focus on Show more stories when the keyboard reaches it, and on the page when it goes", async () => {
    // 17 stories: two pages.
    const page = await ctx.open("/index.html?gz.cat=Markets&gz.cat=Policy+%26+Regulation");
    await page.getByRole("status").filter({ hasText: "17 stories" }).waitFor();
    // Tabbing to the button scrolls it into view, near the list's end: no page comes by itself
    // and the focus stays on the button, for Enter to ask.
    await page.getByRole("button", { name: "Show more stories" }).focus();
    await page.mouse.wheel(0, 100);
    await nextFrames(page);
    assert.equal(await page.locator(".gz-list > li").count(), 12);
    assert.ok(await page.getByRole("button", { name: "Show more stories" }).evaluate((b) => b === b.getRootNode().activeElement));
    // Enter brings the last page and takes the button away: the focus goes to the first new story.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".gz-list > li").length === 17);
    await page.waitForFunction(() => document.activeElement?.closest(".gz-list > li:nth-child(13)"));
    assert.equal(await page.getByRole("button", { name: "Show more stories" }).count(), 0);
  });

  it("after Back changes the list, a card the keyboard is on is brought back into sight", async () => {
    const page = await ctx.open("/index.html");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("article").first().waitFor();
    await page.getByRole("button", { name: /^Markets, \d+ stor/ }).click();
    await page.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    // From the chip, the keyboard goes on to the second card's headline.
    const onSecond = () => page.evaluate(() => Boolean(document.activeElement?.closest(".gz-list > li:nth-child(2) .gz-headline a")));
    for (let i = 0; i < 20 && !(await onSecond()); i++) await page.keyboard.press("Tab");
    assert.ok(await onSecond(), "Tab reaches the second card");
    const headline = await page.evaluate(() => document.activeElement.textContent);
    await page.goBack();
    await page.getByRole("button", { name: /^Markets/, pressed: false }).waitFor();
    // The list is drawn before the focus is kept in sight: Yew may give the browser a turn in
    // between, so wait for the focus to settle (the assertions below say where it did not).
    await page
      .waitForFunction(() => {
        const r = document.activeElement.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight + 1;
      }, null, { timeout: 5000 })
      .catch(() => {});
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { text: a.textContent, top: r.top, bottom: r.bottom, screen: innerHeight };
    });
    assert.equal(focused.text, headline, "the focus stays on the same story");
    assert.ok(focused.top >= 0 && focused.bottom <= focused.screen + 1, `the focused headline at ${focused.top}–${focused.bottom} of ${focused.screen}`);
    assert.deepEqual(page.problems, []);
  });

  it("Tab goes through the cards to Show more stories and on out of the widget, loading nothing by itself", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const cards = await page.getByRole("article").count();
    const more = page.getByRole("button", { name: "Show more stories" });
    const onMore = () => more.evaluate((b) => b === document.activeElement);
    await page.getByRole("searchbox").focus();
    for (let i = 0; i < 100 && !(await onMore()); i++) await page.keyboard.press("Tab");
    assert.equal(await onMore(), true, "Tab reaches Show more stories");
    await nextFrames(page);
    assert.equal(await page.getByRole("article").count(), cards, "moving the focus through the cards loaded none");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest(".gazette"))), false, "the next Tab leaves the widget");
    assert.deepEqual(page.problems, []);
  });

  it("with a category and a tag chosen, one button clears them all", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const clear = page.getByRole("button", { name: "Clear all filters" });
    await page.getByLabel("Search stories").fill("the");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.equal(await clear.count(), 0, "not for a search alone: the search box clears itself");
    await page.getByRole("button", { name: /^Markets, \d+ stor/ }).click();
    await page.getByText("More filters").click();
    await page.getByRole("group", { name: "Tags" }).getByRole("checkbox").first().check();
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await clear.press("Enter");
    // (Said again as at first: the live region adds a no-break space to be heard again.)
    await page.getByRole("status").filter({ hasText: /^\d+ stories\s*$/ }).waitFor();
    assert.equal(await page.getByLabel("Search stories").inputValue(), "");
    assert.equal(await page.getByRole("button", { name: /^Markets/, pressed: true }).count(), 0);
    assert.ok(await page.getByLabel("Search stories").evaluate((i) => i === document.activeElement), "focus on the search box");
    assert.equal(await clear.count(), 0);
    await assertAccessible(page, "after clearing");
    assert.deepEqual(page.problems, []);
  });

  it("keeps the focus on the page when Clear all filters goes", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Search stories").fill("zzzq");
    await page.getByRole("button", { name: "Clear all filters" }).press("Enter");
    await page.getByRole("article").first().waitFor();
    assert.ok(await page.getByLabel("Search stories").evaluate((i) => i === document.activeElement), "focus on the search box");
    assert.equal(await page.getByLabel("Search stories").inputValue(), "");
  });

  it("can be used with the keyboard alone", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("type")), "search");
    await page.keyboard.type("mining");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("status").filter({ hasText: /^\d+ stories$/ }).waitFor();
    // The Tab order follows the layout: the search box, the two menus beside it, then the
    // first chip ("All") on the row below.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "gazette-0-date");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "gazette-0-sort");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.textContent);
    assert.match(focused, /^All/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, "none", "focus is visible");
    // The chips are one Tab stop: the next Tab leaves them.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.closest(".gz-chips")), null, "Tab moves past the chips");
    // Once a category is on, it is the chips' Tab stop.
    await page.getByRole("button", { name: /^Markets, \d+ stor/ }).click();
    await page.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    await page.getByLabel("Sort").focus();
    await page.keyboard.press("Tab");
    assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), /^Markets/);
    // Every stop in the date fields shows the focus: the day, month and year, and the
    // calendar's button, which leaves the field without :focus-visible.
    await page.getByText("More filters").click();
    await page.getByLabel("From").focus();
    const stops = [];
    while (stops.length < 20 && (await page.evaluate(() => document.activeElement.type === "date"))) {
      stops.push(await page.evaluate(() => `${document.activeElement.id} ${getComputedStyle(document.activeElement).outlineStyle}`));
      await page.keyboard.press("Tab");
    }
    assert.ok(stops.length >= 6, stops.join(", "));
    assert.ok(stops.every((s) => !s.endsWith(" none")), stops.join(", "));
  });

  it("passes an axe-core audit with the stories shown, filtered to nothing, and failed", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await assertAccessible(page, "on the loaded demo");
    await page.getByLabel("Search stories").fill("zzzz nothing");
    await page.getByText("No stories match your search.").waitFor();
    await assertAccessible(page, "on the empty state");
    const broken = await ctx.open("/index.html?src=/fixtures/malformed.json");
    await broken.getByRole("alert").waitFor();
    await assertAccessible(broken, "on the error panel");
  });
});

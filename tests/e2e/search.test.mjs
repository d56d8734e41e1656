// End-to-end scenarios of searching as a reader does: typing, facets, Back, a shared link, the
// keyboard, and pages that load as the reader scrolls.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { headlines, nextFrames, setup } from "./helpers.mjs";

const ctx = setup();

describe("searching", () => {
  it("a \"Show more stories\" focused by a script or screen reader loads nothing by itself; pressed, it goes as the last page comes and hands the focus to the first new story", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      document.querySelector("#slot").innerHTML = `<gazette-news loading="eager" page-size="4" src="/static/articles.json"></gazette-news>`;
    });
    await page.getByRole("button", { name: /^Culture/ }).click();
    await page.getByRole("status").filter({ hasText: /^5 stories match$/ }).waitFor();
    const more = page.getByRole("button", { name: "Show more stories" });
    await more.evaluate((b) => b.focus());
    await nextFrames(page);
    await nextFrames(page);
    assert.equal(await page.getByRole("article").count(), 4, "no page came by the focus's scroll");
    await more.press("Enter");
    await more.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.querySelector("gazette-news").shadowRoot.activeElement?.closest("li:nth-child(5)"));
    assert.deepEqual(page.problems, []);
  });

  it("typing marks the matches and keeps the view in the address, which reopens it", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByLabel("Search stories").pressSequentially("stablecoin japan");
    await page.getByRole("heading", { name: /Circle and SBI/ }).waitFor();
    assert.ok((await page.locator("article mark").count()) >= 2, "matched words are marked");
    await page.waitForURL(/gz\.q=stablecoin\+japan/);
    await page.getByLabel("Sort").selectOption({ label: "Newest first" });
    await page.waitForURL(/gz\.sort=newest/);
    // A copied link shows the same stories in a new tab.
    const copy = await ctx.open(new URL(page.url()).pathname + new URL(page.url()).search);
    await copy.getByRole("article").first().waitFor();
    assert.equal(await copy.getByLabel("Search stories").inputValue(), "stablecoin japan");
    assert.equal(await copy.getByLabel("Sort").inputValue(), "newest");
    assert.deepEqual(await headlines(copy), await headlines(page));
  });

  it("announces the count once typing pauses, not at every keystroke", async () => {
    const page = await ctx.open("/index.html", { clock: true });
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.evaluate(() => {
      window.announced = [];
      const region = document.querySelector("[data-gazette] [role=status]");
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    });
    const shown = page.locator(".gz-status");
    // A key every 0.3 s: each one starts the pause again, also one that leaves the count as
    // it was.
    await page.getByLabel("Search stories").focus();
    for (const key of "tokenised") {
      await page.keyboard.press(key);
      await page.clock.runFor(300);
    }
    await shown.filter({ hasText: /^\d+ stor(y|ies) match(es)?$/ }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.announced), [], "nothing announced while typing");
    await page.clock.runFor(1000);
    await page.getByRole("status").filter({ hasText: await shown.innerText() }).waitFor();
    assert.equal((await page.evaluate(() => window.announced)).length, 1, "one announcement");
    // A chip is not typing: its count is announced at once (the clock still stands still).
    await page.getByLabel("Search stories").clear();
    await page.clock.runFor(1000);
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await page.getByRole("button", { name: /^Markets/ }).click();
    await page.getByRole("status").filter({ hasText: /^8 stories match$/ }).waitFor();
    // Arrow keys through a menu in quick succession: the first change is said at once, the
    // rest once they pause, as one announcement of the last count.
    await page.clock.runFor(1000);
    await page.evaluate(() => (window.announced = []));
    await page.getByLabel("Published").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
    // (The page's clock stands still: a tenth of a second passes, far short of the pause.)
    await page.clock.runFor(100);
    assert.equal(await page.getByLabel("Published").inputValue(), "month");
    const last = await shown.innerText();
    assert.equal((await page.evaluate(() => window.announced)).length, 1, "only the first change so far");
    await page.clock.runFor(1000);
    await page.getByRole("status").filter({ hasText: last }).waitFor();
    assert.equal((await page.evaluate(() => window.announced)).length, 2);
  });

  it("a first day after the last marks both date fields invalid, and says why", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByText("More filters").click();
    const set = (label, day) => page.getByLabel(label, { exact: true }).evaluate((input, day) => {
      input.value = day;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }, day);
    const invalid = () => Promise.all(["From", "To"].map((l) => page.getByLabel(l, { exact: true }).getAttribute("aria-invalid")));
    await set("To", "2025-03-01");
    await set("From", "2025-03-15");
    await page.getByText(/The first day is after the last/).waitFor();
    assert.deepEqual(await invalid(), ["true", "true"]);
    await set("From", "2025-02-15");
    await page.getByText(/The first day is after the last/).waitFor({ state: "detached" });
    assert.deepEqual(await invalid(), [null, null]);
  });

  it("a new search whose count reads as the last one's is announced too", async () => {
    const page = await ctx.open("/index.html", { clock: true });
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await page.clock.pauseAt(Date.now() + 60_000);
    const search = page.getByLabel("Search stories");
    await search.fill("zurich");
    await page.clock.runFor(1000);
    await page.getByRole("status").filter({ hasText: /^1 story matches$/ }).waitFor();
    await page.evaluate(() => {
      window.announced = [];
      const region = document.querySelector("[data-gazette] [role=status]");
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
    });
    await search.fill("lodz");
    await page.locator(".gz-card").filter({ hasText: /Łódź/ }).first().waitFor();
    assert.deepEqual(await page.evaluate(() => window.announced), [], "nothing while typing");
    await page.clock.runFor(1000);
    await page.waitForFunction(() => window.announced.length > 0);
    assert.deepEqual(await page.evaluate(() => window.announced.map((t) => t.trim())), ["1 story matches"]);
  });

  it("a search with nothing to search for says so instead of seeming to match every story", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await page.getByLabel("Search stories").fill("!!! 😀");
    await page.getByRole("status").filter({ hasText: "51 stories: “!!! 😀” has no letters or digits to search for" }).waitFor();
    await page.getByLabel("Search stories").fill("tessera");
    await page.getByRole("status").filter({ hasText: /^\d+ stor(y|ies) match(es)?$/ }).waitFor();
  });

  it("a keystroke draws the cards on screen at once and the rest when the reader pauses or scrolls", async () => {
    const page = await ctx.open("/index.html", { clock: true });
    await page.getByRole("article").first().waitFor();
    // Time stands still from here, but for runFor: the pause never comes on its own.
    await page.clock.pauseAt(Date.now() + 60_000);
    // (The count shown at once; the announced one waits for the pause too.)
    const later = page.locator(".gz-list > li.gz-later");
    // Most stories have the word, ranked otherwise than by date: twelve new cards, of which
    // only the first row is on screen.
    await page.getByLabel("Search stories").fill("the");
    await page.locator(".gz-status").filter({ hasText: /^\d\d stories match$/ }).waitFor();
    assert.ok((await later.count()) > 0, "cards below the screen wait");
    assert.equal(await page.locator(".gz-list > li:first-child.gz-later").count(), 0, "the first card is drawn");
    assert.equal(await page.locator(".gz-list > li").count(), 12, "every card is in the page, with its story");
    await page.clock.runFor(200);
    await page.waitForFunction(() => !document.querySelector(".gz-list > li.gz-later"));
    assert.equal(await page.getByRole("article").count(), 12);
    // The focus leaving the search box does not wait for the pause: Tab reaches every card.
    await page.getByLabel("Search stories").fill("th");
    await page.locator(".gz-status").filter({ hasText: /^\d\d stories match$/ }).waitFor();
    await page.waitForFunction(() => document.querySelector(".gz-list > li.gz-later"));
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => !document.querySelector(".gz-list > li.gz-later"));
    // Nor does scrolling.
    await page.getByLabel("Search stories").fill("the");
    await page.waitForFunction(() => document.querySelector(".gz-list > li.gz-later"));
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => !document.querySelector(".gz-list > li.gz-later"));
    assert.deepEqual(page.problems, []);
  });

  it("a menu moved by arrow keys, or a day typed field by field, makes one history entry", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const entries = await page.evaluate(() => history.length);
    await page.getByLabel("Published").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
    await page.waitForURL(/gz\.date=month/);
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    // A day typed field by field: the browser's field holds a whole date at each step, with
    // the year passing through 0002, 0020 and 0202, which are not taken.
    await page.getByText("More filters").click();
    const seen = [];
    await page.exposeFunction("noteAddress", (a) => seen.push(a));
    await page.evaluate(() => {
      for (const name of ["pushState", "replaceState"]) {
        const original = history[name].bind(history);
        history[name] = (s, t, url) => (window.noteAddress(String(url)), original(s, t, url));
      }
    });
    await page.getByLabel("From").evaluate(async (input) => {
      for (const day of ["2025-03-01", "2025-03-15", "0002-03-15", "0020-03-15", "0202-03-15", "2025-03-15"]) {
        input.value = day;
        input.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    });
    await page.waitForURL(/gz\.from=2025-03-15/);
    assert.ok(!seen.some((a) => /gz\.from=0/.test(a)), seen.join("\n"));
    assert.equal(await page.evaluate(() => history.length), entries + 2);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("gz.from") && u.search.includes("gz.date=month"));
  });

  it("Back and Forward keep the focus on the story it was on, else give it to the widget's title", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.getByRole("button", { name: /^Markets, \d+ stor/ }).click();
    await page.waitForURL(/gz\.cat=Markets/);
    await page.getByRole("button", { name: /^All, \d+ stor/ }).click();
    await page.waitForURL((u) => !u.search.includes("gz.cat"));
    const cards = page.locator(".gz-browse [data-story]");
    await cards.nth(11).waitFor();
    const focused = () => page.evaluate(() => {
      const at = document.activeElement;
      return at.matches(".gz-title") ? "title" : at.closest("[data-story]")?.querySelector("h3")?.textContent ?? at.tagName;
    });
    // A card whose story is not among the Markets ones: Back takes it away.
    const metas = await cards.locator(".gz-meta").allInnerTexts();
    const other = metas.findIndex((m) => !m.includes("Markets"));
    await cards.nth(other).locator(".gz-headline a").focus();
    await page.goBack();
    await page.waitForURL(/gz\.cat=Markets/);
    await page.getByRole("status").filter({ hasText: /^8 stories match$/ }).waitFor();
    assert.equal(await focused(), "title");
    // A Markets story: Forward shows every story, the focus stays on that one or goes to the
    // title (never to another story put in its card).
    await cards.nth(2).locator(".gz-headline a").focus();
    const story = await cards.nth(2).locator("h3").innerText();
    await page.goForward();
    await page.waitForURL((u) => !u.search.includes("gz.cat"));
    await page.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    assert.ok(["title", story].includes(await focused()), `focus on ${await focused()}, not ${story}`);
    assert.deepEqual(page.problems, []);
  });

  it("Back undoes a filter", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const all = await page.getByRole("status").innerText();
    await page.getByRole("button", { name: /^Markets, \d+ stor/ }).click();
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await page.waitForURL(/gz\.cat=Markets/);
    await page.getByText("More filters").click();
    // Each box is named as it reads: "2026, 3 stories".
    const years = page.getByRole("group", { name: "Year" }).getByRole("checkbox");
    assert.equal(await years.count(), await page.getByRole("group", { name: "Year" }).getByRole("checkbox", { name: /^(\d{4}|Undated), \d+ stor(y|ies)$/ }).count());
    await years.first().check();
    await page.waitForURL(/gz\.year=/);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("gz.year"));
    assert.equal(await page.getByRole("group", { name: "Year" }).getByRole("checkbox").first().isChecked(), false);
    assert.ok(await page.getByRole("button", { name: /^Markets/, pressed: true }).isVisible(), "the category stays");
    await page.goBack();
    await page.getByRole("status").filter({ hasText: all }).waitFor();
    assert.ok(await page.getByRole("button", { name: /^All/, pressed: true }).isVisible());
    // A drop-down the reader has used follows Back and Forward too.
    const order = await page.getByLabel("Sort").inputValue();
    await page.getByLabel("Sort").selectOption("oldest");
    await page.waitForURL(/gz\.sort=oldest/);
    await page.getByRole("status").filter({ hasText: /oldest first$/ }).waitFor();
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("gz.sort"));
    // Once the widget shows the view (its count no longer names the order), the menu says so.
    await page.getByRole("status").filter({ hasText: /stories$/ }).waitFor();
    assert.equal(await page.getByLabel("Sort").inputValue(), order);
    await page.goForward();
    await page.waitForURL(/gz\.sort=oldest/);
    await page.getByRole("status").filter({ hasText: /oldest first$/ }).waitFor();
    assert.equal(await page.getByLabel("Sort").inputValue(), "oldest");
  });

  it("a link naming a tag, an author or a category in another case chooses the stories' own", async () => {
    const page = await ctx.open(`/index.html?gz.tag=TOKENISATION&gz.author=${encodeURIComponent("renée okafor")}&gz.cat=${encodeURIComponent("web3 & enterprise")}`);
    await page.getByRole("status").filter({ hasText: /^2 stories match$/ }).waitFor();
    // (Open already: a link with its filters opens them.)
    await page.getByRole("group", { name: "Tags" }).waitFor();
    assert.equal(await page.getByRole("group", { name: "Tags" }).getByRole("checkbox", { name: /^tokenisation, / }).isChecked(), true);
    assert.equal(await page.getByRole("group", { name: "Authors" }).getByRole("checkbox", { name: /^Renée Okafor, / }).isChecked(), true);
    assert.equal(await page.getByRole("button", { name: /^Web3 & Enterprise, / }).getAttribute("aria-pressed"), "true");
    assert.deepEqual((await headlines(page)).sort(), [
      "Marrow Bay Mutual opens tokenised deposits to local businesses",
      "Marrow Bay credit union pilots tokenised deposits for member transfers",
    ].sort());
  });

  it("facet counts follow the other filters but not their own selection", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const chip = (name) => page.getByRole("button", { name: new RegExp(`^${name}, \\d+ stor`) });
    const count = async (name) => Number((await chip(name).getAttribute("aria-label")).match(/, (\d+) stor/)[1]);
    const markets = await count("Markets");
    await chip("DeFi").click();
    await page.getByRole("button", { name: /^DeFi/, pressed: true }).waitFor();
    assert.equal(await count("Markets"), markets, "ticking one category leaves the others' counts");
    await page.getByLabel("Search stories").fill("stablecoin ");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.ok((await count("Markets")) < markets, "the search narrows the counts");
  });

  it("is quick with the keyboard: / to search, Esc to clear, arrows between chips", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("type")), "search");
    await page.keyboard.type("mining");
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("status").filter({ hasText: /^\d+ stories$/ }).waitFor();
    // From the widget's own menu, "/" goes to the search box too; a field it is typed in keeps it.
    await page.getByLabel("Sort", { exact: true }).focus();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("type")), "search");
    await page.keyboard.press("Escape");
    await page.getByText("More filters", { exact: true }).click();
    await page.getByRole("checkbox").first().focus();
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("type")), "search");
    await page.getByText("More filters", { exact: true }).click();
    await page.getByRole("button", { name: /^All/ }).focus();
    await page.keyboard.press("ArrowRight");
    const second = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    assert.match(second, /^Policy & Regulation|^Markets|^Web3/);
    await page.keyboard.press("End");
    const last = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
    // The chips are one Tab stop, which stays on the chip last focused.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.closest(".gz-chips")), null);
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), last);
    await page.keyboard.press("Home");
    assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), /^All/);
    // "More filters" opens and closes from the keyboard, with the facets inside only while open.
    const more = page.getByText("More filters", { exact: true });
    await more.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Year" }).waitFor();
    await page.keyboard.press(" ");
    await page.getByRole("group", { name: "Year" }).waitFor({ state: "detached" });
    assert.equal(await page.locator("details.gz-more-filters").evaluate((d) => d.open), false);
  });

  it("loads the next page as the reader scrolls near the end, keeping the count exact", async () => {
    const page = await ctx.open("/index.html");
    await page.getByRole("article").first().waitFor();
    const total = Number((await page.getByRole("status").innerText()).split(" ")[0]);
    const before = await page.getByRole("article").count();
    await page.getByRole("button", { name: "Show more stories" }).scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll("article").length > n, before);
    assert.equal(Number((await page.getByRole("status").innerText()).split(" ")[0]), total);
    await page.waitForURL(/gz\.page=\d/);
  });
});

// End-to-end scenarios of Gazette inside a single-page application: a router that keeps its own
// history state, views that come and go, and a host that changes attributes and calls the API
// while the reader is busy.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { holdRequests, setup } from "./helpers.mjs";

const ctx = setup();

/** Adds a `<gazette-news>` with `attrs` to the page's slot and returns its id's locator; */
/** `calls`: `[method, argument]` pairs called on it in the same script (before it has started). */
async function addWidget(page, attrs, calls = []) {
  await page.evaluate(([attrs, calls]) => {
    const w = document.createElement("gazette-news");
    for (const [k, v] of Object.entries({ src: "/static/articles.json", loading: "eager", ...attrs })) w.setAttribute(k, v);
    document.getElementById("slot").append(w);
    for (const [method, arg] of calls) w[method](arg);
  }, [attrs, calls]);
  return page.locator(`#${attrs.id}`);
}

describe("inside a single-page application", () => {
  it("the page's own history state (a router's) is kept in the entries the widget rewrites and adds", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const router = { usr: { from: "home" }, key: "k3j2", idx: 0 };
    await page.evaluate((state) => history.replaceState(state, ""), router);
    const news = await addWidget(page, { id: "n" });
    await news.getByRole("searchbox").fill("tessera");
    await page.waitForFunction(() => location.search.includes("n.q=tessera"));
    assert.deepEqual(await page.evaluate(() => history.state), router, "a replaced entry keeps the router's state, and adds nothing");
    // Opening a story adds an entry: the router's keys come with it, the widget's count apart.
    await news.getByRole("article").first().getByRole("link").first().click();
    await page.waitForFunction(() => location.search.includes("n.story="));
    const opened = await page.evaluate(() => history.state);
    assert.deepEqual({ ...opened, gazette: undefined }, { ...router, gazette: undefined });
    assert.deepEqual(opened.gazette, { n: 1 });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !location.search.includes("n.story="));
    assert.deepEqual(await page.evaluate(() => history.state), router);
    assert.deepEqual(page.problems, []);
  });

  it("a widget removed while its stories are on their way stops their download", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    // The server holds the answer until the widget is gone.
    const answer = await holdRequests(page, "**/slow.json", {
      answer: (route) => route.fulfill({ path: "static/articles.json", contentType: "application/json" }).catch(() => {}),
    });
    const failed = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/slow.json"));
    await page.evaluate(() => {
      window.__ready = 0;
      document.addEventListener("gazette:ready", () => window.__ready++);
    });
    const news = await addWidget(page, { id: "slow", src: "/slow.json" });
    await page.waitForFunction(() => document.getElementById("slow").shadowRoot?.querySelector(".gz-mount .gazette"));
    await news.evaluate((el) => el.remove());
    const request = await failed;
    assert.match(request.failure().errorText, /ABORTED/);
    answer();
    assert.equal(await page.evaluate(() => window.__ready), 0);
    assert.deepEqual(page.problems, []);
  });

  it("two widgets of one source share its download; one removed leaves the other's going", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    let answer;
    const answered = new Promise((ok) => (answer = ok));
    const asked = [];
    await page.route("**/static/shared.json", async (route) => {
      asked.push(route.request().url());
      await answered;
      await route.fulfill({ path: "static/articles.json", contentType: "application/json" }).catch(() => {});
    });
    const list = await addWidget(page, { id: "list", src: "/static/shared.json" });
    const rail = await addWidget(page, { id: "rail", src: "/static/shared.json", layout: "rail", "page-size": "3" });
    const third = await addWidget(page, { id: "third", src: "/static/shared.json" });
    await page.waitForFunction(() => ["list", "rail", "third"].every((id) => document.getElementById(id).shadowRoot?.querySelector(".gz-mount .gazette")));
    await third.evaluate((el) => el.remove());
    answer();
    await list.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    await rail.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    assert.equal(await rail.getByRole("article").count(), 3);
    assert.equal(asked.length, 1, asked.join(", "));
    assert.deepEqual(page.problems, []);
  });

  it("a widget that starts with a story from the address leaves the focus where the reader is", async () => {
    const page = await ctx.open("/fixtures/blank.html?late.story=fake-recall-letters-hardware-wallets");
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.setAttribute("aria-label", "Your email");
      document.querySelector("main").prepend(input);
    });
    const email = page.getByRole("textbox", { name: "Your email" });
    await email.click();
    await page.keyboard.type("me@ex");
    const news = await addWidget(page, { id: "late" });
    await news.getByRole("heading", { level: 3, name: /^Fake recall letters/ }).waitFor();
    await page.keyboard.type("ample.com");
    assert.equal(await email.inputValue(), "me@example.com");
    // The focus stayed out: the story is announced instead, its headline in its own language.
    const said = news.getByRole("status");
    assert.match(await said.innerText(), /^Story: Fake recall letters/);
    assert.equal(await said.locator("span").getAttribute("lang"), "en");
    assert.deepEqual(page.problems, []);
  });

  it("a new look, language or set of links applies in place: the reader goes on typing, and the page keeps its focus", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      window.__events = [];
      for (const name of ["gazette:ready", "gazette:select"]) document.addEventListener(name, () => window.__events.push(name));
    });
    const news = await addWidget(page, { id: "w" });
    const search = news.getByRole("searchbox");
    await search.click();
    await page.keyboard.type("tes");
    await news.evaluate((el) => el.setAttribute("layout", "list"));
    await page.keyboard.type("sera");
    assert.equal(await search.inputValue(), "tessera");
    assert.equal(await news.evaluate((el) => el.shadowRoot.querySelector(".gazette").classList.contains("gz-layout-list")), true);
    // With a story open, a host button changes the theme and the language.
    await news.getByRole("article").first().getByRole("link").first().click();
    await news.getByRole("link", { name: /Back to all stories/ }).waitFor();
    await page.evaluate(() => {
      const b = document.createElement("button");
      b.textContent = "Dark mode";
      b.addEventListener("click", () => {
        const w = document.getElementById("w");
        w.setAttribute("theme", "dark");
        w.setAttribute("locale", "de");
      });
      document.querySelector("main").prepend(b);
    });
    await page.getByRole("button", { name: "Dark mode" }).click();
    await news.getByRole("link", { name: /Zurück zu allen Artikeln/ }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Dark mode");
    assert.deepEqual(await page.evaluate(() => window.__events), ["gazette:ready", "gazette:select"], "nothing loads or opens again");
    assert.deepEqual(page.problems, []);
  });

  it("a change that starts the widget again keeps its open story without a second gazette:select, and its focus", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    await page.evaluate(() => {
      window.__selected = [];
      document.addEventListener("gazette:select", (e) => window.__selected.push(e.detail.id));
    });
    const news = await addWidget(page, { id: "r" });
    await news.getByRole("article").first().getByRole("link").first().click();
    const back = news.getByRole("link", { name: /Back to all stories/ });
    await back.focus();
    await news.evaluate((el) => el.setAttribute("categories", "Markets"));
    await news.getByRole("heading", { level: 3 }).first().waitFor();
    await page.waitForFunction(() => document.getElementById("r").shadowRoot.activeElement?.matches("h3, .gz-title"));
    assert.equal((await page.evaluate(() => window.__selected)).length, 1);
    // Closed, the story gives way to a list of the new categories (not to the entry of the
    // list the reader had opened it from, of every category).
    await page.keyboard.press("Escape");
    await news.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    await page.waitForFunction(() => !location.search.includes("r.story"));
    // (The page's categories are the widget's first view: not written in the address.)
    assert.doesNotMatch(await page.evaluate(() => location.search), /r\./);
    assert.equal(await news.getByRole("button", { name: /^Markets/, pressed: true }).count(), 1);
    // A story the reader opens afterwards is announced again.
    await news.getByRole("article").first().getByRole("link").first().click();
    await page.waitForFunction(() => window.__selected.length === 2);
    assert.deepEqual(page.problems, []);
  });

  it("the reader goes on typing through a restart, and a new page size applies in place", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "t", "page-size": "4" });
    await news.getByRole("article").first().waitFor();
    assert.equal(await news.getByRole("article").count(), 4);
    await news.evaluate((el) => el.setAttribute("page-size", "6"));
    await page.waitForFunction(() => document.getElementById("t").shadowRoot.querySelectorAll("article").length === 6);
    const search = news.getByRole("searchbox");
    await search.click();
    await page.keyboard.type("stable");
    // Within the pause before typing reaches the address, the host starts the widget again.
    await news.evaluate((el) => el.setAttribute("categories", "Markets"));
    await page.keyboard.type("coin");
    await page.waitForFunction(() => document.getElementById("t").shadowRoot.activeElement?.matches("input[type=search]"));
    await page.waitForFunction(() => document.getElementById("t").shadowRoot.querySelector("input[type=search]").value === "stablecoin");
    await news.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it("a change of the host's that takes away the element in focus leaves the focus on the widget's title", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "f", "page-size": "6" });
    const onTitle = () => page.waitForFunction(() => document.getElementById("f").shadowRoot.activeElement?.matches(".gz-title"));
    await news.getByRole("searchbox").click();
    await news.evaluate((el) => el.setAttribute("controls", "none"));
    await onTitle();
    // A card beyond a smaller page size.
    await news.getByRole("article").last().getByRole("link").first().focus();
    await news.evaluate((el) => el.setAttribute("page-size", "2"));
    await page.waitForFunction(() => document.getElementById("f").shadowRoot.querySelectorAll("article").length === 2);
    await onTitle();
    assert.deepEqual(page.problems, []);
  });

  it("names in the console a preset category no story has, and shows it chosen", async () => {
    // A page at `path` with a widget of `attrs`, once its chip `pressed` shows pressed and its
    // stories are in; `named`: the page's console warnings about a missing category.
    const open = async (path, attrs, pressed) => {
      const page = await ctx.open(path);
      const warnings = [];
      page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
      const news = await addWidget(page, attrs);
      await news.getByRole("button", { name: pressed, pressed: true }).waitFor();
      await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelectorAll("article").length > 0, attrs.id);
      return { page, news, warnings, named: () => warnings.filter((w) => w.includes("no story has the category")) };
    };
    const { page, warnings, named } = await open("/fixtures/blank.html", { id: "k", categories: "markets, Nonexistent" }, /^Nonexistent/);
    assert.equal(named().length, 1, warnings.join("\n"));
    assert.match(named()[0], /"Nonexistent"/);
    assert.doesNotMatch(named()[0], /"markets"/, "a category written in another case is found");
    // The page's setFilters call names one too, and one in another case.
    await page.evaluate(() => document.getElementById("k").setFilters({ categories: ["Sports", "security"] }));
    await page.waitForFunction(() => document.getElementById("k").shadowRoot.querySelector('[data-name="Sports"][aria-pressed="true"]'));
    // (The console's messages reach the test on their own way: a few frames at most.)
    for (let frames = 0; named().length < 2 && frames < 60; frames++) await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.equal(named().length, 2, warnings.join("\n"));
    assert.match(named()[1], /"Sports" \(setFilters\)/);
    assert.doesNotMatch(named()[1], /security/i);
    assert.deepEqual(page.problems, []);

    // The address chose other categories: the preset was never chosen, and nothing is said.
    const linked = await open("/fixtures/blank.html?m.cat=Markets", { id: "m", categories: "Nonexistent" }, /^Markets/);
    assert.deepEqual(linked.named(), []);
    assert.equal(await linked.news.getByRole("button", { name: /^Nonexistent/ }).count(), 0);
    assert.deepEqual(linked.page.problems, []);
  });

  it("Back returns to the first view the page set up (its categories, its calls before the stories were in); a link keeps the reader's", async () => {
    // Every address the page's history is given.
    const init = () => {
      window.__writes = [];
      for (const name of ["pushState", "replaceState"]) {
        const write = history[name].bind(history);
        history[name] = (state, title, url) => (window.__writes.push(String(new URL(url ?? location.href, location.href).search)), write(state, title, url));
      }
    };
    const writes = (page) => page.evaluate(() => window.__writes);
    const page = await ctx.open("/fixtures/blank.html", { init });
    const news = await addWidget(page, { id: "p", categories: "markets" });
    const status = news.getByRole("status");
    const chip = (name, pressed) => news.getByRole("button", { name: new RegExp(`^${name}`), pressed });
    const params = () => new URL(page.url()).search;
    await chip("Markets", true).waitFor();
    await status.filter({ hasText: /^8 stories match$/ }).waitFor();
    assert.equal(params(), "", "the first view is not written in the address");

    await chip("Security", false).click();
    await page.waitForURL(/p\.cat=Security/);
    await page.goBack();
    await status.filter({ hasText: /^8 stories match$/ }).waitFor();
    assert.equal(await chip("Markets", true).count(), 1);
    assert.equal(params(), "");

    // Every category, where the page chose one: written as such, and Back undoes it.
    await chip("All", false).click();
    await status.filter({ hasText: /^51 stories$/ }).waitFor();
    await page.waitForURL(/[?&]p\.cat=(&|$)/);
    const everything = page.url();
    await page.goBack();
    await status.filter({ hasText: /^8 stories match$/ }).waitFor();
    await page.goForward();
    await status.filter({ hasText: /^51 stories$/ }).waitFor();
    // The link opens the reader's view, not the page's.
    const linked = await ctx.open(new URL(everything).pathname + new URL(everything).search);
    const again = await addWidget(linked, { id: "p", categories: "markets" });
    await again.getByRole("status").filter({ hasText: /^51 stories$/ }).waitFor();
    // (The preset, in any case, was never written: the history had only the reader's changes.)
    assert.deepEqual((await writes(page)).filter((w) => /^\?p\.cat=Markets$/i.test(w)), []);

    // Calls made before the stories are in set up the first view too.
    const called = await ctx.open("/fixtures/blank.html", { init });
    const q = await addWidget(called, { id: "q" }, [["setQuery", "token"], ["setFilters", { sort: "newest" }]]);
    await q.getByRole("status").filter({ hasText: /match, newest first$|match$/ }).waitFor();
    assert.equal(await q.getByLabel("Search stories").inputValue(), "token");
    assert.equal(new URL(called.url()).search, "");
    await q.getByRole("button", { name: /^Markets/ }).click();
    await called.waitForURL(/q\.cat=Markets/);
    await called.goBack();
    await called.waitForURL((u) => u.search === "");
    await q.getByRole("button", { name: /^Markets/, pressed: false }).waitFor();
    assert.equal(await q.getByLabel("Search stories").inputValue(), "token");
    assert.equal(await q.getByLabel("Sort").inputValue(), "newest");
    assert.deepEqual((await writes(called)).filter((w) => /q\.(q|sort)=/.test(w)), [], "the page's calls are never written");
    // New categories from the page start the widget again: the page's calls are made again.
    await q.evaluate((el) => el.setAttribute("categories", "DeFi"));
    await q.getByRole("button", { name: /^DeFi/, pressed: true }).waitFor();
    await q.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.equal(await q.getByLabel("Search stories").inputValue(), "token");
    assert.equal(await q.getByLabel("Sort").inputValue(), "newest");

    // A link with the reader's own order, on a page that asks for another before the stories
    // are in: the link's order shows, and stays in the address.
    const ordered = await ctx.open("/fixtures/blank.html?o.sort=relevance&o.q=token");
    const o = await addWidget(ordered, { id: "o" }, [["setFilters", { sort: "newest" }]]);
    await o.getByRole("status").filter({ hasText: /match$/ }).waitFor();
    assert.equal(await o.getByLabel("Sort").inputValue(), "relevance");
    await o.getByRole("button", { name: /^Markets/ }).click();
    await ordered.waitForURL(/o\.cat=Markets/);
    assert.match(ordered.url(), /o\.sort=relevance/);
    assert.deepEqual([...page.problems, ...linked.problems, ...called.problems, ...ordered.problems], []);
  });

  it("new categories from the page replace the reader's, also after the reader has searched", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "t", categories: "markets" });
    await news.getByRole("button", { name: /^DeFi/ }).click();
    await page.waitForURL(/t\.cat=DeFi/);
    // (At once: the typing is not in the address yet.)
    await news.getByLabel("Search stories").fill("to");
    await news.evaluate((el) => el.setAttribute("categories", "culture"));
    await news.getByRole("button", { name: /^Culture/, pressed: true }).waitFor();
    assert.equal(await news.getByLabel("Search stories").inputValue(), "to");
    // (Written in the address by now, if it ever were: the search pause has passed since.)
    await page.waitForURL((u) => u.searchParams.get("t.q") === "to");
    assert.equal(await news.locator("[aria-pressed=true]").count(), 1, "Markets and DeFi are no longer chosen");
    assert.equal(new URL(page.url()).searchParams.getAll("t.cat").length, 0);
    assert.deepEqual(page.problems, []);
  });

  it("after a restart on a slow connection, the reader types on in the search box as soon as the first stories show", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "h", src: "/held/static/articles.json?key=restart" });
    await news.getByRole("article").first().waitFor();
    await news.getByRole("searchbox").click();
    await page.keyboard.type("tess");
    // In another case than the feed's: the preview already shows the category's stories.
    await news.evaluate((el) => el.setAttribute("categories", "markets"));
    await news.getByRole("button", { name: /^Markets/, pressed: true }).waitFor();
    assert.equal(await news.getByRole("button", { name: /^markets/ }).count(), 0);
    await page.keyboard.type("e");
    // The rest of the document has not come: the widget still shows a preview.
    await page.waitForFunction(() => {
      const root = document.getElementById("h").shadowRoot;
      return root.activeElement?.matches("input[type=search]") && root.activeElement.value === "tesse";
    });
    assert.equal(await news.getByRole("progressbar").count(), 1);
    await page.keyboard.type("ra");
    assert.equal(await news.getByRole("searchbox").inputValue(), "tessera");
    await fetch(`${ctx.server.url}/release/restart`);
    await news.getByRole("status").filter({ hasText: /match/ }).waitFor();
    assert.deepEqual(page.problems, []);
  });

  it("a widget that keeps nothing in the address keeps the reader's search through a restart too", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "o", "url-key": "off" });
    await news.getByRole("article").first().waitFor();
    await news.getByRole("searchbox").click();
    await page.keyboard.type("stable");
    await news.evaluate((el) => el.setAttribute("categories", "Markets"));
    await page.keyboard.type("coin");
    await page.waitForFunction(() => document.getElementById("o").shadowRoot.querySelector("input[type=search]")?.value === "stablecoin");
    assert.equal(await page.evaluate(() => location.search), "");
    assert.deepEqual(page.problems, []);
  });

  it("an attribute's value the widget cannot read keeps the default, and the console says so", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const news = await addWidget(page, {
      id: "typos", layout: "lsit", theme: "sepia", "page-size": "abc", related: "99", open: "popup",
      "link-target": "_top", controls: "search filters", "max-mb": "0",
      page_size: "5", scr: "x.json", colour: "red", "aria-describedby": "x", "data-id": "7", class: "mine",
    });
    await news.getByRole("article").first().waitFor();
    for (const said of [
      'layout takes grid, list, compact or rail; "lsit" was ignored',
      'theme takes auto, light or dark; "sepia" was ignored',
      'page-size takes a whole number from 1 to 200; "abc" was ignored',
      "related takes a whole number from 0 to 24; 99 was read as 24",
      'open takes auto, inside or link; "popup" was ignored',
      'link-target takes _blank or _self; "_top" was ignored',
      'controls takes any of search, chips, dates and sort, or none; "filters" was ignored',
      "max-mb takes a whole number from 1 to 512; 0 was read as 1",
      'Gazette: <gazette-news> has no attribute "page_size" (did you mean "page-size"?); ignored.',
      'Gazette: <gazette-news> has no attribute "scr" (did you mean "src"?); ignored.',
      'Gazette: <gazette-news> has no attribute "colour"; ignored.',
    ]) {
      assert.ok(warnings.some((w) => w.includes(said)), `${said}\n${warnings.join("\n")}`);
    }
    // The defaults: a grid of 12 cards, and only the search box of the controls named.
    assert.equal(await news.getByRole("article").count(), 12);
    assert.ok(await news.getByRole("searchbox").isVisible());
    assert.equal(warnings.filter((w) => w.includes("has no attribute")).length, 3, "none for global, ARIA and data- attributes");
    assert.equal(await news.getByRole("button", { name: /^All/ }).count(), 0);
    // Changing another attribute says nothing again of those; a new typo is said.
    const pageSize = () => warnings.filter((w) => w.includes("page-size takes")).length;
    assert.equal(pageSize(), 1);
    for (const theme of ["dark", "light"]) {
      await news.evaluate((el, theme) => el.setAttribute("theme", theme), theme);
      await page.waitForFunction((theme) => document.getElementById("typos").shadowRoot.querySelector(`.gz-theme-${theme}`), theme);
    }
    const typo = page.waitForEvent("console", (m) => m.text().includes('"xyz" was ignored'));
    await news.evaluate((el) => el.setAttribute("page-size", "xyz"));
    await typo;
    assert.equal(pageSize(), 2, warnings.filter((w) => w.includes("page-size takes")).join("\n"));
    assert.ok(warnings.some((w) => w.includes('"xyz" was ignored')));
    assert.equal(warnings.filter((w) => w.includes("layout takes")).length, 1);
    // A widget written right warns of nothing.
    warnings.length = 0;
    await addWidget(page, { id: "right", layout: "list", theme: "dark", "page-size": "5", "link-target": "_blank", controls: "search sort" });
    await page.locator("#right").getByRole("article").first().waitFor();
    assert.deepEqual(warnings.filter((w) => w.startsWith("Gazette")), []);
    assert.deepEqual(page.problems, []);
  });

  it("Clear all filters leaves the categories the page chose when it hides their chips", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const news = await addWidget(page, { id: "kept", categories: "Markets", controls: "search" });
    await news.getByRole("article").first().waitFor();
    const clear = news.getByRole("button", { name: "Clear all filters" });
    assert.equal(await clear.count(), 0, "no category of the reader's to clear");
    const badges = () => news.getByRole("article").locator(".gz-badge").allInnerTexts();
    assert.ok((await badges()).every((b) => b === "Markets"));
    await news.getByRole("searchbox").fill("zzzq");
    await clear.press("Enter");
    await news.getByRole("article").first().waitFor();
    assert.equal(await news.getByRole("searchbox").inputValue(), "");
    const after = await badges();
    assert.ok(after.length > 0 && after.every((b) => b === "Markets"), after.join());
    assert.deepEqual(page.problems, []);
  });

  it("setQuery() clears on null and ignores what is not text", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const news = await addWidget(page, { id: "q" });
    await news.getByRole("article").first().waitFor();
    const search = news.getByRole("searchbox");
    await news.evaluate((el) => el.setQuery("tessera"));
    await page.waitForFunction(() => document.getElementById("q").shadowRoot.querySelector("input[type=search]").value === "tessera");
    await news.evaluate((el) => el.setQuery({}));
    assert.equal(await search.inputValue(), "tessera");
    assert.ok(warnings.some((w) => w.includes("setQuery() takes a string")), warnings.join("\n"));
    await news.evaluate((el) => el.setQuery(null));
    await page.waitForFunction(() => document.getElementById("q").shadowRoot.querySelector("input[type=search]").value === "");
    assert.ok(!(await page.evaluate(() => location.search)).includes("null"));
    // A query is at most 200 characters, given or typed, and so is its part of the address.
    await news.evaluate((el) => el.setQuery("tessera ".repeat(100)));
    await page.waitForFunction(() => document.getElementById("q").shadowRoot.querySelector("input[type=search]").value !== "");
    assert.equal((await search.inputValue()).length, 200);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q.q")?.length === 200);
    await search.fill("");
    await search.pressSequentially("x".repeat(210));
    assert.equal((await search.inputValue()).length, 200);
    assert.deepEqual(page.problems, []);
  });

  it("the page can follow the reader's view: ready and change carry the search and filters, which setFilters() takes back", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.evaluate(() => {
      window.__seen = [];
      for (const type of ["gazette:ready", "gazette:change"]) {
        document.addEventListener(type, (e) => window.__seen.push({ type, widget: e.target.id, ...e.detail }));
      }
    });
    const news = await addWidget(page, { id: "v" });
    await news.getByRole("status").filter({ hasText: "51 stories" }).waitFor();
    const seen = () => page.evaluate(() => window.__seen.filter((e) => e.widget === "v"));
    const last = async () => (await seen()).at(-1);
    const first = await seen();
    assert.equal(first.length, 1, "the first view comes with ready alone");
    assert.equal(first[0].type, "gazette:ready");
    assert.deepEqual(first[0].filters, { categories: [], authors: [], tags: [], years: [], date: "any", sort: first[0].filters.sort, from: null, to: null });
    assert.equal(first[0].query, "");
    assert.equal(first[0].matching, 51);
    // The reader's own changes, each told with its count.
    await news.getByRole("button", { name: /^DeFi/ }).click();
    await page.waitForFunction(() => window.__seen.length === 2);
    let change = await last();
    assert.equal(change.type, "gazette:change");
    assert.deepEqual(change.filters.categories, ["DeFi"]);
    assert.equal(change.matching, 7);
    await news.getByLabel("Search stories").fill("parallax");
    await page.waitForFunction(() => window.__seen.at(-1).query === "parallax");
    change = await last();
    assert.equal(change.matching, 2);
    await news.getByRole("status").filter({ hasText: "2 stories match" }).waitFor();
    // The page's own call: a custom range, told back in the same form.
    await news.evaluate((el) => el.setFilters({ from: "2023-01-01", to: "2023-12-31" }));
    await page.waitForFunction(() => window.__seen.at(-1).filters.from === "2023-01-01");
    change = await last();
    assert.equal(change.filters.to, "2023-12-31");
    assert.deepEqual(change.filters.categories, ["DeFi"], "the keys not given stay");
    assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get("v.to"), "2023-12-31");
    await news.locator("summary").filter({ hasText: /More filters/ }).click();
    assert.equal(await news.getByLabel("To", { exact: true }).inputValue(), "2023-12-31");
    // A day that is no day leaves the range as it is, and says so.
    await news.evaluate((el) => el.setFilters({ to: "2023-13-01" }));
    assert.ok(warnings.some((w) => w.includes("setFilters() left to as they were")), warnings.join("\n"));
    // Back is a change too.
    const before = (await seen()).length;
    await page.goBack();
    await page.waitForFunction((n) => window.__seen.length > n, before);
    change = await last();
    assert.equal(change.filters.from, null);
    assert.equal(change.query, "parallax");
    // What one widget tells, another takes: the same view, the same count.
    const other = await addWidget(page, { id: "w" });
    await other.getByRole("status").filter({ hasText: "51 stories" }).waitFor();
    await other.evaluate((el, view) => {
      el.setQuery(view.query);
      el.setFilters(view.filters);
    }, change);
    await other.getByRole("status").filter({ hasText: `${change.matching} stories match` }).waitFor();
    assert.ok(await other.getByRole("button", { name: /^DeFi/, pressed: true }).isVisible());
    // null clears a day of the range.
    await news.evaluate((el) => el.setFilters({ from: "2023-01-01", to: null }));
    await page.waitForFunction(() => window.__seen.at(-1).filters.from === "2023-01-01" && window.__seen.at(-1).filters.to === null);
    assert.deepEqual(page.problems, []);
  });

  it("a range the page chose stays out of the address; an end the reader clears is written empty, and the link shows the same view", async () => {
    const page = await ctx.open("/fixtures/blank.html");
    const range = ["setFilters", { from: "2025-01-01", to: "2025-06-30" }];
    let news = await addWidget(page, { id: "r" }, [range]);
    const status = () => news.getByRole("status").innerText();
    await news.getByRole("status").filter({ hasText: /stories match/ }).waitFor();
    const ranged = await status();
    assert.equal(await page.evaluate(() => location.search), "", "the page's range is its first view");
    await news.locator("summary").filter({ hasText: /More filters/ }).click();
    await news.getByLabel("To", { exact: true }).fill("");
    await page.waitForFunction(() => new URLSearchParams(location.search).has("r.to"));
    const params = new URLSearchParams(await page.evaluate(() => location.search));
    assert.deepEqual([...params], [["r.to", ""]]);
    await news.getByRole("status").filter({ hasNotText: ranged }).waitFor();
    const openEnded = await status();
    // The same page opened from that link (the widget made and given its range again).
    await page.reload();
    news = await addWidget(page, { id: "r" }, [range]);
    await news.getByRole("status").filter({ hasText: /stories match/ }).waitFor();
    assert.equal(await status(), openEnded);
    await news.locator("summary").filter({ hasText: /More filters/ }).click();
    assert.equal(await news.getByLabel("To", { exact: true }).inputValue(), "");
    assert.equal(await news.getByLabel("From", { exact: true }).inputValue(), "2025-01-01");
    assert.deepEqual([...new URLSearchParams(await page.evaluate(() => location.search))], [["r.to", ""]]);
    assert.deepEqual(page.problems, []);
  });
});

// End-to-end scenario: a site embeds two widgets with embed.js and its own look.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertAccessible, headlines, nextFrames, setup } from "./helpers.mjs";

const ctx = setup();

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

  it("closing a story goes back to its list's entry even after the other widget added entries", async () => {
    const page = await ctx.open("/fixtures/two-widgets.html");
    const left = page.locator("#left");
    const right = page.locator("#right");
    await left.getByRole("article").first().waitFor();
    await right.getByRole("link", { name: "The old lighthouse reopens as a museum" }).click();
    await right.getByRole("heading", { level: 3, name: "The old lighthouse reopens as a museum" }).waitFor();
    const entries = await page.evaluate(() => history.length);
    await left.getByRole("button", { name: /^Markets/ }).click();
    await page.waitForURL(/\.cat=Markets/);
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await right.getByRole("heading", { level: 3, name: "The old lighthouse reopens as a museum" }).press("Escape");
    await page.waitForURL((u) => !u.search.includes(".story="));
    assert.equal(await page.evaluate(() => history.length), entries + 1, "no entry added");
    // Going back to before the story also undid the other widget's later change.
    assert.ok(!page.url().includes(".cat="), page.url());
    assert.deepEqual(page.problems, []);
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
});

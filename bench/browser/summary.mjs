// The figures of a timing harness's runs: median, min and max of each measure, printed as a
// table and written as JSON (with the runs themselves and `extra` facts about the run).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Prints the table of `rows` (one object of measures per run) under `title`, and writes `out`. */
export async function summarise(rows, { title, out, extra = {} }) {
  const keys = Object.keys(rows[0]);
  const summary = Object.fromEntries(keys.map((k) => {
    const xs = rows.map((r) => r[k]);
    return [k, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }];
  }));
  console.log(title);
  console.log("| measure | median | min | max |\n|---|---|---|---|");
  // Small fractions (a layout shift's score) keep their digits.
  const show = (x) => x.toFixed(Math.abs(x) < 1 && x !== 0 ? 4 : 1);
  for (const k of keys) console.log(`| ${k} | ${show(summary[k].median)} | ${show(summary[k].min)} | ${show(summary[k].max)} |`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ date: new Date().toISOString(), ...extra, runs: rows.length, summary, rows }, null, 2));
  console.log(`wrote ${out}`);
}

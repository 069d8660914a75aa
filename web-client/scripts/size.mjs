// Gzipped size of the JavaScript (and CSS) a first visit loads: the entry, what it imports
// statically, one language's texts, and the first screen's chunk with its imports.
// Usage: npm run size [-- <screen file, default src/screens/language/LanguageScreen.tsx> [<lang>]]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const screen = process.argv[2] ?? "src/screens/language/LanguageScreen.tsx";
const language = process.argv[3] ?? "de";

const files = new Set();
function follow(key) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) follow(imported);
}
follow("index.html");
follow(screen);
follow(`src/generated/messages/${language}.json`);

let js = 0;
let css = 0;
for (const file of [...files].sort()) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  if (file.endsWith(".css")) css += size;
  else js += size;
  console.log(`${String(size).padStart(7)} B  ${file}`);
}
console.log(
  `${(js / 1024).toFixed(1)} KB gzipped JavaScript (+ ${(css / 1024).toFixed(1)} KB CSS) for ${screen} in ${language}; budget 150 KB`,
);
if (js > 150 * 1024) process.exit(1);

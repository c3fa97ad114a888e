// Runs the QR decoding benchmark page (dist/bench/qr.html) in Debian's
// Chromium and prints success per category and median ms per image at
// 640×480 and 1280×720 for zz-qr (wasm), zxing-wasm, jsQR, @zxing/library;
// with ZXING_CPP=file.json (from tests/qr/zxingcpp_eval.py --json) and
// ZZ_NATIVE=file.json (zz-qr's qr_bench_eval --json) as extra columns.
// usage: node scripts/bench-qr.mjs SITE   (SITE/bench/qr-set holds the set)
import { readFile } from "node:fs/promises";
import { serve, launch } from "../tests/e2e/lib.mjs";

const site = process.argv[2] ?? "dist";
const server = await serve(site);
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${server.url}bench/qr.html`);
await page.waitForFunction(() => window.qrResults, null, { timeout: 900000, polling: 1000 });
const results = await page.evaluate(() => window.qrResults);
await browser.close();
await server.close();

const extra = [];
for (const [name, env] of [["zxing-cpp (PyPI, native)", "ZXING_CPP"], ["zz-qr (native)", "ZZ_NATIVE"]]) {
  if (process.env[env]) {
    for (const r of JSON.parse(await readFile(process.env[env], "utf8"))) results.push({ ...r, decoder: name });
    extra.push(name);
  }
}
const decoders = [...new Set(results.map((r) => r.decoder))];
const categories = [...new Set(results.map((r) => r.category))].sort();
const cell = (r) => `${String(Math.round((100 * r.ok) / r.total)).padStart(3)} % ${r.ms640.toFixed(1).padStart(6)} ${r.ms1280.toFixed(1).padStart(6)}`;
console.log(`| category | ${decoders.join(" | ")} |`);
console.log(`|---|${decoders.map(() => "---").join("|")}|`);
for (const c of categories) {
  console.log(`| ${c} | ${decoders.map((d) => cell(results.find((r) => r.category === c && r.decoder === d))).join(" | ")} |`);
}
console.log("(each cell: share of images fully read, then median ms per image at 640×480 and at 1280×720)");
const zz = results.filter((r) => r.decoder === "zz-qr (wasm)");
for (const other of decoders.filter((d) => d !== "zz-qr (wasm)")) {
  const worse = zz.filter((r) => r.ok < results.find((x) => x.category === r.category && x.decoder === other).ok).map((r) => r.category);
  console.log(`zz-qr (wasm) reads fewer than ${other} in: ${worse.length ? worse.join(", ") : "no category"}`);
}

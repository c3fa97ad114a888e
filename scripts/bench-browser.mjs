// Runs the in-browser benchmarks in Debian's Chromium and prints them:
//  1. verification per license (public/bench/) against bare Ed25519 checks;
//  2. catalog search per keystroke in the portal with a 10,000-type catalog
//     (SITE_BIG: a copy of the site whose trust files hold that catalog);
//  3. the first load's total transfer, gzip.
// usage: node scripts/bench-browser.mjs SITE SITE_BIG
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { serve, launch } from "../tests/e2e/lib.mjs";

const [site, bigSite] = process.argv.slice(2);
const browser = await launch();

// 1. Verification.
{
  const server = await serve(site);
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/?ms=10000`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 120000 });
  const { results, rounds, conversions } = await page.evaluate(() => window.benchResults);
  console.log(`verification in Chromium (${rounds} rounds, median batch):`);
  for (const r of results) console.log(`  ${r.name.padEnd(66)} ${r.us.toFixed(1).padStart(8)} µs  ${r.ratio.toFixed(2)}×`);
  const get = (s) => results.find((r) => r.name.includes(s)).us;
  for (const which of ["read the verdict (verify)", "read every part"]) {
    const lic = results.find((r) => r.name.includes("verify a license") && r.name.includes(which)).us;
    console.log(`  license (${which}) / bare verify_strict: ${(lic / get("bare")).toFixed(2)}×` +
      `; libsodium / license: ${(get("libsodium") / lic).toFixed(2)}×; noble / license: ${(get("noble") / lic).toFixed(1)}×`);
  }
  console.log("conversion into plain JS objects, µs per call: one JSON string | serde-wasm-bindgen");
  for (const c of conversions) {
    console.log(`  ${c.name.padEnd(40)} ${c.json.toFixed(1).padStart(8)} | ${c.serde.toFixed(1).padStart(8)}  (${c.serde < c.json ? "serde" : "JSON"} faster, ${(Math.max(c.json, c.serde) / Math.min(c.json, c.serde)).toFixed(2)}×)`);
  }
  await page.close();
  await server.close();
}

// 2. Catalog search per keystroke, in the portal, 10,000 types.
if (bigSite) {
  const server = await serve(bigSite);
  const page = await browser.newPage();
  await page.goto(`${server.url}#/catalog`);
  await page.waitForSelector("#q", { timeout: 60000 });
  const types = await page.evaluate(() => document.querySelector(".count").textContent);
  await page.evaluate(() => performance.clearMeasures("zz-search"));
  const timings = await page.evaluate(async () => {
    const input = document.getElementById("q");
    const count = document.querySelector(".count");
    const out = [];
    const words = ["yyzz", "许可证", "营业执照", "sh", "110000", "道路运输经营", "jzy", "food business"];
    for (const word of [...words, ...words, ...words]) {
      for (let i = 1; i <= word.length; i++) {
        const value = word.slice(0, i);
        const t = performance.now();
        input.value = value;
        input.dispatchEvent(new InputEvent("input", { bubbles: true }));
        // Yew renders in a microtask: by the next task the DOM is updated.
        // (A message, not setTimeout, which Chromium clamps to 4 ms.)
        await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
        // Make the browser lay the page out, as a frame would.
        document.body.getBoundingClientRect();
        out.push({ value, ms: performance.now() - t, count: count.textContent });
      }
      input.value = "";
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  });
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))].toFixed(1);
  console.log(`catalog search in the portal (${types.trim()}): ${timings.length} keystrokes, ` +
    `median ${pct(0.5)} ms, 95th percentile ${pct(0.95)} ms, worst ${pct(1)} ms per keystroke (input to DOM updated)`);
  const search = (await page.evaluate(() => performance.getEntriesByName("zz-search").map((m) => m.duration)))
    .sort((a, b) => a - b);
  const sp = (p) => search[Math.min(search.length - 1, Math.floor(search.length * p))].toFixed(2);
  console.log(`  the search itself (User Timing "zz-search", ${search.length} renders): median ${sp(0.5)} ms, 95th percentile ${sp(0.95)} ms, worst ${sp(1)} ms`);
  const slow = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`  slowest: ${slow.map((t) => `"${t.value}" ${t.ms.toFixed(1)} ms`).join(", ")}`);
  await page.close();
  await server.close();
}

// 4. OFD and SM2 (public/bench/ofd.html): ours in wasm against sm-crypto.
{
  const server = await serve(site);
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/ofd.html?ms=10000`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 120000 });
  const { results, rounds, ofdBytes, smCryptoOverOurs } = await page.evaluate(() => window.benchResults);
  console.log(`OFD and SM2 in Chromium (${rounds} rounds, median batch; the sealed demo file is ${(ofdBytes / 1024).toFixed(1)} KB):`);
  for (const r of results) console.log(`  ${r.name.padEnd(66)} ${r.us.toFixed(1).padStart(9)} µs`);
  const sm2 = results[0].us, full = results[2].us;
  console.log(`  sm-crypto / ours: ${smCryptoOverOurs.toFixed(1)}×; the full verification's 6 SM2 verifications ≈ ${(100 * 6 * sm2 / full).toFixed(0)} % of it`);
  await page.close();
  await server.close();
}

// 3. First load: every file the service worker precaches, plus the page.
{
  const sw = await readFile(`${site}/sw.js`, "utf8");
  const list = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
  let raw = 0, gz = 0;
  const rows = [];
  for (const f of list) {
    const body = await readFile(`${site}/${f === "./" ? "index.html" : f}`);
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += z;
    rows.push([f, z]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`first load (${list.length} requests incl. the service worker's precache): ${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip`);
  for (const [f, z] of rows.slice(0, 5)) console.log(`  ${f.padEnd(50)} ${(z / 1024).toFixed(1)} KB gzip`);
}
await browser.close();

// The trust anchor in real headless Chromium: the roots are pinned on
// first use, roots served later that differ are not used (a notice on every
// page, adopted only by an administrator's confirmed action), and the demo
// root is flagged on every page. Service workers are blocked here so that
// the test controls what the network serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { site, signedIn } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const ART = "tests/artifacts";
// Another authority's root (any usable key will do: nothing it signs is served).
const OTHER_ROOT = "# another authority (zz keygen --seed \"another authority (e2e test)\")\n53f7ad9650d163e5699d140ba8f50ffb65587cfcb9ada8d7f9fa860c3719dcd0\n";

const ctx = site(DIST, ART);

async function verdictOf(page, file) {
  await page.goto(ctx.server.url + "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${DIST}/samples/${file}`);
  await page.waitForSelector(`[data-verdict]`);
  return page.getAttribute("[data-verdict]", "data-verdict");
}

test("the demo root is flagged on every page, the kiosk included", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN", serviceWorkers: "block" });
  await signedIn(context);
  const page = await context.newPage();
  for (const hash of ["", "#/verify", "#/catalog", "#/counter", "#/log", "#/settings"]) {
    await page.goto(ctx.server.url + hash);
    await page.waitForSelector("[data-testid=demo-banner]");
    assert.match(await page.textContent("[data-testid=demo-banner]"), /演示数据.*不得用于真实核验/);
  }
  await page.goto(ctx.server.url + "?kiosk");
  await page.waitForSelector("[data-testid=demo-banner]");
  await context.close();
});

test("roots are pinned on first use; other roots served later are refused with a notice", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN", serviceWorkers: "block" });
  await signedIn(context);
  const page = await context.newPage();
  // First visit: the served (demo) roots are pinned.
  assert.equal(await verdictOf(page, "valid-business-license.zzl"), "valid");
  assert.equal(await page.locator("[data-testid=roots-changed]").count(), 0);
  // Whoever serves roots.txt now serves another authority's root.
  await context.route("**/trust/roots.txt", (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: OTHER_ROOT }));
  await page.goto(ctx.server.url);
  await page.waitForSelector("[data-testid=roots-changed]");
  assert.match(await page.textContent("[data-testid=roots-changed]"), /根密钥已更改/);
  // Verification still uses the pinned roots: the demo bundle still loads.
  assert.equal(await verdictOf(page, "valid-business-license.zzl"), "valid");
  await page.waitForSelector("[data-testid=roots-changed]");
  await page.screenshot({ path: `${ART}/roots-changed.png`, fullPage: true });
  // Adopting is an administrator's action: dismissing the confirmation
  // changes nothing.
  await page.goto(ctx.server.url + "#/settings");
  await page.waitForSelector("[data-testid=adopt-roots]");
  page.once("dialog", (d) => d.dismiss());
  await page.click("[data-testid=adopt-roots]");
  await page.goto(ctx.server.url + "#/settings");
  await page.waitForSelector("[data-testid=roots-changed]");
  assert.equal(await verdictOf(page, "valid-business-license.zzl"), "valid");
  // Confirmed: the new roots are pinned, and the demo bundle, signed by
  // the old root, is no longer trusted.
  await page.goto(ctx.server.url + "#/settings");
  await page.waitForSelector("[data-testid=adopt-roots]");
  page.once("dialog", (d) => d.accept());
  await page.click("[data-testid=adopt-roots]");
  await page.waitForSelector(".alert.error[role=alert]");
  await page.waitForFunction(() => /无法加载信任数据/.test(document.body.textContent));
  assert.equal(await page.locator("[data-testid=roots-changed]").count(), 0);
  await context.close();
});

test("a Content-Security-Policy is in force, and the app and its decoder worker run under it", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN" });
  await signedIn(context);
  const page = await context.newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(ctx.server.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  // The app verifies: a license file, then a photo of its QR code, which
  // goes through the decoder worker.
  assert.equal(await verdictOf(page, "valid-business-license.zzl"), "valid");
  await page.setInputFiles("#file", `${DIST}/samples/valid-business-license.png`);
  await page.waitForFunction(() =>
    document.querySelector("[data-verdict]")?.closest(".result")?.textContent.includes("valid-business-license.png"));
  assert.equal(await page.getAttribute("[data-verdict]", "data-verdict"), "valid");
  for (const hash of ["#/catalog", "#/matters", "#/counter", "#/log", "#/settings"]) {
    await page.goto(ctx.server.url + hash);
    await page.waitForSelector("main h1");
  }
  // A request to another origin is blocked by the policy itself.
  const blocked = await page.evaluate(async () => {
    try { await fetch("http://127.0.0.2:9/x"); return false; } catch { return true; }
  });
  assert.ok(blocked);
  const seen = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(seen.filter((v) => !v.includes("127.0.0.2")), []);
  assert.ok(seen.some((v) => v.startsWith("connect-src")), "the cross-origin fetch was refused by connect-src");
  assert.deepEqual(violations.filter((v) => !v.includes("127.0.0.2")), []);
  await context.close();
});

test("the workers' and the staff pages' files are named by their content, and the service worker's version covers them", async () => {
  const { readdir, readFile: read } = await import("node:fs/promises");
  const names = await readdir(DIST);
  const sw = await read(`${DIST}/sw.js`, "utf8");
  assert.match(sw, /const VERSION = "[0-9a-f]{16}";/);
  // The staff pages (counter, log, settings) are a second program, loaded
  // on first use like the workers.
  for (const worker of ["zz-decoder", "zz-ofd", "zz-staff"]) {
    const files = names.filter((n) => n.startsWith(`${worker}-`) || n.startsWith(`${worker}.`) || n.startsWith(`${worker}_`));
    assert.ok(!files.includes(`${worker}.js`) && !files.includes(`${worker}_bg.wasm`), files.join(", "));
    const js = files.find((n) => new RegExp(`^${worker}-[0-9a-f]{16}\\.js$`).test(n));
    const wasm = files.find((n) => new RegExp(`^${worker}-[0-9a-f]{16}_bg\\.wasm$`).test(n));
    assert.ok(js && wasm, files.join(", "));
    const loader = await read(`${DIST}/${worker}_loader.js`, "utf8");
    assert.ok(loader.includes(js) && loader.includes(wasm), loader);
    assert.doesNotMatch(sw, new RegExp(`"${worker}[^"]*"`), `${worker} is not precached`);
  }
  // Benchmark pages (third-party libraries) and the example are not deployed.
  assert.ok(!names.includes("bench") && !names.includes("example"), names.join(", "));
});

test("a device upgraded from one trust seq for all roots keeps it until marks per root exist", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN", serviceWorkers: "block" });
  const page = await context.newPage();
  // Set what an earlier version stored, before the app first runs here
  // (signing staff in runs it).
  await page.goto(ctx.server.url + "trust/roots.txt");
  await page.evaluate(() => localStorage.setItem("zz.maxTrustSeq", "8"));
  await signedIn(context);
  await page.goto(ctx.server.url + "#/settings");
  await page.waitForFunction(() => /无法加载信任数据/.test(document.body.textContent));
  assert.match(await page.textContent("main"), /不允许回退/);
  // With seq 7 seen before, the shipped bundle (seq 7) loads, and the old
  // key gives way to marks per root.
  await page.evaluate(() => localStorage.setItem("zz.maxTrustSeq", "7"));
  await page.reload();
  await page.waitForSelector("[data-testid=trust-seq]");
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.maxTrustSeq")), null);
  const marks = JSON.parse(await page.evaluate(() => localStorage.getItem("zz.highWater")));
  // One mark per root: the home authority's (7) and the neighbouring
  // province's (3, trust/authorities.json).
  assert.deepEqual(Object.values(marks).map((m) => m.trustSeq).sort(), [3, 7]);
  await context.close();
});

// 亮证 (issue 21, SPEC section 13) in real Chromium, two pages in one
// test: a citizen's wallet on a phone viewport and a verifier on a desk.
// The wallet makes its device key; the issuer binds a license to it
// (`zz issue --holder-key`); the wallet shows it live; the verifier finds
// it valid; the same code replayed after the refresh window is invalid
// (fake clock); the challenge flow end to end; the wallet works offline
// after its first load; the counter's challenge shown as a QR code and
// answered; the wallet's camera adds a license and scans a challenge
// (Chromium's fake camera). Screenshots: tests/artifacts/wallet-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axe, site, signedIn, launch } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const ART = "tests/artifacts";
const ZZ = process.env.ZZ ?? "target/release/zz";
const KEYS = process.env.DEMO_KEYS ?? "public/demo/demo-keys";
const MEDIA = process.env.E2E_MEDIA ?? "target/e2e-media";
// The nonce shown by target/e2e-media/challenge.y4m (scripts/test.sh).
const MEDIA_NONCE = Buffer.from("ZZ1 demo nonce!!").toString("hex").toUpperCase();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const ctx = site(DIST, ART);

/** A license like the demo's driving licence, bound to `jwk`, as ZZ1: text. */
function issueBound(jwk) {
  const dir = mkdtempSync(join(tmpdir(), "zz-wallet-"));
  const sample = JSON.parse(execFileSync(ZZ, ["verify", `${DIST}/samples/valid-driving-license.zzl`, "--json",
    "--bundle", `${DIST}/trust/bundle.zzb`, "--roots", `${DIST}/trust/roots.txt`, "--now", "1795311000"], { encoding: "utf8" }));
  const l = sample.license;
  const draft = { type: l.type, no: l.no, id: l.id, holder: l.holder, issuer: l.issuer, issued: l.issued,
    validFrom: l.validFrom, validTo: l.validTo, fields: l.fields, status: l.status };
  writeFileSync(join(dir, "license.json"), JSON.stringify(draft));
  writeFileSync(join(dir, "holder.jwk"), jwk);
  execFileSync(ZZ, ["issue", join(dir, "license.json"), "--key", `${KEYS}/traffic.json`, "--holder-key", join(dir, "holder.jwk"),
    "--out", join(dir, "bound.zzl"), "--text", join(dir, "bound.txt")], { stdio: "pipe" });
  return readFileSync(join(dir, "bound.txt"), "utf8").trim();
}

/** Pastes ZZ1: text on the verify page and waits for a new result. */
async function verifyText(page, text) {
  const old = await page.evaluate(() => document.querySelector("section.result")?.textContent ?? null);
  await page.fill("#zz1", text);
  // Submitted as the form (a result drawn over the button may take a click).
  await page.$eval("form.paste", (f) => f.requestSubmit());
  try {
    await page.waitForFunction((o) => {
      const r = document.querySelector("section.result[data-verdict]");
      return r && r.textContent !== o;
    }, old, { timeout: 20000 });
  } catch (e) {
    throw new Error(`no new result; on screen: ${(old ?? "").slice(0, 400)}`);
  }
  return page.getAttribute("section.result", "data-verdict");
}

test("bind, issue, keep, show live; the verifier finds it valid, a replay invalid, a challenge answered", async () => {
  const phone = await ctx.browser.newContext({ locale: "zh-CN", ...PHONE });
  const wallet = await phone.newPage();
  const errors = [];
  wallet.on("pageerror", (e) => errors.push(e.message));
  await wallet.goto(`${ctx.server.url}#/wallet`);
  await wallet.waitForSelector("#public-key");
  const jwk = (await wallet.textContent("#public-key")).trim();
  assert.match(jwk, /"kty":"(OKP|EC)"/);
  await wallet.screenshot({ path: `${ART}/wallet-bind.png`, fullPage: true });

  // The issuer binds a license to this device; the holder adds it.
  const text = issueBound(jwk);
  await wallet.fill("#wallet-text", text);
  await wallet.click("#wallet-add");
  await wallet.waitForSelector('#wallet-list li[data-bound="true"]');
  assert.equal(await wallet.getAttribute("#wallet-list li", "data-verdict"), "valid", "its own license, not a copy");
  await axe(wallet, "the wallet");

  // The verifier, at a desk: a bare bound license is a copy.
  const desk = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } });
  await signedIn(desk);
  const counter = await desk.newPage();
  counter.on("pageerror", (e) => errors.push(e.message));
  await counter.goto(`${ctx.server.url}#/verify`);
  await counter.waitForSelector("#zz1");
  assert.equal(await verifyText(counter, text), "indeterminate");
  assert.match(await counter.textContent("section.result"), /这是证照复制件（截图\/照片），请持证人现场亮证/);

  // Shown live: valid.
  await wallet.click('[data-testid="show-live"]');
  await wallet.waitForSelector("#live-code [data-code]");
  assert.match(await wallet.textContent("#live-code .countdown"), /秒后刷新/);
  await wallet.screenshot({ path: `${ART}/wallet-live.png` });
  const live = await wallet.getAttribute("#live-code [data-code]", "data-code");
  await counter.clock.install();
  assert.equal(await verifyText(counter, live), "valid");
  assert.match(await counter.textContent("section.result h2"), /现场亮证/);
  // The same code (a screenshot) after the window: invalid.
  await counter.clock.fastForward(91_000);
  assert.equal(await verifyText(counter, live), "invalid");
  assert.equal(await counter.getAttribute('ul.checks > [data-check="presentation-fresh"]', "data-outcome"), "fail");
  await counter.context().close();

  // The challenge: shown at the counter, answered by the phone, used once.
  const desk2 = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } });
  await signedIn(desk2);
  const v = await desk2.newPage();
  v.on("pageerror", (e) => errors.push(e.message));
  await v.goto(`${ctx.server.url}#/verify`);
  await v.check("#live-switch");
  await v.waitForSelector("#challenge-text");
  const challenge = (await v.textContent("#challenge-text")).trim();
  assert.match(challenge, /^ZZ1N:[0-9A-F]{32}$/);
  await v.screenshot({ path: `${ART}/wallet-challenge.png`, fullPage: true });
  // Not answered: a code made without the challenge fails.
  assert.equal(await verifyText(v, live), "invalid");
  const second = (await v.textContent("#challenge-text")).trim();
  assert.notEqual(second, challenge, "a challenge is used once");
  const before = await wallet.getAttribute("#live-code [data-code]", "data-code");
  await wallet.fill("#challenge", second);
  await wallet.click("#answer");
  await wallet.waitForSelector("#answered");
  await wallet.waitForFunction((old) => document.querySelector("#live-code [data-code]")?.getAttribute("data-code") !== old, before);
  const answered = await wallet.getAttribute("#live-code [data-code]", "data-code");
  assert.equal(await verifyText(v, answered), "valid");
  // Shown again: the challenge was used, a new one is in force.
  assert.equal(await verifyText(v, answered), "invalid");
  await desk2.close();

  // Offline after the first load: the wallet and its license are there.
  // (The service worker takes control, as after any first visit.)
  await wallet.click("#live-close");
  await wallet.evaluate(async () => { await navigator.serviceWorker.ready; });
  await wallet.reload();
  await wallet.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await wallet.waitForSelector('#wallet-list li[data-bound="true"]');
  await phone.setOffline(true);
  await wallet.reload();
  await wallet.waitForSelector('#wallet-list li[data-bound="true"]', { timeout: 20000 });
  await phone.close();
  assert.deepEqual(errors, []);
});

/** A phone with a wallet holding a license bound to its key; returns the page. */
async function walletWithBound(context, errors) {
  const wallet = await context.newPage();
  wallet.on("pageerror", (e) => errors.push(e.message));
  await wallet.goto(`${ctx.server.url}#/wallet`);
  await wallet.waitForSelector("#public-key");
  const text = issueBound((await wallet.textContent("#public-key")).trim());
  await wallet.fill("#wallet-text", text);
  await wallet.click("#wallet-add");
  await wallet.waitForSelector('#wallet-list li[data-bound="true"]');
  return wallet;
}

/** `zz verify`'s verdict on a live code for a nonce. */
function zzVerdict(code, nonce) {
  const out = execFileSync(ZZ, ["verify", "-", "--json", "--bundle", `${DIST}/trust/bundle.zzb`,
    "--roots", `${DIST}/trust/roots.txt`, "--nonce", nonce], { input: code, encoding: "utf8" });
  return JSON.parse(out).verdict;
}

/** Waits until the wallet's live code answers `nonce` (hex), and returns it. */
async function answering(wallet, nonce) {
  let code, verdict;
  for (let i = 0; i < 50; i++) {
    code = await wallet.getAttribute("#live-code [data-code]", "data-code");
    verdict = zzVerdict(code, nonce);
    if (verdict === "valid") return code;
    await wallet.waitForTimeout(100);
  }
  assert.fail(`the live code never answered ${nonce}: ${verdict}`);
}

test("the counter shows its challenge as a QR code; the live code answering it completes the row, valid", async () => {
  const errors = [];
  const phone = await ctx.browser.newContext({ locale: "zh-CN", ...PHONE });
  const wallet = await walletWithBound(phone, errors);
  // The holder's ID is masked until the holder asks.
  const masked = await wallet.textContent("#wallet-list li .holder");
  assert.match(masked, /\*/);
  await wallet.click("#wallet-list li button.reveal");
  const full = await wallet.textContent("#wallet-list li .holder");
  assert.doesNotMatch(full, /\*/);
  assert.equal(full.replace(/\s+/g, "").length, masked.replace(/\s+/g, "").length);
  await wallet.click("#wallet-list li button.reveal");
  assert.equal(await wallet.textContent("#wallet-list li .holder"), masked);

  const desk = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 } });
  await signedIn(desk);
  const counter = await desk.newPage();
  counter.on("pageerror", (e) => errors.push(e.message));
  await counter.goto(`${ctx.server.url}#/counter`);
  await counter.waitForSelector("#case-matter");
  await counter.selectOption("#case-matter", "310000-DJ-0501"); // 机动车转移登记: needs the driving licence
  await counter.waitForSelector("table.case-table tbody tr");
  await counter.check("#live-switch");
  await counter.waitForSelector("#challenge svg");
  const challenge = (await counter.textContent("#challenge-text")).trim();
  assert.match(challenge, /^ZZ1N:[0-9A-F]{32}$/);
  await counter.screenshot({ path: `${ART}/wallet-counter-challenge.png`, fullPage: true });

  await wallet.click('[data-testid="show-live"]');
  await wallet.waitForSelector("#live-code [data-code]");
  await wallet.fill("#challenge", challenge);
  await wallet.click("#answer");
  await wallet.waitForSelector("#answered");
  // The code signed for this challenge (it is signed again on answering).
  const code = await answering(wallet, challenge.slice(5));
  const row = 'table.case-table tbody tr[data-type="11100000000133858D001"]';
  await counter.fill("#zz1", code);
  await counter.$eval("form.paste", (f) => f.requestSubmit());
  await counter.waitForSelector(`${row}[data-verdict]`);
  assert.equal(await counter.getAttribute(row, "data-verdict"), "valid");
  assert.match(await counter.textContent(row), /现场出示/);
  // The challenge was used: a new one is shown, and the same code again fails.
  assert.notEqual((await counter.textContent("#challenge-text")).trim(), challenge);
  await counter.screenshot({ path: `${ART}/wallet-counter-valid.png`, fullPage: true });
  await desk.close();
  await phone.close();
  assert.deepEqual(errors, []);
});

test("the wallet's camera adds a license and scans the counter's challenge", async () => {
  const errors = [];
  const withCamera = (video) => launch(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${MEDIA}/${video}`]);
  // A license's QR code (the demo business licence) shown to the camera is added.
  let browser = await withCamera("camera.y4m");
  try {
    const wallet = await (await browser.newContext({ locale: "zh-CN", ...PHONE })).newPage();
    wallet.on("pageerror", (e) => errors.push(e.message));
    await wallet.goto(`${ctx.server.url}#/wallet`);
    await wallet.waitForSelector("#public-key");
    await wallet.click("#wallet-scan");
    await wallet.waitForSelector("#wallet-list li", { timeout: 30000 });
    assert.equal(await wallet.getAttribute("#wallet-list li", "data-bound"), "false");
    assert.match(await wallet.textContent("#wallet-list li"), /营业执照/);
    assert.equal(await wallet.$(".camera"), null, "the camera closes once a license is added");
  } finally {
    await browser.close();
  }
  // The counter's challenge shown to the camera is answered.
  browser = await withCamera("challenge.y4m");
  try {
    const wallet = await walletWithBound(await browser.newContext({ locale: "zh-CN", ...PHONE }), errors);
    await wallet.click('[data-testid="show-live"]');
    await wallet.waitForSelector("#live-code [data-code]");
    await wallet.click("#scan-challenge");
    await wallet.waitForSelector("#answered", { timeout: 30000 });
    await wallet.screenshot({ path: `${ART}/wallet-scan-challenge.png` });
    await answering(wallet, MEDIA_NONCE);
  } finally {
    await browser.close();
  }
  assert.deepEqual(errors, []);
});

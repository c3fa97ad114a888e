// 亮证 (issue 21, SPEC section 13) in real Chromium, two pages in one
// test: a citizen's wallet on a phone viewport and a verifier on a desk.
// The wallet makes its device key; the issuer binds a license to it
// (`zz issue --holder-key`); the wallet shows it live; the verifier finds
// it valid; the same code replayed after the refresh window is invalid
// (fake clock); the challenge flow end to end; the wallet works offline
// after its first load. Screenshots: tests/artifacts/wallet-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { axe, site, signedIn } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const ART = "tests/artifacts";
const ZZ = process.env.ZZ ?? "target/release/zz";
const KEYS = process.env.DEMO_KEYS ?? "public/demo/demo-keys";
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

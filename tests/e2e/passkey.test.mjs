// Passkeys (issue 22): a staff member adds a passkey on the device and
// signs in with it; the passkey's PRF secret opens the same staff key as
// the PIN, so the entries of that session are attributed to it (`zz log
// verify --attributed`). A passkey without user verification, one whose
// record on the device was altered, or one from before a PIN change signs
// no one in; an authenticator without PRF is told apart; served from an IP
// address no passkey is offered. Chromium's virtual authenticator (the
// DevTools protocol) stands for the device's fingerprint reader. WebAuthn
// needs a domain name: the site is reached as `localhost`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { site, signedIn, zzLogVerify, STAFF } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const ART = "tests/artifacts";
const ctx = site(DIST, ART);
const pageErrors = [];
const byName = () => ctx.server.url.replace("127.0.0.1", "localhost");

/**
 * A context with the demo staff, `who` signed in, at `localhost`, and a
 * page with a virtual platform authenticator (user verification, PRF
 * unless `prf` is false).
 */
async function withAuthenticator(who, { prf = true } = {}) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await signedIn(context, who, byName());
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", ctap2Version: "ctap2_1", transport: "internal", hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, hasPrf: prf, automaticPresenceSimulation: true,
    },
  });
  const verified = (yes) => cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified: yes });
  return { page, verified };
}

async function go(page, hash) {
  await page.goto(`${byName()}${hash}`);
  await page.waitForSelector("main");
}

/** Adds a passkey on the settings page with `pin`; the result's text. */
async function addPasskey(page, pin) {
  await go(page, "#/settings");
  await page.waitForSelector("#add-passkey");
  const attempts = Number(await page.getAttribute("form.passkey-form", "data-attempts"));
  await page.fill("#passkey-pin", pin);
  await page.click("#add-passkey");
  await page.waitForFunction((n) => Number(document.querySelector("form.passkey-form")?.dataset.attempts) > n, attempts);
  return page.textContent("#passkey-result");
}

/** Clicks the passkey button of the sign-in form; waits for the attempt to end. */
async function passkeySignIn(page, number = "") {
  const attempts = Number(await page.getAttribute("form.sign-in", "data-attempts"));
  await page.fill("#staff-number", number);
  await page.click("#sign-in-passkey");
  await page.waitForFunction((n) => Number(document.querySelector("form.sign-in")?.dataset.attempts ?? n + 1) > n
    || document.querySelector("#operator"), attempts);
}

async function exportLog(page) {
  await go(page, "#/log");
  await page.click("#sign-out");
  await page.fill("#staff-number", STAFF.admin.number);
  await page.fill("#staff-pin", STAFF.admin.pin);
  await page.click("#sign-in");
  await go(page, "#/log");
  await page.waitForSelector("#log-export");
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const file = await (await exported).path();
  return { file, entries: (await readFile(file, "utf8")).trim().split("\n").slice(1).map((l) => JSON.parse(l)) };
}

test("a clerk adds a passkey and signs in with it: the same staff key, every entry attributed", async () => {
  const { page } = await withAuthenticator("counter");
  await go(page, "#/settings");
  await page.waitForSelector("#passkey-count");
  assert.match(await page.textContent("#passkey-count"), /还没有通行密钥/);
  // The PIN is checked first: a wrong one adds nothing.
  assert.match(await addPasskey(page, "11112222"), /工号或 PIN 不正确/);
  assert.match(await addPasskey(page, STAFF.counter.pin), /已保存/);
  await page.waitForFunction(() => /1 个通行密钥/.test(document.querySelector("#passkey-count")?.textContent));
  await page.screenshot({ path: `${ART}/passkey-settings.png`, fullPage: true });
  // Only the sealed seed is kept: no secret of the passkey, no PIN.
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("zz.passkeys")));
  assert.equal(kept.length, 1);
  assert.equal(kept[0].split("\t")[0], STAFF.counter.number);

  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  await page.screenshot({ path: `${ART}/passkey-sign-in.png` });
  // No number typed: the passkey says who it is.
  await passkeySignIn(page);
  await page.waitForSelector("#operator");
  assert.match(await page.textContent("#operator"), new RegExp(STAFF.counter.number));
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${DIST}/samples/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');

  const { file, entries } = await exportLog(page);
  assert.equal(zzLogVerify(file, ["--attributed"]), 0);
  const signIn = entries.find((e) => e.event === "sign-in" && e.detail === "passkey");
  assert.equal(signIn?.operator?.number, STAFF.counter.number, JSON.stringify(signIn));
  assert.ok(signIn.by?.delegation, "the passkey's session is delegated by the staff key");
  const added = entries.find((e) => e.event === "staff-passkey-added");
  assert.equal(added?.detail, STAFF.counter.number);
  const verified = entries.find((e) => e.event === "verify");
  assert.equal(verified?.operator?.number, STAFF.counter.number);
  assert.ok(verified.by, "the verification is attested by the passkey's session");
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("no user verification, an altered record, or a PIN changed since: the passkey signs no one in", async () => {
  const { page, verified } = await withAuthenticator("counter");
  assert.match(await addPasskey(page, STAFF.counter.pin), /已保存/);
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");

  // The sealed seed altered in storage (one digit): it opens nothing, and
  // the record is dropped.
  await page.evaluate(() => {
    const [line] = JSON.parse(localStorage.getItem("zz.passkeys"));
    const f = line.split("\t");
    f[3] = (f[3][0] === "0" ? "1" : "0") + f[3].slice(1);
    localStorage.setItem("zz.passkeys", JSON.stringify([f.join("\t")]));
  });
  await passkeySignIn(page, STAFF.counter.number);
  await page.waitForSelector("#sign-in-error");
  assert.match(await page.textContent("#sign-in-error"), /已失效/);
  assert.equal(await page.$("#operator"), null);
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("zz.passkeys"))), []);

  // A new passkey.
  await page.fill("#staff-number", STAFF.counter.number);
  await page.fill("#staff-pin", STAFF.counter.pin);
  await page.click("#sign-in");
  await page.waitForSelector("#operator");
  assert.match(await addPasskey(page, STAFF.counter.pin), /已保存/);

  // The device does not verify the user.
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  await verified(false);
  await passkeySignIn(page, STAFF.counter.number);
  await page.waitForSelector("#sign-in-error");
  assert.equal(await page.$("#operator"), null);
  await verified(true);

  // A new PIN: the passkey is dropped with the old PIN.
  await page.fill("#staff-number", STAFF.counter.number);
  await page.fill("#staff-pin", STAFF.counter.pin);
  await page.click("#sign-in");
  await page.waitForSelector("#operator");
  await go(page, "#/settings");
  await page.waitForSelector("#old-pin");
  await page.fill("#old-pin", STAFF.counter.pin);
  await page.fill("#new-pin", "70707070");
  await page.click(".pin-form button[type=submit]");
  await page.waitForSelector("#pin-result .alert");
  assert.match(await page.textContent("#pin-result"), /已保存/);
  await page.waitForFunction(() => localStorage.getItem("zz.passkeys") === "[]");
  await page.reload();
  await page.waitForFunction(() => /还没有通行密钥/.test(document.querySelector("#passkey-count")?.textContent));

  const { file, entries } = await exportLog(page);
  assert.equal(zzLogVerify(file, ["--attributed"]), 0);
  assert.ok(entries.some((e) => e.event === "sign-in-refused" && e.detail === STAFF.counter.number));
  assert.ok(entries.some((e) => e.event === "staff-passkey-removed"));
  assert.ok(!entries.some((e) => e.event === "sign-in" && e.detail === "passkey"), "no passkey sign-in");
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("an authenticator without PRF is told apart; served from an IP address no passkey is offered", async () => {
  const { page } = await withAuthenticator("counter", { prf: false });
  assert.match(await addPasskey(page, STAFF.counter.pin), /不支持通行密钥所需的 PRF 扩展/);
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.passkeys")), null);
  await page.context().close();

  const context = await ctx.browser.newContext({ locale: "zh-CN" });
  await signedIn(context, "counter");
  const byIp = await context.newPage();
  await byIp.goto(`${ctx.server.url}#/settings`);
  await byIp.waitForSelector("#passkey-unavailable");
  await byIp.click("#sign-out");
  await byIp.waitForSelector("#sign-in");
  assert.equal(await byIp.$("#sign-in-passkey"), null);
  await context.close();
});

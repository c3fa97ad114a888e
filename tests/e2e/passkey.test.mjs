// Security keys (issue 22): a staff member adds a passkey on a security key
// they carry and signs in with it; the passkey's PRF secret opens the same
// staff key as the PIN, so the entries of that session are attributed to it
// (`zz log verify --attributed`). The computer's own authenticator is
// refused (it verifies whoever unlocks a shared PC); a passkey without user
// verification, one whose record on the device was altered, or one from
// before a PIN change signs no one in; a wrong-PIN wait holds for passkeys
// too; an authenticator without PRF is told apart; served from an IP
// address none is offered. Chromium's virtual authenticators (the DevTools
// protocol) stand for the security key (USB) and the computer's own
// (internal). WebAuthn needs a domain name: the site is reached as
// `localhost`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { site, signedIn, signIn, tryPin, zzLogVerify, STAFF } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const ART = "tests/artifacts";
const ctx = site(DIST, ART);
const pageErrors = [];
const byName = () => ctx.server.url.replace("127.0.0.1", "localhost");

/** Adds a virtual authenticator (user verification; PRF unless `prf` is false); its id. */
async function addAuthenticator(cdp, { transport = "usb", prf = true, synced = false } = {}) {
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", ctap2Version: "ctap2_1", transport, hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, hasPrf: prf, automaticPresenceSimulation: true,
      defaultBackupEligibility: synced, defaultBackupState: synced,
    },
  });
  return authenticatorId;
}

/**
 * A context with the demo staff, `who` signed in, at `localhost`, and a
 * page with a virtual authenticator (a USB security key unless `transport`
 * says otherwise). `page.addInitScript` runs `init` first when given.
 */
async function withAuthenticator(who, { prf = true, transport = "usb", synced = false, init } = {}) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await signedIn(context, who, byName());
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  let authenticatorId = await addAuthenticator(cdp, { transport, prf, synced });
  const verified = (yes) => cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified: yes });
  /** Swaps the authenticator for a new one (another security key). */
  const another = async (options = {}) => {
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    authenticatorId = await addAuthenticator(cdp, options);
  };
  const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  return { page, cdp, verified, another, credentials, authenticator: () => authenticatorId };
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
  await tryPin(page, STAFF.admin.number, STAFF.admin.pin);
  await go(page, "#/log");
  await page.waitForSelector("#log-export");
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const file = await (await exported).path();
  return { file, entries: (await readFile(file, "utf8")).trim().split("\n").slice(1).map((l) => JSON.parse(l)) };
}

test("a clerk adds a security key and signs in with it: the same staff key, every entry attributed", async () => {
  // Signing in, the browser does not say which authenticator answered, as
  // Windows before 11 23H2 does not: a key made as a roaming one still
  // signs in.
  const unsaid = () => {
    const get = navigator.credentials.get.bind(navigator.credentials);
    navigator.credentials.get = async (options) => {
      const used = await get(options);
      Object.defineProperty(used, "authenticatorAttachment", { value: null });
      return used;
    };
  };
  const { page } = await withAuthenticator("counter", { init: unsaid });
  await go(page, "#/settings");
  await page.waitForSelector("#passkey-count");
  assert.match(await page.textContent("#passkey-count"), /还没有安全密钥/);
  // The PIN is checked first: a wrong one adds nothing.
  assert.match(await addPasskey(page, "11112222"), /工号或 PIN 不正确/);
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  await page.waitForFunction(() => /1 把安全密钥/.test(document.querySelector("#passkey-count")?.textContent));
  await page.locator("form.passkey-form").screenshot({ path: `${ART}/passkey-settings.png` });
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

test("no user verification, an altered record, or a PIN changed since: the security key signs no one in", async () => {
  const { page, verified } = await withAuthenticator("counter");
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
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
  await signIn(page, STAFF.counter);
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);

  // The device does not verify the user.
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  await verified(false);
  await passkeySignIn(page, STAFF.counter.number);
  await page.waitForSelector("#sign-in-error");
  assert.equal(await page.$("#operator"), null);
  await verified(true);

  // A new PIN: the passkey is dropped with the old PIN.
  await signIn(page, STAFF.counter);
  await go(page, "#/settings");
  await page.waitForSelector("#old-pin");
  await page.fill("#old-pin", STAFF.counter.pin);
  await page.fill("#new-pin", "70707070");
  await page.click(".pin-form button[type=submit]");
  await page.waitForSelector("#pin-result .alert");
  assert.match(await page.textContent("#pin-result"), /已保存/);
  await page.waitForFunction(() => localStorage.getItem("zz.passkeys") === "[]");
  await page.reload();
  await page.waitForFunction(() => /还没有安全密钥/.test(document.querySelector("#passkey-count")?.textContent));

  const { file, entries } = await exportLog(page);
  assert.equal(zzLogVerify(file, ["--attributed"]), 0);
  assert.ok(entries.some((e) => e.event === "sign-in-refused" && e.detail === STAFF.counter.number));
  assert.ok(entries.some((e) => e.event === "staff-passkey-removed"));
  assert.ok(!entries.some((e) => e.event === "sign-in" && e.detail === "passkey"), "no passkey sign-in");
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("an authenticator without PRF, or a passkey that may be synced, is told apart; served from an IP address none is offered", async () => {
  const { page } = await withAuthenticator("counter", { prf: false });
  assert.match(await addPasskey(page, STAFF.counter.pin), /不支持所需的 PRF/);
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.passkeys")), null);
  await page.context().close();

  // A passkey that may be synced (backup eligible, as a phone's or a
  // password manager's) is not a key the member carries.
  const synced = await withAuthenticator("counter", { synced: true });
  assert.match(await addPasskey(synced.page, STAFF.counter.pin), /可同步到其他设备/);
  assert.equal(await synced.page.evaluate(() => localStorage.getItem("zz.passkeys")), null);
  await synced.page.context().close();

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

test("the computer's own authenticator is refused, when a passkey is made and when one is used", async () => {
  // Made: the request asks for a security key (Chromium then waits for
  // one and never offers its own); a browser that answers with the built-in
  // authenticator all the same (the request's wish dropped here) keeps
  // nothing.
  const anyAuthenticator = () => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    navigator.credentials.create = (options) => {
      delete options.publicKey.authenticatorSelection.authenticatorAttachment;
      return create(options);
    };
  };
  const { page, cdp, another, credentials, authenticator } =
    await withAuthenticator("counter", { transport: "internal", init: anyAuthenticator });
  assert.match(await addPasskey(page, STAFF.counter.pin), /电脑自带的验证器/);
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.passkeys")), null);
  // Used: a passkey made on a security key, copied into the computer's
  // own authenticator, signs no one in.
  await another({ transport: "usb" });
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  const [made] = await credentials();
  const usb = authenticator();
  await another({ transport: "internal" });
  await cdp.send("WebAuthn.addCredential", { authenticatorId: authenticator(), credential: made });
  assert.notEqual(authenticator(), usb);
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  await passkeySignIn(page, STAFF.counter.number);
  await page.waitForSelector("#sign-in-error");
  assert.match(await page.textContent("#sign-in-error"), /电脑自带的验证器/);
  assert.equal(await page.$("#operator"), null);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("the key is asked for whatever number is typed; one bad record drops only itself; a wrong-PIN wait holds for keys too", async () => {
  const { page, another, credentials } = await withAuthenticator("counter");
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  await page.waitForSelector("#remove-passkeys");
  await page.click("#remove-passkeys");
  await page.waitForSelector("#passkey-result .alert");
  assert.match(await page.textContent("#passkey-result"), /已删除/);
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("zz.passkeys"))), []);
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  // A second key of the same clerk.
  await another();
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  await page.waitForFunction(() => /2 把安全密钥/.test(document.querySelector("#passkey-count")?.textContent));
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");

  // Another number typed (the administrator's, who has no key here): the
  // key is still asked for (its count moves), and the refusal does not say
  // whether that number has a key.
  const before = (await credentials())[0].signCount;
  await passkeySignIn(page, STAFF.admin.number);
  await page.waitForSelector("#sign-in-error");
  const refusal = await page.textContent("#sign-in-error");
  assert.match(refusal, /未能用安全密钥登录/);
  assert.ok((await credentials())[0].signCount > before, "the key was asked for");
  assert.equal(await page.$("#operator"), null);
  await passkeySignIn(page, "X999");
  assert.equal(await page.textContent("#sign-in-error"), refusal);

  // The second key's record altered: it opens nothing and is dropped; the
  // first is kept.
  await page.evaluate(() => {
    const lines = JSON.parse(localStorage.getItem("zz.passkeys"));
    const f = lines[1].split("\t");
    f[3] = (f[3][0] === "0" ? "1" : "0") + f[3].slice(1);
    lines[1] = f.join("\t");
    localStorage.setItem("zz.passkeys", JSON.stringify(lines));
  });
  await passkeySignIn(page, STAFF.counter.number);
  assert.match(await page.textContent("#sign-in-error"), /已失效/);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem("zz.passkeys")).length), 1);

  // A key that works again, then wrong PINs until a wait: the key waits too.
  await signIn(page, STAFF.counter);
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  for (let i = 0; i < 3 && !/错误次数过多/.test((await page.textContent("form.sign-in")) ?? ""); i++) {
    const attempts = Number(await page.getAttribute("form.sign-in", "data-attempts"));
    await tryPin(page, STAFF.counter.number, "11112222");
    await page.waitForFunction((n) => Number(document.querySelector("form.sign-in")?.dataset.attempts) > n, attempts);
  }
  assert.match(await page.textContent("#sign-in-error"), /错误次数过多/);
  await passkeySignIn(page, STAFF.counter.number);
  assert.match(await page.textContent("#sign-in-error"), /错误次数过多/);
  assert.equal(await page.$("#operator"), null);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("a key made while the PIN changes in another tab is not kept; the limit has its own words", async () => {
  // The browser's answer is held until the test lets it go.
  const hold = () => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    navigator.credentials.create = async (options) => {
      const made = await create(options);
      await new Promise((go) => { window.letGo = go; });
      return made;
    };
  };
  const { page } = await withAuthenticator("counter", { init: hold });
  await go(page, "#/settings");
  await page.waitForSelector("#add-passkey");
  const held = async () => {
    await page.evaluate(() => { window.letGo = undefined; });
    await page.fill("#passkey-pin", STAFF.counter.pin);
    await page.click("#add-passkey");
    await page.waitForFunction(() => typeof window.letGo === "function");
  };
  // Meanwhile the account's record changes under the same session (its
  // PIN's check, as a reset elsewhere would): nothing is kept.
  await held();
  const accounts = await page.evaluate(() => localStorage.getItem("zz.staff"));
  await page.evaluate((number) => {
    // name, number, role, salt, rounds, check: one tab-separated line each.
    const all = JSON.parse(localStorage.getItem("zz.staff")).map((l) => l.split("\t"));
    const a = all.find((f) => f[1] === number);
    a[5] = a[5].slice(0, -1) + (a[5].endsWith("0") ? "1" : "0");
    localStorage.setItem("zz.staff", JSON.stringify(all.map((f) => f.join("\t"))));
  }, STAFF.counter.number);
  await page.evaluate(() => window.letGo());
  await page.waitForSelector("#passkey-result .alert");
  assert.match(await page.textContent("#passkey-result"), /添加期间/);
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.passkeys")), null);
  await page.evaluate((a) => localStorage.setItem("zz.staff", a), accounts);

  // Meanwhile, in another tab, the clerk changes the PIN.
  await held();
  const other = await page.context().newPage();
  await other.goto(`${byName()}#/settings`);
  await other.waitForSelector("#old-pin");
  await other.fill("#old-pin", STAFF.counter.pin);
  await other.fill("#new-pin", "70707070");
  await other.click(".pin-form button[type=submit]");
  await other.waitForSelector("#pin-result .alert");
  assert.match(await other.textContent("#pin-result"), /已保存/);
  const shown = Number(await page.getAttribute("form.passkey-form", "data-attempts"));
  await page.evaluate(() => window.letGo());
  await page.waitForFunction((n) => Number(document.querySelector("form.passkey-form")?.dataset.attempts) > n, shown);
  assert.match(await page.textContent("#passkey-result"), /添加期间/);
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.passkeys")), null);

  // Five kept already (records of keys elsewhere): a sixth is refused
  // before the key is asked for, in words of its own.
  await other.evaluate((number) => {
    const line = (i) => [number, `0${i}`.repeat(16), "00".repeat(12), "00".repeat(48)].join("\t");
    localStorage.setItem("zz.passkeys", JSON.stringify([1, 2, 3, 4, 5].map(line)));
  }, STAFF.counter.number);
  await other.reload();
  await other.waitForFunction(() => /5 把安全密钥/.test(document.querySelector("#passkey-count")?.textContent));
  const attempts = Number(await other.getAttribute("form.passkey-form", "data-attempts"));
  await other.fill("#passkey-pin", "70707070");
  await other.click("#add-passkey");
  await other.waitForFunction((n) => Number(document.querySelector("form.passkey-form")?.dataset.attempts) > n, attempts);
  assert.match(await other.textContent("#passkey-result"), /安全密钥已达上限/);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("a refusal reads the same for a number with a key here and one without; one member's outcome is not shown to the next", async () => {
  const { page, another } = await withAuthenticator("supervisor");
  assert.match(await addPasskey(page, STAFF.supervisor.pin), /已添加/);
  // The clerk signs in on the same settings page: the supervisor's
  // "added" is not theirs to read. They add a key of their own.
  await page.click("#sign-out");
  await signIn(page, STAFF.counter);
  await page.waitForSelector("#add-passkey");
  assert.equal(await page.$("#passkey-result .alert"), null, "the supervisor's outcome shown to the clerk");
  await another();
  assert.match(await addPasskey(page, STAFF.counter.pin), /已添加/);
  await page.click("#sign-out");
  await page.waitForSelector("#sign-in-passkey");
  // Only the clerk's key at hand; the supervisor's number typed (a number
  // with a key here), then the administrator's (none): the same words.
  await passkeySignIn(page, STAFF.supervisor.number);
  await page.waitForSelector("#sign-in-error");
  const withKey = await page.textContent("#sign-in-error");
  assert.match(withKey, /未能用安全密钥登录/);
  assert.equal(await page.$("#operator"), null);
  await passkeySignIn(page, STAFF.admin.number);
  assert.equal(await page.textContent("#sign-in-error"), withKey);
  assert.equal(await page.$("#operator"), null);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

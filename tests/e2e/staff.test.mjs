// Staff, the audit log and the statistics (issue 12): the administrator is
// set up and adds counter staff; a clerk signs in and what they do carries
// their name; a clerk may not export or clear the log; the administrator's
// export re-verifies with `zz log verify`; no PIN is in storage in clear;
// checkpoints at sign-out, with a QR code; a seeded log gives known totals
// on the statistics page. Screenshots go to tests/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { site, signedIn, signIn, tryPin, seedAuditLog, axe, zzLogVerify, STAFF, SETUP_ENTRIES } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const ZZ = process.env.ZZ ?? "target/release/zz";
const TRANSFER = "310000-DJ-0201";
const MANIFEST = JSON.parse(await readFile(`${SAMPLES}/samples.json`, "utf8"));
const LI_MING = MANIFEST.find((s) => s.name === "annotated-for-this-org").applicant;
const ADMIN = { name: "陈主管", number: "A900", pin: "77031526" };
const CLERK = { name: "刘窗口", number: "C207", pin: "31884207" };

const ctx = site(DIST, ART);
const pageErrors = [];

async function newPage(setup) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  if (setup) await setup(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return page;
}

async function go(page, hash) {
  await page.goto(`${ctx.server.url}${hash}`);
  await page.waitForSelector("main");
}

/** Submits the sign-in form with a staff number and PIN. */

/** Every localStorage and IndexedDB value of the page, as text. */
const everythingStored = (page) => page.evaluate(async () => {
  const values = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`);
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
      values.push(...all.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v))));
    }
    db.close();
  }
  return values.join("\n");
});

test("staff sign in; what a clerk does carries their name; only the administrator exports or clears; no PIN in clear", async () => {
  const page = await newPage();
  // A fresh device: the counter asks for staff, and there are none yet.
  await go(page, "#/counter");
  await page.waitForSelector("#gate-need");
  assert.match(await page.textContent(".gate"), /尚未设置工作人员账号/);
  // The administrator is set up first, and signed in.
  await go(page, "#/settings");
  await page.waitForSelector("#admin-name");
  // On the settings page itself: no "go to settings".
  assert.equal(await page.$('.gate a[href="#/settings"]'), null);
  await page.fill("#admin-name", ADMIN.name);
  await page.fill("#admin-number", ADMIN.number);
  await page.fill("#admin-pin", "1234");
  await page.click("#setup-admin");
  await page.waitForSelector("#staff-result .alert.error");
  await page.fill("#admin-pin", ADMIN.pin);
  await page.click("#setup-admin");
  await page.waitForSelector("#operator");
  assert.match(await page.textContent("#operator"), new RegExp(`${ADMIN.name}.*管理员`));
  // They add a clerk.
  await page.fill("#new-staff-name", CLERK.name);
  await page.fill("#new-staff-number", CLERK.number);
  await page.selectOption("#new-staff-role", "counter");
  await page.fill("#new-staff-pin", CLERK.pin);
  await page.click("#add-staff");
  await page.waitForSelector(`table.staff tr[data-number="${CLERK.number}"]`);
  // Each account's staff key is shown, for the administrator to record.
  const shownKey = (await page.textContent(`table.staff tr[data-number="${ADMIN.number}"] code.staff-key`)).trim();
  assert.match(shownKey, /^[0-9a-f]{64}$/);
  await page.screenshot({ path: `${ART}/staff-settings.png`, fullPage: true });
  await axe(page, "settings with staff");
  await page.click("#sign-out");
  // Wrong PINs: refused, then a wait.
  const attempt = async (number, pin) => {
    const before = Number(await page.getAttribute("form.sign-in", "data-attempts"));
    await tryPin(page, number, pin);
    await page.waitForSelector(`form.sign-in[data-attempts="${before + 1}"]`);
  };
  for (let i = 0; i < 3; i++) await attempt(CLERK.number, "000000");
  assert.match(await page.textContent("#sign-in-error"), /秒后再试/);
  // Deleting the stored counter does not end the wait: the signed log's
  // refused attempts keep it, for the right PIN too.
  await page.evaluate(() => localStorage.removeItem("zz.signInFails"));
  await attempt(CLERK.number, CLERK.pin);
  assert.equal(await page.$("#operator"), null, "signed in during the wait");
  assert.match(await page.textContent("#sign-in-error"), /秒后再试/);
  // The wait, skipped for the test: the clock moves on 31 s.
  await page.clock.install({ time: new Date(Date.now() + 31_000) });
  await page.clock.resume();
  // The clerk signs in at the counter and handles a case with an exception.
  await go(page, "#/counter");
  await page.waitForSelector("#staff-number");
  await signIn(page, CLERK);
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", TRANSFER);
  await page.fill("#applicant-name", "李明");
  await page.fill("#applicant-id", LI_MING);
  await page.click("#people-confirm");
  await page.check("#identity-checked");
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector("table.case-table tbody tr[data-verdict=valid]");
  await page.click("table.case-table tbody tr:nth-child(1) button");
  await page.selectOption("#exc-0-kind", "paper");
  await page.fill("#exc-0-note", "核验了不动产权证书原件");
  await page.click(".exception-form button[type=submit]");
  await page.waitForSelector('.case[data-outcome="complete-with-exceptions"]');
  // A reveal on the verify page.
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  await page.click("#reveal-id");
  // The log: each of these carries the clerk.
  await go(page, "#/log");
  await page.waitForSelector('table.log tbody tr[data-event="reveal"]');
  for (const sel of ['tr[data-event="sign-in"]', 'tr[data-event="exception-paper"]', 'tr[data-event="reveal"]', 'tr[data-verdict="valid"]:not([data-event])']) {
    assert.match(await page.textContent(`table.log ${sel} td.operator`), new RegExp(`${CLERK.name}（${CLERK.number}）`), sel);
  }
  // A clerk may not export or clear it.
  let downloads = 0;
  page.on("download", () => { downloads += 1; });
  for (const [button, what] of [["#log-export", "export"], ["#log-csv", "csv"], ["#log-prune", "prune"]]) {
    await page.click(button);
    await page.waitForSelector(`#log-refused[data-what=${what}]`);
  }
  await page.click("#log-clear");
  await page.click("#log-clear");
  await page.waitForSelector("#log-refused[data-what=clear]");
  await page.waitForTimeout(300);
  assert.equal(downloads, 0);
  const rowsBefore = await page.$$eval("table.log tbody tr", (trs) => trs.length);
  await page.reload();
  await page.waitForSelector("table.log tbody tr");
  assert.equal(await page.$$eval("table.log tbody tr", (trs) => trs.length), rowsBefore, "the clerk's clear changed the log");
  await axe(page, "log");
  // Sign-out signs a checkpoint; the administrator exports, and the export
  // re-verifies natively, with that checkpoint.
  await page.click("#sign-out");
  await page.waitForSelector("#staff-number");
  await signIn(page, ADMIN);
  await page.waitForSelector("#checkpoints");
  await page.click("#checkpoints summary");
  await page.click("#checkpoints li:first-child .checkpoint-qr-button");
  await page.waitForSelector(".checkpoint-qr svg.qr");
  await page.screenshot({ path: `${ART}/log-checkpoint-qr.png`, fullPage: true });
  const cp = page.waitForEvent("download");
  await page.click("#checkpoints li:first-child button:first-of-type");
  const checkpoint = await (await cp).path();
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const logFile = await (await exported).path();
  const text = await readFile(logFile, "utf8");
  assert.equal(zzLogVerify(logFile), 0);
  assert.equal(zzLogVerify(logFile, ["--checkpoint", checkpoint]), 0);
  // Every entry that names an operator is proven by their staff session.
  assert.equal(zzLogVerify(logFile, ["--attributed"]), 0);
  const who = JSON.parse(execFileSync(ZZ, ["log", "verify", "--json", logFile]).toString()).attribution;
  assert.deepEqual(who.unproven, []);
  const clerkEntries = who.staff.find((s) => s.staff === CLERK.number && s.role === "counter");
  const adminKey = who.staff.find((s) => s.staff === ADMIN.number && s.role === "admin")?.staffKey;
  assert.ok(clerkEntries?.entries >= 5 && adminKey, JSON.stringify(who));
  assert.equal(adminKey, shownKey, "the key the settings page shows is the roster's");
  // The administrator's key recorded at setup pins the roster's anchor;
  // any other key anchors nothing.
  assert.equal(zzLogVerify(logFile, ["--attributed", "--admin-key", adminKey]), 0);
  assert.equal(zzLogVerify(logFile, ["--attributed", "--admin-key", "ab".repeat(32)]), 1);
  const device = JSON.parse(text.split("\n")[0]);
  // The CSV names the device and its public key on every row, too.
  const csvDownload = page.waitForEvent("download");
  await page.click("#log-csv");
  const csv = (await readFile(await (await csvDownload).path(), "utf8")).trim().split("\r\n");
  assert.match(csv[0], /,operator,staffNo,.*,device,publicKey$/);
  assert.ok(csv.slice(1).every((row) => row.endsWith(`,${device.device},${device.publicKey}`)), csv[1]);
  assert.ok(csv.some((row) => row.includes(`,${CLERK.name},${CLERK.number},`)));
  const entries = text.trim().split("\n").slice(1).map((l) => JSON.parse(l));
  const byClerk = entries.filter((e) => e.operator?.number === CLERK.number).map((e) => e.event);
  for (const ev of ["sign-in", "verify", "exception-paper", "reveal", "sign-out"]) assert.ok(byClerk.includes(ev), `${ev} by the clerk: ${byClerk}`);
  assert.ok(entries.some((e) => e.event === "staff-added" && e.operator?.number === ADMIN.number));
  // The first administrator's own setup names them; a completed case names its matter.
  const setup = entries.find((e) => e.event === "staff-added" && e.detail === `${ADMIN.number} admin`);
  assert.equal(setup?.operator?.number, ADMIN.number, JSON.stringify(setup));
  const completed = entries.filter((e) => e.event.startsWith("case-complete"));
  assert.ok(completed.length > 0 && completed.every((e) => e.matter), JSON.stringify(completed));
  assert.equal(entries.filter((e) => e.event === "sign-in-refused" && e.detail === CLERK.number).length, 3);
  // Annotated copies log the authority they were used on.
  assert.ok(entries.some((e) => e.verified?.authority?.recipient), "the authority of the annotated copy");
  // No PIN is anywhere in storage in clear.
  const stored = await everythingStored(page);
  assert.ok(stored.includes(CLERK.number) && stored.length > 1000);
  for (const pin of [ADMIN.pin, CLERK.pin]) assert.ok(!stored.includes(pin), `a PIN in clear in storage`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("editing storage gives no role and no attributed entry: a forged session, an old-style operator line, an account added to storage", async () => {
  const page = await newPage((c) => signedIn(c, "counter"));
  await go(page, "#/counter");
  await page.waitForSelector("#case-matter");
  assert.match(await page.textContent("#operator"), new RegExp(STAFF.counter.name));
  const admin = async () => {
    await go(page, "#/settings");
    await page.waitForSelector("#gate-need");
    assert.equal(await page.$("#new-staff-name"), null, "administrator's page shown");
  };
  // The clerk's own session, with its role raised: the staff key's
  // signature no longer holds; no one is signed in.
  await page.evaluate(() => {
    const r = JSON.parse(localStorage.getItem("zz.operator"));
    r.delegation.role = "admin";
    localStorage.setItem("zz.operator", JSON.stringify(r));
  });
  await admin();
  assert.equal(await page.$("#operator"), null, "a forged session signed in");
  // The old way: a name, number and role typed into storage.
  await page.evaluate(() => localStorage.setItem("zz.operator", "张管理\tA001\tadmin"));
  await admin();
  assert.equal(await page.$("#operator"), null);
  // An account of one's own added to storage, its check made as the
  // portal makes it (PBKDF2, then the staff key's public half): the PIN is
  // right, but the log's roster has no such member.
  const PIN = "55550000";
  await page.evaluate(async (pin) => {
    const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
    const salt = "00112233445566778899aabbccddeeff";
    const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveBits"]);
    const derived = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new TextEncoder().encode(salt), iterations: 1000 }, base, 256);
    const label = new TextEncoder().encode("zz-staff-key/1\0");
    const seed = await crypto.subtle.digest("SHA-256", new Uint8Array([...label, ...new Uint8Array(derived)]));
    const pkcs8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...new Uint8Array(seed)]);
    const key = await crypto.subtle.importKey("pkcs8", pkcs8, "Ed25519", true, ["sign"]);
    const jwk = await crypto.subtle.exportKey("jwk", key);
    const x = Uint8Array.from(atob(jwk.x.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const accounts = JSON.parse(localStorage.getItem("zz.staff"));
    accounts.push(["假管理", "X999", "admin", salt, "1000", `k:${hex(x)}`].join("\t"));
    localStorage.setItem("zz.staff", JSON.stringify(accounts));
    localStorage.removeItem("zz.operator");
  }, PIN);
  await go(page, "#/settings");
  await page.waitForSelector("#staff-number");
  await tryPin(page, "X999", PIN);
  await page.waitForSelector("#sign-in-error");
  assert.match(await page.textContent("#sign-in-error"), /未登记在本设备的工作人员名册/);
  assert.equal(await page.$("#operator"), null);
  // Nor after deleting the first administrator's setup from the log's
  // store: a log with staff sessions gets no new first administrator.
  await page.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open("zz-verify"); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const store = db.transaction("audit", "readwrite").objectStore("audit");
    const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    for (const k of keys.slice(0, 2)) await new Promise((ok) => { const r = store.delete(k); r.onsuccess = ok; });
    db.close();
  });
  await page.reload();
  await page.waitForSelector("#staff-number");
  await tryPin(page, "X999", PIN);
  await page.waitForSelector("#sign-in-error");
  assert.match(await page.textContent("#sign-in-error"), /未登记/);
  assert.equal(await page.$("#operator"), null);
  // Deleting every account does not let anyone make themselves the first
  // administrator: the log's roster is still there.
  await page.evaluate(() => localStorage.removeItem("zz.staff"));
  await page.reload();
  await page.waitForSelector("#admin-name");
  await page.fill("#admin-name", "假管理");
  await page.fill("#admin-number", "X998");
  await page.fill("#admin-pin", PIN);
  await page.click("#setup-admin");
  await page.waitForSelector("#staff-result .alert.error");
  assert.match(await page.textContent("#staff-result"), /已有工作人员名册/);
  assert.equal(await page.$("#operator"), null);
  // With the session forged back in, a verification is logged with no
  // operator: nothing is attributed to the administrator it names.
  await page.evaluate(() => localStorage.setItem("zz.operator", "张管理\tA001\tadmin"));
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  const last = await page.waitForFunction(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open("zz-verify"); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const all = await new Promise((ok) => { const r = db.transaction("audit").objectStore("audit").getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
    const e = JSON.parse(all.at(-1));
    return e.event === "verify" ? e : null;
  });
  const entry = await last.jsonValue();
  assert.equal(entry.operator, undefined, JSON.stringify(entry));
  assert.equal(entry.by, undefined);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("a clerk who changes their PIN goes on signed in under the new staff key; every entry stays attributed", async () => {
  const page = await newPage((c) => signedIn(c, "counter"));
  await go(page, "#/settings");
  await page.waitForSelector("#old-pin");
  const NEW = "70707070";
  await page.fill("#old-pin", STAFF.counter.pin);
  await page.fill("#new-pin", NEW);
  await page.click(".pin-form button[type=submit]");
  await page.waitForSelector("#pin-result .alert");
  assert.match(await page.textContent("#pin-result"), /已保存/);
  // Still signed in, in both programs: the counter and the verify page log the clerk.
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  await go(page, "#/log");
  await page.waitForSelector('table.log tbody tr[data-verdict="valid"]');
  assert.match(await page.textContent('table.log tbody tr[data-verdict="valid"] td.operator'), new RegExp(STAFF.counter.number));
  // The old PIN no longer opens the account; the new one does.
  await page.click("#sign-out");
  await tryPin(page, STAFF.counter.number, STAFF.counter.pin);
  await page.waitForSelector("#sign-in-error");
  await signIn(page, { ...STAFF.counter, pin: NEW });
  await page.click("#sign-out");
  await signIn(page, STAFF.admin);
  await page.waitForSelector("#log-export");
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const logFile = await (await exported).path();
  assert.equal(zzLogVerify(logFile, ["--attributed"]), 0);
  const text = await readFile(logFile, "utf8");
  const changed = text.trim().split("\n").slice(1).map((l) => JSON.parse(l)).find((e) => e.event === "staff-pin-changed");
  assert.ok(changed?.staffKey && changed.by, JSON.stringify(changed));
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

// The content of crates/zz-log/tests/stats.rs, from 09:30 CST two days ago.
const DAY = 86400;
const TODAY = Math.floor((Date.now() / 1000 + 8 * 3600) / DAY);
const T0 = (TODAY - 2) * DAY - 8 * 3600 + 9.5 * 3600;
const cstDate = (t) => new Date((t + 8 * 3600) * 1000).toISOString().slice(0, 10);

/** The log of known content of `crates/zz-log/tests/stats.rs`, as lines. */
function knownLog() {
  const op = (n) => ({ name: `员工${n}`, number: n, role: "counter" });
  // As in stats.rs: an entry with no matter is the verify page's, outside any case.
  const verify = (time, matter, ty, id, verdict, failed) => ({
    n: 0, time, event: "verify", operator: op("S1"), window: "1",
    ...(matter ? { matter, case: `case-${id}` } : {}),
    verified: { licenseType: ty, identifier: id, verdict, failed, trustSeq: 7 },
  });
  const exception = (time, matter, kind) => ({ n: 0, time, event: `exception-${kind}`, operator: op("S2"), window: "2", matter });
  const entries = [
    verify(T0, "310000-DJ-0201", "BL", "a", "valid", []),
    verify(T0 + 60, "310000-DJ-0201", "BL", "a", "valid", []),
    verify(T0 + 3600, "310000-DJ-0201", "ID", "b", "invalid", ["signature", "status"]),
    verify(T0 + DAY, "310000-GG-0701", "BL", "c", "indeterminate", ["status"]),
    verify(T0 + DAY + 7200, "", "ID", "d", "valid", []),
    exception(T0 + DAY, "310000-DJ-0201", "paper"),
    exception(T0 + 2 * DAY, "310000-GG-0701", "pending"),
    exception(T0 + 2 * DAY, "310000-GG-0701", "objection"),
    { ...verify(T0, "310000-DJ-0201", "BL", "x", "valid", []), drill: true },
    { n: 0, time: T0, event: "sign-in" },
  ];
  return entries.map((e, i) => JSON.stringify({ ...e, n: i + 1, prev: "0".repeat(64) }));
}

test("statistics: a seeded log of known content gives known totals, filtered, drills left out, with charts and tables", async () => {
  const page = await newPage((c) => signedIn(c, "counter"));
  await go(page, "#/");
  await seedAuditLog(page, knownLog());
  await go(page, "#/stats");
  await page.waitForSelector("#stats-summary");
  const stat = (name) => page.textContent(`[data-stat=${name}]`);
  assert.equal(await stat("verifications"), "5");
  assert.equal(await stat("valid"), "3");
  assert.equal(await stat("invalid"), "1");
  assert.equal(await stat("undecided"), "20.0%");
  // The use rate is of cases only: the verify page's check is not in it.
  assert.equal(await stat("use-rate"), "25.0%");
  assert.match(await page.textContent("#stats-time"), new RegExp(`${10 + SETUP_ENTRIES.counter} 条记录.*模拟办事 1 条未计入`));
  // Per matter: e-licenses once per case, paper and other exceptions.
  const cells = (matter) => page.$$eval(`#by-matter tr[data-matter="${matter}"] td`, (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(await cells("310000-DJ-0201"), ["3", "1", "1", "0", "50.0%"]);
  assert.deepEqual(await cells("310000-GG-0701"), ["1", "0", "0", "2", "0.0%"]);
  assert.deepEqual(await cells(""), ["1", "0", "0", "0", "—"]);
  // By day, the last 30 days up to today; by hour; top failing checks.
  const table = (id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent).join("=")));
  const days = await table("by-day");
  assert.equal(days.length, 30);
  assert.deepEqual(days.slice(-3), [`${cstDate(T0).slice(5)}=3`, `${cstDate(T0 + DAY).slice(5)}=2`, `${cstDate(T0 + 2 * DAY).slice(5)}=0`]);
  assert.deepEqual((await table("by-hour")).filter((r) => !r.endsWith("=0")), ["9=3", "10=1", "11=1"]);
  const failing = await table("failing");
  assert.equal(failing.length, 2);
  assert.match(failing[0], /=2$/);
  assert.equal(await page.$$eval("svg.chart", (s) => s.length), 6);
  for (const d of await page.$$("details")) await d.evaluate((e) => { e.open = true; });
  await page.screenshot({ path: `${ART}/statistics.png`, fullPage: true });
  for (const id of ["by-day", "by-hour", "by-matter"]) await page.locator(`#${id} svg`).screenshot({ path: `${ART}/statistics-${id}.png` });
  await axe(page, "statistics");
  // Filters: one window, one day, one operator.
  await page.selectOption("#stats-window", "2");
  await page.waitForFunction(() => document.querySelector("[data-stat=verifications]").textContent === "0");
  assert.equal(await stat("use-rate"), "0.0%");
  await page.selectOption("#stats-window", "");
  await page.fill("#stats-from", cstDate(T0));
  await page.fill("#stats-to", cstDate(T0));
  await page.dispatchEvent("#stats-to", "change");
  await page.waitForFunction(() => document.querySelector("[data-stat=verifications]").textContent === "3");
  assert.equal(await stat("invalid"), "1");
  // CSV of the totals.
  const download = page.waitForEvent("download");
  await page.click("#stats-csv");
  const csv = await readFile(await (await download).path(), "utf8");
  assert.match(csv, /verdict,valid,2\r\n/);
  assert.ok(csv.includes(`day,${cstDate(T0)},3\r\n`), csv);
  await page.selectOption("#stats-operator", "S2");
  await page.fill("#stats-from", "");
  await page.dispatchEvent("#stats-from", "change");
  await page.fill("#stats-to", "");
  await page.dispatchEvent("#stats-to", "change");
  await page.waitForFunction(() => document.querySelector("[data-stat=verifications]").textContent === "0");
  assert.deepEqual(await cells("310000-GG-0701"), ["0", "0", "0", "2", "0.0%"]);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

test("a drill (模拟办事) at the counter is marked in the log and left out of the statistics", async () => {
  const page = await newPage((c) => signedIn(c, "counter"));
  await go(page, "#/counter");
  await page.waitForSelector("#drill");
  await page.check("#drill");
  await page.waitForSelector("#drill-on");
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", TRANSFER);
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector("table.case-table tbody tr[data-verdict=valid]");
  await page.uncheck("#drill");
  await go(page, "#/log");
  await page.waitForSelector('table.log tr[data-verdict="valid"][data-drill="1"]');
  await go(page, "#/stats");
  await page.waitForSelector("#stats-summary");
  assert.equal(await page.textContent("[data-stat=verifications]"), "0");
  assert.match(await page.textContent("#stats-time"), /模拟办事 [1-9]\d* 条未计入/);
  await page.context().close();
});

test("where WebCrypto has no Ed25519 the device signs with ECDSA P-256, and zz log verify checks that log too", async () => {
  // The device key and the staff session keys are both P-256 then.
  const page = await newPage(async (c) => {
    await c.addInitScript(() => {
      const generate = crypto.subtle.generateKey.bind(crypto.subtle);
      crypto.subtle.generateKey = (alg, ...rest) =>
        (alg?.name ?? alg) === "Ed25519" ? Promise.reject(new DOMException("not supported", "NotSupportedError")) : generate(alg, ...rest);
    });
    await signedIn(c, "admin");
  });
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector('[data-verdict]');
  await go(page, "#/log");
  await page.waitForSelector("table.log tbody tr");
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=intact]");
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const logFile = await (await exported).path();
  const text = await readFile(logFile, "utf8");
  const header = JSON.parse(text.split("\n")[0]);
  assert.equal(header.alg, "ECDSA-P256-SHA256");
  assert.equal(header.publicKey.length, 130);
  assert.equal(zzLogVerify(logFile), 0);
  // Every entry naming the administrator is proven by their P-256 session.
  assert.equal(zzLogVerify(logFile, ["--attributed"]), 0);
  assert.ok(text.includes('"alg":"ECDSA-P256-SHA256","sessionKey":"04'), "a P-256 session key");
  const edited = `${logFile}-edited`;
  await import("node:fs/promises").then((fs) => fs.writeFile(edited, text.replace('"verdict":"valid"', '"verdict":"invalid"')));
  assert.equal(zzLogVerify(edited), 1);
  await page.context().close();
});

test("a supervisor totals logs exported from other devices; one that was edited is listed and not counted", async () => {
  const { mkdtemp, writeFile } = await import("node:fs/promises");
  const dir = await mkdtemp("/tmp/zz-logs-");
  const cli = (log, key, files, staffNo) => {
    try {
      execFileSync(ZZ, ["verify", ...files.map((f) => `${SAMPLES}/${f}`), "--bundle", `${DIST}/trust/bundle.zzb`, "--roots", `${DIST}/trust/roots.txt`,
        "--log", log, "--device-key", key, "--operator", "后台核验", "--staff-no", staffNo], { stdio: "pipe" });
    } catch (e) {
      if (e.status !== 1) throw e; // 1: some were not valid
    }
  };
  cli(`${dir}/a.jsonl`, `${dir}/a.key`, ["valid-driving-license.zzl", "valid-business-license.zzl", "invalid-superseded.zzl"], "B1");
  cli(`${dir}/b.jsonl`, `${dir}/b.key`, ["valid-driving-license.zzl", "valid-business-license.zzl"], "B2");
  const b = await readFile(`${dir}/b.jsonl`, "utf8");
  await writeFile(`${dir}/c.jsonl`, b.replace('"verdict":"valid"', '"verdict":"invalid"'));
  assert.equal(zzLogVerify(`${dir}/a.jsonl`), 0);
  assert.equal(zzLogVerify(`${dir}/c.jsonl`), 1);
  const page = await newPage((c) => signedIn(c, "counter"));
  await go(page, "#/stats");
  await page.waitForSelector("#stats-summary");
  await page.setInputFiles("#stats-files", [`${dir}/a.jsonl`, `${dir}/b.jsonl`, `${dir}/c.jsonl`]);
  await page.waitForSelector("#stats-files-table tbody tr:nth-child(3)");
  assert.deepEqual(await page.$$eval("#stats-files-table tbody tr", (trs) => trs.map((t) => t.dataset.intact)), ["true", "true", "false"]);
  // a and b: five verifications, four valid; c is not counted.
  await page.waitForFunction(() => document.querySelector("[data-stat=verifications]").textContent === "5");
  assert.equal(await page.textContent("[data-stat=valid]"), "4");
  assert.deepEqual(await page.$$eval("#stats-operator option", (os) => os.map((o) => o.value)), ["", "B1", "B2"]);
  await axe(page, "statistics of exported logs");
  await page.click("#stats-this-device");
  await page.waitForFunction(() => !document.querySelector("#stats-files-table"));
  await page.context().close();
});

test("retention: the administrator prunes entries older than 180 days, exported first; the archive and the log after it verify together", async () => {
  const { writeFile } = await import("node:fs/promises");
  const page = await newPage((c) => signedIn(c, "admin"));
  const DAY_MS = 86400e3;
  // Two verifications 200 days ago, one today.
  await page.clock.setFixedTime(new Date(Date.now() - 200 * DAY_MS));
  await go(page, "#/verify");
  await page.waitForSelector("#file");
  for (const f of ["valid-driving-license.zzl", "valid-business-license.zzl"]) {
    await page.setInputFiles("#file", `${SAMPLES}/${f}`);
    await page.waitForSelector("[data-verdict]");
  }
  await page.clock.setFixedTime(new Date());
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector("[data-verdict]");
  await go(page, "#/log");
  await page.waitForSelector("table.log tbody tr");
  // The setup's entries (now), the two old ones, today's.
  const k = SETUP_ENTRIES.admin;
  assert.equal(await page.$$eval("table.log tbody tr", (trs) => trs.length), k + 3);
  const archived = page.waitForEvent("download");
  await page.click("#log-prune");
  const archive = await (await archived).path();
  await page.waitForSelector("#log-pruned");
  assert.match(await page.textContent("#log-pruned"), new RegExp(`第 ${k + 2} 条及之前`));
  const old = (await readFile(archive, "utf8")).trim().split("\n").slice(1).map((l) => JSON.parse(l));
  assert.deepEqual(old.map((e) => e.n), Array.from({ length: k + 2 }, (_, i) => i + 1));
  assert.equal(zzLogVerify(archive), 0);
  // What is left: the entry of today, the signed note; the chain holds.
  await page.waitForSelector('table.log tbody tr[data-event="pruned"]');
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=intact]");
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const current = await (await exported).path();
  const rest = (await readFile(current, "utf8")).trim().split("\n").slice(1).map((l) => JSON.parse(l));
  assert.equal(rest[0].n, k + 3);
  assert.ok(rest.some((e) => e.event === "pruned" && e.detail.startsWith(`${k + 2} `)));
  // The roster went with the setup entries: the administrator's session
  // wrote it again after the note, so what is kept still anchors it.
  const roster = rest.find((e) => e.event === "staff-roster");
  assert.ok(roster?.by?.delegation, JSON.stringify(rest.map((e) => e.event)));
  assert.deepEqual(JSON.parse(roster.detail).map((m) => m.staff).sort(), ["A001", "C001", "K001"]);
  assert.equal(zzLogVerify(current), 0);
  assert.equal(zzLogVerify(archive, [current]), 0);
  assert.equal(zzLogVerify(archive, [current, "--attributed"]), 0);
  assert.equal(zzLogVerify(current, [archive]), 0);
  // An archive edited is caught when checked with the log after it.
  await writeFile(`${archive}-edited`, (await readFile(archive, "utf8")).replace('"verdict":"', '"verdict":"x'));
  assert.equal(zzLogVerify(`${archive}-edited`, [current]), 1);
  // Nothing more is old enough.
  await page.click("#log-prune");
  await page.waitForFunction(() => /没有 180 天前的记录/.test(document.querySelector("#log-done")?.textContent ?? ""));
  await page.context().close();
});

test("a log longer than one read (the portal reads 4,000 entries at a time) is read whole and in order", async () => {
  const page = await newPage((c) => signedIn(c, "admin"));
  await go(page, "#/");
  const N = 9001;
  // After the setup's entries.
  const k = SETUP_ENTRIES.admin;
  const lines = Array.from({ length: N - k }, (_, i) => JSON.stringify({ n: k + i + 1, time: T0 + i, event: "sign-in", prev: "0".repeat(64) }));
  await seedAuditLog(page, lines);
  await go(page, "#/log");
  await page.waitForFunction((n) => document.querySelector("table.log caption")?.textContent.startsWith(`共 ${n} 条`), N);
  const firstColumn = await page.$$eval("table.log tbody tr td:first-child", (tds) => tds.map((t) => +t.textContent));
  assert.deepEqual(firstColumn, Array.from({ length: 100 }, (_, j) => N - j));
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const text = await readFile(await (await exported).path(), "utf8");
  const ns = text.trim().split("\n").slice(1).map((l) => JSON.parse(l).n);
  assert.equal(ns.length, N);
  assert.ok(ns.every((n, i) => n === i + 1), "entries out of order or missing");
  // The export itself is logged: one entry more (written after the
  // download starts: the statistics may be opened before it lands, so they
  // are opened again until they count it).
  let counted = false;
  for (let attempt = 0; attempt < 4 && !counted; attempt++) {
    await go(page, "#/stats");
    counted = await page.waitForFunction((n) => new RegExp(`统计了 ${n} 条记录`).test(document.querySelector("#stats-time")?.textContent ?? ""), N + 1, { timeout: 15000 })
      .then(() => true, () => false);
  }
  assert.ok(counted, `the statistics count ${N + 1} entries`);
  assert.deepEqual(pageErrors, []);
  await page.context().close();
});

// The counter as the rules run it (issue 11): the site's organisation and
// matters, the applicant and agent of a case, exceptions, the objection
// request, the case record re-verified by `zz verify --case`, masked IDs,
// and the catalog's citizen side. Screenshots go to tests/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { site, signedIn, STAFF, axe } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const ZZ = process.env.ZZ ?? "target/release/zz";
const TRANSFER = "310000-DJ-0201"; // 二手房买卖转移登记: real estate and marriage, annotated
const RENTAL = "310000-GG-0701";
const SITE = JSON.parse(await readFile(`${DIST}/trust/site.json`, "utf8"));
const REGISTRY = SITE.org.code;
const MANIFEST = JSON.parse(await readFile(`${SAMPLES}/samples.json`, "utf8"));
const BANK = MANIFEST.find((s) => s.name === "annotated-other-org").org;
const LI_MING = MANIFEST.find((s) => s.name === "annotated-for-this-org").applicant; // 李明, holder of the demo copies
const AGENT = MANIFEST.find((s) => s.name === "annotated-agent").applicant; // 孙志强

const ctx = site(DIST, ART);
const pageErrors = [];


/** A fresh page; `site` replaces trust/site.json (null: the site has none). */
async function open(hash, site) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await signedIn(context);
  if (site !== undefined) {
    await context.route("**/trust/site.json", (route) =>
      site === null ? route.fulfill({ status: 404, body: "not found" })
        : route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(site) }));
  }
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${ctx.server.url}${hash}`);
  await page.waitForSelector("main");
  return page;
}

const options = (page, sel) => page.$$eval(`${sel} option`, (os) => os.map((o) => o.value));

/** Uploads a sample at the counter and waits for its row (by type) to change. */
async function present(page, file) {
  const before = await page.$$eval("table.case-table tbody tr", (rs) => rs.map((r) => r.getAttribute("data-verdict")).join());
  await page.setInputFiles("#file", `${SAMPLES}/${file}`);
  await page.waitForFunction((b) => [...document.querySelectorAll("table.case-table tbody tr")].map((r) => r.getAttribute("data-verdict")).join() !== b
    || document.querySelector(".case .alert.warn"), before);
}

async function startCase(page, matter = TRANSFER) {
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", matter);
  await page.waitForSelector("table.case-table tbody tr");
}

async function nameApplicant(page, name, id, agent) {
  await page.fill("#applicant-name", name);
  await page.fill("#applicant-id", id);
  if (agent) {
    await page.check("#with-agent");
    await page.fill("#agent-name", agent.name);
    await page.fill("#agent-id", agent.id);
  }
  await page.click("#people-confirm");
  await page.waitForSelector("#identity-checked");
}

const rowAttr = (page, i, attr) => page.getAttribute(`table.case-table tbody tr:nth-child(${i + 1})`, attr);

async function saveRecord(page) {
  const download = page.waitForEvent("download");
  await page.click("#case-save");
  const path = await (await download).path();
  return { path, record: JSON.parse(await readFile(path, "utf8")) };
}

function zzCase(file, extra = []) {
  try {
    const out = execFileSync(ZZ, ["verify", "--case", file, "--json", "--bundle", `${DIST}/trust/bundle.zzb`,
      "--roots", `${DIST}/trust/roots.txt`, ...extra], { encoding: "utf8" });
    return { code: 0, out: JSON.parse(out) };
  } catch (e) {
    return { code: e.status, out: JSON.parse(e.stdout || "{}") };
  }
}

test("scoped mode offers only the organisation's matters and verifies nothing without one", async () => {
  const scoped = { ...SITE, matters: [TRANSFER], scoped: true };
  const page = await open("#/verify", scoped);
  await page.waitForSelector("#matter");
  assert.deepEqual(await options(page, "#matter"), ["", TRANSFER]);
  assert.equal(await page.$("#file"), null, "verifying offered before a matter is chosen");
  await page.waitForSelector("#choose-matter-first");
  assert.match(await page.textContent("#site-line"), /仅限本单位事项/);
  await axe(page, "verify, scoped");
  await page.selectOption("#matter", TRANSFER);
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  assert.equal(await page.getAttribute('[data-check="annotation-recipient"]', "data-outcome"), "pass");
  await page.goto(`${ctx.server.url}#/counter`);
  await page.waitForSelector("#case-matter");
  assert.deepEqual(await options(page, "#case-matter"), ["", TRANSFER]);
  await page.context().close();
});

test("a copy made for another organisation is invalid here; with no organisation it is a warning", async () => {
  let page = await open("#/verify", { ...SITE, org: { name: "中国工商银行上海市分行", code: BANK } });
  await page.waitForSelector("#matter");
  await page.selectOption("#matter", TRANSFER);
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector('[data-verdict="invalid"]');
  assert.equal(await page.getAttribute('[data-check="annotation-recipient"]', "data-outcome"), "fail");
  assert.match(await page.textContent(".next-step"), /其他用证单位/);
  await page.screenshot({ path: `${ART}/counter-other-org.png`, fullPage: true });
  await page.context().close();
  // The demo site is the land registry the copy names.
  page = await open("#/verify");
  await page.waitForSelector("#matter");
  await page.selectOption("#matter", TRANSFER);
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  assert.equal(await page.getAttribute('[data-check="annotation-recipient"]', "data-outcome"), "pass");
  await page.context().close();
  // No configuration: the portal says so, and the recipient is a warning.
  page = await open("#/verify", null);
  await page.waitForSelector("#site-line.unset");
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  assert.equal(await page.getAttribute('[data-check="annotation-recipient"]', "data-outcome"), "warn");
  await page.context().close();
});

test("licenses of two different holders cannot complete a case; the applicant decides whose count", async () => {
  const page = await open("#/counter");
  await startCase(page);
  await present(page, "annotated-real-estate-other-holder.zzl"); // 王丽华
  await present(page, "annotated-valid.zzl"); // 李明
  assert.equal(await rowAttr(page, 0, "data-verdict"), "valid");
  assert.equal(await rowAttr(page, 1, "data-verdict"), "valid");
  await page.waitForSelector(".holder-problem");
  assert.match(await page.textContent(".holder-problem"), /不是同一人/);
  // Taken from a license presented: the first row's holder, 王丽华.
  await page.click("#applicant-from-license");
  assert.equal(await page.inputValue("#applicant-name"), "王丽华");
  await page.click("#people-confirm");
  await page.check("#identity-checked");
  // Verified again for her: the marriage copy is 李明's, the core says so.
  await page.waitForFunction(() => document.querySelector("table.case-table tbody tr:nth-child(2)")?.getAttribute("data-verdict") === "invalid");
  assert.equal(await page.getAttribute(".case", "data-complete"), "false");
  // The applicant is 李明 after all: his own copies complete the case.
  await page.click("#people button");
  await nameApplicant(page, "李明", LI_MING.toLowerCase());
  await page.waitForFunction(() => document.querySelector("table.case-table tbody tr:nth-child(1)")?.getAttribute("data-verdict") === "invalid");
  assert.equal(await rowAttr(page, 1, "data-verdict"), "valid");
  await present(page, "annotated-real-estate.zzl");
  await page.check("#identity-checked");
  await page.waitForSelector('.case[data-outcome="complete"]');
  assert.match(await page.textContent(".case-status"), /材料齐全/);
  await page.screenshot({ path: `${ART}/counter-case.png`, fullPage: true });
  await axe(page, "counter case");
  // The record: masked people, the identity tick, the objects themselves.
  const { path, record } = await saveRecord(page);
  assert.equal(record.outcome, "complete");
  assert.equal(record.org.code, REGISTRY);
  assert.match(record.applicant.id, /\*/);
  assert.ok(!JSON.stringify(record).includes(LI_MING), "a full ID number in the record");
  assert.ok(record.identityChecked > 0);
  assert.deepEqual(record.licenses.map((l) => l.verified.verdict), ["valid", "valid"]);
  assert.ok(record.licenses.every((l) => l.verified.checks.length === 22 && l.verified.object.length > 100));
  // The archive verified again, with and without the applicant's ID.
  let r = zzCase(path);
  assert.equal(r.code, 0, JSON.stringify(r.out));
  assert.equal(r.out.holds, true);
  r = zzCase(path, ["--applicant", LI_MING]);
  assert.equal(r.code, 0, JSON.stringify(r.out));
  // A tampered record is caught: a verdict, an object's byte.
  const tampered = structuredClone(record);
  tampered.licenses[0].verified.verdict = "invalid";
  await writeFile(`${path}-a.json`, JSON.stringify(tampered));
  assert.equal(zzCase(`${path}-a.json`).code, 1);
  const bytes = Buffer.from(record.licenses[1].verified.object, "base64");
  bytes[bytes.length >> 1] ^= 1;
  const flipped = structuredClone(record);
  flipped.licenses[1].verified.object = bytes.toString("base64");
  await writeFile(`${path}-b.json`, JSON.stringify(flipped));
  r = zzCase(`${path}-b.json`);
  assert.equal(r.code, 1);
  assert.equal(r.out.holds, false);
  await page.context().close();
});

test("an agent presents a copy naming them; a copy that does not name them fails", async () => {
  const page = await open("#/counter");
  await startCase(page);
  await nameApplicant(page, "李明", LI_MING, { name: "孙志强", id: AGENT });
  await present(page, "annotated-agent.zzl");
  assert.equal(await rowAttr(page, 1, "data-verdict"), "valid");
  await present(page, "annotated-real-estate.zzl");
  assert.equal(await rowAttr(page, 0, "data-verdict"), "invalid");
  assert.match(await page.textContent("table.case-table tbody tr:nth-child(1)"), /受托人/);
  await page.context().close();
});

const EXCEPTIONS = [
  ["paper", "实体证照已核验", "核验了不动产权证书原件"],
  ["pending", "容缺受理", "不动产权证书承诺补交"],
  ["issuance", "申请签发", "系统中无此证照，已申请签发"],
  ["objection", "异议/纠错", "坐落地址门牌号有误"],
];

test("a row resolved by an exception no longer waits, on screen and printed; the print leaves out sign-out and the drill switch; the site is named once", async () => {
  const page = await open("#/counter");
  await startCase(page);
  await nameApplicant(page, "李明", LI_MING);
  await page.check("#identity-checked");
  // Nothing presented: the row waits.
  assert.match(await page.textContent("table.case-table tbody tr:nth-child(1)"), /待核验/);
  // Every license the matter needs is resolved by checking its paper original.
  const rows = (await page.$$("table.case-table tbody tr")).length;
  for (let i = 0; i < rows; i++) {
    await page.click(`table.case-table tbody tr:nth-child(${i + 1}) button`);
    await page.selectOption(`#exc-${i}-kind`, "paper");
    await page.fill(`#exc-${i}-note`, "核验了实体证照原件");
    await page.click(".exception-form button[type=submit]");
    await page.waitForSelector(`table.case-table tbody tr:nth-child(${i + 1})[data-exception="paper"]`);
  }
  await page.waitForSelector('.case[data-outcome="complete-with-exceptions"]');
  const row = await page.textContent("table.case-table tbody tr:nth-child(1)");
  assert.doesNotMatch(row, /待核验/, row);
  assert.match(row, /已按例外处理/);
  assert.match(row, /实体证照已核验/);
  // One organisation in the case header: the site's, not also the catalog's department.
  const meta = await page.textContent(".case .meta");
  assert.equal((meta.match(/受理(单位|部门)/g) || []).length, 1, meta);
  assert.equal(await page.$$eval(".case .case-org", (e) => e.length), 1);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#sign-out"), false);
  assert.equal(await page.isVisible("#drill"), false);
  assert.equal(await page.isVisible(".case"), true);
  assert.doesNotMatch(await page.textContent("table.case-table tbody tr:nth-child(1)"), /待核验/);
  // The printed record names the site once (in the case header).
  const printed = await page.evaluate(() => document.body.innerText);
  assert.equal((printed.match(/上海市不动产登记局/g) || []).length, 1, printed);
  await page.screenshot({ path: `${ART}/counter-exception-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.context().close();
});

test("each exception completes the case with exceptions, in the record and in the log", async () => {
  for (const [kind, words, note] of EXCEPTIONS) {
    const page = await open("#/counter");
    await startCase(page);
    await nameApplicant(page, "李明", LI_MING);
    await page.check("#identity-checked");
    await present(page, "annotated-valid.zzl");
    assert.equal(await page.getAttribute(".case", "data-complete"), "false");
    await page.click("table.case-table tbody tr:nth-child(1) button");
    await page.selectOption("#exc-0-kind", kind);
    // The note is required.
    await page.click(".exception-form button[type=submit]");
    await page.waitForSelector(".exception-form .alert.error");
    await page.fill("#exc-0-note", note);
    if (kind === "pending") await page.fill("#exc-0-promised", "2026-12-04");
    if (kind === "objection") await page.selectOption("#exc-0-field", "location");
    await page.click(".exception-form button[type=submit]");
    await page.waitForSelector('.case[data-outcome="complete-with-exceptions"]');
    assert.equal(await rowAttr(page, 0, "data-exception"), kind);
    assert.match(await page.textContent(".case-status"), new RegExp(words.replace("/", "\\/")));
    const { path, record } = await saveRecord(page);
    assert.equal(record.outcome, "complete-with-exceptions");
    assert.deepEqual(record.exceptions, [kind]);
    assert.equal(record.licenses[0].exception.kind, kind);
    assert.equal(record.licenses[0].exception.note, note);
    if (kind === "pending") assert.equal(record.licenses[0].exception.promised, "2026-12-04");
    assert.equal(zzCase(path).code, 0);
    if (kind === "objection") {
      // The request, prefilled, with the deadline the rules give.
      await page.waitForSelector("#objection");
      assert.match(await page.textContent("#objection-dept"), /局|部/);
      assert.match(await page.textContent("#objection-deadline"), /3 个工作日/);
      assert.equal(await page.inputValue("#objection-problem"), note);
      assert.equal(await page.inputValue("#objection-field"), "location");
      const download = page.waitForEvent("download");
      await page.click("#objection-save");
      const req = JSON.parse(await readFile(await (await download).path(), "utf8"));
      assert.equal(req.workingDays, 3);
      assert.equal(req.deadline, workingDaysAfter(new Date(), 3));
      assert.equal(req.problem, note);
      assert.equal(req.case, record.id);
      // Printed on its own: only the request.
      await page.evaluate(() => document.body.setAttribute("data-print", "objection"));
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.isVisible("#objection"), true);
      assert.equal(await page.isVisible(".case"), false);
      assert.equal(await page.isVisible("header.top"), false);
      await page.screenshot({ path: `${ART}/objection-print.png`, fullPage: true });
      await page.emulateMedia({ media: "screen" });
      await page.evaluate(() => document.body.removeAttribute("data-print"));
      await axe(page, "counter with an objection");
    }
    // The log has the exception and the completed case.
    await page.goto(`${ctx.server.url}#/log`);
    await page.waitForSelector(`tr[data-event="exception-${kind}"]`);
    await page.waitForSelector('tr[data-event="case-complete-with-exceptions"]');
    assert.equal(await page.getAttribute(`tr[data-event="exception-${kind}"]`, "data-case"), record.id);
    await page.context().close();
  }
});

/** `days` working days (Monday to Friday) after the day of `d` in China Standard Time, YYYY-MM-DD. */
function workingDaysAfter(d, days) {
  let day = Math.floor((d.getTime() / 1000 + 8 * 3600) / 86400);
  while (days > 0) {
    day += 1;
    if ((day + 3) % 7 < 5) days -= 1;
  }
  return new Date(day * 86400 * 1000).toISOString().slice(0, 10);
}

test("IDs on the face are masked until revealed, and the reveal is logged; superseded says what to ask for", async () => {
  const page = await open("#/verify");
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/valid-driving-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]');
  const masked = await page.textContent(".face .holder-id");
  assert.match(masked, /\*{6,}/);
  await page.click("#reveal-id");
  await page.waitForFunction(() => !/\*/.test(document.querySelector(".face .holder-id").textContent));
  await page.setInputFiles("#file", `${SAMPLES}/invalid-superseded.zzl`);
  await page.waitForSelector('[data-verdict="invalid"]');
  assert.match(await page.textContent(".next-step"), /请出示最新版本/);
  await page.goto(`${ctx.server.url}#/log`);
  await page.waitForSelector('tr[data-event="reveal"]');
  await page.context().close();
});

test("catalog: how to get a license, the contact, the right to decline paper, and the objection form", async () => {
  const page = await open("#/catalog");
  await page.waitForSelector("ul.types li a");
  await page.click("ul.types li a");
  await page.waitForSelector(".how-to-get");
  assert.match(await page.textContent(".how-to-get"), /如何申领/);
  assert.match(await page.textContent("#type-contact"), /12345/);
  assert.match(await page.getAttribute("#type-guide", "href"), /^https:\/\//);
  await axe(page, "type page");
  await page.click(".objection-link");
  await page.waitForSelector("#objection");
  assert.equal(await page.isDisabled("#objection-print"), true);
  await page.fill("#objection-id", "1.2.156.3005.2.x");
  await page.fill("#objection-problem", "姓名有误");
  assert.equal(await page.isDisabled("#objection-print"), false);
  // A citizen is offered print or PDF, not a JSON file.
  assert.match(await page.textContent("#objection-print"), /保存为 PDF/);
  assert.equal(await page.$("#objection-save"), null);
  assert.match(await page.textContent("#objection-deadline"), /个工作日/);
  await page.screenshot({ path: `${ART}/objection-citizen.png`, fullPage: true });
  await axe(page, "objection page");
  await page.goto(`${ctx.server.url}#/matters`);
  await page.waitForSelector("td.replaces");
  assert.match(await page.textContent("td.replaces"), /纸质/);
  await page.context().close();
});

test("the site's configuration is set on the device by an administrator", async () => {
  const page = await open("#/settings");
  await page.waitForSelector("#site-org-code");
  assert.match(await page.textContent("#site-from"), /trust\/site\.json/);
  // Signed out, nothing is saved.
  await page.click("#sign-out");
  await page.fill("#site-org-name", "上海市浦东新区市场监督管理局");
  await page.fill("#site-org-code", REGISTRY);
  await page.fill("#site-window", "7 号窗口");
  await page.click("#site-save");
  await page.waitForSelector("#site-result .alert.error");
  assert.match(await page.textContent("#site-result"), /管理员/);
  await page.fill("#staff-number", STAFF.admin.number);
  await page.fill("#staff-pin", STAFF.admin.pin);
  await page.click("#sign-in");
  await page.waitForSelector("#operator");
  await page.click("#site-save");
  await page.waitForSelector("#site-result .alert.ok");
  // The PIN is nowhere in storage in clear.
  const stored = await page.evaluate(async () => {
    const values = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`);
    const db = await new Promise((ok, ko) => { const r = indexedDB.open("zz-verify"); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    for (const name of db.objectStoreNames) {
      const all = await new Promise((ok) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
      values.push(...all.map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v))));
    }
    return values.join("\n");
  });
  assert.ok(stored.length > 100 && !stored.includes(STAFF.admin.pin), "the PIN in clear in storage");
  assert.match(await page.textContent("#site-from"), /本设备/);
  await axe(page, "settings");
  await page.goto(`${ctx.server.url}#/counter`);
  await page.waitForSelector("#site-line");
  assert.match(await page.textContent("#site-line"), /浦东新区.*7 号窗口/, await page.evaluate(() => localStorage.getItem("zz.site")));
  await page.context().close();
});

test("the staff pages are a second program, loaded when one is first opened, not with the portal", async () => {
  const page = await open("#/");
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.reload();
  await page.waitForSelector(".cards");
  await page.goto(`${ctx.server.url}#/verify`);
  await page.waitForSelector("#file");
  assert.ok(!fetched.some((p) => /zz-staff/.test(p)), fetched.join(" "));
  await page.click('nav a[href="#/counter"]');
  await page.waitForSelector("#case-matter");
  assert.ok(fetched.some((p) => /zz-staff-[0-9a-f]{16}_bg\.wasm$/.test(p)), fetched.join(" "));
  // One <main> at a time, and back to a portal page the staff page is gone.
  assert.equal((await page.$$("main")).length, 1);
  await page.click('nav a[href="#/catalog"]');
  await page.waitForSelector("ul.types");
  assert.equal(await page.$("#case-matter"), null);
  assert.equal((await page.$$("main")).length, 1);
  // The language follows from the portal's header to the staff page.
  await page.click('nav a[href="#/log"]');
  await page.waitForSelector("table.log");
  await page.click("button.lang");
  await page.waitForFunction(() => /Verification log/.test(document.querySelector("#staff h1")?.textContent ?? ""));
  await page.context().close();
});

test("no script errors", () => {
  assert.deepEqual(pageErrors, []);
});

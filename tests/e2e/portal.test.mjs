// End-to-end tests of the portal in real headless Chromium: catalog search,
// verification by upload and paste, offline use, no network while
// verifying, bundle import, and axe-core on every page. Screenshots go to
// tests/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serve, launch, signedIn, zzLogVerify } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const TRANSFER = "310000-DJ-0201"; // 二手房买卖转移登记: needs annotated copies
const RENTAL = "310000-GG-0701"; // 公共租赁住房申请

let server, browser, context, page;
const pageErrors = [];

before(async () => {
  await mkdir(ART, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
  context = await browser.newContext({ locale: "zh-CN" });
  await signedIn(context);
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = "") {
  // Going to the page it is on would keep its state (an earlier verdict):
  // pass by the start page so that it starts afresh.
  if (hash && new URL(page.url() || "about:blank").hash === hash) await page.goto(server.url + "#/");
  await page.goto(server.url + hash);
  await page.waitForSelector("main");
}

async function shot(name) {
  await page.screenshot({ path: `${ART}/${name}.png`, fullPage: true });
}

async function axe(name) {
  await page.evaluate(AXE); // by DevTools, not a <script>: the page's CSP allows no inline script
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(bad, [], `axe-core on ${name}`);
}

async function verdict() {
  await page.waitForSelector("[data-verdict]");
  return page.getAttribute("[data-verdict]", "data-verdict");
}

async function upload(file, matter = "") {
  await open("#/verify");
  await page.waitForSelector("#file");
  assert.equal(await page.$("[data-verdict]"), null, "an earlier verdict is still on screen");
  await page.selectOption("#matter", matter);
  await page.setInputFiles("#file", `${SAMPLES}/${file}`);
  // The result that names this file, not an earlier one.
  await page.waitForFunction((f) => document.querySelector("[data-verdict] .source")?.textContent.includes(f), file);
  return verdict();
}

async function paste(file, matter = "") {
  await open("#/verify");
  await page.waitForSelector("#zz1");
  assert.equal(await page.$("[data-verdict]"), null, "an earlier verdict is still on screen");
  await page.selectOption("#matter", matter);
  await page.fill("#zz1", (await readFile(`${SAMPLES}/${file}`, "utf8")).trim());
  await page.click("form.paste button[type=submit]");
  return verdict();
}

test("the start page loads, in Chinese, with trust data", async () => {
  await open();
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.waitForSelector("header .badge");
  assert.match(await page.textContent("header .badge"), /信任数据第 7 版/);
  await shot("home");
  await axe("home");
});

test("catalog: search by pinyin initials, open a type", async () => {
  await open("#/catalog");
  await page.fill("#q", "yyzz");
  await page.waitForFunction(() => document.querySelectorAll("ul.types li").length === 1);
  assert.equal((await page.textContent("ul.types li .name")).trim(), "营业执照");
  assert.ok((await page.evaluate(() => performance.getEntriesByName("zz-search").length)) > 0);
  await shot("catalog-search");
  await axe("catalog");
  await page.click("ul.types li a");
  await page.waitForSelector("article.type-detail h1");
  assert.equal((await page.textContent("article.type-detail h1")).trim(), "营业执照");
  assert.match(await page.textContent("article.type-detail"), /统一社会信用代码/);
  assert.match(await page.textContent("article.type-detail"), /食品经营许可（新办）/);
  // Chinese mode shows no English subtitle.
  assert.equal(await page.$('article.type-detail [lang="en"]'), null);
  // The 必填 column does not break on a phone.
  const width = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 800 });
  const lines = await page.$eval("article.type-detail thead th:nth-child(3)", (th) => {
    const r = document.createRange();
    r.selectNodeContents(th);
    return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
  });
  assert.equal(lines, 1, "必填 on one line");
  await page.setViewportSize(width);
  await shot("catalog-type");
  await axe("type detail");
  // Back to the list: the search is kept. Filters, and non-public types never shown.
  await page.goBack();
  await page.waitForSelector("#q");
  assert.equal(await page.inputValue("#q"), "yyzz");
  await page.fill("#q", "");
  await page.selectOption("#f-holder", "person");
  const names = await page.$$eval("ul.types li .name", (els) => els.map((e) => e.textContent));
  assert.ok(names.includes("机动车驾驶证") && !names.includes("营业执照"));
  await page.selectOption("#f-holder", "");
  const all = await page.$$eval("ul.types li .name", (els) => els.map((e) => e.textContent));
  assert.ok(!all.includes("机动车登记证书"), "a non-public type is listed");
});

test("matters and settings pages", async () => {
  await open("#/matters");
  await page.waitForSelector("li.matter");
  assert.ok((await page.$$("li.matter")).length >= 10);
  await shot("matters");
  await axe("matters");
  await open("#/settings");
  await page.waitForSelector("#trust-status");
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "7");
  await shot("settings");
  await axe("settings");
});

test("verify by file upload: valid, tampered, annotated for the right and the wrong matter", async () => {
  assert.equal(await upload("valid-business-license.zzl"), "valid");
  assert.match(await page.textContent(".face"), /上海申城云图科技有限公司/);
  assert.match(await page.textContent("#announce"), /有效/);
  await shot("verify-valid");
  await axe("verify, valid");
  assert.equal(await upload("invalid-tampered.zzl"), "invalid");
  assert.equal(await page.$(".face"), null, "an invalid license's face is shown");
  assert.equal(await page.getAttribute("[data-check=signature]", "data-outcome"), "fail");
  await shot("verify-tampered");
  await axe("verify, invalid");
  assert.equal(await upload("annotated-valid.zzl", TRANSFER), "valid");
  assert.match(await page.textContent(".annotation"), /二手房买卖转移登记/);
  await shot("verify-annotated");
  assert.equal(await upload("annotated-valid.zzl", RENTAL), "invalid");
  assert.equal(await page.getAttribute("[data-check=annotation-scope]", "data-outcome"), "fail");
  assert.equal(await upload("indeterminate-no-status.txt"), "indeterminate");
  await shot("verify-indeterminate");
  assert.equal(await upload("invalid-not-a-license.txt"), "invalid");
  assert.equal(await page.getAttribute("[data-check=decode]", "data-outcome"), "fail");
});

test("verify by paste: valid, tampered, annotated for the right and the wrong matter", async () => {
  assert.equal(await paste("valid-driving-license.txt"), "valid");
  assert.equal(await paste("invalid-tampered.txt"), "invalid");
  assert.equal(await paste("annotated-valid.txt", TRANSFER), "valid");
  assert.equal(await paste("annotated-valid.txt", RENTAL), "invalid");
  assert.equal(await paste("invalid-damaged-text.txt"), "invalid");
});

test("verifying makes no network request", async () => {
  await open("#/verify");
  await page.waitForSelector("#file");
  // Every request for the whole test, not only until the first verdict.
  const requests = [];
  const listen = (r) => requests.push(r.url());
  page.on("request", listen);
  try {
    await page.setInputFiles("#file", `${SAMPLES}/valid-business-license.zzl`);
    await page.waitForSelector("[data-verdict=valid]");
    await page.fill("#zz1", (await readFile(`${SAMPLES}/annotated-valid.txt`, "utf8")).trim());
    await page.selectOption("#matter", TRANSFER);
    await page.click("form.paste button[type=submit]");
    await page.waitForSelector("[data-verdict=valid] .annotation");
    await page.setInputFiles("#file", `${SAMPLES}/invalid-tampered.zzl`);
    await page.waitForSelector("[data-verdict=invalid]");
    // Anything sent late (a log write, a beacon) is caught too.
    await page.waitForTimeout(1000);
  } finally {
    page.off("request", listen);
  }
  assert.deepEqual(requests, []);
});

test("English switch", async () => {
  await open("#/verify");
  await page.click("button.lang");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.textContent("h1"), /Verify an e-license/);
  assert.equal(await upload("valid-business-license.zzl"), "valid");
  assert.match(await page.textContent(".verdict h2"), /Valid/);
  await shot("verify-valid-en");
  await axe("verify, English");
  await page.click("button.lang");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
});

test("a bad bundle is refused and the old one kept; rollback refused", async () => {
  await open("#/settings");
  await page.waitForSelector("#bundle-file");
  await writeFile(`${ART}/garbage.zzb`, "not a bundle");
  await page.setInputFiles("#bundle-file", `${ART}/garbage.zzb`);
  await page.waitForSelector("#import-result .alert.error");
  // Why, in Chinese: no English error text in the Chinese interface.
  const why = await page.textContent("#import-result");
  assert.match(why, /格式不正确/);
  assert.doesNotMatch(why, /[A-Za-z]{4,}/, why);
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "7");
  await page.setInputFiles("#bundle-file", `${DIST}/trust/bundle-outdated.zzb`);
  await page.waitForFunction(() => /不允许回退/.test(document.querySelector("#import-result")?.textContent ?? ""));
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "7");
  await shot("settings-refused");
  // The same bundle again is accepted (not older).
  await page.setInputFiles("#bundle-file", `${DIST}/trust/bundle.zzb`);
  await page.waitForSelector("#import-result .alert.ok");
  assert.equal(await upload("valid-business-license.zzl"), "valid");
});

test("offline after one visit: reload with the network off and verify again", async () => {
  await open();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // Let the service worker take control, then cut the network.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  try {
    await page.reload();
    assert.equal(await upload("valid-business-license.zzl"), "valid");
    assert.equal(await paste("invalid-tampered.txt"), "invalid");
    await shot("offline-verify");
  } finally {
    await context.setOffline(false);
  }
});

test("filters start at 'all'", async () => {
  await open("#/catalog");
  await page.waitForSelector("#f-dept");
  for (const id of ["#f-dept", "#f-level", "#f-holder"]) {
    assert.equal(await page.$eval(id, (s) => s.value), "", id);
  }
  assert.equal(await page.$eval("#q", (q) => q.value), "");
});

test("the plain-HTML example uses the JS module without Yew", async () => {
  // The example is built beside the site (dist-bench/), not deployed.
  const bench = await serve(process.env.DIST_BENCH ?? "dist-bench");
  const p = await context.newPage();
  await p.goto(`${bench.url}example/`);
  await p.waitForFunction(() => window.zzExampleReady === true);
  assert.match(await p.textContent("#trust"), /Trust list seq 7/);
  await p.setInputFiles("#f", `${SAMPLES}/valid-business-license.zzl`);
  await p.waitForSelector("#verdict[data-verdict]");
  assert.equal(await p.getAttribute("#verdict", "data-verdict"), "valid");
  await p.setInputFiles("#f", `${SAMPLES}/invalid-revoked.txt`);
  await p.waitForFunction(() => document.querySelector("#verdict").dataset.verdict === "invalid");
  await p.fill("#q", "yyzz");
  await p.waitForFunction(() => document.querySelectorAll("#hits li").length === 1);
  await p.screenshot({ path: `${ART}/example.png`, fullPage: true });
  await p.close();
  await bench.close();
});

test("keyboard: skip link, navigation, and choosing a file", async () => {
  await open("#/catalog");
  await page.reload();
  await page.waitForSelector("#q");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  assert.equal(await page.getAttribute("nav a[aria-current=page]", "href"), "#/catalog");
  // Reach the verify page and the file chooser by keyboard alone.
  await page.focus("nav a[href='#/verify']");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#file");
  let reached = false;
  for (let i = 0; i < 16 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement.id === "file");
  }
  assert.ok(reached, "the file input is reachable with Tab");
});

// Last: it leaves the imported seq 8 in place.
test("an imported newer bundle is kept across reloads; then the shipped one is a rollback", async () => {
  await open("#/settings");
  await page.waitForSelector("#bundle-file");
  await page.setInputFiles("#bundle-file", `${DIST}/trust/bundle-next.zzb`);
  await page.waitForSelector("#import-result .alert.ok");
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "8");
  await page.reload();
  await page.waitForSelector("[data-testid=trust-seq]");
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "8");
  assert.match(await page.textContent("#trust-status"), /已导入/);
  await page.setInputFiles("#bundle-file", `${DIST}/trust/bundle.zzb`);
  await page.waitForFunction(() => /不允许回退/.test(document.querySelector("#import-result")?.textContent ?? ""));
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), "8");
  assert.equal(await upload("valid-business-license.zzl"), "valid");
});

test("the verification log records, checks its chain, exports, detects an edit, clears", async () => {
  assert.equal(await upload("valid-driving-license.zzl"), "valid");
  await open("#/log");
  await page.waitForSelector("table.log tbody tr");
  const rows = await page.$$eval("table.log tbody tr", (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.length >= 10, `${rows.length} entries`);
  // Masked holders only: no full ID number in the log.
  assert.ok(!rows.some((r) => /310104198803140424|31010419880314042X/.test(r)));
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=intact]");
  await shot("log");
  await axe("log");
  const download = page.waitForEvent("download");
  await page.click("text=导出 CSV");
  const csv = await (await download).path();
  assert.match(await readFile(csv, "utf8"), /^\uFEFFn,time,event,operator,staffNo,org,window,case,matter,kind,licenseType,identifier,holder,verdict/);
  // A checkpoint of the head, then the export: the signed log, which zz
  // log verify checks natively, with the checkpoint too.
  const cp = page.waitForEvent("download");
  await page.click("#log-checkpoint");
  const checkpoint = await (await cp).path();
  const exported = page.waitForEvent("download");
  await page.click("#log-export");
  const logFile = await (await exported).path();
  const text = await readFile(logFile, "utf8");
  assert.match(text.split("\n")[0], /"format":"zz-log\/2".*"alg":"Ed25519"/);
  assert.ok(text.split("\n")[1].includes('"org":"') && text.includes('"sig":"'), text.slice(0, 600));
  assert.equal(zzLogVerify(logFile), 0);
  assert.equal(zzLogVerify(logFile, ["--checkpoint", checkpoint]), 0);
  // Cut off at the end: caught against the checkpoint only.
  const lines = text.trimEnd().split("\n");
  await writeFile(`${logFile}-cut`, lines.slice(0, -2).join("\n") + "\n");
  assert.equal(zzLogVerify(`${logFile}-cut`), 0);
  assert.equal(zzLogVerify(`${logFile}-cut`, ["--checkpoint", checkpoint]), 1);
  // Edited: its signature no longer verifies.
  await writeFile(`${logFile}-edit`, text.replace('"verdict":"invalid"', '"verdict":"valid"'));
  assert.equal(zzLogVerify(`${logFile}-edit`), 1);
  // Edit the second entry behind the page's back.
  await page.evaluate(async () => {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open("zz-verify"); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    const store = db.transaction("audit", "readwrite").objectStore("audit");
    const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    const records = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
    // The first verification (after the staff setup's entries).
    const i = records.findIndex((r) => r.includes('"trustSeq":7'));
    await new Promise((ok) => { const r = store.put(records[i].replace(/"verdict":"[a-z]+"/, '"verdict":"valid"').replace('"trustSeq":7', '"trustSeq":70'), keys[i]); r.onsuccess = ok; });
  });
  await page.reload();
  await page.waitForSelector("table.log tbody tr");
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=broken]");
  await shot("log-broken");
  await page.click("text=清空记录…");
  const cleared = page.waitForEvent("download");
  await page.click("text=确认导出并清空全部记录");
  const archive = await (await cleared).path();
  // What is left is the roster of staff keys, written again by the
  // administrator's session, and a signed note of what was dropped: the
  // log goes on. (They are written first, then the entries are dropped.)
  await page.waitForSelector("#log-pruned");
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll("table.log tbody tr")].map((r) => r.dataset.event);
    return rows.join() === "pruned,staff-roster";
  });
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=intact]");
  const after = page.waitForEvent("download");
  await page.click("#log-export");
  const rest = await (await after).path();
  assert.equal(zzLogVerify(rest), 0);
  // The roster kept anchors what follows: every entry still attributed.
  assert.equal(zzLogVerify(rest, ["--attributed"]), 0);
  // The archive holds the entry edited above: with the log after it, caught.
  assert.equal(zzLogVerify(archive, [rest]), 1);
});

test("verifications in quick succession are logged one after another: the chain stays intact", async () => {
  await open("#/log");
  await page.waitForSelector("table.log");
  const before = await page.$$eval("table.log tbody tr", (trs) => trs.length);
  await open("#/verify");
  await page.waitForSelector("#zz1");
  await page.fill("#zz1", (await readFile(`${SAMPLES}/valid-driving-license.txt`, "utf8")).trim());
  // Five submissions in one task: their log appends once read the same
  // head and were stored with the same n and prev.
  await page.evaluate(() => {
    const submit = document.querySelector("form.paste button[type=submit]");
    for (let i = 0; i < 5; i++) submit.click();
  });
  await page.waitForSelector("[data-verdict=valid]");
  // The log page reads the entries when it opens: open it until all five are in.
  let rows = 0;
  for (let i = 0; i < 20 && rows < before + 5; i++) {
    await page.waitForTimeout(200);
    await open("#/log");
    await page.waitForSelector("table.log");
    rows = await page.$$eval("table.log tbody tr", (trs) => trs.length);
  }
  assert.equal(rows, before + 5);
  await page.click("text=校验记录链");
  await page.waitForSelector("[data-chain=intact]");
});

test("counter workflow: a case is complete when every license it needs is valid; its record", async () => {
  await open("#/counter");
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", TRANSFER);
  await page.waitForSelector("table.case-table tbody tr");
  assert.equal((await page.$$("table.case-table tbody tr")).length, 2);
  assert.equal(await page.getAttribute(".case", "data-complete"), "false");
  await page.setInputFiles("#file", `${SAMPLES}/valid-business-license.zzl`);
  await page.waitForSelector(".case .alert.warn");
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector("table.case-table tr[data-verdict=valid]");
  assert.equal(await page.getAttribute(".case", "data-complete"), "false");
  await page.fill("#zz1", (await readFile(`${SAMPLES}/annotated-real-estate.txt`, "utf8")).trim());
  await page.click("form.paste button[type=submit]");
  await page.waitForSelector("table.case-table tr[data-verdict=valid] + tr[data-verdict=valid]");
  // Valid licenses alone do not complete a case: the applicant, named
  // (here taken from a license presented) and their identity checked.
  assert.equal(await page.getAttribute(".case", "data-complete"), "false");
  await page.click("#applicant-from-license");
  await page.click("#people-confirm");
  await page.check("#identity-checked");
  await page.waitForSelector(".case[data-complete=true]");
  assert.match(await page.textContent(".case-status"), /材料齐全/);
  await shot("counter-complete");
  await axe("counter");
  const download = page.waitForEvent("download");
  await page.click("#case-save");
  const record = JSON.parse(await readFile(await (await download).path(), "utf8"));
  assert.equal(record.matter.code, TRANSFER);
  assert.equal(record.outcome, "complete");
  assert.equal(record.trustSeq, 8);
  assert.deepEqual(record.licenses.map((l) => l.verified.verdict), ["valid", "valid"]);
  assert.ok(record.licenses.every((l) => l.verified.identifier && l.verified.checks.length === 22 && /\*/.test(l.verified.holder)));
  assert.ok(!JSON.stringify(record).includes("310104199007020173"), "a full ID number in the record");
  await page.emulateMedia({ media: "print" });
  await shot("counter-print");
  assert.equal(await page.isVisible("header.top"), false);
  await page.emulateMedia({ media: "screen" });
  // A wrong-matter annotated copy fills its row as invalid: not complete.
  await page.click("text=新的办件");
  await page.selectOption("#case-matter", RENTAL);
  await page.setInputFiles("#file", `${SAMPLES}/annotated-valid.zzl`);
  await page.waitForSelector("table.case-table tr[data-verdict=invalid]");
  assert.equal(await page.getAttribute(".case", "data-complete"), "false");
});

test("no script errors on any page", () => {
  assert.deepEqual(pageErrors, []);
});

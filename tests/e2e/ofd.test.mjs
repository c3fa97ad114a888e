// OFD e-licenses with SM2 seals in the portal (issue 10): verified by the
// OFD worker, fetched only when an OFD file arrives; the page drawn from
// what the seal covers; nothing drawn for an invalid file; the counter
// takes an OFD license; settings list the pinned SM2 roots.
// Screenshots go to tests/artifacts/ofd-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, site, signedIn } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const FOOD = "310000-XK-0101"; // 食品经营许可（新办）: needs the business licence

const ctx = site(DIST, ART);

async function fresh(hash, viewport = { width: 1366, height: 900 }) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport });
  await signedIn(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Console warnings (a preload's ignored integrity, a deprecated init call) too.
  page.on("console", (m) => { if (m.type() === "warning") errors.push(`console warning: ${m.text()}`); });
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  await page.goto(`${ctx.server.url}${hash}`);
  await page.waitForSelector("main");
  return { page, errors, fetched };
}

async function upload(page, file) {
  await page.setInputFiles("#file", `${SAMPLES}/${file}`);
  await page.waitForFunction((f) => document.querySelector("[data-verdict] .source")?.textContent.includes(f), file,
    { timeout: 20000 });
  return page.getAttribute("[data-verdict]", "data-verdict");
}

test("a sealed OFD e-license: valid, its page drawn with the seal, every signature check shown", async () => {
  const { page, errors, fetched } = await fresh("#/verify");
  await page.waitForSelector("#file");
  assert.ok(!fetched.some((u) => u.includes("zz-ofd")), "the OFD worker is not part of the first load");
  assert.equal(await upload(page, "ofd-valid-business-license.ofd"), "valid");
  assert.ok(fetched.some((u) => u.includes("zz-ofd")), "the OFD worker is fetched when an OFD arrives");
  assert.match(await page.textContent("section.result .what"), /OFD 文件/);
  // The page, drawn from the sealed content, with the seal's picture.
  const src = await page.getAttribute(".ofd-page img", "src");
  assert.ok(src.startsWith("data:image/svg+xml"), src.slice(0, 40));
  const svg = decodeURIComponent(src.slice(src.indexOf(",") + 1));
  assert.match(svg, /营业执照/);
  assert.match(svg, /class="seal"/);
  // The holder's USCC is masked on the drawn page as on the face, and
  // shown in full on both only after 显示完整号码.
  const masked = (await page.textContent(".face .holder-id")).replace("显示完整号码", "").trim();
  assert.match(masked, /^[0-9A-Z]{3}\*{11}[0-9A-Z]{4}$/, masked);
  assert.ok(svg.includes(masked), "the page shows the masked USCC");
  await page.click("#reveal-id");
  const full = (await page.textContent(".face .holder-id")).trim();
  assert.match(full, /^[0-9A-Z]{18}$/, full);
  assert.ok(!svg.includes(full), "no full USCC on the page before");
  await page.waitForFunction((id) => decodeURIComponent(document.querySelector(".ofd-page img").src).includes(id), full);
  const box = await page.$eval(".ofd-page img", (i) => ({ w: i.naturalWidth, h: i.naturalHeight, shown: i.getBoundingClientRect().width }));
  assert.ok(box.w > 100 && box.h > 50 && box.shown > 300, JSON.stringify(box));
  // The signature: its seal, signer, time, format, and its own checks.
  const sig = await page.textContent(".ofd-signature");
  assert.match(sig, /上海市市场监督管理局电子证照专用章/);
  assert.match(sig, /电子签章（GB\/T 38540）/);
  assert.match(sig, /签章人所述/);
  for (const id of ["ofd-references", "ofd-signed-hash", "ofd-signature", "ofd-seal", "ofd-signer-chain"]) {
    assert.equal(await page.getAttribute(`.ofd-signature [data-check="${id}"]`, "data-outcome"), "pass", id);
  }
  for (const id of ["ofd-package", "ofd-coverage", "ofd-license", "ofd-face", "ofd-seal-authority"]) {
    assert.equal(await page.getAttribute(`ul.checks > [data-check="${id}"]`, "data-outcome"), "pass", id);
  }
  // The license it carries, from the catalog template.
  assert.match(await page.textContent(".face"), /上海申城云图科技有限公司/);
  await page.screenshot({ path: `${ART}/ofd-valid.png`, fullPage: true });
  // In English too.
  await page.click("button.lang");
  await page.waitForFunction(() => document.querySelector(".ofd-signature")?.textContent.includes("Electronic seal (GB/T 38540)"));
  assert.match(await page.textContent(".ofd-signature"), /the signer's claim/);
  await page.click("button.lang");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a tampered OFD file is invalid and shows no page and no face; a revoked license inside a sound seal too", async () => {
  const { page, errors } = await fresh("#/verify");
  await page.waitForSelector("#file");
  assert.equal(await upload(page, "ofd-invalid-tampered-page.ofd"), "invalid");
  assert.equal(await page.$(".ofd-page"), null);
  assert.equal(await page.$(".face"), null);
  assert.equal(await page.getAttribute('.ofd-signature [data-check="ofd-references"]', "data-outcome"), "fail");
  // The headline names the cause in a clerk's words (the page was changed
  // after sealing), not what follows from it; package paths only in the
  // checks; no "signature does not match" beside an SM2 signature that passed.
  assert.match(await page.textContent(".result .why"), /盖章后被改动/);
  assert.match(await page.textContent(".result .next-step"), /盖章后被改动/);
  const top = await page.textContent(".result .verdict");
  assert.doesNotMatch(top, /Doc_0|\.xml|签名不符|changed\)/, top);
  assert.doesNotMatch(await page.textContent(".result .not-verified"), /签名不符/);
  assert.match(await page.textContent('.ofd-signature [data-check="ofd-references"]'), /Content\.xml（已改动）/);
  assert.doesNotMatch(await page.textContent(".result"), /已改动 changed/);
  await page.screenshot({ path: `${ART}/ofd-tampered.png`, fullPage: true });
  await page.click("button.lang");
  await page.waitForFunction(() => /changed after it was sealed/.test(document.querySelector(".result .why")?.textContent));
  await page.click("button.lang");
  assert.equal(await upload(page, "ofd-invalid-revoked-license.ofd"), "invalid");
  assert.equal(await page.$(".ofd-page"), null);
  assert.equal(await page.getAttribute('ul.checks > [data-check="ofd-license"]', "data-outcome"), "fail");
  assert.equal(await page.getAttribute('.ofd-signature [data-check="ofd-seal"]', "data-outcome"), "pass");
  // The module stays usable: a ZZ1 license right after.
  assert.equal(await upload(page, "valid-business-license.zzl"), "valid");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the counter accepts an OFD license for a matter", async () => {
  const { page, errors } = await fresh("#/counter");
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", FOOD);
  await page.waitForSelector("table.case-table tbody tr");
  await page.setInputFiles("#file", `${SAMPLES}/ofd-valid-business-license.ofd`);
  await page.waitForSelector("table.case-table tbody tr[data-verdict=valid]", { timeout: 20000 });
  // The company is the applicant (its USCC, from the license); the OFD file
  // is verified again for it.
  await page.click("#applicant-from-license");
  await page.click("#people-confirm");
  await page.check("#identity-checked");
  await page.waitForSelector(".case[data-complete=true]", { timeout: 20000 });
  assert.equal(await page.getAttribute("table.case-table tbody tr", "data-verdict"), "valid");
  await page.screenshot({ path: `${ART}/ofd-counter.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("settings list the pinned SM2 roots", async () => {
  const { page, errors } = await fresh("#/settings");
  await page.waitForSelector("#sm2-roots tbody tr:nth-child(2)", { timeout: 20000 });
  const rows = await page.$$eval("#sm2-roots tbody tr", (trs) => trs.map((t) => t.textContent));
  assert.equal(rows.length, 2, rows.join("\n"));
  assert.match(rows[0], /演示 SM2 根证书/);
  assert.match(rows[0], /根证书/);
  assert.match(rows[1], /中间 CA/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the kiosk takes an OFD e-license file: its verdict, then back to waiting", async () => {
  const { page, errors } = await fresh("?kiosk", { width: 1080, height: 1920 });
  await page.waitForSelector("#kiosk-file", { state: "attached", timeout: 20000 });
  assert.match(await page.textContent(".kiosk-file"), /选择电子证照文件/);
  await page.setInputFiles("#kiosk-file", `${SAMPLES}/ofd-valid-business-license.ofd`);
  await page.waitForSelector(".kiosk-verdict[data-verdict=valid]", { timeout: 20000 });
  await page.screenshot({ path: `${ART}/ofd-kiosk.png` });
  await page.waitForSelector(".kiosk-verdict", { state: "detached", timeout: 20000 });
  await page.setInputFiles("#kiosk-file", `${SAMPLES}/ofd-invalid-tampered-page.ofd`);
  await page.waitForSelector(".kiosk-verdict[data-verdict=invalid]", { timeout: 20000 });
  assert.match(await page.textContent(".kiosk-verdict"), /盖章后被改动/);
  assert.doesNotMatch(await page.textContent(".kiosk-verdict"), /Doc_0|\.xml/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("an OFD worker that cannot load: after a while the page says so, and stays usable", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN", serviceWorkers: "block" });
  await signedIn(context);
  const page = await context.newPage();
  await page.clock.install();
  await page.route(/zz-ofd/, (route) => route.abort());
  await page.goto(`${ctx.server.url}#/verify`);
  await page.waitForSelector("#file");
  await page.setInputFiles("#file", `${SAMPLES}/ofd-valid-business-license.ofd`);
  await page.clock.runFor(31000);
  await page.waitForSelector('[data-verdict="invalid"] [data-check="decode"]', { timeout: 10000 });
  assert.match(await page.textContent('[data-check="decode"]'), /核验程序未能加载/);
  // A ZZ1 license right after verifies as ever.
  await page.setInputFiles("#file", `${SAMPLES}/valid-business-license.zzl`);
  await page.waitForSelector('[data-verdict="valid"]', { timeout: 10000 });
  await context.close();
});

test("a site that answers the SM2 roots with a page pins nothing: settings say there are none", async () => {
  const context = await ctx.browser.newContext({ locale: "zh-CN", serviceWorkers: "block" });
  // From the first page on (signing staff in loads the site too).
  await context.route(/sm2-roots\.pem$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><p>not found</p>" }));
  await signedIn(context);
  const page = await context.newPage();
  await page.goto(`${ctx.server.url}#/settings`);
  await page.waitForSelector("text=站点未提供 SM2 根证书", { timeout: 20000 });
  assert.equal(await page.evaluate(() => localStorage.getItem("zz.pinnedSm2Roots")), null);
  await context.close();
});

test("another department's sound seal on a license: invalid, the department that sealed named", async () => {
  const { page, errors } = await fresh("#/verify");
  await page.waitForSelector("#file");
  assert.equal(await upload(page, "ofd-invalid-wrong-department.ofd"), "invalid");
  const check = await page.textContent('ul.checks > [data-check="ofd-seal-authority"]');
  assert.equal(await page.getAttribute('ul.checks > [data-check="ofd-seal-authority"]', "data-outcome"), "fail");
  // Both departments named: the one that sealed, and the issuer.
  assert.match(check, /签章单位.+不是该证照的签发机关上海市市场监督管理局/);
  assert.match(await page.textContent("section.result .why"), /不是该证照的签发机关/);
  // The seal itself is sound: its own checks pass.
  assert.equal(await page.getAttribute('.ofd-signature [data-check="ofd-seal"]', "data-outcome"), "pass");
  assert.equal(await page.$(".face"), null, "an invalid file shows no face");
  await page.screenshot({ path: `${ART}/ofd-wrong-department.png`, fullPage: true });
  // A page showing another holder around a genuine license: not valid.
  assert.equal(await upload(page, "ofd-indeterminate-other-holder-page.ofd"), "indeterminate");
  assert.equal(await page.getAttribute('ul.checks > [data-check="ofd-face"]', "data-outcome"), "warn");
  await axe(page, "a wrong-department OFD");
  assert.deepEqual(errors, []);
  await page.context().close();
});

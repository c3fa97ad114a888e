// What the clerk and the citizen see (issue 9), at a counter's 1366×768 and
// on a 390×844 phone: the screen never says more than the core said.
// Screenshots go to tests/artifacts/clerk-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { site, signedIn } from "./lib.mjs";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core finds no violation on the page as it is. */
async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(bad, [], `axe-core on ${name}`);
}

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const TRANSFER = "310000-DJ-0201"; // 二手房买卖转移登记: the demo copy is made for it
const RENTAL = "310000-GG-0701"; // 公共租赁住房申请
const SIZES = { desk: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

const ctx = site(DIST, ART);
const pageErrors = [];

/** A fresh page at one of the sizes, on the verify page. */
async function verifyPage(size) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: SIZES[size] });
  await signedIn(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${size}: ${e.message}`));
  await page.goto(`${ctx.server.url}#/verify`);
  await page.waitForSelector("#file");
  return page;
}

/** Uploads a sample and waits for the result that names it. */
async function upload(page, file) {
  await page.setInputFiles("#file", `${SAMPLES}/${file}`);
  await page.waitForFunction((f) => document.querySelector("[data-verdict] .source")?.textContent.includes(f), file);
  return page.getAttribute("[data-verdict]", "data-verdict");
}

for (const size of Object.keys(SIZES)) {
  test(`${size}: changing the matter re-verifies at once; no verdict stays for another matter`, async () => {
    const page = await verifyPage(size);
    await page.selectOption("#matter", TRANSFER);
    assert.equal(await upload(page, "annotated-valid.zzl"), "valid");
    await page.selectOption("#matter", RENTAL);
    // The copy is for the transfer: for the rental it is invalid, at once.
    await page.waitForSelector('[data-verdict="invalid"]', { timeout: 5000 });
    assert.equal(await page.$('[data-verdict="valid"]'), null);
    assert.equal(await page.getAttribute('[data-check="annotation-scope"]', "data-outcome"), "fail");
    await page.selectOption("#matter", TRANSFER);
    await page.waitForSelector('[data-verdict="valid"]', { timeout: 5000 });
    await page.context().close();
  });

  test(`${size}: skipped checks are shown, greyed, with their reason, on screen and in print`, async () => {
    const page = await verifyPage(size);
    assert.equal(await upload(page, "invalid-unknown-signer.zzl"), "invalid");
    const skipped = await page.$$('li.check[data-outcome="skip"]');
    assert.ok(skipped.length >= 1, "an unknown signer leaves checks unchecked");
    for (const media of ["screen", "print"]) {
      await page.emulateMedia({ media });
      for (const li of skipped) {
        const box = await li.boundingBox();
        assert.ok(box && box.x >= 0 && box.width > 50 && box.x + box.width <= SIZES[size].width + 1,
          `${media}: a skipped row is in the page (${JSON.stringify(box)})`);
        const text = await li.innerText();
        assert.match(text, /未检查/);
        assert.ok(text.replace(/未检查/, "").trim().length > 4, `${media}: the row says why: ${text}`);
      }
    }
    await page.emulateMedia({ media: "screen" });
    // Greyed: not the colour of a pass or a failure.
    const colour = await page.$eval('li.check[data-outcome="skip"] .outcome', (e) => getComputedStyle(e).color);
    const fail = await page.$eval('li.check[data-outcome="fail"] .outcome', (e) => getComputedStyle(e).color);
    assert.notEqual(colour, fail);
    await page.screenshot({ path: `${ART}/clerk-skipped-${size}.png`, fullPage: true });
    await page.context().close();
  });
}

for (const size of Object.keys(SIZES)) {
  test(`${size}: the verdict is brought into view and focused, a second file's too`, async () => {
    const page = await verifyPage(size);
    for (const file of ["valid-business-license.zzl", "invalid-revoked.zzl"]) {
      await upload(page, file);
      await page.waitForFunction(() => document.activeElement?.matches("section.result"), null, { timeout: 3000 });
      const top = await page.$eval("section.result", (e) => e.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < SIZES[size].height / 2, `${file}: the verdict's top is at ${top}`);
    }
    await page.context().close();
  });

  test(`${size}: every verdict that is not valid says what to do; forgery words only for forgeries`, async () => {
    const page = await verifyPage(size);
    const cases = [
      // file, matter, what the next step must say, whether it is a forgery
      ["invalid-tampered.zzl", "", /不予受理/, true],
      ["invalid-revoked.zzl", "", /现行有效的证照/, false],
      ["invalid-suspended.zzl", "", /现行有效的证照/, false],
      ["invalid-superseded.zzl", "", /第 1 版.*请出示最新版本/, false],
      ["invalid-expired.zzl", "", /有效期内的证照/, false],
      ["annotated-wrong-matter.zzl", null, /为本事项制作的加注件/, false],
      ["matter-original-not-enough.zzl", null, /要求加注件/, false],
      ["invalid-unknown-signer.zzl", "", /更新信任数据/, false],
      ["indeterminate-no-status.zzl", "", /信任数据包/, false],
    ];
    for (const [file, matter, next, forged] of cases) {
      if (matter !== null) await page.selectOption("#matter", matter);
      else {
        // The sample's own matter, from the manifest.
        const m = await page.evaluate(async (f) => (await (await fetch("samples/samples.json")).json())
          .find((s) => s.file === f || `${s.name}.zzl` === f)?.matter ?? "", file);
        await page.selectOption("#matter", m);
      }
      await upload(page, file);
      const box = await page.textContent("section.result .verdict");
      assert.match(box, next, `${file}: ${box}`);
      const whole = await page.textContent("section.result");
      assert.equal(/未通过核验|伪造/.test(whole), forged, `${file}: ${whole}`);
      // No key ids (16 hex digits) in what the clerk reads.
      assert.doesNotMatch(whole, /\b[0-9a-f]{16}\b/, file);
      await page.selectOption("#matter", "");
    }
    await page.context().close();
  });

  test(`${size}: warnings are in the verdict box`, async () => {
    const page = await verifyPage(size);
    await upload(page, "valid-expiring-soon.zzl");
    assert.match(await page.textContent("section.result .verdict .warnings"), /即将到期/);
    await upload(page, "valid-bad-holder-id-check.zzl");
    assert.match(await page.textContent("section.result .verdict .warnings"), /校验/);
    // An annotated copy with no matter chosen: compare its purpose.
    await upload(page, "annotated-valid.zzl");
    const purpose = await page.textContent(".annotation .purpose");
    const warnings = await page.textContent("section.result .verdict .warnings");
    assert.match(warnings, /未选择办理事项/);
    assert.ok(warnings.includes(purpose.trim()), warnings);
    await page.screenshot({ path: `${ART}/clerk-warnings-${size}.png`, fullPage: true });
    await axe(page, `verify with warnings (${size})`);
    await upload(page, "invalid-revoked.zzl");
    await axe(page, `verify, revoked, next step (${size})`);
    await page.context().close();
  });
}

test("phone: no page scrolls sideways", async () => {
  const page = await verifyPage("phone");
  await upload(page, "valid-business-license.zzl");
  const wide = async (where) => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= SIZES.phone.width, `${where}: the page is ${w} px wide`);
  };
  await wide("verify, with a license face");
  for (const hash of ["#/", "#/catalog", "#/matters", "#/counter", "#/log", "#/settings"]) {
    await page.goto(`${ctx.server.url}${hash}`);
    await page.waitForSelector("main h1");
    await page.waitForTimeout(300);
    await wide(hash);
    await page.screenshot({ path: `${ART}/clerk-phone-${hash.replace(/\W/g, "") || "home"}.png`, fullPage: true });
  }
  await page.context().close();
});

test("log: type and matter names, failed checks in words, filter by type name, CSV with a BOM", async () => {
  const page = await verifyPage("desk");
  await page.selectOption("#matter", TRANSFER);
  await upload(page, "invalid-revoked.zzl");
  await page.goto(`${ctx.server.url}#/log`);
  await page.waitForSelector("table.log tbody tr");
  const row = await page.textContent("table.log tbody tr");
  assert.match(row, /营业执照|证/, row);
  assert.match(row, /二手房/, row);
  assert.match(row, /状态/, `failed checks in words: ${row}`);
  assert.doesNotMatch(row, /1\.2\.156|status\b/, row);
  const type = await page.textContent("table.log tbody tr td.license");
  await page.fill("#log-q", type.trim().slice(0, 3));
  await page.waitForTimeout(200);
  assert.ok((await page.$$("table.log tbody tr")).length >= 1, "filter by type name");
  await page.fill("#log-q", "");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=导出 CSV")]);
  const bytes = await import("node:fs/promises").then((fs) => download.path().then((p) => fs.readFile(p)));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  await page.context().close();
});

for (const size of Object.keys(SIZES)) {
  test(`${size}: catalog: Back keeps the search and filters; matter links go to that matter; an empty result helps`, async () => {
    const page = await verifyPage(size);
    await page.goto(`${ctx.server.url}#/catalog`);
    await page.waitForSelector("#q");
    await page.selectOption("#f-holder", "legal");
    await page.fill("#q", "yyzz");
    await page.waitForFunction(() => document.querySelectorAll("ul.types li").length === 1);
    await page.click("ul.types li a");
    await page.waitForSelector("article.type-detail h1");
    // A matter link names the matter, and lands on it.
    const link = await page.$("article.type-detail ul li a");
    const href = await link.getAttribute("href");
    assert.match(href, /#\/matters\/[0-9A-Z-]+$/);
    const code = href.split("/").pop();
    await link.click();
    await page.waitForSelector(`li.matter.current#matter-${code}`);
    await axe(page, `matters, one marked (${size})`);
    const top = await page.$eval(`#matter-${code}`, (e) => e.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < SIZES[size].height, `the matter is in view (top ${top})`);
    await page.goBack();
    await page.waitForSelector("article.type-detail h1");
    await page.goBack();
    await page.waitForSelector("#q");
    assert.equal(await page.inputValue("#q"), "yyzz");
    assert.equal(await page.inputValue("#f-holder"), "legal");
    await page.waitForFunction(() => document.querySelectorAll("ul.types li").length === 1);
    // Full pinyin finds it as initials do.
    await page.fill("#q", "yingye");
    await page.waitForFunction(() => document.querySelector("ul.types li .name")?.textContent.trim() === "营业执照");
    // Nothing found: say what to try, and offer to clear the filters.
    await page.fill("#q", "zzzzzzqqq");
    await page.waitForSelector(".empty-result");
    assert.match(await page.textContent(".empty-result"), /拼音首字母/);
    await page.click(".empty-result button");
    await page.waitForFunction(() => document.getElementById("f-holder").value === "");
    await page.screenshot({ path: `${ART}/clerk-catalog-empty-${size}.png`, fullPage: true });
    await axe(page, `catalog, nothing found (${size})`);
    await page.context().close();
  });
}

test("the face names the signing organisation and flags an issuer code that is not its own", async () => {
  const page = await verifyPage("desk");
  assert.equal(await upload(page, "valid-business-license.zzl"), "valid");
  assert.match(await page.textContent(".face .signer-org"), /市场监督管理局/);
  assert.equal(await page.$(".face .signer-org .mismatch"), null);
  assert.equal(await upload(page, "valid-issuer-code-differs.zzl"), "valid");
  assert.match(await page.textContent(".face .signer-org .mismatch"), /不一致，请核实/);
  await page.context().close();
});

test("no script errors", () => {
  assert.deepEqual(pageErrors, []);
});

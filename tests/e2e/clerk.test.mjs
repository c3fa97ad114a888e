// What the clerk and the citizen see (issue 9), at a counter's 1366×768 and
// on a 390×844 phone: the screen never says more than the core said.
// Screenshots go to tests/artifacts/clerk-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { serve, launch } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const TRANSFER = "310000-DJ-0201"; // 二手房买卖转移登记: the demo copy is made for it
const RENTAL = "310000-GG-0701"; // 公共租赁住房申请
const SIZES = { desk: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

let server, browser;
const pageErrors = [];

before(async () => {
  await mkdir(ART, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page at one of the sizes, on the verify page. */
async function verifyPage(size) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: SIZES[size] });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${size}: ${e.message}`));
  await page.goto(`${server.url}#/verify`);
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

test("no script errors", () => {
  assert.deepEqual(pageErrors, []);
});

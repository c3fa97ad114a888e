// Several trust authorities in the portal (issue 20, SPEC section 9): the
// demo's neighbouring province (浙江省) is loaded beside the home city
// (上海市) from trust/authorities.json. Its licenses verify with its own
// trust data and the verdict names it; the home usage lists decide matters;
// settings list each authority; importing one region's bundle leaves the
// other untouched; a neighbour that cannot be loaded is named and the home
// one keeps working; the catalog shows the neighbour's own types.
// Screenshots go to tests/artifacts/cross-region-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, site, signedIn } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const SAMPLES = `${DIST}/samples`;
const ART = "tests/artifacts";
const WORKSHOP_MATTER = "310000-XK-1401"; // 外省食品小作坊产品入沪销售登记: accepts Zhejiang's workshop registration

const ctx = site(DIST, ART);

async function fresh(hash, routes = {}) {
  const context = await ctx.browser.newContext({ locale: "zh-CN", viewport: { width: 1366, height: 900 }, serviceWorkers: "block" });
  await signedIn(context);
  for (const [pattern, file] of Object.entries(routes)) {
    await context.route(pattern, async (route) => route.fulfill({ status: 200, path: file }));
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${ctx.server.url}${hash}`);
  await page.waitForSelector("main");
  return { page, errors };
}

async function upload(page, file) {
  await page.setInputFiles("#file", `${SAMPLES}/${file}`);
  await page.waitForFunction((f) => document.querySelector("[data-verdict] .source")?.textContent.includes(f), file,
    { timeout: 20000 });
  return page.getAttribute("[data-verdict]", "data-verdict");
}

test("a license of the neighbouring province verifies with its trust data, and the verdict names the region", async () => {
  const { page, errors } = await fresh("#/verify");
  await page.waitForSelector("#file");
  assert.equal(await upload(page, "zj-valid-business-license.png"), "valid");
  assert.equal((await page.textContent("#vouched")).trim(), "由浙江省电子证照信任数据核验");
  await page.screenshot({ path: `${ART}/cross-region-verdict.png`, fullPage: true });
  await axe(page, "a cross-region verdict");
  // A home license names no region; the neighbour's revoked one fails on
  // the neighbour's own status list.
  assert.equal(await upload(page, "valid-business-license.zzl"), "valid");
  assert.equal(await page.$("#vouched"), null);
  assert.equal(await upload(page, "zj-invalid-revoked-workshop.zzl"), "invalid");
  assert.equal(await page.getAttribute('ul.checks > [data-check="status"]', "data-outcome"), "fail");
  // Its sealed OFD: the neighbour's SM2 chain and seal table.
  assert.equal(await upload(page, "zj-ofd-valid-business-license.ofd"), "valid");
  assert.equal((await page.textContent("#vouched")).trim(), "由浙江省电子证照信任数据核验");
  assert.equal(await page.getAttribute('ul.checks > [data-check="ofd-seal-authority"]', "data-outcome"), "pass");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("at the counter a cross-region license serves a home matter, named with its region", async () => {
  const { page, errors } = await fresh("#/counter");
  await page.waitForSelector("#case-matter");
  await page.selectOption("#case-matter", WORKSHOP_MATTER);
  await page.waitForSelector("table.case-table tbody tr");
  await page.setInputFiles("#file", `${SAMPLES}/zj-workshop-for-home-matter.zzl`);
  const row = 'table.case-table tbody tr[data-verdict="valid"]';
  await page.waitForSelector(row, { timeout: 20000 });
  assert.match(await page.textContent(row), /食品小作坊登记证/);
  assert.match(await page.textContent(`${row} .vouched`), /由浙江省电子证照信任数据核验/);
  await page.screenshot({ path: `${ART}/cross-region-counter.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("settings list each authority; importing one region's bundle leaves the other untouched; a shared kid is refused", async () => {
  const { page, errors } = await fresh("#/settings");
  await page.waitForSelector("#authorities");
  const row = '#authorities tr[data-authority="浙江省"]';
  assert.equal((await page.textContent(`${row} [data-testid=authority-seq]`)).trim(), "3");
  assert.match(await page.textContent(row), /1 张|2 张/);
  const homeSeq = (await page.textContent("[data-testid=trust-seq]")).trim();
  // The province's bundle, as from a USB stick: taken as the province's.
  await page.setInputFiles("#bundle-file", `${DIST}/trust/regions/zhejiang/bundle.zzb`);
  await page.waitForSelector("#import-result .alert");
  assert.match(await page.textContent("#import-result"), /已导入「浙江省」的信任数据第 3 版，其他信任机构的数据不变/);
  assert.equal((await page.textContent("[data-testid=trust-seq]")).trim(), homeSeq);
  assert.match(await page.textContent(row), /已导入的文件/);
  // The province's data listing a home key: refused, both keep working.
  await page.setInputFiles("#bundle-file", `${DIST}/trust/regions/zhejiang-shared-kid/bundle.zzb`);
  await page.waitForFunction(() => /已拒绝该文件/.test(document.querySelector("#import-result")?.textContent ?? ""));
  assert.match(await page.textContent("#import-result"), /已由「上海市」列出/);
  await axe(page, "settings with two authorities");
  await page.screenshot({ path: `${ART}/cross-region-settings.png`, fullPage: true });
  await page.goto(`${ctx.server.url}#/verify`);
  await page.waitForSelector("#file");
  assert.equal(await upload(page, "valid-business-license.zzl"), "valid");
  assert.equal(await upload(page, "zj-valid-business-license.zzl"), "valid");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a neighbour whose bundle is refused is named in settings, and the home authority keeps working", async () => {
  const { page, errors } = await fresh("#/settings", {
    "**/trust/regions/zhejiang/bundle.zzb": `${DIST}/trust/regions/zhejiang-shared-kid/bundle.zzb`,
  });
  const row = '#authorities tr[data-authority="浙江省"].refused';
  await page.waitForSelector(row);
  assert.match(await page.textContent(row), /未加载.*已由「上海市」列出/);
  await page.goto(`${ctx.server.url}#/verify`);
  await page.waitForSelector("#file");
  assert.equal(await upload(page, "valid-business-license.zzl"), "valid");
  assert.equal(await upload(page, "zj-valid-business-license.zzl"), "invalid");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the catalog shows the neighbour's own types, marked, with the home matters that accept them", async () => {
  const { page, errors } = await fresh("#/catalog");
  await page.waitForSelector("#other-regions");
  const other = await page.textContent(".other-regions");
  assert.match(other, /食品小作坊登记证/);
  assert.match(other, /浙江省/);
  assert.match(other, /本地接受它的事项：外省食品小作坊产品入沪销售登记/);
  await page.click('.other-regions a.name');
  await page.waitForSelector("#type-region");
  assert.match(await page.textContent("#type-region"), /浙江省电子证照目录/);
  assert.match(await page.textContent("main"), /外省食品小作坊产品入沪销售登记/);
  await axe(page, "another region's type");
  assert.deepEqual(errors, []);
  await page.context().close();
});

// Scanning in real headless Chromium: a demo QR through Chromium's fake
// camera, a photo of a QR uploaded, a denied camera; and the decoder is
// loaded only when scanning starts. Media from
// `cargo run -p zz-qr --example e2e_media` (scripts/test.sh makes them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { serve, launch, signedIn, STAFF } from "./lib.mjs";

const AXE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
async function axe(page, name) {
  await page.evaluate(AXE); // by DevTools, not a <script>: the page's CSP allows no inline script
  const r = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `axe-core on ${name}`);
}

const DIST = process.env.DIST ?? "dist";
const MEDIA = process.env.E2E_MEDIA ?? "target/e2e-media";
const ART = "tests/artifacts";
let server;

// Chromium with a fake camera that shows the demo QR, permission granted.
const launchWithCamera = () =>
  launch([
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${MEDIA}/camera.y4m`,
  ]);

before(async () => {
  await mkdir(ART, { recursive: true });
  server = await serve(DIST);
});
after(async () => server?.close());

test("a QR code shown to the camera is verified; the decoder loads only then", async () => {
  const browser = await launchWithCamera();
  try {
    const page = await browser.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}#/verify`);
    await page.waitForSelector("#file");
    assert.ok(!requests.some((p) => p.includes("zz-decoder")), "the decoder was loaded with the page");
    await page.click("text=用摄像头扫码");
    await page.waitForSelector(".camera[data-camera=scanning]", { timeout: 20000 });
    await page.waitForSelector("[data-verdict]", { timeout: 30000 });
    assert.equal(await page.getAttribute("[data-verdict]", "data-verdict"), "valid");
    assert.match(await page.textContent("#announce"), /有效/);
    assert.ok(requests.some((p) => /\/zz-decoder-[0-9a-f]{16}_bg\.wasm$/.test(p)), "the decoder was never loaded");
    await page.screenshot({ path: `${ART}/camera-verify.png`, fullPage: true });
    await axe(page, "verify with the camera");
    // A photo of a QR code goes through the same decoder.
    await page.click("text=关闭摄像头");
    await page.setInputFiles("#file", `${MEDIA}/photo.jpg`);
    await page.waitForFunction(() => document.querySelector("[data-verdict]")?.closest(".result")?.textContent.includes("photo.jpg"));
    assert.equal(await page.getAttribute("[data-verdict]", "data-verdict"), "valid");
  } finally {
    await browser.close();
  }
});

test("a denied camera says so and offers upload", async () => {
  const browser = await launch(["--use-fake-device-for-media-stream", "--deny-permission-prompts"]);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}#/verify`);
    await page.waitForSelector("#file");
    await page.click("text=用摄像头扫码");
    await page.waitForSelector(".camera[data-camera=denied]", { timeout: 20000 });
    assert.match(await page.textContent(".camera"), /权限被拒绝/);
    assert.ok(await page.isVisible("label[for=file]"), "upload is still offered");
    await page.screenshot({ path: `${ART}/camera-denied.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});

test("kiosk without a camera: no upload advice (it has none), ask staff, try again", async () => {
  const browser = await launch(["--use-fake-device-for-media-stream", "--deny-permission-prompts"]);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?kiosk`);
    await page.waitForSelector(".camera[data-camera=denied]", { timeout: 20000 });
    const text = await page.textContent(".kiosk-camera");
    assert.match(text, /请联系工作人员/);
    assert.doesNotMatch(text, /上传/);
    // No prompt to hold a code up to a camera that does not work.
    assert.equal(await page.$(".kiosk-prompt"), null);
    await page.click(".camera button.retry");
    await page.waitForSelector(".camera[data-camera=denied]", { timeout: 20000 });
    await page.screenshot({ path: `${ART}/kiosk-no-camera.png` });
  } finally {
    await browser.close();
  }
});

test("kiosk on a phone: the heading keeps its words together, trust age and staff button stay in view; a second file replaces the verdict at once", async () => {
  // Chromium's own fake camera: it works, and shows no QR code.
  const browser = await launch(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
  try {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}?kiosk`);
    await page.waitForSelector(".kiosk-prompt", { timeout: 20000 });
    // No line of the heading holds a single character.
    const lines = await page.$eval(".kiosk-prompt", (h) => {
      const text = h.firstChild;
      const tops = new Map();
      for (let i = 0; i < text.length; i++) {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        const top = Math.round(r.getBoundingClientRect().top);
        tops.set(top, (tops.get(top) ?? 0) + 1);
      }
      return [...tops.values()];
    });
    assert.ok(lines.every((n) => n > 1), `characters per line: ${lines}`);
    const inView = (sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
    assert.ok(await inView(".kiosk-footer"), "the trust age is in view");
    assert.ok(await inView(".kiosk-staff-button"), "the staff button is in view");
    // The file button too, and not under the footer.
    assert.ok(await inView(".kiosk-file .button"), "the file button is in view");
    const [file, footer] = await Promise.all([".kiosk-file .button", ".kiosk-footer"].map((s) => page.$eval(s, (e) => e.getBoundingClientRect().toJSON())));
    assert.ok(file.bottom <= footer.top, `${JSON.stringify(file)} ${JSON.stringify(footer)}`);
    await page.screenshot({ path: `${ART}/kiosk-phone.png` });
    // A first file, then a second at once: the second's verdict replaces
    // the first's without waiting for the countdown.
    await page.setInputFiles("#kiosk-file", `${DIST}/samples/valid-business-license.zzl`);
    await page.waitForSelector(".kiosk-verdict[data-verdict=valid]", { timeout: 20000 });
    const start = Date.now();
    await page.setInputFiles("#kiosk-file", `${DIST}/samples/invalid-bad-signature.zzl`);
    await page.waitForSelector(".kiosk-verdict[data-verdict=invalid]", { timeout: 5000 });
    assert.ok(Date.now() - start < 3000, `${Date.now() - start} ms`);
    assert.ok(await inView(".kiosk-footer"), "the trust age is in view under a verdict");
    await page.screenshot({ path: `${ART}/kiosk-phone-verdict.png` });
  } finally {
    await browser.close();
  }
});

test("kiosk mode: camera on, a very large verdict, reset, no way out but for a kiosk supervisor, who updates trust data", async () => {
  const browser = await launchWithCamera();
  try {
    const context = await browser.newContext({ locale: "zh-CN" });
    // The demo staff are set up, no one signed in: a kiosk is unattended.
    await signedIn(context, "counter");
    await context.addInitScript(() => localStorage.removeItem("zz.operator"));
    const page = await context.newPage();
    await page.goto(`${server.url}?kiosk&reset=4`);
    await page.waitForSelector(".kiosk-footer");
    assert.match(await page.textContent(".kiosk-footer"), /信任数据第 \d+ 版/);
    assert.equal(await page.evaluate(() => document.querySelectorAll("nav, a[href]").length), 0, "a way out of the kiosk");
    await page.waitForSelector(".kiosk-verdict[data-verdict=valid]", { timeout: 30000 });
    const size = await page.$eval(".kiosk-verdict h1", (h) => parseFloat(getComputedStyle(h).fontSize));
    assert.ok(size >= 64, `verdict font ${size}px`);
    await page.screenshot({ path: `${ART}/kiosk-verdict.png` });
    // The countdown counts down from 4.
    await page.waitForFunction(() => /^[123] 秒/.test(document.querySelector(".kiosk-verdict .reset")?.textContent ?? ""), null, { timeout: 4000 });
    // Back to waiting after the reset time.
    await page.waitForSelector(".kiosk-prompt", { timeout: 10000 });
    assert.equal(await page.$(".kiosk-verdict"), null);
    await page.screenshot({ path: `${ART}/kiosk-waiting.png` });
    await axe(page, "kiosk");
    // Staff: counter staff may not, a wrong PIN is refused, the kiosk
    // supervisor opens the update panel.
    await page.click(".kiosk-staff-button");
    await page.waitForSelector(".kiosk-staff #gate-need");
    assert.match(await page.textContent("#gate-need"), /自助终端管理员或管理员/);
    await page.fill("#staff-number", STAFF.counter.number);
    await page.fill("#staff-pin", STAFF.counter.pin);
    await page.click("#sign-in");
    await page.waitForSelector(".kiosk-staff #operator");
    assert.equal(await page.$(".kiosk-staff #bundle-file"), null, "counter staff may not import trust data");
    assert.equal(await page.$(".kiosk-staff #leave-kiosk"), null, "counter staff may not leave kiosk mode");
    await page.click("#back-to-kiosk");
    await page.click(".kiosk-staff-button");
    await page.fill("#staff-number", STAFF.supervisor.number);
    await page.fill("#staff-pin", "111111");
    await page.click("#sign-in");
    await page.waitForSelector("#sign-in-error");
    await page.fill("#staff-pin", STAFF.supervisor.pin);
    await page.click("#sign-in");
    await page.setInputFiles("#bundle-file", `${DIST}/trust/bundle-next.zzb`);
    await page.waitForSelector("#import-result .alert.ok");
    assert.match(await page.textContent("#import-result"), /第 8 版/);
    await page.click("text=返回自助核验");
    await page.waitForSelector(".kiosk-footer");
    assert.match(await page.textContent(".kiosk-footer"), /第 8 版/);
    // No network at all: the kiosk, its decoder and the imported trust data
    // come from this one online visit.
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector(".kiosk-footer");
      assert.match(await page.textContent(".kiosk-footer"), /第 8 版/);
      await page.waitForSelector(".kiosk-verdict[data-verdict=valid]", { timeout: 30000 });
      await page.screenshot({ path: `${ART}/kiosk-offline-verdict.png` });
    } finally {
      await context.setOffline(false);
    }
    // Only a kiosk supervisor leaves kiosk mode.
    await page.waitForSelector(".kiosk-staff-button");
    await page.click(".kiosk-staff-button");
    await page.fill("#staff-number", STAFF.supervisor.number);
    await page.fill("#staff-pin", STAFF.supervisor.pin);
    await page.click("#sign-in");
    await page.click("#leave-kiosk");
    await page.waitForSelector("header nav");
    assert.equal(new URL(page.url()).search, "");
  } finally {
    await browser.close();
  }
});

test("counter workflow by camera: the scanned license fills its row and completes the case", async () => {
  const browser = await launchWithCamera();
  try {
    const context = await browser.newContext();
    await signedIn(context, "counter");
    const page = await context.newPage();
    await page.goto(`${server.url}#/counter`);
    await page.waitForSelector("#case-matter");
    await page.selectOption("#case-matter", "310000-XK-0101");
    await page.click("text=用摄像头扫码");
    await page.waitForSelector("table.case-table tbody tr[data-verdict=valid]", { timeout: 30000 });
    // The applicant: the holder of the license scanned, confirmed; identity checked.
    await page.click("#applicant-from-license");
    await page.click("#people-confirm");
    await page.check("#identity-checked");
    await page.waitForSelector(".case[data-complete=true]", { timeout: 30000 });
    assert.equal(await page.getAttribute("table.case-table tbody tr", "data-verdict"), "valid");
    await page.screenshot({ path: `${ART}/counter-camera.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});

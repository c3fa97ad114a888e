// Scanning in real headless Chromium: a demo QR through Chromium's fake
// camera, a photo of a QR uploaded, a denied camera; and the decoder is
// loaded only when scanning starts. Media from
// `cargo run -p zz-qr --example e2e_media` (scripts/test.sh makes them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { serve, launch } from "./lib.mjs";

const DIST = process.env.DIST ?? "dist";
const MEDIA = process.env.E2E_MEDIA ?? "target/e2e-media";
const ART = "tests/artifacts";
let server;

before(async () => {
  await mkdir(ART, { recursive: true });
  server = await serve(DIST);
});
after(async () => server?.close());

test("a QR code shown to the camera is verified; the decoder loads only then", async () => {
  const browser = await launch([
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${MEDIA}/camera.y4m`,
  ]);
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
    assert.ok(requests.some((p) => p.endsWith("zz-decoder_bg.wasm")), "the decoder was never loaded");
    await page.screenshot({ path: `${ART}/camera-verify.png`, fullPage: true });
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

// QR decoding benchmark in the browser: results in window.qrResults (read
// by scripts/bench-browser.mjs --qr).
import init, { decodeQrRgba } from "../pkg/zz_wasm.js";

await init();
ZXingWASM.prepareZXingModule({
  overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? "./vendor/zxing-wasm/dist/reader/zxing_reader.wasm" : prefix + path) },
  fireImmediately: true,
});
const manifest = await (await fetch("./qr-set/manifest.json")).json();

const rgbaOf = (luma) => {
  const rgba = new Uint8ClampedArray(luma.length * 4);
  for (let i = 0; i < luma.length; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = luma[i];
    rgba[4 * i + 3] = 255;
  }
  return rgba;
};

const zxingLibHints = new Map([
  [ZXing.DecodeHintType.POSSIBLE_FORMATS, [ZXing.BarcodeFormat.QR_CODE]],
  [ZXing.DecodeHintType.TRY_HARDER, true],
]);
// The camera mode gets a running frame number, as the portal's scanner
// gives it: the fast passes on every frame, one slow pass in turn. zz-qr
// and zxing-wasm both get the RGBA frame a canvas gives (the conversion to
// grey is part of each one's time).
let frame = 0;
const decoders = {
  "zz-qr (wasm)": async (luma, w, h, rgba) => decodeQrRgba(rgba, w, h),
  "zz-qr (wasm, camera)": async (luma, w, h, rgba) => decodeQrRgba(rgba, w, h, frame++),
  "zxing-wasm": async (luma, w, h, rgba) =>
    (await ZXingWASM.readBarcodes(new ImageData(rgba, w, h), { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 4 }))
      .filter((r) => r.isValid).map((r) => r.text),
  jsQR: async (luma, w, h, rgba) => {
    const r = jsQR(rgba, w, h, { inversionAttempts: "attemptBoth" });
    return r ? [r.data] : [];
  },
  "@zxing/library": async (luma, w, h) => {
    try {
      const source = new ZXing.RGBLuminanceSource(new Uint8ClampedArray(luma), w, h);
      const reader = new ZXing.QRCodeReader();
      return [reader.decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(source)), zxingLibHints).getText()];
    } catch {
      return [];
    }
  },
};

const rows = {};
let done = 0;
for (const m of manifest) {
  const luma = new Uint8Array(await (await fetch(`./qr-set/${m.gray}`)).arrayBuffer());
  const rgba = rgbaOf(luma);
  for (const [name, decode] of Object.entries(decoders)) {
    const t = performance.now();
    const found = await decode(luma.slice(), m.width, m.height, rgba);
    const ms = performance.now() - t;
    const row = ((rows[m.category] ??= {})[name] ??= { ok: 0, total: 0, ms640: [], ms1280: [] });
    // Every code read; on a frame with no code, nothing.
    row.ok += m.payloads.every((p) => found.includes(p)) && (m.payloads.length > 0 || found.length === 0) ? 1 : 0;
    row.total += 1;
    (m.width === 640 ? row.ms640 : row.ms1280).push(ms);
  }
  document.getElementById("status").textContent = `${++done} / ${manifest.length}`;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const results = [];
for (const [category, byDecoder] of Object.entries(rows)) {
  for (const [decoder, r] of Object.entries(byDecoder)) {
    results.push({ category, decoder, ok: r.ok, total: r.total, ms640: median(r.ms640), ms1280: median(r.ms1280) });
  }
}
window.qrResults = results;
const names = Object.keys(decoders);
document.querySelector("#results thead").innerHTML =
  `<tr><th>category</th>${names.map((n) => `<th>${n}</th>`).join("")}</tr>`;
document.querySelector("#results tbody").innerHTML = Object.keys(rows).sort().map((c) =>
  `<tr><td>${c}</td>${names.map((n) => {
    const r = results.find((x) => x.category === c && x.decoder === n);
    return `<td>${Math.round((100 * r.ok) / r.total)} % · ${r.ms640.toFixed(1)} / ${r.ms1280.toFixed(1)} ms</td>`;
  }).join("")}</tr>`).join("");
document.getElementById("results").hidden = false;
document.getElementById("status").textContent = `Done: ${manifest.length} images.`;

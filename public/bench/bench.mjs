// In-browser benchmark: ZZ Verify's verification against bare Ed25519
// checks. Results in window.benchResults (read by scripts/bench-browser.mjs).
import init, { ZzVerifier, StrictKey, signedMessage, __forceConversion } from "../pkg/zz_wasm.js";
import _sodium from "libsodium-wrappers";
import * as ed from "./vendor/noble-ed25519/index.js";
import { sha512 } from "./vendor/noble-hashes/sha2.js";

ed.hashes.sha512 = sha512;
const NOW = 1795311000; // the demo world's reference time: its samples verify as named
const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

await init();
await _sodium.ready;
const sodium = _sodium;
const roots = await (await fetch("../trust/roots.txt")).text();
const verifier = new ZzVerifier(roots, await fetchBytes("../trust/bundle.zzb"));
const license = await fetchBytes("../samples/valid-business-license.zzl");
// Five trust authorities (SPEC section 9): home, three fillers, and the
// neighbouring province last.
const five = new ZzVerifier(roots, await fetchBytes("../trust/bundle.zzb"), undefined, "上海市");
for (const i of [0, 1, 2]) {
  const dir = `../samples/authorities/filler-${i}/`;
  five.addAuthority(`filler ${i}`, await (await fetch(dir + "roots.txt")).text(), await fetchBytes(dir + "bundle.zzb"));
}
five.addAuthority("浙江省", await (await fetch("../trust/regions/zhejiang/roots.txt")).text(),
  await fetchBytes("../trust/regions/zhejiang/bundle.zzb"));
const zjLicense = await fetchBytes("../samples/zj-valid-business-license.zzl");
// 亮证 (SPEC section 13): presentations and the licenses they carry.
const liveEd = await fetchBytes("../samples/live-presentation.zzl");
const liveP256 = await fetchBytes("../samples/live-presentation-p256.zzl");
const boundEd = await fetchBytes("../samples/live-bare-bound-license.zzl");
const annotated = await fetchBytes("../samples/annotated-valid.zzl");

// A bare signature over a message as long as the license's Sig_structure.
const msg = sodium.randombytes_buf(signedMessage(license).length);
const kp = sodium.crypto_sign_keypair();
const sig = sodium.crypto_sign_detached(msg, kp.privateKey);
const strict = new StrictKey(kp.publicKey);

const candidates = {
  "bare verify_strict (same wasm module)": () => strict.verify(msg, sig),
  // `verify` gives a Report whose parts become JS objects when first read:
  // reading the verdict converts nothing else.
  "ZZ Verify: verify a license, read the verdict (verify)": () => {
    const r = verifier.verify(license, NOW);
    const ok = r.verdict === "valid";
    r.free();
    return ok;
  },
  // The same, leaving the Report to the garbage collector.
  "ZZ Verify: verify a license, read the verdict, no free()": () => verifier.verify(license, NOW).verdict === "valid",
  // Every part read: the whole report as plain objects.
  "ZZ Verify: verify a license, read every part (toJSON)": () => verifier.verify(license, NOW).toJSON().verdict === "valid",
  "ZZ Verify: verify a license, verdict string only (verifyVerdict)": () => verifier.verifyVerdict(license, NOW) === "valid",
  "ZZ Verify: the same, 5 authorities loaded (verifyVerdict)": () => five.verifyVerdict(license, NOW) === "valid",
  "ZZ Verify: another region's license, 5 authorities, it last (verifyVerdict)": () =>
    five.verifyVerdict(zjLicense, NOW) === "valid",
  "ZZ Verify: a bound license alone (verifyVerdict; indeterminate: a copy)": () =>
    verifier.verifyVerdict(boundEd, NOW) === "indeterminate",
  "ZZ Verify: a live presentation of it, Ed25519 device key (verifyVerdict)": () =>
    verifier.verifyVerdict(liveEd, NOW) === "valid",
  "ZZ Verify: a live presentation, P-256 device key (verifyVerdict)": () =>
    verifier.verifyVerdict(liveP256, NOW) === "valid",
  "ZZ Verify: verify an annotated copy, read every part (toJSON)": () =>
    verifier.verify(annotated, NOW, "310000-DJ-0201").toJSON().verdict === "valid",
  "libsodium-wrappers crypto_sign_verify_detached": () => sodium.crypto_sign_verify_detached(sig, msg, kp.publicKey),
  "@noble/ed25519 verify (sync, sha512 set)": () => ed.verify(sig, msg, kp.publicKey),
};
for (const [name, f] of Object.entries(candidates)) {
  if (f() !== true) throw new Error(`${name} did not verify`);
}

// Alternate small batches of every candidate so that drift hits all alike.
const times = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
// Batches long enough for the browser's coarse timer (5 µs steps or worse).
const batch = { default: 50, noble: 4 };
const deadline = performance.now() + Number(new URLSearchParams(location.search).get("ms") ?? 8000);
let rounds = 0;
while (performance.now() < deadline || rounds < 5) {
  for (const [name, f] of Object.entries(candidates)) {
    const n = name.includes("noble") ? batch.noble : batch.default;
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    times[name].push(((performance.now() - t) * 1000) / n);
  }
  rounds++;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = median(times["bare verify_strict (same wasm module)"]);
const results = Object.entries(times).map(([name, xs]) => ({ name, us: median(xs), ratio: median(xs) / bare }));

// Conversions into plain JS objects, both ways: serde-wasm-bindgen (built
// field by field from wasm) and one JSON string parsed by the engine. Each
// call of the API uses the faster (README); this forces one or the other.
const report = verifier.verify(annotated, NOW, "310000-DJ-0201");
const conversions = {
  "a report, every part (annotated copy; toJSON)": () => report.toJSON(),
  "summary()": () => verifier.summary(NOW),
  "types(true)": () => verifier.types(true),
  "matters()": () => verifier.matters(),
  "search(\"zz\")": () => verifier.search("zz"),
  "licenseType(code)": () => verifier.licenseType(report.toJSON().license.type),
};
const conv = [];
for (const [name, f] of Object.entries(conversions)) {
  const t = { json: [], serde: [] };
  // Calls per batch: about 2 ms of work, so that the timer's steps vanish.
  let n = 1;
  for (let s = performance.now(); performance.now() - s < 2; n++) f();
  const until = performance.now() + 800;
  while (performance.now() < until || t.json.length < 5) {
    for (const via of ["json", "serde"]) {
      __forceConversion(via);
      const s = performance.now();
      for (let i = 0; i < n; i++) f();
      t[via].push(((performance.now() - s) * 1000) / n);
    }
  }
  __forceConversion(undefined);
  conv.push({ name, json: median(t.json), serde: median(t.serde) });
}
// P-256 in wasm against WebCrypto's verify on this page: a presentation's
// ECDSA signature over its Sig_structure, one call at a time (WebCrypto
// answers with a promise).
const ecKeys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
const ecMsg = signedMessage(liveP256);
const ecSig = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, ecKeys.privateKey, ecMsg));
const webcrypto = [];
for (let round = 0; round < 30; round++) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) {
    if (!(await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ecKeys.publicKey, ecSig, ecMsg))) throw new Error("WebCrypto ECDSA");
  }
  webcrypto.push(((performance.now() - t) * 1000) / 20);
}
const p256 = { webcryptoVerifyUs: median(webcrypto) };
window.benchResults = { rounds, userAgent: navigator.userAgent, results, conversions: conv, p256 };

const tbody = document.querySelector("#results tbody");
for (const r of results) {
  const tr = document.createElement("tr");
  for (const v of [r.name, r.us.toFixed(1), `${r.ratio.toFixed(2)}×`]) {
    const td = document.createElement("td");
    td.textContent = v;
    tr.append(td);
  }
  tbody.append(tr);
}
document.getElementById("results").hidden = false;
const cbody = document.querySelector("#conversions tbody");
for (const c of conv) {
  const tr = document.createElement("tr");
  for (const v of [c.name, c.json.toFixed(1), c.serde.toFixed(1)]) {
    const td = document.createElement("td");
    td.textContent = v;
    tr.append(td);
  }
  cbody.append(tr);
}
document.getElementById("conversions").hidden = false;
document.getElementById("status").textContent = `Done: ${rounds} rounds.`;

// In-browser benchmark: ZZ Verify's verification against bare Ed25519
// checks. Results in window.benchResults (read by scripts/bench-browser.mjs).
import init, { ZzVerifier, StrictKey, signedMessage } from "../pkg/zz_wasm.js";
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
const annotated = await fetchBytes("../samples/annotated-valid.zzl");

// A bare signature over a message as long as the license's Sig_structure.
const msg = sodium.randombytes_buf(signedMessage(license).length);
const kp = sodium.crypto_sign_keypair();
const sig = sodium.crypto_sign_detached(msg, kp.privateKey);
const strict = new StrictKey(kp.publicKey);

const candidates = {
  "bare verify_strict (same wasm module)": () => strict.verify(msg, sig),
  "ZZ Verify: verify a license (report as a JS object)": () => verifier.verify(license, NOW).verdict === "valid",
  // The full report is built, in wasm, as the portal uses it; only the
  // verdict crosses into JavaScript.
  "ZZ Verify: verify a license (full report kept in wasm)": () => verifier.verifyVerdict(license, NOW) === "valid",
  "ZZ Verify: verify an annotated copy (report as a JS object)": () =>
    verifier.verify(annotated, NOW, "310000-DJ-0201").verdict === "valid",
  "libsodium-wrappers crypto_sign_verify_detached": () => sodium.crypto_sign_verify_detached(sig, msg, kp.publicKey),
  "@noble/ed25519 verify (sync, sha512 set)": () => ed.verify(sig, msg, kp.publicKey),
};
for (const [name, f] of Object.entries(candidates)) {
  if (f() !== true) throw new Error(`${name} did not verify`);
}

// Alternate small batches of every candidate so that drift hits all alike.
const times = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
const batch = { default: 20, noble: 2 };
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
window.benchResults = { rounds, userAgent: navigator.userAgent, results };

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
document.getElementById("status").textContent = `Done: ${rounds} rounds.`;

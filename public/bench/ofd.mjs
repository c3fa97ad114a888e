// In-browser benchmark of OFD verification and SM2: ZZ Verify's wasm
// against sm-crypto (window.sm2). Results in window.benchResults (read by
// scripts/bench-browser.mjs).
import init, { ZzVerifier, sm2Verify } from "../pkg/zz_wasm.js";

const NOW = 1795311000; // the demo world's reference time
const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const unhex = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));

await init();
const sm2 = window.sm2;
const verifier = new ZzVerifier(await (await fetch("../trust/roots.txt")).text(), await fetchBytes("../trust/bundle.zzb"));
verifier.setSm2Roots(await (await fetch("../trust/sm2-roots.pem")).text());
const ofd = await fetchBytes("../samples/ofd-valid-business-license.ofd");

// One signature by sm-crypto, verified by both (DER, Z with the default ID).
const keys = sm2.generateKeyPairHex();
const msg = crypto.getRandomValues(new Uint8Array(20));
const sigHex = sm2.doSignature(Array.from(msg), keys.privateKey, { der: true, hash: true });
const pub = unhex(keys.publicKey);
const sig = unhex(sigHex);

const candidates = {
  "ZZ Verify (wasm): SM2 verify, 20-byte message": () => sm2Verify(pub, msg, sig),
  "sm-crypto 0.5.8: doVerifySignature, 20-byte message": () =>
    sm2.doVerifySignature(Array.from(msg), sigHex, keys.publicKey, { der: true, hash: true }),
  "ZZ Verify (wasm): full verification of the sealed OFD e-license": () => {
    const r = verifier.verify(ofd, NOW);
    const ok = r.verdict === "valid";
    r.free();
    return ok;
  },
  "ZZ Verify (wasm): verification and drawing its page (renderOfd)": () => verifier.renderOfd(ofd, 0, NOW) !== null,
};
for (const [name, f] of Object.entries(candidates)) {
  if (f() !== true) throw new Error(`${name} did not verify`);
}
// A changed message fails in both.
const other = msg.slice(); other[0] ^= 1;
if (sm2Verify(pub, other, sig) || sm2.doVerifySignature(Array.from(other), sigHex, keys.publicKey, { der: true, hash: true })) {
  throw new Error("a changed message verified");
}

const times = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
const batch = (name) => (name.includes("sm-crypto") ? 2 : name.includes("OFD") || name.includes("page") ? 5 : 20);
const deadline = performance.now() + Number(new URLSearchParams(location.search).get("ms") ?? 8000);
let rounds = 0;
while (performance.now() < deadline || rounds < 5) {
  for (const [name, f] of Object.entries(candidates)) {
    const n = batch(name);
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    times[name].push(((performance.now() - t) * 1000) / n);
  }
  rounds++;
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const results = Object.entries(times).map(([name, t]) => ({ name, us: median(t) }));
const ours = results[0].us;
window.benchResults = {
  rounds,
  ofdBytes: ofd.length,
  results,
  smCryptoOverOurs: results[1].us / ours,
};
const tbody = document.querySelector("#results tbody");
for (const r of results) tbody.insertAdjacentHTML("beforeend", `<tr><td>${r.name}</td><td>${r.us.toFixed(1)}</td></tr>`);
document.getElementById("results").hidden = false;
document.getElementById("status").textContent = `Done: ${rounds} rounds.`;

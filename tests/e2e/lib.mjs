// Shared helpers of the browser tests: a static server for dist/, and
// Debian's Chromium driven by playwright-core (no browser download).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8",
};

/** The address the last `serve` serves (for `signedIn`). */
let served = null;

/** Serves `root` on 127.0.0.1 (a random port unless given). */
export async function serve(root, port = 0) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  served = `http://127.0.0.1:${server.address().port}/`;
  return { url: served, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * For a test file: before its tests, serves `root` and launches Chromium
 * (and makes the screenshot folder); after them, closes both. The returned
 * object holds `server` and `browser` once the tests run.
 */
export function site(root, artifacts = "tests/artifacts") {
  const s = { server: null, browser: null };
  before(async () => {
    await mkdir(artifacts, { recursive: true });
    s.server = await serve(root);
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

/** Demo staff of the tests (PINs are test data, not secrets). */
export const STAFF = {
  admin: { name: "张管理", number: "A001", role: "admin", pin: "90211577" },
  supervisor: { name: "赵自助", number: "K001", role: "supervisor", pin: "61337024" },
  counter: { name: "王窗口", number: "C001", role: "counter", pin: "48152693" },
};

/** Submits the sign-in form with `number` and `pin` (the outcome not awaited). */
export async function tryPin(page, number, pin) {
  await page.fill("#staff-number", number);
  await page.fill("#staff-pin", pin);
  await page.click("#sign-in");
}

/** Signs `who` ({ number, pin }) in with the PIN, and waits until they are. */
export async function signIn(page, who) {
  await tryPin(page, who.number, who.pin);
  await page.waitForSelector("#operator");
}

/**
 * Sets up the demo staff on a browser context the way an administrator
 * does, through the pages (there is no other way: the roster is the signed
 * log's, each account's staff key comes from its PIN), and leaves `who`
 * signed in: for tests of something other than signing in. It writes the
 * log's first entries: the setup (staff-added, sign-in), two staff-added,
 * and for anyone but the administrator a sign-out and a sign-in
 * ([`SETUP_ENTRIES`]). `base` is the site's address (the last `serve`'s
 * unless given).
 */
export async function signedIn(context, who = "admin", base = served) {
  const page = await context.newPage();
  await page.goto(`${base}#/settings`);
  await page.waitForSelector("#admin-name");
  const { admin } = STAFF;
  await page.fill("#admin-name", admin.name);
  await page.fill("#admin-number", admin.number);
  await page.fill("#admin-pin", admin.pin);
  await page.click("#setup-admin");
  await page.waitForSelector("#new-staff-name");
  for (const s of [STAFF.supervisor, STAFF.counter]) {
    await page.fill("#new-staff-name", s.name);
    await page.fill("#new-staff-number", s.number);
    await page.selectOption("#new-staff-role", s.role);
    await page.fill("#new-staff-pin", s.pin);
    await page.click("#add-staff");
    await page.waitForSelector(`table.staff tr[data-number="${s.number}"]`);
  }
  if (who !== "admin") {
    await page.click("#sign-out");
    await page.fill("#staff-number", STAFF[who].number);
    await page.fill("#staff-pin", STAFF[who].pin);
    await page.click("#sign-in");
    await page.waitForSelector("#operator");
  }
  // Every entry stored before the page goes.
  await page.waitForFunction((n) => (JSON.parse(localStorage.getItem("zz.auditHead") ?? "{}").count ?? 0) >= n, SETUP_ENTRIES[who]);
  await page.close();
}

/** How many log entries `signedIn` writes, by who is left signed in. */
export const SETUP_ENTRIES = { admin: 4, supervisor: 6, counter: 6 };

/**
 * Seeds the device's audit log in IndexedDB with `lines` (zz-log/2 entries
 * as the portal stores them), making the stores if the portal has not yet.
 */
export async function seedAuditLog(page, lines) {
  await page.evaluate(async (lines) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("zz-verify", 3);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains("bytes")) r.result.createObjectStore("bytes");
        for (const s of ["log", "audit"]) if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s, { autoIncrement: true });
      };
      r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const tx = db.transaction("audit", "readwrite");
    for (const l of lines) tx.objectStore("audit").add(l);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  }, lines);
}

/** Runs axe-core on the page; fails on any violation. */
export async function axe(page, name) {
  const { readFile } = await import("node:fs/promises");
  const { createRequire } = await import("node:module");
  const source = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  const assert = (await import("node:assert/strict")).default;
  assert.deepEqual(bad, [], `axe-core on ${name}`);
}

/** `zz log verify FILES…`'s exit code (0 intact, 1 broken, 2 unreadable). */
export function zzLogVerify(file, extra = []) {
  try {
    execFileSync(process.env.ZZ ?? "target/release/zz", ["log", "verify", file, ...extra], { stdio: "pipe" });
    return 0;
  } catch (e) {
    return e.status;
  }
}

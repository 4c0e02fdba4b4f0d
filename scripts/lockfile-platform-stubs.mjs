// The npm registry these machines reach does not serve the other platforms' native builds (e.g.
// @next/swc-darwin-arm64, @tailwindcss/oxide-win32-x64-msvc), so `npm install` leaves them out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds a stub entry (version, os, cpu,
// optional) for each missing optional dependency; npm ci skips them on this platform without fetching anything.
// Run it after every `npm install` that changes package-lock.json: `node scripts/lockfile-platform-stubs.mjs`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "wasm32", "riscv64", "ppc64", "s390x", "loong64", "arm"];
const platformOf = (name) => {
  const parts = name.split("/").pop().split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c)) ?? (parts.includes("gnueabihf") ? "arm" : undefined);
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
};

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform stub${added === 1 ? "" : "s"} added`);

// The files the i18n checks read: the four catalogs and the product's sources (git's view, tests excluded).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { KEY_FAMILIES } from "../lib/i18n/key-families";
import { LOCALES } from "../lib/i18n/locales";
import { usageProblems, usedKeys, type Catalog, type SourceFile } from "./i18n-check";

/** Pages, routes and dev tools whose text is for developers or integrators only (JSON API errors stay English). */
const EXEMPT = /^(app\/api\/|app\/dev\/)/;

export function catalogs(): Record<string, Catalog> {
  return Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(fs.readFileSync(`lib/i18n/messages/${l}.json`, "utf8"))]));
}

export function productSources(folders: string[]): SourceFile[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", ...folders], { encoding: "utf8" })
    .split("\n")
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !/\.d\.ts$/.test(path) && !EXEMPT.test(path))
    .filter((path) => fs.existsSync(path))
    .map((path) => ({ path, text: fs.readFileSync(path, "utf8") }));
}

/** Unused and undeclared keys, over every product file that can hold a translator call. */
export function keyProblems(): string[] {
  const use = usedKeys(productSources(["app", "components", "lib", "inngest"]));
  return usageProblems(catalogs().en!, use, KEY_FAMILIES);
}

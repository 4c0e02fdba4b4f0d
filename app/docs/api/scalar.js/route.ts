import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { withRoute } from "@/lib/http";

// Scalar's standalone bundle, from the installed package rather than a CDN: the reference works offline.
const BUNDLE = join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
let bundle: Promise<Buffer> | undefined;

export const GET = withRoute("docs-api-bundle", async () => {
  bundle ??= readFile(BUNDLE);
  return new Response(new Uint8Array(await bundle), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
});

// The embedded database's own thread: PGlite (PostgreSQL compiled to WASM) serving the PostgreSQL wire protocol on a
// Unix socket, so the app talks to it with postgres.js exactly as to a real server, and the database's work runs on
// another core than the app's requests. Started by openPglite (db/client.ts); plain JavaScript because Node loads it
// as it is, outside the Next.js bundle.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** @type {{ dataDir: string | undefined; socketPath: string }} */
const { dataDir, socketPath } = workerData;

try {
  const db = await PGlite.create({ dataDir });
  // One connection: PGlite runs one statement at a time anyway, and one client keeps transactions from interleaving.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (message !== "close") return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ closed: true });
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
}

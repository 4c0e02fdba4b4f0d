import { expect, test } from "@playwright/test";
import { startDedicatedServer } from "./support/server";

// A configuration error found at start-up must end the process with a message naming the setting, in both modes,
// so a deployment fails loudly instead of answering 500 to every request.

const cases: { mode: string; settings: Record<string, string>; message: string }[] = [
  {
    mode: "embedded",
    settings: { WHATSAPP_ACCESS_TOKEN: "token-without-its-two-siblings" },
    message: "Missing setting WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN",
  },
  {
    mode: "production",
    settings: {
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres",
      AUTH_SECRET: "a-production-secret-of-enough-length-0123",
      JOB_RUNNER: "local",
      // A dedicated server is given its own address as APP_URL unless the test says otherwise: empty is unset.
      APP_URL: "",
    },
    message: "Missing setting APP_URL",
  },
];

for (const { mode, settings, message } of cases) {
  test(`in the ${mode} mode, a missing setting stops the server with a message naming it`, async () => {
    const server = await startDedicatedServer(settings, { ready: false });
    try {
      const code = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 60_000))]);
      expect(code).not.toBe("still running");
      expect(code).not.toBe(0);
      expect(server.output()).toContain(message);
    } finally {
      await server.stop();
    }
  });
}

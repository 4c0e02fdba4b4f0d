import { afterAll } from "vitest";
import { startFakeGraphServer, type FakeGraphServer } from "@/test/fakes/graph-api-server";
import { TEST_APP_SECRET } from "@/test/whatsapp-webhook";

/**
 * For a suite that goes through the real WhatsApp webhook route and sends replies: a fake Graph API on loopback, the
 * Cloud API settings pointing at it (signed with the test app secret), and no Redis. Call at the top of the file,
 * before connectTestDatabase() and before anything reads the settings; the fake closes after the suite.
 */
export async function startFakeWhatsAppCloud(): Promise<FakeGraphServer> {
  const graph = await startFakeGraphServer();
  afterAll(() => graph.close());
  process.env.WHATSAPP_API_BASE_URL = graph.url;
  process.env.WHATSAPP_ACCESS_TOKEN = "test-access-token";
  process.env.WHATSAPP_APP_SECRET = TEST_APP_SECRET;
  process.env.WHATSAPP_VERIFY_TOKEN = "hook-verify-token-7d1e";
  delete process.env.UPSTASH_REDIS_REST_URL;
  delete process.env.UPSTASH_REDIS_REST_TOKEN;
  return graph;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGraphServer, type FakeGraphServer } from "@/test/fakes/graph-api-server";
import { buildLocationRequestMessage, buildTextMessage } from "./messages";
import { cloudTransport, logTransport, type LoggedWhatsAppMessage } from "./transport";

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
});

afterAll(async () => {
  await graph.close();
});

const text = buildTextMessage({ to: "+4915112345678", body: "See you at 18:00" });

describe("logTransport", () => {
  it("records the message with a made-up wamid and sends nothing over the network", async () => {
    const recorded: LoggedWhatsAppMessage[] = [];
    const transport = logTransport((entry) => {
      recorded.push(entry);
    });
    const before = graph.requests.length;

    const first = await transport.send(text);
    const second = await transport.send(buildLocationRequestMessage({ to: "+4915112345678", body: "Where are you?" }));

    expect(transport.kind).toBe("log");
    expect(first).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\.log\.[0-9a-f-]{36}$/) });
    expect(second.ok && first.ok && second.wamid !== first.wamid).toBe(true);
    expect(recorded.map((r) => r.wamid)).toEqual([first.ok && first.wamid, second.ok && second.wamid]);
    expect(recorded[0]!.message).toEqual(text);
    expect(recorded[0]!.at).toBeInstanceOf(Date);
    expect(graph.requests.length).toBe(before);
  });

  it("waits for an async recorder, and turns its failure into a retriable result instead of throwing", async () => {
    let written = false;
    const slow = logTransport(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written = true;
    });
    expect((await slow.send(text)).ok).toBe(true);
    expect(written).toBe(true);

    const broken = logTransport(() => {
      throw new Error("disk full");
    });
    expect(await broken.send(text)).toMatchObject({ ok: false, retriable: true, code: "log_failed", details: "disk full" });
  });

  it("records a copy: changing the message afterwards does not change what was logged", async () => {
    const recorded: LoggedWhatsAppMessage[] = [];
    const message = buildTextMessage({ to: "+4915112345678", body: "original" });
    await logTransport((entry) => void recorded.push(entry)).send(message);
    message.text.body = "changed";
    expect((recorded[0]!.message as typeof message).text.body).toBe("original");
  });
});

describe("cloudTransport", () => {
  it("sends through the Cloud API client with its settings", async () => {
    graph.setBehaviour({ kind: "ok", wamid: "wamid.cloud.1" });
    const transport = cloudTransport({ baseUrl: graph.url, apiVersion: "v23.0", phoneNumberId: "555", accessToken: "tok" });
    expect(transport.kind).toBe("cloud");
    expect(await transport.send(text)).toEqual({ ok: true, wamid: "wamid.cloud.1", waId: "4915112345678" });
    const last = graph.requests.at(-1)!;
    expect(last.path).toBe("/v23.0/555/messages");
    expect(last.headers.authorization).toBe("Bearer tok");
    expect(last.body).toEqual(text);
  });

  it("passes failures through classified", async () => {
    graph.setBehaviour({ kind: "re-engagement" });
    const transport = cloudTransport({ baseUrl: graph.url, apiVersion: "v23.0", phoneNumberId: "555", accessToken: "tok" });
    expect(await transport.send(text)).toMatchObject({ ok: false, retriable: false, code: "outside_24h_window" });
  });
});

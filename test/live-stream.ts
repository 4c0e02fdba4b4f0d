import { applyDelta, decodeSnapshot, type WireDelta, type WireSnapshot } from "@/lib/live/wire";
import type { LiveSnapshot } from "@/lib/live/types";

export type LiveFrame = { event: string; id: string | null; data: unknown };

/**
 * Reads a live stream as the browser does: each `snapshot` or `delta` event applied to the state so far (pings
 * skipped). `next()` resolves with the state after the next one, `frames` keeps what arrived, `lastEventId` the id
 * to resume from.
 */
export function liveReader(stream: ReadableStream<Uint8Array>, state: LiveSnapshot | null = null) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const frames: LiveFrame[] = [];
  let buffer = "";
  let current = state;
  let lastEventId: string | null = null;
  const next = async (): Promise<LiveSnapshot> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
        const event = field("event");
        const data = field("data");
        if ((event !== "snapshot" && event !== "delta") || data === null) continue;
        const frame = { event, id: field("id"), data: JSON.parse(data) as unknown };
        frames.push(frame);
        lastEventId = frame.id;
        if (event === "snapshot") current = decodeSnapshot(frame.data as WireSnapshot);
        else if (!current) throw new Error("a delta before any snapshot");
        else current = applyDelta(current, frame.data as WireDelta);
        return current;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, frames, lastEventId: () => lastEventId, cancel: () => reader.cancel() };
}

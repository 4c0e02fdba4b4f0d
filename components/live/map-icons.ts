// Marker images for the live map, drawn on a canvas when MapLibre first asks for them (styleimagemissing). The
// bundled offline style has no glyphs, so initials and cluster counts cannot be text layers: each distinct
// (state, initials) or (count as shown, late) pair becomes one small image, drawn once and shared by every marker using it.

import { STATE_STYLE } from "./presentation";
import type { LiveState } from "@/lib/live/types";

/** The page's own font stack (Inter, loaded by the app), so the markers' letters match the list's. */
const font = () => getComputedStyle(document.body).fontFamily;

export const participantIconId = (state: string, initials: string) => `p|${state}|${initials}`;

type Drawn = { data: ImageData; pixelRatio: number };

function canvas(width: number, height: number, ratio: number): CanvasRenderingContext2D {
  const el = document.createElement("canvas");
  el.width = Math.ceil(width * ratio);
  el.height = Math.ceil(height * ratio);
  const ctx = el.getContext("2d", { willReadFrequently: true })!;
  ctx.scale(ratio, ratio);
  return ctx;
}

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, px: number) {
  ctx.font = `700 ${px}px ${font()}`;
  ctx.fillStyle = "#ffffff";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  // Optical centring: digits and capitals sit slightly high with a "middle" baseline.
  ctx.fillText(text, x, y + px * 0.06);
}

function participant(state: LiveState, initials: string, ratio: number): Drawn {
  const size = 36;
  const c = size / 2;
  const ctx = canvas(size, size, ratio);
  ctx.shadowColor = "rgba(15, 23, 42, 0.35)";
  ctx.shadowBlur = 3;
  ctx.shadowOffsetY = 1;
  ctx.beginPath();
  ctx.arc(c, c, 14, 0, Math.PI * 2);
  ctx.fillStyle = "#ffffff";
  ctx.fill();
  ctx.shadowColor = "transparent";
  ctx.beginPath();
  ctx.arc(c, c, 11.5, 0, Math.PI * 2);
  ctx.fillStyle = STATE_STYLE[state]?.hex ?? "#64748b";
  ctx.fill();
  if (state === "stale") {
    // An old position: a dashed amber ring says "don't trust where this is".
    ctx.beginPath();
    ctx.setLineDash([3, 2.5]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#d97706";
    ctx.arc(c, c, 15.5, 0, Math.PI * 2);
    ctx.stroke();
  }
  label(ctx, initials.slice(0, 2), c, c, initials.length > 1 ? 10.5 : 12);
  return { data: ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height), pixelRatio: ratio };
}

function cluster(count: string, hasLate: boolean, ratio: number): Drawn {
  const r = count.length < 2 ? 16 : count.length < 3 ? 19 : 23;
  const size = (r + 7) * 2;
  const c = size / 2;
  const ctx = canvas(size, size, ratio);
  ctx.beginPath();
  ctx.arc(c, c, r + 6, 0, Math.PI * 2);
  ctx.fillStyle = hasLate ? "rgba(220, 38, 38, 0.28)" : "rgba(37, 99, 235, 0.22)";
  ctx.fill();
  ctx.beginPath();
  ctx.arc(c, c, r, 0, Math.PI * 2);
  ctx.fillStyle = "#1e3a8a";
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = hasLate ? "#dc2626" : "#ffffff";
  ctx.stroke();
  label(ctx, count, c, c, count.length > 4 ? 11 : count.length > 2 ? 12 : 13);
  return { data: ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height), pixelRatio: ratio };
}

function venue(arrived: number, ratio: number): Drawn {
  // Symmetric around the pin so that anchoring the image at its bottom puts the tip on the venue.
  const w = 60;
  const h = 50;
  const ctx = canvas(w, h, ratio);
  const cx = w / 2;
  const top = 6;
  const r = 15;
  ctx.shadowColor = "rgba(15, 23, 42, 0.35)";
  ctx.shadowBlur = 4;
  ctx.shadowOffsetY = 1;
  ctx.beginPath();
  ctx.moveTo(cx, h - 1);
  ctx.bezierCurveTo(cx - 4, h - 10, cx - r, top + r + 10, cx - r, top + r);
  ctx.arc(cx, top + r, r, Math.PI, 0);
  ctx.bezierCurveTo(cx + r, top + r + 10, cx + 4, h - 10, cx, h - 1);
  ctx.fillStyle = "#115e59";
  ctx.fill();
  ctx.shadowColor = "transparent";
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#ffffff";
  ctx.stroke();
  // A flag: "this is where everyone is going".
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(cx - 6, top + 7, 2, 16);
  ctx.beginPath();
  ctx.moveTo(cx - 4, top + 7);
  ctx.lineTo(cx + 8, top + 11);
  ctx.lineTo(cx - 4, top + 16);
  ctx.closePath();
  ctx.fill();
  if (arrived > 0) {
    // How many are already here: arrived markers only show when zoomed in on the arrival area.
    const text = arrived > 999 ? "999+" : String(arrived);
    const bw = Math.max(20, 8 + text.length * 7.5);
    const bx = cx + 8;
    ctx.beginPath();
    ctx.roundRect(bx, 1, bw, 20, 10);
    ctx.fillStyle = "#059669";
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
    label(ctx, text, bx + bw / 2, 11, 11.5);
  }
  return { data: ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height), pixelRatio: ratio };
}

/** A distance ring's label ("2 km"): glyph-free text on a small pill. */
function ringLabel(text: string, ratio: number): Drawn {
  const w = 12 + text.length * 6.2;
  const h = 16;
  const ctx = canvas(w, h, ratio);
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, w - 1, h - 1, 8);
  ctx.fillStyle = "rgba(255, 255, 255, 0.9)";
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = "#cbd5e1";
  ctx.stroke();
  ctx.font = `600 10px ${font()}`;
  ctx.fillStyle = "#475569";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(text, w / 2, h / 2 + 0.5);
  return { data: ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height), pixelRatio: ratio };
}

/** The image for a missing id, or null when the id is not one of ours. */
export function drawIcon(id: string, ratio: number): Drawn | null {
  const [kind, a = "", b = ""] = id.split("|");
  if (kind === "p") return participant(a as LiveState, b, ratio);
  if (kind === "c") return cluster(a, b === "1", ratio);
  if (kind === "venue") return venue(Number(a) || 0, ratio);
  if (kind === "ring") return ringLabel(a, ratio);
  return null;
}

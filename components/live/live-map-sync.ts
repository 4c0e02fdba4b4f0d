import type * as MapLibre from "maplibre-gl";
import type { LiveOccurrence, LiveParticipant } from "@/lib/live/types";
import { ARRIVED, MOVING, VENUE, hasPosition, pointOf, venuePoint } from "./live-map-layers";

type Diff = { add: GeoJSON.Feature[]; remove: string[] };

/**
 * Keeps the map's participant sources in step with the list: each update sends the sources only the people whose
 * object changed (a delta keeps the others' objects), as a diff (`updateData`), not all 5,000 features again.
 */
export class MapSync {
  private readonly shown = new Map<string, { p: LiveParticipant; source: string }>();
  private arrived = -1;

  sync(map: MapLibre.Map, venue: LiveOccurrence["venue"], participants: readonly LiveParticipant[]) {
    const diffs: Record<string, Diff> = { [MOVING]: { add: [], remove: [] }, [ARRIVED]: { add: [], remove: [] } };
    const seen = new Set<string>();
    let arrived = 0;
    for (const p of participants) {
      if (p.state === "arrived") arrived += 1;
      if (!hasPosition(p)) continue;
      const id = p.attendanceId;
      seen.add(id);
      const before = this.shown.get(id);
      if (before?.p === p) continue;
      const source = p.state === "arrived" ? ARRIVED : MOVING;
      if (before) diffs[before.source]!.remove.push(id);
      diffs[source]!.add.push(pointOf(p));
      this.shown.set(id, { p, source });
    }
    for (const [id, { source }] of this.shown) {
      if (seen.has(id)) continue;
      diffs[source]!.remove.push(id);
      this.shown.delete(id);
    }
    for (const [source, diff] of Object.entries(diffs)) {
      if (diff.add.length || diff.remove.length) void map.getSource<MapLibre.GeoJSONSource>(source)?.updateData(diff);
    }
    if (arrived !== this.arrived) {
      this.arrived = arrived;
      void map.getSource<MapLibre.GeoJSONSource>(VENUE)?.setData(venuePoint(venue, arrived));
    }
  }
}

import { createExpression, type StylePropertySpecification } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { CLUSTER_ICON } from "./live-map-layers";

// The clusters' icon-image expression, evaluated by MapLibre's own expression engine as the map would.
const spec = { type: "resolvedImage", "property-type": "data-driven", expression: { interpolated: false, parameters: ["zoom", "feature"] } };
const compiled = createExpression(CLUSTER_ICON, "icon-image", spec as unknown as StylePropertySpecification);
if (compiled.result !== "success") throw new Error(JSON.stringify(compiled.value));
const expression = compiled.value;
const iconOf = (count: number, late = 0) =>
  String(expression.evaluate({ zoom: 10 }, { type: "Point", properties: { point_count: count, late } } as never));

describe("the live map's cluster icons", () => {
  it("show the exact count under 100, then a rounded-down count with a plus, and mark a cluster with someone late", () => {
    expect(iconOf(2)).toBe("c|2|0");
    expect(iconOf(99, 3)).toBe("c|99|1");
    expect(iconOf(100)).toBe("c|100+|0");
    expect(iconOf(149)).toBe("c|100+|0");
    expect(iconOf(987, 1)).toBe("c|950+|1");
    expect(iconOf(1_000)).toBe("c|1000+|0");
    expect(iconOf(4_999)).toBe("c|4500+|0");
  });

  it("need a few hundred images for every count up to 5,000, not one per count seen", () => {
    const ids = new Set<string>();
    for (let count = 2; count <= 5_000; count++) for (const late of [0, 1]) ids.add(iconOf(count, late));
    expect(ids.size).toBeLessThanOrEqual(2 * (98 + 18 + 9));
    expect(ids.size).toBeGreaterThan(200);
  });
});

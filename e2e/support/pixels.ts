import type { Locator } from "@playwright/test";

export type Rgb = [number, number, number];

/**
 * How many pixels of `locator`'s screenshot have each colour (exactly, or within `tolerance` per channel), counted in
 * the part given as fractions of its box. The PNG is decoded by the page's own browser (an image on a 2D canvas), so
 * what is counted is what a person would see.
 */
export async function countColours(
  locator: Locator,
  colours: Record<string, Rgb>,
  { box = [0, 0, 1, 1] as [number, number, number, number], tolerance = 0 } = {},
): Promise<Record<string, number>> {
  const png = (await locator.screenshot({ animations: "disabled" })).toString("base64");
  return locator.page().evaluate(
    async ({ png, colours, box, tolerance }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const [x0, y0, x1, y1] = [box[0] * image.width, box[1] * image.height, box[2] * image.width, box[3] * image.height].map(Math.round);
      const { data } = context.getImageData(x0!, y0!, x1! - x0!, y1! - y0!);
      const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((name) => [name, 0]));
      for (let i = 0; i < data.length; i += 4) {
        for (const [name, [r, g, b]] of Object.entries(colours)) {
          if (Math.abs(data[i]! - r) <= tolerance && Math.abs(data[i + 1]! - g) <= tolerance && Math.abs(data[i + 2]! - b) <= tolerance) {
            counts[name]! += 1;
          }
        }
      }
      return counts;
    },
    { png, colours, box, tolerance },
  );
}

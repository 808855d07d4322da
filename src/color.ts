/**
 * The one colour rule: a colour is `#rrggbb`, six hex digits. The definition schema and the
 * results.json schema check it at the edge with this pattern; the figures, the page and the
 * terminal read it with rgbOf. A colour goes into SVG attributes and CSS: only plain hex
 * colours, never `url(…)` or a name.
 */
export const HEX_COLOR_PATTERN = '^#[0-9a-fA-F]{6}$';
const HEX_COLOR = new RegExp(HEX_COLOR_PATTERN);

export function isHexColor(color: string): boolean {
  return HEX_COLOR.test(color);
}

/** The red, green and blue of a `#rrggbb` colour, 0–255 each. */
export function rgbOf(color: string): [number, number, number] {
  // Colours are checked where they enter (definition, results.json): one that is not a colour
  // here is a bug, not the user's input.
  if (!isHexColor(color)) throw new Error(`not a #rrggbb colour: ${JSON.stringify(color.slice(0, 20))}`);
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** A colour checked to be `#rrggbb`, to write into SVG or CSS. */
export function hexColor(color: string): string {
  rgbOf(color);
  return color;
}

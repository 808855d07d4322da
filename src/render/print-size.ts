/**
 * The size a figure is printed at, shared by the PNGs, rapport.html and rapport.docx: the text
 * width of an A4 page with 2.5 cm margins, 21 − 2 × 2.5 = 16 cm. A PNG for `dpi` dots per inch
 * at that width is `round(dpi × 16 / 2.54)` pixels wide (300 dpi: 1890 px).
 */

/** The width a figure is printed at: the text width of A4 with 2.5 cm margins. */
export const PRINTED_WIDTH_CM = 16;
export const DEFAULT_DPI = 300;
/** Accepted by --dpi: a screen's 72 to a print shop's 1200. */
export const DPI_RANGE = { min: 72, max: 1200 } as const;

/** Pixel width of a figure printed PRINTED_WIDTH_CM wide at `dpi`. */
export function printedPixelWidth(dpi: number): number {
  return Math.round((dpi * PRINTED_WIDTH_CM) / 2.54);
}

/**
 * Sizes of the diagram's boxes and rows. Columns are one per ordinal, wrapped into bands when the
 * width runs out, so a 200-pod set stays readable at 360 px as well as on a wide screen.
 */
export const MARGIN = 12;
export const COL_W = 150;
export const BOX_W = 138;
export const HEADER_H = 54;
export const DNS_H = 22;
export const POD_H = 58;
/** space between a DNS chip and its pod; the node's name is written in it */
export const POD_GAP = 16;
export const CLAIM_H = 40;
export const VOLUME_H = 40;
export const ROW_GAP = 20;
export const SECTION_GAP = 36;

/**
 * How many ordinal columns fit in a width (at least one). The last column needs only its box, not the
 * gap after it — which is what lets two columns fit on a 360 px phone.
 */
export function columnsPerBand(width: number): number {
  return Math.max(1, Math.floor((width - 2 * MARGIN + (COL_W - BOX_W)) / COL_W));
}

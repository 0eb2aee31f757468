/**
 * Fits a line of text into a box of the diagram: the text as is when it fits, else its longest
 * beginning that fits followed by "…" (the full text stays in the box's title and aria-label).
 * In a browser the width is measured (SVG getComputedTextLength), so it holds for any font and
 * language; measurements are cached, because a 200-pod diagram redraws several times a second with
 * mostly unchanged texts. Where nothing can be measured (jsdom), an average character width decides.
 */

/** Average advance of one character at the diagram's 11 px, bold labels; regular text is narrower. */
const BOLD_CHAR_PX = 6.4;
const REGULAR_CHAR_PX = 5.6;
/** Cache entries kept before the cache starts over (texts of about 1000 objects). */
const CACHE_LIMIT = 4000;

const cache = new Map<string, string>();

function shorten(text: string, keep: number): string {
  return keep >= text.length ? text : `${text.slice(0, Math.max(0, keep))}…`;
}

/** The estimate used where text cannot be measured. */
export function estimateFit(text: string, room: number, bold: boolean): string {
  const max = Math.floor(room / (bold ? BOLD_CHAR_PX : REGULAR_CHAR_PX));
  return text.length > max ? shorten(text, max - 1) : text;
}

/**
 * Writes into `el` what of `text` fits in `room` px. `bold` only matters for the estimate; `kind`
 * names the element's style in the cache (one text may be measured in several styles).
 */
export function fitText(el: SVGTextElement, text: string, room: number, bold: boolean, kind: string): void {
  const key = `${kind}\u0000${room}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) {
    if (el.textContent !== known) el.textContent = known;
    return;
  }
  el.textContent = text;
  let fitted = text;
  if (typeof el.getComputedTextLength !== 'function') {
    fitted = estimateFit(text, room, bold);
  } else if (el.getComputedTextLength() > room) {
    // the longest beginning that fits with its ellipsis (binary search on its length)
    let lo = 0;
    let hi = text.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      el.textContent = shorten(text, mid);
      if (el.getComputedTextLength() <= room) lo = mid;
      else hi = mid - 1;
    }
    fitted = shorten(text, lo);
  } else if (el.getComputedTextLength() === 0 && text !== '') {
    // not laid out (hidden, detached): measure again next time rather than trust a zero
    el.textContent = estimateFit(text, room, bold);
    return;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, fitted);
  el.textContent = fitted;
}

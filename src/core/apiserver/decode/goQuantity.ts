/**
 * The error half of resource.ParseQuantity (k8s.io/apimachinery/pkg/api/resource/quantity.go,
 * 1.30: `parseQuantityString`, the suffixer's `interpret`): which of ErrFormatWrong, ErrSuffix or
 * ErrNumeric a text gets, with their exact messages. Parsing into a value is done elsewhere
 * (controllers/storage/quantity.ts); here only acceptance matters.
 */

/** ErrFormatWrong's text. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** ErrSuffix's text. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
/** ErrNumeric's text. */
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

const SUFFIX_CHARS = 'eEinumkKMGTP';
const VALID_SUFFIXES = new Set([
  '',
  'Ki',
  'Mi',
  'Gi',
  'Ti',
  'Pi',
  'Ei',
  'n',
  'u',
  'm',
  'k',
  'M',
  'G',
  'T',
  'P',
  'E',
]);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * The ParseQuantity error for `text` (already unquoted and trimmed, as Quantity.UnmarshalJSON
 * passes it), or undefined when it is a valid quantity.
 */
export function quantityError(text: string): string | undefined {
  if (text.length === 0) return QUANTITY_FORMAT_ERROR;
  if (text === '0') return undefined;
  let pos = 0;
  if (text[0] === '-' || text[0] === '+') pos++;
  while (text[pos] === '0') pos++;
  // Only a sign and zeros: parseQuantityString reads that as zero.
  if (pos >= text.length) return undefined;
  const numStart = pos;
  while (isDigit(text[pos])) pos++;
  let digits = pos - numStart;
  if (text[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (isDigit(text[pos])) pos++;
    digits += pos - denomStart;
  }
  const valueEnd = pos;
  const suffixStart = pos;
  while (pos < text.length && SUFFIX_CHARS.includes(text[pos])) pos++;
  if (pos < text.length && (text[pos] === '-' || text[pos] === '+')) pos++;
  while (isDigit(text[pos])) pos++;
  if (pos < text.length) return QUANTITY_FORMAT_ERROR;
  const suffix = text.slice(suffixStart);
  if (!VALID_SUFFIXES.has(suffix) && !/^[eE][-+]?\d+$/.test(suffix)) return QUANTITY_SUFFIX_ERROR;
  // A value with no digit at all ("." or "+.") cannot be read as a decimal number.
  const value = text.slice(0, valueEnd);
  if (digits === 0 && !/0/.test(value)) return QUANTITY_NUMERIC_ERROR;
  return undefined;
}

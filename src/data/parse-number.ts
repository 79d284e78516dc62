/**
 * Number fields of price files: plain decimals only (JavaScript's `Number` also reads `0x64`,
 * `0b1`, `0o17`, `Infinity` and whitespace, none of which is a price), with the thousands
 * separators of a common spreadsheet export (`"1,021.75"`, quoted in the CSV).
 */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Groups of exactly three digits after the first one to three: `1,021.75`, `12,345,678`. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * The value of a decimal token, or NaN when it is not one (hex, binary, octal, `Infinity`,
 * an overflow such as `1e999`, a badly grouped `1,5` or `1,0000.5`, text, an empty field).
 */
export function parseDecimal(token: string): number {
  let t = token;
  if (!DECIMAL.test(t)) {
    if (!GROUPED.test(t)) return NaN;
    t = t.replace(/,/g, "");
  }
  const x = Number(t);
  return Number.isFinite(x) ? x : NaN;
}

const PLACEHOLDERS = new Set(["", ".", "-", "null", "nan", "na", "n/a", "#n/a", "none"]);

/**
 * True for the tokens sources use for "no value on this day" (FRED's `.`, Yahoo's `null`, an
 * empty field, `NA`, `#N/A`): a day without a price, not a malformed number.
 */
export function isPlaceholder(token: string): boolean {
  return token.length <= 4 && PLACEHOLDERS.has(token.toLowerCase());
}

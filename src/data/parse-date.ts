/**
 * Date and time tokens of price files → UTC instants (ms since 1970), and back to the one
 * sortable spelling of a PriceSeries: `YYYY-MM-DD` (daily, monthly as day 01) or
 * `YYYY-MM-DDTHH:MM:SSZ` (intraday).
 *
 * Accepted: three numeric parts with one separator (`-`, `/` or `.`), the year first
 * (`2020-01-05`, N225's `1970/1/5`) or last (`05/01/2020`), optionally followed by a time
 * `HH:MM[:SS[.fff]]` and a zone `Z`, `UTC` or `±HH:MM`; `YYYY-MM`; unix seconds or ms.
 * The order of day and month is not decided per token: `parseInstant` returns both readings
 * and `date-order.ts` settles the file's order (an ISO 8601 spelling keeps the standard's). Impossible dates (`2020-02-30`) and times
 * (`24:00`) are invalid in every reading.
 */

/** How a token spells its date: no order question, year first, or year last. */
export const DateFamily = { Fixed: 0, YearFirst: 1, YearLast: 2 } as const;
export type DateFamily = (typeof DateFamily)[keyof typeof DateFamily];

/** The readings of one token (a reusable out-parameter: the loader parses millions). */
export interface InstantReading {
  family: DateFamily;
  /** ms under the family's first order (YYYY-MM-DD or DD/MM/YYYY; the only one for Fixed), NaN if invalid. */
  first: number;
  /** ms under the second order (YYYY-DD-MM or MM/DD/YYYY), NaN if invalid or Fixed. */
  second: number;
  /** Spelled as ISO 8601 (`YYYY-MM-DD`, two-digit month and day): its order is the standard's unless the user says otherwise. */
  iso: boolean;
}

const THREE_PART = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const DAY_MS = 86_400_000;

/** Reads `token` into `out` (family NaN-free only when a reading is valid); never throws. */
export function parseInstant(token: string, out: InstantReading): InstantReading {
  out.family = DateFamily.Fixed; out.first = NaN; out.second = NaN; out.iso = false;
  const t = token.trim();
  let m = THREE_PART.exec(t);
  if (m) {
    const time = timeOfDay(m[5], m[6], m[7], m[8]);
    if (m[1].length === 4 && m[4].length <= 2) {
      out.family = DateFamily.YearFirst;
      out.iso = m[2] === "-" && m[3].length === 2 && m[4].length === 2;
      out.first = civil(+m[1], +m[3], +m[4]) + time;
      out.second = civil(+m[1], +m[4], +m[3]) + time;
    } else if (m[4].length === 4 && m[1].length <= 2) {
      out.family = DateFamily.YearLast;
      out.first = civil(+m[4], +m[3], +m[1]) + time;
      out.second = civil(+m[4], +m[1], +m[3]) + time;
    }
    return out;
  }
  m = YEAR_MONTH.exec(t);
  if (m) out.first = civil(+m[1], +m[2], 1);
  else if (/^\d{9,13}$/.test(t)) out.first = t.length >= 12 ? Number(t) : Number(t) * 1000;
  return out;
}

/** ms of the time of day minus the zone offset; NaN when out of range. */
function timeOfDay(h?: string, mi?: string, s?: string, zone?: string): number {
  if (h === undefined) return 0;
  const hh = +h, mm = +mi!, ss = s === undefined ? 0 : +s;
  if (hh > 23 || mm > 59 || ss > 59) return NaN;
  let offset = 0;
  if (zone && zone !== "Z" && zone !== "UTC") {
    const oz = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    if (+oz[2] > 23 || +oz[3] > 59) return NaN;
    offset = (oz[1] === "-" ? -1 : 1) * (+oz[2] * 60 + +oz[3]) * 60_000;
  }
  return ((hh * 60 + mm) * 60 + ss) * 1000 - offset;
}

/** ms of midnight UTC of a calendar date (proleptic Gregorian), NaN when the day does not exist. */
function civil(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  // days from civil (H. Hinnant): no Date object, and years below 100 stay themselves
  const yy = m <= 2 ? y - 1 : y, era = Math.floor(yy / 400), yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) * DAY_MS;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const scratch = Buffer.alloc(20);
const put = (at: number, value: number, width: number) => { for (let i = width - 1; i >= 0; i--, value = Math.floor(value / 10)) scratch[at + i] = 48 + (value % 10); };

/**
 * The series spelling of an instant: `YYYY-MM-DD` when `daily`, else `YYYY-MM-DDTHH:MM:SSZ`.
 * Built in a byte buffer so the result is one flat string (millions are kept).
 */
export function formatInstant(ms: number, daily: boolean): string {
  const days = Math.floor(ms / DAY_MS), secs = Math.floor((ms - days * DAY_MS) / 1000);
  const z = days + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  put(0, y, 4); scratch[4] = 45; put(5, m, 2); scratch[7] = 45; put(8, d, 2);
  if (daily) return scratch.toString("latin1", 0, 10);
  scratch[10] = 84; put(11, Math.floor(secs / 3600), 2); scratch[13] = 58; put(14, Math.floor(secs / 60) % 60, 2); scratch[16] = 58; put(17, secs % 60, 2); scratch[19] = 90;
  return scratch.toString("latin1", 0, 20);
}

/** Days between two `YYYY-MM-DD` dates (b − a), UTC calendar days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY_MS);
}

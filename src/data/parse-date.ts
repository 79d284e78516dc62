/**
 * Normalises the date spellings found in ../shared/data to one sortable form:
 * `YYYY-MM-DD` (daily and monthly, monthly as day 01) or `YYYY-MM-DDTHH:MM:SSZ` (UTC, intraday).
 *
 * Accepted: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY-MM`, `YYYY-MM-DD HH:MM:SS[.ffffff] UTC`,
 * `YYYY-MM-DD HH:MM:SS+00:00`, `YYYY-MM-DD HH:MM:SS`, `…THH:MM:SSZ`, unix seconds or ms.
 * Returns null for anything else (the caller reports it with file and row).
 *
 * @param dailyBars when true, a midnight timestamp (Binance "Open time") becomes a plain date
 */
export function parseDate(token: string, dailyBars = false): string | null {
  const t = token.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return ymd(m[1], m[2], m[3]);
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return ymd(m[1], m[2], "1");
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?: ?UTC|Z|\+00:00)?$/.exec(t);
  if (m) {
    if (dailyBars && m[4] === "00" && m[5] === "00" && m[6] === "00") return `${m[1]}-${m[2]}-${m[3]}`;
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  }
  if (/^\d{9,13}$/.test(t)) {
    const ms = t.length >= 12 ? Number(t) : Number(t) * 1000;
    const iso = new Date(ms).toISOString().slice(0, 19) + "Z";
    return dailyBars && iso.endsWith("T00:00:00Z") ? iso.slice(0, 10) : iso;
  }
  return null;
}

function ymd(y: string, mo: string, d: string): string | null {
  const month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days between two `YYYY-MM-DD` dates (b − a), UTC calendar days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}

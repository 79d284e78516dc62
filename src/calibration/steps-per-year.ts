/**
 * Steps per year of a price series: observations per calendar year over its span,
 * (n − 1) / ((last − first) / 365.25 days). Daily crypto gives ≈ 365, exchange-traded
 * daily ≈ 250–253, FX ≈ 260, hourly crypto ≈ 8766. Rounded to an integer.
 */
export function stepsPerYear(dates: readonly string[]): number {
  const n = dates.length;
  const ms = (d: string) => Date.parse(d.length === 10 ? d + "T00:00:00Z" : d);
  const years = (ms(dates[n - 1]) - ms(dates[0])) / (365.25 * 86_400_000);
  return Math.round((n - 1) / years);
}

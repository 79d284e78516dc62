/**
 * Reads an RS-3 per-window CSV (`<id>-windows.csv`, written beside results.json by
 * studies/rs3-synthetic-real-data.ts) into columns, so a rebuilt report can draw the rolling
 * series that results.json summarises. Returns null when the file is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

export interface WindowColumns {
  dates: string[];
  /** numeric columns by header name (end_date excluded) */
  columns: Record<string, number[]>;
}

/**
 * @throws UsageError naming the file and row when a row has the wrong number of cells
 */
export function readWindowsCsv(path: string): WindowColumns | null {
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) return null;
  const header = lines[0].split(",");
  const dateCol = header.indexOf("end_date");
  const columns: Record<string, number[]> = {};
  header.forEach((h, i) => { if (i !== dateCol) columns[h] = []; });
  const dates: string[] = [];
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(",");
    if (cells.length !== header.length) throw new UsageError(`${path}: row ${r + 1} has ${cells.length} cells, the header ${header.length} — re-run the study that wrote it`);
    cells.forEach((c, i) => { if (i === dateCol) dates.push(c); else columns[header[i]].push(c === "" ? NaN : Number(c)); });
  }
  return { dates, columns };
}

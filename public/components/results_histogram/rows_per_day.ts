import type { HuntRow } from '../../../common/hunt/shape_results';

export interface DayCount {
  /** The UTC day bucket, as ms since epoch. */
  day: number;
  rows: number;
}

/** Result rows per UTC day, oldest first; rows without a day are not drawn. */
export function rowsPerDay(rows: HuntRow[]): DayCount[] {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const day = row.day === null ? NaN : Date.parse(row.day);
    if (Number.isNaN(day)) continue;
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, count]) => ({ day, rows: count }));
}

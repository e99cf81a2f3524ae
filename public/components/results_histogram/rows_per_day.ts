import type { HuntRow } from '../../../common/hunt/shape_results';
import type { CountBar } from '../count_bar_chart';

/** Result rows per UTC day (the bucket's start, ms since epoch), oldest first; rows without a day are not drawn. */
export function rowsPerDay(rows: HuntRow[]): CountBar[] {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const day = row.day === null ? NaN : Date.parse(row.day);
    if (Number.isNaN(day)) continue;
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, count]) => ({ at: day, count }));
}

import { z } from '@kbn/zod/v4';
import { describeIssues, formatIssues, huntParamsSchema, type ParamsIssue } from './hunt_params';

/** Names and actions in the data are short; a longer value is not one we showed. */
export const MAX_PIVOT_VALUE_LENGTH = 1_024;

const pivotValue = z
  .string()
  .max(MAX_PIVOT_VALUE_LENGTH, `must be at most ${MAX_PIVOT_VALUE_LENGTH} characters`);

export const rowKeySchema = z
  .object({
    day: z.iso.datetime({ offset: true, error: 'must be the ISO 8601 day of a result row' }),
    action: pivotValue.nullable(),
    principal: pivotValue.nullable(),
  })
  .strict();

/** The hunt as it ran, plus the row whose events to read. */
export const eventsParamsSchema = huntParamsSchema.extend({ row: rowKeySchema }).strict();
export type EventsParams = z.output<typeof eventsParamsSchema>;

export function parseEventsParams(
  input: unknown
): { ok: true; value: EventsParams } | { ok: false; issues: ParamsIssue[]; message: string } {
  const result = eventsParamsSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeIssues(result.error, input);
  return { ok: false, issues, message: formatIssues(issues) };
}

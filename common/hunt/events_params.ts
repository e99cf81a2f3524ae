import { z } from '@kbn/zod/v4';
import { huntParamsSchema, parserFor } from './hunt_params';

/** Names and actions in the data are short; a longer value is not one we showed. */
export const MAX_PIVOT_VALUE_LENGTH = 1_024;

const pivotValue = z.string().max(MAX_PIVOT_VALUE_LENGTH, {
  message: `must be at most ${MAX_PIVOT_VALUE_LENGTH} characters`,
  abort: true,
});
/** An ISO 8601 day as the hunt returns it is 24 characters; room for an offset spelling. */
export const MAX_ROW_DAY_LENGTH = 64;

export const rowKeySchema = z
  .object({
    day: z
      .string()
      .max(MAX_ROW_DAY_LENGTH, {
        message: 'must be the ISO 8601 day of a result row',
        abort: true,
      })
      .pipe(z.iso.datetime({ offset: true, error: 'must be the ISO 8601 day of a result row' })),
    action: pivotValue.nullable(),
    principal: pivotValue.nullable(),
  })
  .strict();

/**
 * The hunt as it ran, with the window it ran over (`window`: the page always sends it, so the
 * row's first and last day are cut where the run's were), plus the row whose events to read.
 */
export const eventsParamsSchema = huntParamsSchema.extend({ row: rowKeySchema }).strict();
export type EventsParams = z.output<typeof eventsParamsSchema>;

export const parseEventsParams = parserFor(eventsParamsSchema);

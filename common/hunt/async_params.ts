import { z } from '@kbn/zod/v4';
import { ESQL_MAX_ROW_LIMIT } from '../constants';
import { parserFor } from './hunt_params';

/**
 * Elasticsearch async ids are URL-safe base64; anything else is not an id we handed out. The
 * bound keeps a hostile body from becoming a huge path segment.
 */
const ASYNC_ID = /^[A-Za-z0-9_=+/-]{8,512}$/;
export const MAX_ASYNC_ID_LENGTH = 512;
const ASYNC_ID_RULE = 'must be the id of a running hunt';

export const asyncIdSchema = z
  .string()
  .max(MAX_ASYNC_ID_LENGTH, { message: ASYNC_ID_RULE, abort: true })
  .regex(ASYNC_ID, ASYNC_ID_RULE);

export const huntStatusSchema = z
  .object({
    id: asyncIdSchema,
    limit: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(ESQL_MAX_ROW_LIMIT, `must be at most ${ESQL_MAX_ROW_LIMIT}`),
  })
  .strict();
export type HuntStatusParams = z.output<typeof huntStatusSchema>;

export const huntCancelSchema = z.object({ id: asyncIdSchema }).strict();
export type HuntCancelParams = z.output<typeof huntCancelSchema>;

export const parseHuntStatusParams = parserFor(huntStatusSchema);
export const parseHuntCancelParams = parserFor(huntCancelSchema);

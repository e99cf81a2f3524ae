import type { IRouter, Logger } from '@kbn/core/server';
import { API_VERSION, COVERAGE_API_PATH } from '../../common/constants';
import { parseCoverageParams, type CoverageParams } from '../../common/hunt/coverage';
import { getCoverage } from '../lib/get_coverage';
import { COVERAGE_BODY_MAX_BYTES } from './body_limits';
import { AUTHZ_AS_CURRENT_USER, handleAsCurrentUser, validationFrom } from './route_helpers';

export function registerCoverageRoute(router: IRouter, logger: Logger): void {
  router.versioned
    .post({
      path: COVERAGE_API_PATH,
      access: 'internal',
      security: { authz: AUTHZ_AS_CURRENT_USER },
      summary: 'Report which of the hunt data sources and fields exist, as the calling user',
      options: { body: { maxBytes: COVERAGE_BODY_MAX_BYTES } },
    })
    .addVersion<unknown, unknown, CoverageParams>(
      {
        version: API_VERSION,
        validate: { request: { body: validationFrom(parseCoverageParams) } },
      },
      handleAsCurrentUser<CoverageParams>(
        logger,
        (client, body, signal) => getCoverage(client, body, { signal }),
        (body) => ({ indexPatterns: body.index_patterns })
      )
    );
}

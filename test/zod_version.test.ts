/**
 * Proves which zod each jest project runs the schemas on: the `node` project on the zod Kibana 9.3
 * ships (3.25, whose `zod/v4` reports the v4 core as 4.0.0), the `zod4` project on zod 4.x.
 */
import { core } from '@kbn/zod/v4';

declare const EXPECTED_ZOD_VERSION: string;

const ZOD3_V4_CORE = '4.0.0';

it('runs on the zod the project names', () => {
  const { major, minor, patch } = core.version;
  const running = `${major}.${minor}.${patch}`;
  const expected = EXPECTED_ZOD_VERSION.startsWith('3.') ? ZOD3_V4_CORE : EXPECTED_ZOD_VERSION;
  expect(running).toBe(expected);
});

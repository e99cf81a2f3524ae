/** Synthetic indices with the scenario's mappings, shared by the benchmarks (not a test). */
import { buildScenarioIndices } from '../fixtures/scenario/build_scenario';
import { SCENARIO_MAPPINGS } from '../fixtures/scenario/mappings';
import type { IndexInput } from '../harness/fake_elasticsearch/indices';

const DAY_MS = 86_400_000;

/**
 * A deterministic spread of principals, actions and addresses over `days` days, some multi-valued,
 * for the benchmarks.
 */
export function syntheticIndices(count: number, now: Date, days = 30): IndexInput[] {
  let state = 0x5eed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const principals = Array.from({ length: 400 }, (_, index) => `principal-${index}`);
  const actions = [
    'Sign-in activity',
    'Update service principal',
    'Add service principal credentials',
  ];
  const ip = () => `198.51.${Math.floor(random() * 40)}.${Math.floor(random() * 250) + 1}`;
  const signins: Array<Record<string, unknown>> = [];
  const audits: Array<Record<string, unknown>> = [];
  for (let index = 0; index < count; index += 1) {
    const timestamp = new Date(now.getTime() - Math.floor(random() * days * DAY_MS)).toISOString();
    const principal = pick(principals);
    const addresses = random() < 0.02 ? [ip(), ip()] : ip();
    if (index % 4 === 0) {
      audits.push({
        '@timestamp': timestamp,
        event: {
          dataset: 'azure.auditlogs',
          action: random() < 0.02 ? actions : pick(actions),
          outcome: 'success',
        },
        source: { ip: addresses },
        azure: {
          auditlogs: {
            properties: {
              initiated_by: {
                app: { displayName: principal, servicePrincipalId: `${principal}-id` },
              },
            },
          },
        },
      });
    } else {
      signins.push({
        '@timestamp': timestamp,
        event: { dataset: 'azure.signinlogs', action: 'Sign-in activity', outcome: 'success' },
        source: { ip: addresses },
        azure: {
          signinlogs: {
            properties: {
              service_principal_name: principal,
              service_principal_id: `${principal}-id`,
            },
          },
        },
      });
    }
  }
  const byName: Record<string, Array<Record<string, unknown>>> = {
    'logs-azure.signinlogs-default': signins,
    'logs-azure.auditlogs-default': audits,
  };
  // The other two streams exist with one document each, so every hunt field is mapped.
  const scenario = buildScenarioIndices(now);
  return Object.entries(SCENARIO_MAPPINGS).map(([name, mapping]) => ({
    name,
    mapping,
    dataStream: true,
    documents:
      byName[name] ?? scenario.find((index) => index.name === name)?.documents.slice(0, 1) ?? [],
  }));
}

/**
 * A large, realistic policy for the benchmark: many approved integrations spread over every provider, with the
 * optional fields admins fill in, and a few blocked clients.
 */
import type { ProviderId } from '../../lib/authorization-request';
import type { PolicyInput } from '../../lib/policy/schema';
import { CLIENT_TEMPLATES } from './sample-authorization-urls';
import type { SeededRandom } from './seeded-random';

export interface ApprovedClient {
  provider: ProviderId;
  clientId: string;
  scopes: string[];
}

export interface GeneratedPolicy {
  policy: PolicyInput;
  approved: ApprovedClient[];
}

const OWNERS = ['ana@example.com', 'bo@example.com', 'chen@example.com', 'dev-team@example.com', 'it@example.com'];

export function generatePolicy(random: SeededRandom, approvedCount: number, blockedCount = 50): GeneratedPolicy {
  const approved: ApprovedClient[] = [];
  const entries: NonNullable<PolicyInput['approvedIntegrations']> = [];
  for (let index = 0; index < approvedCount; index++) {
    const template = CLIENT_TEMPLATES[index % CLIENT_TEMPLATES.length]!;
    const scopes = [...template.baseScopes, ...random.sample(template.scopes, 1 + random.integer(4))];
    const clientId = template.clientId(random);
    approved.push({ provider: template.provider, clientId, scopes });
    const year = 2025 + random.integer(3);
    entries.push({
      name: `Integration ${index} (${template.provider})`,
      provider: template.provider,
      clientId,
      scopes,
      owner: random.pick(OWNERS),
      backupOwner: random.pick(OWNERS),
      approvedBy: 'security@example.com',
      approvedOn: `${year - 1}-0${1 + random.integer(9)}-1${random.integer(10)}`,
      reviewBy: `${year}-0${1 + random.integer(9)}-2${random.integer(9)}`,
      ...(random.next() < 0.3 ? { expiresOn: `${year + 1}-12-31` } : {}),
      dataClasses: random.sample(['internal', 'customer', 'files', 'calendar', 'contacts'] as const, 1 + random.integer(2)),
      decisionUrl: `https://tickets.example.com/SEC-${1000 + index}`,
    });
  }
  const blocked: NonNullable<PolicyInput['blockedIntegrations']> = [];
  for (let index = 0; index < blockedCount; index++) {
    const template = random.pick(CLIENT_TEMPLATES);
    blocked.push({ provider: template.provider, clientId: template.clientId(random), name: `Blocked tool ${index}`, reason: 'Failed the vendor review.' });
  }
  return {
    policy: { schemaVersion: 1, enforcement: 'warn', approvedIntegrations: entries, blockedIntegrations: blocked },
    approved,
  };
}

/**
 * A fleet's consent events for the inventory benchmark, generated deterministically from a seed: a few hundred apps
 * across the providers, a few thousand installations, the extension's own webhook payload shape
 * (lib/reporting/event-payload.ts), one payload per line as a receiver stores them. Lines are produced one at a
 * time, so a million events never sit in memory.
 */
import { CONSENT_ACTIONS, type ConsentEvent } from '../../lib/storage/records';
import { RISK_LEVELS, VERDICTS } from '../../lib/evaluation';
import { buildEventPayload, toReportedEvent } from '../../lib/reporting/event-payload';
import { CLIENT_TEMPLATES } from './sample-authorization-urls';
import type { SeededRandom } from './seeded-random';

interface GeneratedApp {
  provider: ConsentEvent['provider'];
  clientId: string;
  host: string;
  appName: string;
  scopes: string[];
}

const HOSTS: Partial<Record<ConsentEvent['provider'], string>> = {
  google: 'accounts.google.com',
  microsoft: 'login.microsoftonline.com',
  github: 'github.com',
  slack: 'slack.com',
  okta: 'acme.okta.com',
};

function generateApps(random: SeededRandom, count: number): GeneratedApp[] {
  return Array.from({ length: count }, (_, index) => {
    const template = CLIENT_TEMPLATES[index % CLIENT_TEMPLATES.length]!;
    return {
      provider: template.provider,
      clientId: template.clientId(random),
      host: HOSTS[template.provider] ?? `${template.provider}.example.com`,
      appName: `App ${index}`,
      scopes: [...template.baseScopes, ...random.sample(template.scopes, 1 + random.integer(4))],
    };
  });
}

/**
 * `count` webhook lines, one event each (the extension sends one per delivery). Apps are picked with a skew (a few
 * popular apps, a long tail), as fleets use them.
 */
export function* generateEventLines(random: SeededRandom, count: number, options = { apps: 400, installations: 5000 }): Generator<string> {
  const apps = generateApps(random, options.apps);
  const start = Date.UTC(2026, 0, 1);
  for (let index = 0; index < count; index++) {
    const app = apps[Math.floor(apps.length * random.next() ** 3)]!;
    const installationId = `inst-${random.integer(options.installations)}`;
    const at = new Date(start + index * 15_000).toISOString();
    const event: ConsentEvent = {
      id: index + 1,
      at,
      provider: app.provider,
      clientId: app.clientId,
      appName: app.appName,
      host: app.host,
      // Most sign-ins ask for the app's usual scopes; some ask for one fewer.
      scopes: random.next() < 0.8 ? app.scopes : app.scopes.slice(0, -1),
      verdict: random.pick(VERDICTS),
      risk: random.pick(RISK_LEVELS),
      enforcement: 'warn',
      action: random.pick(CONSENT_ACTIONS),
      rules: ['not-approved'],
    };
    const reported = toReportedEvent(event, installationId, ['scopes', 'appName', 'host']);
    yield JSON.stringify(buildEventPayload([reported], { installationId, extensionVersion: '0.1.0', now: new Date(at) }));
  }
}

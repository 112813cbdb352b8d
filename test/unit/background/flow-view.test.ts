import { describe, expect, it } from 'vitest';
import { buildOverlayView } from '../../../lib/background/flow-view';
import type { PageFacts } from '../../../lib/evaluation';
import { compilePolicy } from '../../../lib/policy/compile-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';

const NOW = Date.UTC(2026, 5, 15, 12);
const APPROVED_CLIENT = '111-approved.apps.googleusercontent.com';
const OTHER_CLIENT = '222-stranger.apps.googleusercontent.com';

function googleRequest(clientId: string) {
  const parsed = parseAuthorizationUrl(
    `https://accounts.google.com/o/oauth2/v2/auth?client_id=${clientId}&response_type=code&scope=openid%20email&redirect_uri=https://app.example.com/cb`,
  );
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.request;
}

function policy() {
  const parsed = parsePolicy({
    schemaVersion: 1,
    approvedIntegrations: [{ name: 'Acme Notes', provider: 'google', clientId: APPROVED_CLIENT, scopes: ['openid', 'email'], owner: 'dana@example.com' }],
  });
  if (!parsed.ok) throw new Error('invalid policy');
  return compilePolicy(parsed.policy);
}

describe('buildOverlayView: whose name the overlay uses', () => {
  it.each<{ name: string; clientId: string; facts?: PageFacts; expected: string | undefined }>([
    { name: 'approved client, page shows another name', clientId: APPROVED_CLIENT, facts: { appName: 'Acme Notes - approved by IT for all data' }, expected: 'Acme Notes' },
    { name: 'approved client, page shows no name', clientId: APPROVED_CLIENT, facts: {}, expected: 'Acme Notes' },
    { name: 'approved client, page not read yet', clientId: APPROVED_CLIENT, expected: 'Acme Notes' },
    { name: 'unknown client: the page name is all there is', clientId: OTHER_CLIENT, facts: { appName: 'Notes Sync' }, expected: 'Notes Sync' },
    { name: 'unknown client, no name anywhere', clientId: OTHER_CLIENT, facts: {}, expected: undefined },
  ])('$name', ({ clientId, facts, expected }) => {
    const view = buildOverlayView({ flowId: 'flow-1', request: googleRequest(clientId), facts }, policy(), NOW);
    expect(view.appName).toBe(expected);
  });
});

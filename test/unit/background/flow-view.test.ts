import { describe, expect, it } from 'vitest';
import { buildOverlayView, mergeFacts } from '../../../lib/background/flow-view';
import type { PageFacts } from '../../../lib/evaluation';
import { compilePolicy } from '../../../lib/engine/compile-policy';
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

// The page is read again after every DOM change. A later read may add what an earlier one missed, but it must never
// withdraw a warning an earlier read raised: a page that shows "unverified" and then removes it is still unverified.
describe('mergeFacts: later reads add, never withdraw a warning', () => {
  it.each<{ name: string; previous: PageFacts | undefined; next: PageFacts; expected: PageFacts }>([
    { name: 'first read', previous: undefined, next: { appName: 'Notes Sync' }, expected: { appName: 'Notes Sync' } },
    { name: 'the list arrives after the name', previous: { appName: 'Notes Sync' }, next: { scopeDescriptions: ['Read mail'] }, expected: { appName: 'Notes Sync', scopeDescriptions: ['Read mail'] } },
    { name: 'unverified, then the label is gone', previous: { verified: false }, next: { unread: ['verified'] }, expected: { verified: false } },
    { name: 'unverified, then a verified badge', previous: { verified: false, publisher: 'dev@x.example' }, next: { verified: true, publisher: 'Contoso' }, expected: { verified: false, publisher: 'Contoso' } },
    { name: 'verified, then unverified', previous: { verified: true }, next: { verified: false }, expected: { verified: false } },
    { name: 'unread, then verified', previous: { unread: ['verified'] }, next: { verified: true }, expected: { verified: true } },
    { name: 'still unread', previous: { appName: 'Notes Sync' }, next: { unread: ['publisher'] }, expected: { appName: 'Notes Sync', unread: ['publisher'] } },
  ])('$name', ({ previous, next, expected }) => {
    expect(mergeFacts(previous, next)).toEqual(expected);
  });

  it('keeps the unverified-publisher finding when a later read shows a badge', () => {
    const first = mergeFacts(undefined, { verified: false });
    const later = mergeFacts(first, { verified: true });
    const view = buildOverlayView({ flowId: 'flow-1', request: googleRequest(OTHER_CLIENT), facts: later }, policy(), NOW);
    expect(view.evaluation.findings.map((finding) => finding.rule)).toContain('unverified-publisher');
  });
});

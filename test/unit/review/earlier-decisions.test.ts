import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../lib/policy/schema';
import { findEarlierDecisions, requestHost, safeWebLink } from '../../../lib/review/earlier-decisions';

const TODAY = '2026-03-10';
const APP = { provider: 'google', clientId: 'notes-1' } as const;
const base = { provider: 'google' as const, clientId: 'notes-1', scopes: ['openid'] };

function decisions(policy: Partial<Policy>, app: Parameters<typeof findEarlierDecisions>[1] = APP) {
  return findEarlierDecisions({ schemaVersion: 1, ...policy } as Policy, app, TODAY);
}

describe('findEarlierDecisions', () => {
  it.each<[string, Partial<Policy>, { outcome: string; expired: boolean; path: string }[]]>([
    ['no entry for the app', { approvedIntegrations: [{ ...base, clientId: 'other', notes: 'x' }] }, []],
    ['a bare approval: nothing to start from', { approvedIntegrations: [{ ...base }] }, []],
    ['an approval with notes', { approvedIntegrations: [{ ...base, notes: '10 users' }] }, [{ outcome: 'production', expired: false, path: 'approvedIntegrations[0]' }]],
    ['an approval with a decision link', { approvedIntegrations: [{ ...base, decisionUrl: 'https://wiki.acme.example/d/1' }] }, [{ outcome: 'production', expired: false, path: 'approvedIntegrations[0]' }]],
    ['an approval with who and when only', { approvedIntegrations: [{ ...base, approvedBy: 'Ana', approvedOn: '2026-01-02' }] }, [{ outcome: 'production', expired: false, path: 'approvedIntegrations[0]' }]],
    ['a pilot without notes', { approvedIntegrations: [{ ...base, kind: 'pilot', expiresOn: '2026-03-20' }] }, [{ outcome: 'pilot', expired: false, path: 'approvedIntegrations[0]' }]],
    ['an exception', { approvedIntegrations: [{ ...base, kind: 'exception' }] }, [{ outcome: 'exception', expired: false, path: 'approvedIntegrations[0]' }]],
    ['an approval that expired yesterday', { approvedIntegrations: [{ ...base, expiresOn: '2026-03-09' }] }, [{ outcome: 'production', expired: true, path: 'approvedIntegrations[0]' }]],
    ['an approval valid through today', { approvedIntegrations: [{ ...base, expiresOn: TODAY, notes: 'n' }] }, [{ outcome: 'production', expired: false, path: 'approvedIntegrations[0]' }]],
    ['a block with a reason', { blockedIntegrations: [{ provider: 'google', clientId: 'notes-1', reason: 'Copies mail out.' }] }, [{ outcome: 'blocked', expired: false, path: 'blockedIntegrations[0]' }]],
    ['a block with neither reason nor link', { blockedIntegrations: [{ provider: 'google', clientId: 'notes-1' }] }, []],
    ['a provider-wide block', { blockedIntegrations: [{ provider: 'google', clientId: '*', reason: 'Only approved apps.' }] }, []],
    ['the same client id at another provider', { approvedIntegrations: [{ ...base, provider: 'microsoft', notes: 'n' }] }, []],
    [
      'blocks first, then approvals in policy order',
      {
        approvedIntegrations: [{ ...base, notes: 'first' }, { ...base, clientId: 'x', notes: 'other app' }, { ...base, kind: 'pilot' }],
        blockedIntegrations: [{ provider: 'google', clientId: 'notes-1', decisionUrl: 'https://wiki.acme.example/d/9' }],
      },
      [
        { outcome: 'blocked', expired: false, path: 'blockedIntegrations[0]' },
        { outcome: 'production', expired: false, path: 'approvedIntegrations[0]' },
        { outcome: 'pilot', expired: false, path: 'approvedIntegrations[2]' },
      ],
    ],
  ])('%s', (_name, policy, expected) => {
    expect(decisions(policy).map(({ outcome, expired, path }) => ({ outcome, expired, path }))).toEqual(expected);
  });

  it('carries who, when, the link, the notes, the owner, the scopes and the dates', () => {
    const [decision] = decisions({
      approvedIntegrations: [
        {
          ...base,
          name: 'Acme Notes',
          scopes: ['openid', 'https://www.googleapis.com/auth/drive.file'],
          kind: 'pilot',
          owner: 'Bea',
          approvedBy: 'Ana',
          approvedOn: '2026-02-01',
          expiresOn: '2026-02-15',
          reviewBy: '2026-05-01',
          decisionUrl: 'https://tickets.acme.example/SEC-12',
          notes: 'Pilot for the sales team only.',
        },
      ],
    });
    expect(decision).toEqual({
      outcome: 'pilot',
      expired: true,
      path: 'approvedIntegrations[0]',
      name: 'Acme Notes',
      decidedBy: 'Ana',
      decidedOn: '2026-02-01',
      link: 'https://tickets.acme.example/SEC-12',
      notes: 'Pilot for the sales team only.',
      owner: 'Bea',
      scopes: ['openid', 'https://www.googleapis.com/auth/drive.file'],
      expiresOn: '2026-02-15',
      reviewBy: '2026-05-01',
    });
  });

  it.each([
    ['the same host in another spelling', 'Acme.Okta.com.', 1],
    ['another host', 'evil.okta.com', 0],
    ['an unknown request host', undefined, 1],
  ] as const)('matches an approval bound to a host against %s', (_name, host, count) => {
    const policy = { approvedIntegrations: [{ provider: 'okta', clientId: 'app-1', scopes: ['openid'], host: 'acme.okta.com', notes: 'n' }] } as Partial<Policy>;
    const app = { provider: 'okta', clientId: 'app-1', ...(host === undefined ? {} : { host: requestHost(`https://${host}/oauth2/v1/authorize?client_id=app-1`) }) } as const;
    expect(decisions(policy, app as never)).toHaveLength(count);
  });
});

describe('safeWebLink', () => {
  it.each([
    ['https://wiki.acme.example/d/1', 'https://wiki.acme.example/d/1'],
    ['http://intranet.acme.example/decisions?id=4', 'http://intranet.acme.example/decisions?id=4'],
    ['HTTPS://Wiki.Acme.Example', 'https://wiki.acme.example/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['mailto:sec@acme.example', undefined],
    ['//wiki.acme.example/d/1', undefined],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s -> %s', (value, expected) => {
    expect(safeWebLink(value)).toBe(expected);
  });
});

/**
 * Invariants that hold for every entry of every provider's catalog, checked exhaustively over the catalogs and, for
 * the risk rule, as properties over arbitrary classifications. The catalog-integrity test checks that entries are
 * well formed; this one checks that what they say is consistent with the scope's name and with the one risk rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, ProviderId } from '../../../lib/authorization-request';
import { RISK_LEVELS, type RiskLevel } from '../../../lib/evaluation';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { PROVIDER_CATALOGS } from '../../../lib/scopes/catalog/catalogs';
import { microsoftResourceScope } from '../../../lib/scopes/catalog/microsoft-resources';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import { reportScope } from '../../../lib/scopes/scope-report';
import {
  ACCESS_LEVELS,
  BREADTHS,
  DATA_CLASSES,
  SENSITIVE_DATA_CLASSES,
  type Breadth,
  type ScopeInfo,
} from '../../../lib/scopes/scope-info';
import { isSignInOnly, scopeRisk } from '../../../lib/scopes/scope-risk';

type NamedProvider = Exclude<ProviderId, 'generic'>;

/** How an app spells a catalog key in a real request (Google's URL form, a SharePoint host, ...). */
function requestedForm(provider: NamedProvider, key: string): string {
  if (provider === 'google' && !/^https?:/.test(key) && !['openid', 'email', 'profile'].includes(key)) {
    return `https://www.googleapis.com/auth/${key}`;
  }
  if (provider !== 'microsoft') return key;
  if (key.startsWith('sharepoint:')) return `https://contoso.sharepoint.com/${key.slice('sharepoint:'.length)}`;
  if (key.startsWith('custom-api:')) return `api://00000000-0000-4000-8000-000000000000/${key.slice('custom-api:'.length)}`;
  const resource = microsoftResourceScope(key);
  if (resource !== undefined) return resource;
  if (key === '.default') return 'https://graph.microsoft.com/.default';
  return key;
}

interface Entry {
  provider: NamedProvider;
  /** The key as the catalog files it. */
  key: string;
  info: ScopeInfo;
}

/** Every distinct scope of every named provider, as the classifier answers it (a curated entry wins over a generated one). */
const ENTRIES: readonly Entry[] = (Object.keys(PROVIDER_CATALOGS) as ProviderId[])
  .filter((provider): provider is NamedProvider => provider !== 'generic')
  .flatMap((provider) => {
    const keys = new Map<string, string>();
    for (const [scope] of PROVIDER_CATALOGS[provider].entries) keys.set(scope.toLowerCase(), scope);
    return [...keys.values()].map((key) => ({ provider, key, info: classifyScope(provider, requestedForm(provider, key)) }));
  });

const MICROSOFT_CHANGE_WORDS = /Write|Manage|Send|Create|Delete|Update|Approve|Invite|Migrate|Export|Import|Control|Consent|Assign|Revoke|Reset|Restore|Enable|Disable|Add|Remove|Access/;

/**
 * Names that promise reading only, judged from the name alone so the test does not trust the classification it checks:
 * Microsoft `X.Read`, `X.Read.All`, `X.ReadBasic.All`, `X.ReadSelectedForChat` (no Write, Manage, Send, ... anywhere);
 * Google `*.readonly` and `*.read`, and the Data Portability scopes (one-time exports of your own data);
 * `read:*` (GitHub, Atlassian, Auth0) and `*:read` / `*:read:*` (Slack, Zoom); `*.read` (Dropbox, HubSpot, Okta);
 * `read_*` (GitLab), `*_readonly` (Box).
 */
function promisesReadOnly(provider: NamedProvider, key: string): boolean {
  switch (provider) {
    case 'microsoft': {
      const name = key.replace(/^[a-z-]+:/, '');
      const operation = name.split('.')[1] ?? '';
      return /^Read/.test(operation) && !MICROSOFT_CHANGE_WORDS.test(name.slice(name.indexOf('.')));
    }
    case 'google':
      return /\.(?:readonly|read-only|read_only|read)$/.test(key) || key.startsWith('dataportability.');
    case 'gitlab':
      return /^read_/.test(key);
    case 'box':
      return /_readonly$/.test(key);
    default:
      return /^read:/.test(key) || /:read(?::|$)/.test(key) || /\.read$/.test(key);
  }
}

function changes(info: ScopeInfo): boolean {
  return info.access.some((access) => access === 'write' || access === 'delete' || access === 'admin');
}

describe('every catalog entry', () => {
  it(`covers every named provider (${ENTRIES.length} entries)`, () => {
    const providers = new Set(ENTRIES.map((entry) => entry.provider));
    expect([...providers].sort()).toEqual(Object.keys(PROVIDER_CATALOGS).filter((id) => id !== 'generic').sort());
    expect(ENTRIES.every((entry) => entry.info.source === 'catalog')).toBe(true);
  });

  it('grants no write, delete or admin when its name promises reading only', () => {
    const readOnly = ENTRIES.filter((entry) => promisesReadOnly(entry.provider, entry.key));
    // The oracle must actually select something from every provider that has read-only scopes, or it proves nothing.
    expect(new Set(readOnly.map((entry) => entry.provider)).size).toBeGreaterThanOrEqual(12);
    const violations = readOnly
      .filter((entry) => changes(entry.info))
      .map((entry) => `${entry.provider} ${entry.key}: ${entry.info.access.join(',')}`);
    expect(violations).toEqual([]);
  });

  it('is rated by the one risk rule, wherever risk is shown', () => {
    const problems: string[] = [];
    for (const { provider, key, info } of ENTRIES) {
      const risk = scopeRisk(info);
      const report = reportScope(provider, info.scope);
      if (report.risk !== risk) problems.push(`${provider} ${key}: the scopes command says ${report.risk}, the rule ${risk}`);
      const engine = evaluateRequest(oneScopeRequest(provider, info.scope)).risk;
      if (engine !== risk) problems.push(`${provider} ${key}: the engine says ${engine}, the rule ${risk}`);
    }
    expect(problems).toEqual([]);
  });

  it('is critical only for administration or organisation-wide change, and never for reading alone', () => {
    const problems: string[] = [];
    for (const { provider, key, info } of ENTRIES) {
      const risk = scopeRisk(info);
      const orgChange = info.breadth === 'organization' && (info.access.includes('write') || info.access.includes('delete'));
      if ((risk === 'critical') !== (info.access.includes('admin') || orgChange)) problems.push(`${provider} ${key}: ${risk}`);
      if (!changes(info) && risk === 'critical') problems.push(`${provider} ${key}: read-only yet critical`);
      if ((risk === 'low') !== isSignInOnly(info)) problems.push(`${provider} ${key}: low is for sign-in only`);
    }
    expect(problems).toEqual([]);
  });

  it('never rates a read-only scope of organisation data above high', () => {
    const orgReads = ENTRIES.filter(
      (entry) => promisesReadOnly(entry.provider, entry.key) && entry.info.breadth === 'organization',
    );
    expect(orgReads.length).toBeGreaterThan(50);
    expect(orgReads.filter((entry) => scopeRisk(entry.info) === 'critical').map((entry) => entry.key)).toEqual([]);
  });

  it('rates a scope limited to the items you pick below the same access to the whole store', () => {
    const selected = ENTRIES.filter((entry) => entry.info.breadth === 'selected');
    expect(selected.map((entry) => `${entry.provider} ${entry.key}`)).toEqual(
      expect.arrayContaining(['google drive.file', 'microsoft Files.ReadWrite.Selected', 'microsoft Files.Read.Selected']),
    );
    for (const entry of selected) expect(scopeRisk(entry.info), entry.key).toBe('medium');
  });

  it('carries a provider label only in that provider\'s own catalog, and Google\'s restricted label never on a scope limited to picked items', () => {
    for (const { provider, key, info } of ENTRIES) {
      for (const label of info.labels) {
        expect(label.startsWith('google-') ? 'google' : 'microsoft', `${provider} ${key} ${label}`).toBe(provider);
      }
      if (info.breadth === 'selected') expect(info.labels, key).not.toContain('google-restricted');
    }
  });
});

const HOSTS: Readonly<Record<NamedProvider, string>> = {
  google: 'accounts.google.com',
  microsoft: 'login.microsoftonline.com',
  github: 'github.com',
  slack: 'slack.com',
  salesforce: 'login.salesforce.com',
  hubspot: 'app.hubspot.com',
  atlassian: 'auth.atlassian.com',
  dropbox: 'www.dropbox.com',
  zoom: 'zoom.us',
  box: 'account.box.com',
  okta: 'example.okta.com',
  auth0: 'example.auth0.com',
  gitlab: 'gitlab.com',
  keycloak: 'sso.example.com',
};

/** A plain authorization request for one scope: nothing about it but the scope can raise its risk. */
function oneScopeRequest(provider: NamedProvider, scope: string): AuthorizationRequest {
  return {
    provider,
    endpoint: 'authorize',
    url: `https://${HOSTS[provider]}/oauth/authorize`,
    host: HOSTS[provider],
    clientId: 'client-0001',
    scopes: [scope],
    scopeSources: {},
    redirectUri: 'https://app.example.com/callback',
    pkce: { method: 'S256' },
    offlineAccess: false,
    anomalies: [],
  };
}

const BREADTH_ORDER: readonly Breadth[] = ['selected', 'own', 'shared', 'organization'];

const arbitraryInfo: fc.Arbitrary<Facts> = fc.record({
  access: fc.subarray([...ACCESS_LEVELS], { minLength: 1 }),
  dataClasses: fc.subarray([...DATA_CLASSES]),
  breadth: fc.constantFrom(...BREADTHS),
  grantsOfflineAccess: fc.boolean(),
  source: fc.constantFrom<'catalog' | 'guess'>('catalog', 'guess'),
});

type Facts = Pick<ScopeInfo, 'access' | 'dataClasses' | 'breadth' | 'grantsOfflineAccess' | 'source'>;

function infoOf(facts: Facts): ScopeInfo {
  return { scope: 'x', catalog: 'generic', labels: [], description: 'A test scope.', ...facts };
}

const rank = (risk: RiskLevel): number => RISK_LEVELS.indexOf(risk);

describe('the risk rule, over every classification', () => {
  it('never rates reading alone critical, whatever the breadth or data', () => {
    fc.assert(
      fc.property(arbitraryInfo, (facts) => {
        const info = infoOf({ ...facts, access: facts.access.filter((a) => a === 'read' || a === 'identity') });
        if (info.access.length === 0) return;
        expect(scopeRisk(info)).not.toBe('critical');
      }),
    );
  });

  it('never lowers the risk when a scope gains access, data classes, breadth or persistence', () => {
    fc.assert(
      fc.property(arbitraryInfo, arbitraryInfo, (a, b) => {
        const narrow = infoOf(a);
        const breadthA = BREADTH_ORDER.indexOf(a.breadth);
        const breadthB = BREADTH_ORDER.indexOf(b.breadth);
        // `unknown` is not on the scale: compare only ordered breadths.
        if (breadthA < 0 || breadthB < 0) return;
        const wide = infoOf({
          access: [...new Set([...a.access, ...b.access])],
          dataClasses: [...new Set([...a.dataClasses, ...b.dataClasses])],
          breadth: BREADTH_ORDER[Math.max(breadthA, breadthB)] as Breadth,
          grantsOfflineAccess: a.grantsOfflineAccess || b.grantsOfflineAccess,
          source: a.source,
        });
        expect(rank(scopeRisk(wide))).toBeGreaterThanOrEqual(rank(scopeRisk(narrow)));
      }),
    );
  });

  it('rates a guess of unknown reach at least high, and sensitive data at least high unless limited to picked items', () => {
    fc.assert(
      fc.property(arbitraryInfo, fc.constantFrom(...SENSITIVE_DATA_CLASSES), (facts, sensitive) => {
        const info = infoOf({ ...facts, access: ['read'], dataClasses: [...facts.dataClasses, sensitive] });
        if (info.breadth === 'selected') expect(scopeRisk(info)).toBe('medium');
        else expect(rank(scopeRisk(info))).toBeGreaterThanOrEqual(rank('high'));
      }),
    );
  });
});

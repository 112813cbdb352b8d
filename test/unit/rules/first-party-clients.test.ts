/**
 * The first-party client list is data the ConsentFix rule trusts blindly, so each entry is checked for the shape of
 * its provider's ids and for a published source, and the rule is run against every entry through the real engine.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { clientKey } from '../../../lib/policy/scope-key';
import { FIRST_PARTY_CLIENTS, type FirstPartyClient } from '../../../lib/rules/shared/first-party-clients';
import { classify, NOW, request } from './request-fixtures';

/** Entra application ids are GUIDs; the list keeps them in lower case, the form Microsoft publishes. */
const MICROSOFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Google OAuth client ids: a project number, optionally a 32-character suffix, then the fixed domain. */
const GOOGLE_ID = /^[0-9]{6,}(-[a-z0-9]{32})?\.apps\.googleusercontent\.com$/;
/** A source is a repository file pinned to a commit, so the id can be found again, or a Microsoft Learn page. */
const PINNED_GITHUB_FILE = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\/\S+$/;
const MICROSOFT_LEARN_PAGE = /^https:\/\/learn\.microsoft\.com\/en-us\/\S+$/;

const FOCI_FILE =
  'https://github.com/secureworks/family-of-client-ids-research/blob/52c66c5415738e60c296fce15ada2fcb1845fe68/known-foci-clients.csv';

const policy = (() => {
  const parsed = parsePolicy({});
  if (!parsed.ok) throw new Error('the empty policy must parse');
  return compilePolicy(parsed.policy);
})();

function consentfixFindings(client: FirstPartyClient, clientId: string, redirectUri: string) {
  const authorize =
    client.provider === 'google'
      ? { url: 'https://accounts.google.com/o/oauth2/v2/auth', host: 'accounts.google.com' }
      : { url: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', host: 'login.microsoftonline.com' };
  const evaluation = evaluateRequest(request({ provider: client.provider, clientId, redirectUri, ...authorize }), policy, {
    now: NOW,
    classify,
  });
  return evaluation.findings.filter((finding) => finding.rule === 'consentfix');
}

const rows = FIRST_PARTY_CLIENTS.map((client) => [`${client.provider} ${client.name} ${client.clientId}`, client] as const);

describe('first-party client list', () => {
  it.each(rows)('%s has a well-formed id, a name and a published source', (_label, client) => {
    expect(client.clientId).toMatch(client.provider === 'google' ? GOOGLE_ID : MICROSOFT_ID);
    expect(['microsoft', 'google']).toContain(client.provider);
    expect(client.name.trim()).toBe(client.name);
    expect(client.name.length).toBeGreaterThan(2);
    expect(client.source === FOCI_FILE || PINNED_GITHUB_FILE.test(client.source) || MICROSOFT_LEARN_PAGE.test(client.source)).toBe(true);
  });

  it('lists each client once, comparing ids the way the rule does', () => {
    const keys = FIRST_PARTY_CLIENTS.map((client) => clientKey(client.provider, client.clientId));
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(repeated).toEqual([]);
  });

  it('holds every client of the pinned family-of-client-ids file, which lists 37', () => {
    expect(FIRST_PARTY_CLIENTS.filter((client) => client.source === FOCI_FILE)).toHaveLength(37);
  });

  // The apps people meet most, each checked by hand against its source.
  it.each([
    ['OneDrive', 'b26aadf8-566f-4478-926f-589f601d9c74'],
    ['OneDrive SyncEngine', 'ab9b8c07-8f02-4f72-87fa-80105867a763'],
    ['Microsoft Power BI', 'c0d2a505-13b8-4ae0-aa9e-cddd5eab0b12'],
    ['Microsoft Flow (Power Automate)', '57fcbcfa-7cee-4eb1-8b25-12d2030b4ee0'],
    ['Microsoft Planner', '66375f6b-983f-4c2c-9701-d680650f588f'],
    ['Outlook Lite', 'e9b154d0-7658-433b-bb25-6b8e0a8a7c59'],
    ['Yammer iPhone (Viva Engage)', 'a569458c-7f2b-45cb-bab9-b7dee514d112'],
    ['Microsoft Defender Platform', 'cab96880-db5b-4e15-90a7-f3f1d62ffe39'],
    ['Microsoft Defender for Mobile', 'dd47d17a-3194-4d86-bfd5-c6ae6f5651e3'],
    ['Microsoft Edge Enterprise New Tab Page', 'd7b530a4-7680-4c23-a8bf-c52c121d2e87'],
    ['Visual Studio (newer id)', '04f0c124-f2bc-4f59-8241-bf6df9866bbd'],
    ['Microsoft Azure Active Directory Connect', 'cb1056e2-e479-49de-ae31-7812af012ed8'],
    ['Microsoft Teams', '1fec8e78-bce4-4aaf-ab1b-5451cc387264'],
    ['Microsoft Office', 'd3590ed6-52b3-4102-aeff-aad2292ab01c'],
    ['Outlook Mobile', '27922004-5251-4030-b22d-91ecd9a37ea4'],
    ['Microsoft Authenticator App', '4813382a-8fa7-425e-ab75-3b753aab3abb'],
    ['Microsoft Intune Company Portal', '9ba1a5c7-f17a-4de9-a1f1-6178c8d51223'],
    ['Microsoft Azure CLI', '04b07795-8ddb-461a-bbee-02f9e1bf7b46'],
    ['Microsoft Azure PowerShell', '1950a258-227b-4e31-a9cf-717495945fc2'],
    ['gsutil', '909320924072.apps.googleusercontent.com'],
    ['clasp', '1072944905499-vm2v2i5dvn0a0d2o4ca36i1vge8cvbn0.apps.googleusercontent.com'],
    ['Firebase CLI', '563584335869-fgrhgmd47bqnekij5i8b5pr03ho849e6.apps.googleusercontent.com'],
  ])('includes %s', (_name, clientId) => {
    expect(FIRST_PARTY_CLIENTS.map((client) => client.clientId)).toContain(clientId);
  });
});

describe('consentfix over the whole list', () => {
  it.each(rows)('%s: a localhost redirect is reported, naming the app', (_label, client) => {
    const findings = consentfixFindings(client, client.clientId, 'http://localhost:8400/');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('high');
    expect(findings[0]!.message).toContain(client.name);
  });

  it.each(rows)('%s: its own https page is not reported', (_label, client) => {
    expect(consentfixFindings(client, client.clientId, 'https://login.microsoftonline.com/common/oauth2/nativeclient')).toEqual([]);
  });
});

describe('consentfix on a sample of the added clients', () => {
  const byId = (id: string): FirstPartyClient => {
    const client = FIRST_PARTY_CLIENTS.find((entry) => entry.clientId === id);
    if (client === undefined) throw new Error(`${id} is not in the list`);
    return client;
  };

  it.each([
    ['Power BI to 127.0.0.1', 'c0d2a505-13b8-4ae0-aa9e-cddd5eab0b12', 'http://127.0.0.1/'],
    ['Edge new tab page to [::1]', 'd7b530a4-7680-4c23-a8bf-c52c121d2e87', 'http://[::1]:5000/callback'],
    ['Visual Studio, new id, to localhost', '04f0c124-f2bc-4f59-8241-bf6df9866bbd', 'http://localhost/'],
    ['Azure AD Connect to 127.0.0.1 with a port', 'cb1056e2-e479-49de-ae31-7812af012ed8', 'http://127.0.0.1:49152/'],
    ["Graph Explorer, from Microsoft's table", 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', 'http://localhost:3000/'],
    ['Firebase CLI to localhost', '563584335869-fgrhgmd47bqnekij5i8b5pr03ho849e6.apps.googleusercontent.com', 'http://localhost:9005/'],
  ])('%s', (_name, id, redirectUri) => {
    const findings = consentfixFindings(byId(id), id, redirectUri);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(byId(id).name);
  });

  it('matches a Microsoft id written in capitals, since Entra compares GUIDs without case', () => {
    const client = byId('e9b154d0-7658-433b-bb25-6b8e0a8a7c59');
    expect(consentfixFindings(client, client.clientId.toUpperCase(), 'http://localhost:8400/')).toHaveLength(1);
  });

  it('does not take a Microsoft id for a Google client or the reverse', () => {
    const outlookLite = byId('e9b154d0-7658-433b-bb25-6b8e0a8a7c59');
    const clasp = byId('1072944905499-vm2v2i5dvn0a0d2o4ca36i1vge8cvbn0.apps.googleusercontent.com');
    expect(consentfixFindings({ ...outlookLite, provider: 'google' }, outlookLite.clientId, 'http://localhost/')).toEqual([]);
    expect(consentfixFindings({ ...clasp, provider: 'microsoft' }, clasp.clientId, 'http://localhost/')).toEqual([]);
  });
});

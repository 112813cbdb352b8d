/**
 * Everything that leaves the browser, built from real detections of authorization URLs full of secrets, through
 * the same functions the background and the pages use: none of the secret values may appear anywhere in what is
 * written out, while the facts a reviewer needs do.
 */
import { describe, expect, it } from 'vitest';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';
import { buildConsentEvent, buildOverlayView, buildReviewPrefill } from '../../../lib/background/flow-view';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import type { TabState } from '../../../lib/messages/protocol';
import { buildEventPayload, OPTIONAL_EVENT_FIELDS, toReportedEvent } from '../../../lib/reporting/event-payload';
import { exportEventsCsv, exportEventsJson } from '../../../lib/reporting/events-export';
import { buildReviewDeliveries } from '../../../lib/reporting/review-delivery';
import { buildReviewExport, exportReviewJson } from '../../../lib/review/export-json';
import { exportReviewMarkdown } from '../../../lib/review/export-markdown';
import type { ConsentEvent, ReviewRecord } from '../../../lib/storage/records';

/** Each secret is a distinctive value that can only have come from the one parameter it was put in. */
const SECRET = {
  state: 'STATE-b7e1c2f4a9',
  nonce: 'NONCE-4c8d2e91aa',
  loginHint: 'jane.doe.private@corp.example',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  idTokenHint: 'eyJhbGciOiJSUzI1NiJ9.IDTOKENHINT.c2ln',
  requestObject: 'eyJhbGciOiJub25lIn0.REQUESTOBJECT.',
  requestUri: 'urn:ietf:params:oauth:request_uri:PUSHED-6f1a',
  code: 'CODE-4%2F0AfJohXn',
  accessToken: 'ya29.ACCESSTOKEN-a0AfB',
  refreshToken: 'REFRESHTOKEN-1%2F%2F0g',
  unknown: 'UNKNOWN-PARAM-VALUE-77',
  redirectSession: 'REDIRECTSESSION-93ab',
  redirectFragment: 'REDIRECTFRAGMENT-41cd',
  sourcePath: 'settings-private-project-x',
  sourceQuery: 'INVITE-TOKEN-5e2f',
  fragmentToken: 'FRAGMENTTOKEN-88aa',
} as const;

/** The values as they may appear once decoded (a serialiser may write either form). */
const SECRET_VALUES = Object.values(SECRET).flatMap((value) => [value, decodeURIComponent(value)]);

const REDIRECT = `https://app.example/oauth/callback?session=${SECRET.redirectSession}#x=${SECRET.redirectFragment}`;
const SECRET_PARAMETERS =
  `&state=${SECRET.state}&nonce=${SECRET.nonce}&login_hint=${encodeURIComponent(SECRET.loginHint)}` +
  `&code_challenge=${SECRET.codeChallenge}&code_challenge_method=S256&id_token_hint=${SECRET.idTokenHint}` +
  `&request=${SECRET.requestObject}&request_uri=${encodeURIComponent(SECRET.requestUri)}&x_tracking=${SECRET.unknown}` +
  `&access_token=${SECRET.accessToken}&refresh_token=${SECRET.refreshToken}&code=${SECRET.code}`;

const REQUESTS: [string, string, { clientId: string; scope: string }][] = [
  [
    'Google with every secret parameter',
    `https://accounts.google.com/o/oauth2/v2/auth?client_id=1234-abc.apps.googleusercontent.com&response_type=code&scope=openid%20https://www.googleapis.com/auth/drive&redirect_uri=${encodeURIComponent(REDIRECT)}&access_type=offline&prompt=consent${SECRET_PARAMETERS}#frag=${SECRET.fragmentToken}`,
    { clientId: '1234-abc.apps.googleusercontent.com', scope: 'https://www.googleapis.com/auth/drive' },
  ],
  [
    'Microsoft with every secret parameter',
    `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=6731de76-14a6-49ae-97bc-6eba6914391e&response_type=code&scope=openid%20Mail.Read&redirect_uri=${encodeURIComponent(REDIRECT)}${SECRET_PARAMETERS}`,
    { clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', scope: 'Mail.Read' },
  ],
  [
    'a generic OpenID provider with a broken redirect URI',
    `https://id.example.org/oauth2/authorize?client_id=acme-crm&response_type=code&scope=openid%20contacts.write&redirect_uri=${encodeURIComponent(`/relative/cb?session=${SECRET.redirectSession}`)}${SECRET_PARAMETERS}`,
    { clientId: 'acme-crm', scope: 'contacts.write' },
  ],
];

const SOURCE_PAGE = `https://app.example/${SECRET.sourcePath}?invite=${SECRET.sourceQuery}#t=${SECRET.fragmentToken}`;
const NOW = Date.parse('2026-06-01T12:00:00.000Z');

function expectNoSecret(name: string, output: string): void {
  for (const value of SECRET_VALUES) expect(output, `${name} carries ${value}`).not.toContain(value);
}

/** Builds every outgoing payload from one detected request, as the background and the pages do. */
function outgoingPayloads(url: string): Record<string, string> {
  const parsed = parseAuthorizationUrl(url);
  if (!parsed.ok) throw new Error(`not detected: ${parsed.reason}`);
  const state: TabState = {
    flowId: 'flow-1',
    tabId: 7,
    capturedAt: NOW,
    request: parsed.request,
    sourceUrl: SOURCE_PAGE,
    facts: { appName: 'Acme CRM', publisher: 'acme.example' },
  };
  const view = buildOverlayView({ flowId: state.flowId, request: state.request, facts: state.facts }, defaultCompiledPolicy(), NOW);
  const review: ReviewRecord = {
    id: 'review-1',
    status: 'submitted',
    createdAt: '2026-06-01T12:00:00.000Z',
    updatedAt: '2026-06-01T12:05:00.000Z',
    submittedAt: '2026-06-01T12:05:00.000Z',
    prefill: buildReviewPrefill(state, view),
    answers: { toolName: 'Acme CRM', useCase: 'Sync contacts into the CRM.' },
  };
  const markdown = exportReviewMarkdown(review);
  const deliveries = buildReviewDeliveries(
    review,
    {
      webhookUrl: 'https://hooks.example/reviews',
      slackWebhookUrl: 'https://hooks.example/slack',
      email: 'security@corp.example',
      formUrl: 'https://forms.example/intake',
      formFields: Object.fromEntries(['appName', 'provider', 'clientId', 'scopes', 'risk', 'verdict', 'requestUrl', 'redirectUri', 'sourceUrl'].map((field) => [field, field])),
    },
    { markdown, json: buildReviewExport(review, new Date(NOW)).review },
  );
  const event: ConsentEvent = { ...buildConsentEvent(view, 'continued', NOW, 'Pilot, ticket SEC-12'), id: 1 };
  const reported = buildEventPayload([toReportedEvent(event, 'install-1', OPTIONAL_EVENT_FIELDS)], {
    installationId: 'install-1',
    extensionVersion: '1.0.0',
    now: new Date(NOW),
  });
  return {
    'review export JSON': exportReviewJson(review, new Date(NOW)),
    'review export Markdown': markdown,
    ...Object.fromEntries(deliveries.map((delivery) => [`review intake (${delivery.kind})`, 'body' in delivery ? delivery.body : decodeURIComponent(delivery.href)])),
    'events webhook': JSON.stringify(reported),
    'events export JSON': exportEventsJson([event], new Date(NOW)),
    'events export CSV': exportEventsCsv([event]),
  };
}

describe.each(REQUESTS)('what leaves the browser for %s', (_name, url, expected) => {
  const payloads = outgoingPayloads(url);

  it('builds every kind of outgoing payload', () => {
    expect(Object.keys(payloads).sort()).toEqual(
      [
        'events export CSV',
        'events export JSON',
        'events webhook',
        'review export JSON',
        'review export Markdown',
        'review intake (email)',
        'review intake (form)',
        'review intake (slack)',
        'review intake (webhook)',
      ].sort(),
    );
  });

  it.each(Object.keys(payloads))('%s carries no secret value', (name) => {
    expectNoSecret(name, payloads[name]!);
  });

  it('still tells the reviewer which app asked for what', () => {
    for (const name of ['review export JSON', 'review export Markdown', 'review intake (webhook)', 'events webhook']) {
      expect(payloads[name], name).toContain(expected.clientId);
      expect(payloads[name], name).toContain(expected.scope);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { buildReviewDeliveries, reviewFieldValue } from '../../../lib/reporting/review-delivery';
import type { ReviewRecord } from '../../../lib/storage/records';

const REVIEW: ReviewRecord = {
  id: 'r1',
  status: 'submitted',
  createdAt: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-01T10:10:00.000Z',
  submittedAt: '2026-06-01T10:10:00.000Z',
  prefill: {
    provider: 'google',
    clientId: '123.apps.googleusercontent.com',
    appName: 'Acme <CRM> & Co',
    scopes: [
      { scope: 'openid', description: 'Sign you in', access: ['identity'], dataClasses: [] },
      { scope: 'https://www.googleapis.com/auth/drive', description: 'See, edit and delete all your Drive files', access: ['read', 'write', 'delete'], dataClasses: ['files'] },
    ],
    offlineAccess: true,
    verdict: 'needs-review',
    risk: 'high',
    findings: [{ rule: 'sensitive-data', severity: 'high', message: 'Reads all your files.' }],
    requestUrl: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=123',
  },
  answers: { useCase: 'Sync <b>deals</b> to the CRM', systems: ['Drive', 'CRM'], owner: 'ana@example.com' },
};
const EXPORTS = { markdown: '# Review\n\nDetails', json: { id: 'r1' } };

describe('buildReviewDeliveries', () => {
  it('sends nothing when the policy names no intake', () => {
    expect(buildReviewDeliveries(REVIEW, {}, EXPORTS)).toEqual([]);
  });

  it('posts the versioned review JSON to a generic webhook', () => {
    const [delivery] = buildReviewDeliveries(REVIEW, { webhookUrl: 'https://hooks.example.com/reviews' }, EXPORTS);
    expect(delivery).toMatchObject({ kind: 'webhook', url: 'https://hooks.example.com/reviews', contentType: 'application/json' });
    expect(JSON.parse((delivery as { body: string }).body)).toEqual({ format: 'consent-gate/review', version: 1, review: { id: 'r1' } });
  });

  it('writes a Slack message with page and person text escaped', () => {
    const [delivery] = buildReviewDeliveries(REVIEW, { slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X' }, EXPORTS);
    const text = JSON.parse((delivery as { body: string }).body).text as string;
    expect(text).toContain('Acme &lt;CRM&gt; &amp; Co');
    expect(text).toContain('Sync &lt;b&gt;deals&lt;/b&gt; to the CRM');
    expect(text).toContain('• Reads all your files.');
    expect(text).not.toMatch(/<(?!\/)/);
  });

  it('drafts an email with the Markdown body, shortened for long reviews', () => {
    const long = { ...EXPORTS, markdown: 'x'.repeat(5000) };
    const [delivery] = buildReviewDeliveries(REVIEW, { email: 'security@example.com' }, long);
    const href = (delivery as { href: string }).href;
    expect(href.startsWith('mailto:security@example.com?subject=')).toBe(true);
    const body = decodeURIComponent(new URL(href).searchParams.get('body') ?? '');
    expect(body).toContain('Shortened for email');
    expect(body.length).toBeLessThan(2000);
  });

  it('prefills a form from prefill facts and answers', () => {
    const [delivery] = buildReviewDeliveries(
      REVIEW,
      { formUrl: 'https://forms.example.com/f/abc?usp=pp_url', formFields: { appName: 'entry.1', scopes: 'entry.2', useCase: 'entry.3', systems: 'entry.4', missing: 'entry.5' } },
      EXPORTS,
    );
    const url = new URL((delivery as { href: string }).href);
    expect(url.searchParams.get('usp')).toBe('pp_url');
    expect(url.searchParams.get('entry.1')).toBe('Acme <CRM> & Co');
    expect(url.searchParams.get('entry.2')).toBe('openid https://www.googleapis.com/auth/drive');
    expect(url.searchParams.get('entry.3')).toBe('Sync <b>deals</b> to the CRM');
    expect(url.searchParams.get('entry.4')).toBe('Drive, CRM');
    expect(url.searchParams.has('entry.5')).toBe(false);
  });

  it('delivers to every configured destination at once', () => {
    const kinds = buildReviewDeliveries(
      REVIEW,
      { webhookUrl: 'https://a.example/x', slackWebhookUrl: 'https://hooks.slack.com/services/1', email: 'a@b.example', formUrl: 'https://f.example/' },
      EXPORTS,
    ).map((d) => d.kind);
    expect(kinds).toEqual(['webhook', 'slack', 'email', 'form']);
  });
});

describe('reviewFieldValue', () => {
  it.each([
    ['appName', 'Acme <CRM> & Co'],
    ['provider', 'google'],
    ['risk', 'high'],
    ['verdict', 'needs-review'],
    ['owner', 'ana@example.com'],
    ['nothing', undefined],
  ])('%s -> %j', (field, expected) => {
    expect(reviewFieldValue(REVIEW, field)).toBe(expected);
  });

  it('falls back to the client id when the app has no name', () => {
    expect(reviewFieldValue({ ...REVIEW, prefill: { ...REVIEW.prefill, appName: '  ' } }, 'appName')).toBe('123.apps.googleusercontent.com');
  });
});

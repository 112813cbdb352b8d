import { describe, expect, it } from 'vitest';
import { parseSubmittedReview } from '../../../lib/decisions/submitted-review';
import { exportedJson, submittedRecord, webhookBody } from './decision-fixtures';

/** The delivered JSON, loosely typed so a test can break any part of it. */
interface LooseReview {
  version?: unknown;
  exportedAt?: unknown;
  review: { prefill: Record<string, unknown> };
}

function edit(text: string, change: (value: LooseReview) => void): string {
  const value = JSON.parse(text) as LooseReview;
  change(value);
  return JSON.stringify(value);
}

describe('parseSubmittedReview', () => {
  it.each([
    ['the review webhook body', webhookBody(submittedRecord()), 'webhook'],
    ['the exported JSON', exportedJson(submittedRecord()), 'export'],
    ['the exported JSON with a byte-order mark', `\uFEFF${exportedJson(submittedRecord())}`, 'export'],
  ])('reads %s', (_name, text, source) => {
    const parsed = parseSubmittedReview(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.review).toMatchObject({ source, id: 'rev-42', status: 'submitted', prefill: { provider: 'google', clientId: '1234-abc.apps.googleusercontent.com' } });
    expect(parsed.review.answers).toMatchObject({ owner: 'Dana Ops', backupOwner: 'Lee Sales', requestKind: 'pilot', testAccessDays: 14 });
  });

  const body = webhookBody(submittedRecord());
  it.each([
    ['text that is not JSON', '{"format": "consent-gate/review",', /not JSON/],
    ['an array', '[]', /no JSON object/],
    ['a consent-events payload', JSON.stringify({ format: 'consent-gate/events', version: 1, events: [] }), /format is "consent-gate\/events"/],
    ['no format', JSON.stringify({ review: {} }), /format is missing/],
    ['a newer version', edit(body, (value) => (value.version = 2)), /version 2 .* reads version 1/],
    ['a draft', webhookBody(submittedRecord({ status: 'draft' })), /review\.status is "draft": only a submitted review/],
    ['no client id', edit(body, (value) => delete value.review.prefill.clientId), /review\.prefill\.clientId/],
    ['an unknown provider', edit(body, (value) => (value.review.prefill.provider = 'myspace')), /review\.prefill\.provider/],
    ['an export without its timestamp format', edit(exportedJson(submittedRecord()), (value) => (value.exportedAt = 'yesterday')), /exportedAt/],
    ['no owner', webhookBody(submittedRecord({}, { owner: undefined })), /review\.answers\.owner/],
    ['the owner as backup owner', webhookBody(submittedRecord({}, { backupOwner: 'Dana Ops' })), /review\.answers\.backupOwner: The backup owner must be a different person/],
    ['a placeholder answer', webhookBody(submittedRecord({}, { cutOff: 'TBD' })), /review\.answers\.cutOff: Give a real answer/],
    ['a pilot without its days', webhookBody(submittedRecord({}, { testAccessDays: undefined })), /review\.answers\.testAccessDays/],
    ['an unknown data class', webhookBody(submittedRecord({}, { dataClasses: ['gossip'] })), /review\.answers\.dataClasses\.0/],
  ])('refuses %s with an error naming what is wrong', (_name, text, message) => {
    const parsed = parseSubmittedReview(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.join('\n')).toMatch(message);
  });

  it('lists every wrong answer at once', () => {
    const parsed = parseSubmittedReview(webhookBody(submittedRecord({}, { owner: '', cutOff: 'n/a', vendorOutage: 'shrug' })));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = parsed.errors.join('\n');
    for (const field of ['owner', 'cutOff', 'vendorOutage']) expect(text).toContain(`review.answers.${field}`);
  });
});

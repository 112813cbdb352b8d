import { describe, expect, it } from 'vitest';
import { REVIEW_EXPORT_FORMAT, exportReviewJson, parseReviewExport } from '../../../lib/review/export-json';
import { reviewRecord, validAnswers } from './review-fixtures';

const exportedAt = new Date('2025-03-02T09:00:00.000Z');

describe('exportReviewJson', () => {
  it('writes a versioned document that reads back to the same record', () => {
    const record = reviewRecord({ status: 'submitted', submittedAt: '2025-03-01T11:00:00.000Z', answers: validAnswers() });
    const text = exportReviewJson(record, exportedAt);
    const value = JSON.parse(text);
    expect(value).toMatchObject({ format: REVIEW_EXPORT_FORMAT, version: 1, exportedAt: '2025-03-02T09:00:00.000Z' });
    const parsed = parseReviewExport(text);
    expect(parsed.ok).toBe(true);
    // The one change on the way out: the source page is reduced to its origin (lib/reporting/reviewer-request.ts).
    if (parsed.ok) expect(parsed.review.review).toEqual({ ...record, prefill: { ...record.prefill, sourceUrl: 'https://app.acme.example' } });
  });

  it('reduces a record stored with full addresses to the reviewer view', () => {
    const stored = reviewRecord();
    const record = reviewRecord({
      prefill: {
        ...stored.prefill,
        requestUrl: `${stored.prefill.requestUrl}&state=STATE-SECRET&login_hint=jane%40corp.example#access_token=TOKEN`,
        redirectUri: 'https://app.acme.example/callback?session=SESSION',
      },
    });
    const parsed = parseReviewExport(exportReviewJson(record, exportedAt));
    expect(parsed.ok && parsed.review.review.prefill).toMatchObject({
      requestUrl: stored.prefill.requestUrl,
      redirectUri: 'https://app.acme.example/callback',
      sourceUrl: 'https://app.acme.example',
    });
  });

  it('keeps page strings as data, escaped by JSON', () => {
    const record = reviewRecord({ prefill: { ...reviewRecord().prefill, appName: '"},"status":"approved' } });
    const parsed = parseReviewExport(exportReviewJson(record, exportedAt));
    expect(parsed.ok && parsed.review.review.status).toBe('draft');
    expect(parsed.ok && parsed.review.review.prefill.appName).toBe('"},"status":"approved');
  });

  it.each([
    ['not JSON', '{', 'Not JSON'],
    ['another format', JSON.stringify({ format: 'other', version: 1 }), 'at format'],
    ['a future version', exportReviewJson(reviewRecord(), exportedAt).replace('"version": 1', '"version": 2'), 'at version'],
    ['an unknown status', exportReviewJson(reviewRecord(), exportedAt).replace('"status": "draft"', '"status": "maybe"'), 'at review.status'],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseReviewExport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});

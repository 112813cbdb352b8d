/** Submitted reviews exactly as the extension delivers them, built with the extension's own code. */
import { buildReviewDeliveries } from '../../../lib/reporting/review-delivery';
import { buildReviewExport, exportReviewJson } from '../../../lib/review/export-json';
import type { ReviewPrefill, ReviewRecord } from '../../../lib/storage/records';
import { googlePrefill, reviewRecord, validAnswers } from '../review/review-fixtures';

export const EXPORTED_AT = new Date('2026-12-01T12:00:00.000Z');

export const GOOGLE_REQUEST =
  'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234-abc.apps.googleusercontent.com&response_type=code&scope=openid+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcontacts&redirect_uri=https%3A%2F%2Fapp.acme.example%2Fcallback';

export function submittedRecord(overrides: Partial<ReviewRecord> = {}, answers: Record<string, unknown> = {}): ReviewRecord {
  return reviewRecord({
    id: 'rev-42',
    status: 'submitted',
    submittedAt: '2026-12-01T11:00:00.000Z',
    prefill: googlePrefill({ requestUrl: GOOGLE_REQUEST }),
    answers: validAnswers(answers),
    ...overrides,
  });
}

/** The review webhook's body (lib/background/review-intake.ts builds it the same way). */
export function webhookBody(record: ReviewRecord): string {
  const [delivery] = buildReviewDeliveries(record, { webhookUrl: 'https://hooks.example.com/reviews' }, { markdown: '', json: buildReviewExport(record, EXPORTED_AT).review });
  if (delivery?.kind !== 'webhook') throw new Error('no webhook delivery');
  return delivery.body;
}

export function exportedJson(record: ReviewRecord): string {
  return exportReviewJson(record, EXPORTED_AT);
}

export function prefillFor(provider: ReviewPrefill['provider'], clientId: string, requestUrl: string, scopes: string[]): ReviewPrefill {
  return googlePrefill({
    provider,
    clientId,
    requestUrl,
    scopes: scopes.map((scope) => ({ scope, description: scope, access: ['read'], dataClasses: [] })),
  });
}

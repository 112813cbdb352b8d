/**
 * A submitted review as the extension hands it to a reviewer, read back for a decision: the review webhook's body
 * (lib/reporting/review-delivery.ts: format, version, review) or the exported JSON file (lib/review/export-json.ts:
 * the same plus exportedAt). Both carry the record in the same shape, so one schema reads both. The answers are
 * checked again with the questionnaire's own submit schema: a decision rests on them, and a file that was edited by
 * hand or cut short must not become an approval with half its facts missing. Pure.
 */
import * as z from 'zod';
import { REVIEW_PAYLOAD_FORMAT, REVIEW_PAYLOAD_VERSION } from '../reporting/review-delivery';
import { REVIEW_EXPORT_FORMAT, REVIEW_EXPORT_VERSION, reviewExportSchema } from '../review/export-json';
import { submitAnswersSchema, type SubmittedAnswers } from '../review/questionnaire-schema';
import { errorMessage } from '../error-message';

type ReviewShape = z.infer<typeof reviewExportSchema>['review'];

export interface SubmittedReview {
  /** Which of the two documents the file was. */
  source: 'webhook' | 'export';
  id: string;
  status: ReviewShape['status'];
  submittedAt?: string;
  prefill: ReviewShape['prefill'];
  answers: SubmittedAnswers;
}

export type ParsedSubmittedReview = { ok: true; review: SubmittedReview } | { ok: false; errors: string[] };

/** The webhook body: the export's record without the export's own timestamp. */
const webhookSchema = z.object({
  format: z.literal(REVIEW_PAYLOAD_FORMAT),
  version: z.literal(REVIEW_PAYLOAD_VERSION),
  review: reviewExportSchema.shape.review,
});

/** Review states that carry complete answers; a draft may be half written. */
const DECIDABLE_STATUSES: ReadonlySet<string> = new Set(['submitted', 'approved', 'declined']);

function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return `${path === '' ? 'the top level' : path}: ${issue.message}`;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSubmittedReview(text: string): ParsedSubmittedReview {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [`The file is not JSON (${errorMessage(error)}).`] };
  }
  if (!isRecord(value)) return { ok: false, errors: ['The file holds no JSON object; a review is an object with "format", "version" and "review".'] };
  // Format and version first, each with its own message: a newer extension's review or another payload (consent
  // events go to a webhook too) should say so, not list every field that differs.
  if (value.format !== REVIEW_EXPORT_FORMAT) {
    const found = typeof value.format === 'string' ? `"${value.format}"` : 'missing';
    return { ok: false, errors: [`format is ${found}; a submitted review has format "${REVIEW_EXPORT_FORMAT}" (the review webhook's body or the exported JSON).`] };
  }
  if (value.version !== REVIEW_EXPORT_VERSION) {
    return {
      ok: false,
      errors: [`version ${JSON.stringify(value.version ?? null)} of ${REVIEW_EXPORT_FORMAT} is not one this tool reads (it reads version ${REVIEW_EXPORT_VERSION}); update Consent Gate's CLI.`],
    };
  }
  const isExport = 'exportedAt' in value;
  const parsed = isExport ? reviewExportSchema.safeParse(value) : webhookSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues, '') };
  const review = parsed.data.review;
  if (!DECIDABLE_STATUSES.has(review.status)) {
    return {
      ok: false,
      errors: [`review.status is "${review.status}": only a submitted review can be decided. Ask the requester to finish and submit it.`],
    };
  }
  const answers = submitAnswersSchema.safeParse(review.answers);
  if (!answers.success) return { ok: false, errors: describeIssues(answers.error.issues, 'review.answers') };
  return {
    ok: true,
    review: {
      source: isExport ? 'export' : 'webhook',
      id: review.id,
      status: review.status,
      ...(review.submittedAt === undefined ? {} : { submittedAt: review.submittedAt }),
      prefill: review.prefill,
      answers: answers.data,
    },
  };
}

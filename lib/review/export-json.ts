/**
 * A review as a versioned JSON document, for a ticket attachment or another tool. Version 1 carries the record
 * as stored, with its addresses reduced to the reviewer's view (lib/reporting/reviewer-request.ts) once more on the
 * way out, so a record written before that reduction existed leaks nothing either. A change of shape gets a new
 * version and `parseReviewExport` keeps reading the old ones.
 */
import * as z from 'zod';
import { PROVIDER_IDS } from '../authorization-request';
import { RISK_LEVELS, SEVERITIES, VERDICTS } from '../evaluation';
import { reduceReviewPrefill } from '../reporting/reviewer-request';
import { REVIEW_STATUSES, type ReviewRecord } from '../storage/records';
import { errorMessage } from '../error-message';

export const REVIEW_EXPORT_FORMAT = 'consent-gate/review';
export const REVIEW_EXPORT_VERSION = 1;

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  scopes: z.array(z.string()).optional(),
  blocks: z.boolean().optional(),
  requiresReview: z.boolean().optional(),
});

export const reviewExportSchema = z.object({
  format: z.literal(REVIEW_EXPORT_FORMAT),
  version: z.literal(REVIEW_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  review: z.object({
    id: z.string().min(1),
    status: z.enum(REVIEW_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
    prefill: z.object({
      provider: z.enum(PROVIDER_IDS),
      clientId: z.string(),
      appName: z.string().optional(),
      publisher: z.string().optional(),
      scopes: z.array(z.object({ scope: z.string(), description: z.string(), access: z.array(z.string()), dataClasses: z.array(z.string()) })),
      offlineAccess: z.boolean(),
      verdict: z.enum(VERDICTS),
      risk: z.enum(RISK_LEVELS),
      findings: z.array(findingSchema),
      requestUrl: z.string(),
      redirectUri: z.string().optional(),
      sourceUrl: z.string().optional(),
    }),
    answers: z.record(z.string(), z.unknown()),
  }),
});

export type ReviewExport = z.infer<typeof reviewExportSchema>;

export function buildReviewExport(record: ReviewRecord, exportedAt: Date): ReviewExport {
  return {
    format: REVIEW_EXPORT_FORMAT,
    version: REVIEW_EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    review: {
      id: record.id,
      status: record.status,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      ...(record.submittedAt ? { submittedAt: record.submittedAt } : {}),
      prefill: reduceReviewPrefill(record.prefill),
      answers: record.answers,
    },
  };
}

export function exportReviewJson(record: ReviewRecord, exportedAt: Date = new Date()): string {
  return `${JSON.stringify(buildReviewExport(record, exportedAt), null, 2)}\n`;
}

export type ParsedReviewExport = { ok: true; review: ReviewExport } | { ok: false; error: string };

/** Reads an exported review back; anything else is refused with the first reason. */
export function parseReviewExport(text: string): ParsedReviewExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not JSON: ${errorMessage(error)}` };
  }
  const result = reviewExportSchema.safeParse(value);
  if (result.success) return { ok: true, review: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `Not a Consent Gate review export at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
}

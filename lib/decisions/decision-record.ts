/**
 * The decision log: one JSON object per line (`decisions.jsonl`), appended by `decide` and kept in git beside the
 * policy, so the next review of an app starts from what was decided before and why. Versioned: a change of shape
 * gets a new version, and `parseDecisionLog` keeps reading the old ones. Pure.
 */
import * as z from 'zod';
import { PROVIDER_IDS } from '../authorization-request';
import { RISK_LEVELS, VERDICTS } from '../evaluation';
import { errorMessage } from '../error-message';

export const DECISION_LOG_FORMAT = 'consent-gate/decision';
export const DECISION_LOG_VERSION = 1;

export const DECISION_KINDS = ['approve', 'pilot', 'narrow', 'decline'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** What the decision did to the policy's approval of the app. */
export const APPROVAL_CHANGES = ['added', 'updated', 'unchanged', 'removed', 'none'] as const;
export const BLOCK_CHANGES = ['added', 'updated', 'unchanged', 'removed', 'none'] as const;

const text = z.string();
const stringList = z.array(z.string());

/** One approval field before and after; a side is absent when the field was not set. */
const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const decisionRecordSchema = z.object({
  format: z.literal(DECISION_LOG_FORMAT),
  version: z.literal(DECISION_LOG_VERSION),
  decidedAt: z.iso.datetime({ offset: true }),
  /** The calendar day the approval dates count from (`--today`). */
  decidedOn: z.iso.date(),
  decidedBy: text.optional(),
  decision: z.enum(DECISION_KINDS),
  reason: text.optional(),
  review: z.object({
    id: z.string().min(1),
    submittedAt: text.optional(),
    provider: z.enum(PROVIDER_IDS),
    clientId: z.string().min(1),
    host: text.optional(),
    appName: text.optional(),
    verdict: z.enum(VERDICTS),
    risk: z.enum(RISK_LEVELS),
    requestedScopes: stringList,
  }),
  /** The requester's answers in short: what the next reviewer of this app wants to see first. */
  answers: z.object({
    useCase: text,
    dataClasses: stringList,
    accessNeeded: text,
    dataCopy: text,
    accountType: text,
    secretsRotatable: text,
    requestKind: text,
    pilotScope: text.optional(),
    testAccessDays: z.number().optional(),
    owner: text,
    backupOwner: text,
    vendorOutage: text,
    breachRevoker: text,
  }),
  /** The approval as the policy now holds it; absent for a decline. */
  approval: z
    .object({
      scopes: stringList,
      userScopes: stringList.optional(),
      resources: stringList.optional(),
      kind: text.optional(),
      approvedOn: text.optional(),
      reviewBy: text.optional(),
      expiresOn: text.optional(),
    })
    .optional(),
  approvalChange: z.enum(APPROVAL_CHANGES),
  /** For an update or removal: every approval field that differs from the approval before the decision. */
  changes: z.array(fieldChangeSchema).optional(),
  scopesAdded: stringList.optional(),
  scopesRemoved: stringList.optional(),
  blockChange: z.enum(BLOCK_CHANGES),
  blockReason: text.optional(),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export type ParsedDecisionLog = { ok: true; records: DecisionRecord[] } | { ok: false; errors: string[] };

/**
 * Reads a whole log. Blank lines are allowed (a hand edit may leave one); any other line that is not a record is
 * an error with its line number, so a damaged log is repaired before anything is appended to it.
 */
export function parseDecisionLog(text: string): ParsedDecisionLog {
  const records: DecisionRecord[] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push(`line ${index + 1}: not JSON (${errorMessage(error)})`);
      continue;
    }
    const parsed = decisionRecordSchema.safeParse(value);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'the record' : issue.path.join('.');
    errors.push(`line ${index + 1}: not a ${DECISION_LOG_FORMAT} v${DECISION_LOG_VERSION} record (${where}: ${issue?.message ?? 'invalid'})`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

/** One record as a log line. */
export function formatDecisionRecord(record: DecisionRecord): string {
  return `${JSON.stringify(record)}\n`;
}

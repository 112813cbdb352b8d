/**
 * A reviewer's decision on a submitted review, worked out against the policy as it stands: the approval entry to
 * add or update (or remove, for a decline), the block entry to add, update or remove, and the decision-log record
 * that says what changed. The changes come back as edits at JSON paths, so the caller can apply them to the
 * admin's JSONC file without touching anything else in it (scripts/cli/edit-policy-text.ts). Pure.
 *
 * What the approval says comes from the review: the app and its scopes from the request the person saw (parsed
 * again from the reviewer's view of the URL, with the same parser the extension uses), owner, backup owner, data
 * classes and shutdown steps from the requester's answers, each overridable by the reviewer.
 */
import type { ProviderId } from '../authorization-request';
import { parseAuthorizationUrl } from '../parse-authorization-url';
import { approvalHostMatches, canonicalApprovalHost, hostBindingOf } from '../policy/host-binding';
import { approvalCoversScope } from '../policy/scope-coverage';
import { clientKey } from '../policy/scope-key';
import { ANY_CLIENT, type ApprovedIntegration, type BlockedIntegration, type Policy } from '../policy/schema';
import {
  DECISION_LOG_FORMAT,
  DECISION_LOG_VERSION,
  type DecisionKind,
  type DecisionRecord,
  type FieldChange,
} from './decision-record';
import type { SubmittedReview } from './submitted-review';

/** The source's "7-day or 14-day limit" for test access; the requester's own choice wins when it is shorter. */
export const DEFAULT_PILOT_DAYS = 14;
/** Every approval is checked again; 90 days is the longest of the source's temporary-exception spans. */
export const DEFAULT_REVIEW_DAYS = 90;

export interface DecisionOptions {
  decision: DecisionKind;
  /** The calendar day of the decision, YYYY-MM-DD. */
  today: string;
  now: Date;
  /** The scopes the reviewer allows: required for `narrow`, optional for `pilot`. */
  scopes?: readonly string[];
  owner?: string;
  backupOwner?: string;
  approvedBy?: string;
  decisionUrl?: string;
  notes?: string;
  /** YYYY-MM-DD: the approval's last day. A pilot without it ends after the requested test days. */
  expires?: string;
  /** YYYY-MM-DD: when the approval is checked again (default 90 days, never after the expiry). */
  reviewOn?: string;
  reason?: string;
  /** For `decline`: also add a block entry, so the app is refused, not just unapproved. */
  block?: boolean;
}

/** Set the value at `path` (or insert it into the array, or remove it when `value` is undefined). */
export interface PolicyEdit {
  path: (string | number)[];
  value: unknown;
  /** The last path segment is an array index to insert at (-1: the end). */
  insert?: boolean;
}

export type DecisionPlan =
  | { ok: true; edits: PolicyEdit[]; record: DecisionRecord; approval?: ApprovedIntegration }
  | { ok: false; errors: string[] };

const MS_PER_DAY = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  const time = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) + days * MS_PER_DAY;
  return new Date(time).toISOString().slice(0, 10);
}

interface RequestedGrant {
  host?: string;
  /** Every scope asked for, bot and user, in request order. */
  all: string[];
  scopes: string[];
  userScopes?: string[];
  resources?: string[];
}

/**
 * What the person was asked to grant. The prefill's scope list is flat; the request URL tells Slack's bot and user
 * scopes apart and names the host and the v1 resource, which an approval must carry to match.
 */
function requestedGrant(review: SubmittedReview): { ok: true; grant: RequestedGrant } | { ok: false; error: string } {
  const { prefill } = review;
  if (prefill.requestUrl === '') {
    // The extension keeps no URL it could not read; the prefill's scopes are then all there is.
    const all = prefill.scopes.map((entry) => entry.scope);
    return { ok: true, grant: { all, scopes: all } };
  }
  const parsed = parseAuthorizationUrl(prefill.requestUrl);
  if (!parsed.ok) return { ok: false, error: `review.prefill.requestUrl is not an authorization request (${parsed.reason}).` };
  const request = parsed.request;
  if (request.provider !== prefill.provider || clientKey(request.provider, request.clientId) !== clientKey(prefill.provider, prefill.clientId)) {
    return {
      ok: false,
      error: `review.prefill.requestUrl asks for ${request.provider} client "${request.clientId}", but the review names ${prefill.provider} client "${prefill.clientId}"; the file was changed after the extension wrote it.`,
    };
  }
  const userScopes = request.scopes.filter((scope) => request.scopeSources[scope] === 'user_scope');
  for (const scope of request.alsoUserScopes ?? []) if (!userScopes.includes(scope)) userScopes.push(scope);
  const scopes = request.scopes.filter((scope) => request.scopeSources[scope] !== 'user_scope');
  const binding = hostBindingOf(request.provider);
  const needsHost =
    binding.kind === 'required' ||
    binding.kind === 'recommended' ||
    // A default-host provider needs the host written down only where an approval without one would not match.
    (binding.kind === 'default-host' && !approvalHostMatches(request.provider, undefined, request.host));
  const resources = request.provider === 'microsoft' && request.endpointVariant === 'v1' && request.resource !== undefined ? [request.resource] : undefined;
  return {
    ok: true,
    grant: {
      ...(needsHost ? { host: request.host } : {}),
      all: request.scopes,
      scopes,
      ...(userScopes.length > 0 ? { userScopes } : {}),
      ...(resources === undefined ? {} : { resources }),
    },
  };
}

/** The reviewer's narrower set, split the way the request was; every scope must lie within what was asked. */
function narrowGrant(provider: ProviderId, grant: RequestedGrant, allowed: readonly string[]): { ok: true; grant: RequestedGrant } | { ok: false; error: string } {
  if (allowed.length === 0) return { ok: false, error: '--scopes names no scope; a decline is --decision decline.' };
  const outside = allowed.filter((scope) => !approvalCoversScope(provider, grant.all, scope));
  if (outside.length > 0) {
    return {
      ok: false,
      error: `--scopes may only narrow what was requested; not requested: ${outside.join(', ')} (requested: ${grant.all.join(' ') || 'none'}).`,
    };
  }
  const scopes = allowed.filter((scope) => approvalCoversScope(provider, grant.scopes, scope));
  const userScopes = allowed.filter((scope) => approvalCoversScope(provider, grant.userScopes ?? [], scope));
  const { userScopes: _requested, ...rest } = grant;
  return { ok: true, grant: { ...rest, all: [...allowed], scopes, ...(userScopes.length > 0 ? { userScopes } : {}) } };
}

function sameClient(provider: ProviderId, clientId: string, entry: { provider: ProviderId; clientId: string }): boolean {
  return entry.provider === provider && clientKey(entry.provider, entry.clientId) === clientKey(provider, clientId);
}

/**
 * The existing approval this decision replaces: the one for the same app on the same host, or, when the decision
 * binds a host, an approval of the same app that names none (it is narrowed to the host).
 */
function findApproval(approvals: readonly ApprovedIntegration[], provider: ProviderId, clientId: string, host: string | undefined): number {
  const wanted = canonicalApprovalHost(host);
  const exact = approvals.findIndex((entry) => sameClient(provider, clientId, entry) && canonicalApprovalHost(entry.host) === wanted);
  if (exact !== -1 || wanted === undefined) return exact;
  return approvals.findIndex((entry) => sameClient(provider, clientId, entry) && canonicalApprovalHost(entry.host) === undefined);
}

/** Approval fields a decision writes, in the order a new entry lists them. */
const ENTRY_ORDER = [
  'name',
  'provider',
  'clientId',
  'host',
  'kind',
  'scopes',
  'userScopes',
  'resources',
  'owner',
  'backupOwner',
  'approvedBy',
  'approvedOn',
  'reviewBy',
  'expiresOn',
  'dataClasses',
  'shutdown',
  'decisionUrl',
  'notes',
] as const satisfies readonly (keyof ApprovedIntegration)[];
type EntryField = (typeof ENTRY_ORDER)[number];

/** Fields every decision sets (undefined: removed); the others are set only when the decision has a value. */
const ALWAYS_WRITTEN: ReadonlySet<EntryField> = new Set(['kind', 'scopes', 'owner', 'backupOwner', 'approvedBy', 'approvedOn', 'reviewBy', 'expiresOn', 'dataClasses', 'shutdown']);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function approvalFields(review: SubmittedReview, grant: RequestedGrant, options: DecisionOptions, existing: ApprovedIntegration | undefined): Partial<Record<EntryField, unknown>> {
  const { answers, prefill } = review;
  const pilot = options.decision === 'pilot';
  const pilotDays = Math.min(answers.testAccessDays ?? DEFAULT_PILOT_DAYS, DEFAULT_PILOT_DAYS);
  const expiresOn = options.expires ?? (pilot ? addDays(options.today, pilotDays) : undefined);
  const defaultReview = addDays(options.today, DEFAULT_REVIEW_DAYS);
  // A review date after the approval has ended means nothing: check it again by the time it runs out.
  const reviewBy = options.reviewOn ?? (expiresOn !== undefined && expiresOn < defaultReview ? expiresOn : defaultReview);
  const pilotNote = pilot && answers.pilotScope !== undefined ? `Pilot: ${answers.pilotScope}` : undefined;
  return {
    // The name shown on the consent screen is what the look-alike rule compares; the requester's name is second.
    name: existing?.name ?? (prefill.appName?.trim() || answers.toolName),
    provider: prefill.provider,
    clientId: prefill.clientId,
    host: grant.host,
    kind: pilot ? 'pilot' : undefined,
    scopes: grant.scopes,
    userScopes: grant.userScopes,
    resources: grant.resources,
    owner: options.owner ?? answers.owner,
    backupOwner: options.backupOwner ?? answers.backupOwner,
    approvedBy: options.approvedBy ?? answers.approver,
    approvedOn: options.today,
    reviewBy,
    expiresOn,
    dataClasses: [...answers.dataClasses],
    shutdown: `Cut off: ${answers.cutOff} Data deletion: ${answers.dataDeletion}`,
    decisionUrl: options.decisionUrl,
    notes: options.notes ?? pilotNote,
  };
}

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (sameValue(before[field], after[field])) continue;
    changes.push({
      field,
      ...(before[field] === undefined ? {} : { before: before[field] }),
      ...(after[field] === undefined ? {} : { after: after[field] }),
    });
  }
  return changes;
}

function allScopes(entry: ApprovedIntegration | undefined): string[] {
  return entry === undefined ? [] : [...entry.scopes, ...(entry.userScopes ?? [])];
}

export function planDecision(review: SubmittedReview, policy: Policy, options: DecisionOptions): DecisionPlan {
  const { prefill, answers } = review;
  const requested = requestedGrant(review);
  if (!requested.ok) return { ok: false, errors: [requested.error] };
  let grant = requested.grant;
  if (options.scopes !== undefined) {
    const narrowed = narrowGrant(prefill.provider, grant, options.scopes);
    if (!narrowed.ok) return { ok: false, errors: [narrowed.error] };
    grant = narrowed.grant;
  }

  const edits: PolicyEdit[] = [];
  const approvals = policy.approvedIntegrations ?? [];
  const blocks = policy.blockedIntegrations ?? [];
  const approvalIndex = findApproval(approvals, prefill.provider, prefill.clientId, grant.host);
  const existing = approvalIndex === -1 ? undefined : approvals[approvalIndex];
  const blockIndex = blocks.findIndex((entry) => entry.clientId.trim() !== ANY_CLIENT && sameClient(prefill.provider, prefill.clientId, entry));
  const existingBlock = blockIndex === -1 ? undefined : blocks[blockIndex];

  let approval: ApprovedIntegration | undefined;
  let approvalChange: DecisionRecord['approvalChange'] = 'none';
  let changes: FieldChange[] = [];
  let blockChange: DecisionRecord['blockChange'] = 'none';

  if (options.decision === 'decline') {
    if (existing !== undefined) {
      edits.push({ path: ['approvedIntegrations', approvalIndex], value: undefined });
      approvalChange = 'removed';
      changes = fieldChanges(existing as Record<string, unknown>, {});
    }
    if (options.block === true) {
      const reason = options.reason;
      const name = prefill.appName?.trim() || answers.toolName;
      if (existingBlock === undefined) {
        const entry: BlockedIntegration = { provider: prefill.provider, clientId: prefill.clientId, name, ...(reason === undefined ? {} : { reason }) };
        edits.push(policy.blockedIntegrations === undefined ? { path: ['blockedIntegrations'], value: [entry] } : { path: ['blockedIntegrations', -1], value: entry, insert: true });
        blockChange = 'added';
      } else if (reason !== undefined && existingBlock.reason !== reason) {
        edits.push({ path: ['blockedIntegrations', blockIndex, 'reason'], value: reason });
        blockChange = 'updated';
      } else {
        blockChange = 'unchanged';
      }
    }
  } else {
    const fields = approvalFields(review, grant, options, existing);
    if (existing === undefined) {
      const entry = Object.fromEntries(ENTRY_ORDER.filter((field) => fields[field] !== undefined).map((field) => [field, fields[field]]));
      approval = entry as ApprovedIntegration;
      edits.push(policy.approvedIntegrations === undefined ? { path: ['approvedIntegrations'], value: [entry] } : { path: ['approvedIntegrations', -1], value: entry, insert: true });
      approvalChange = 'added';
    } else {
      const updated: Record<string, unknown> = { ...existing };
      for (const field of ENTRY_ORDER) {
        const value = fields[field];
        // Slack's user scopes are part of what is approved: a request without them takes them away.
        const written = ALWAYS_WRITTEN.has(field) || (field === 'userScopes' && prefill.provider === 'slack');
        if (value === undefined && !written) continue;
        if (sameValue(existing[field], value)) continue;
        edits.push({ path: ['approvedIntegrations', approvalIndex, field], value });
        if (value === undefined) delete updated[field];
        else updated[field] = value;
      }
      approval = updated as ApprovedIntegration;
      changes = fieldChanges(existing as Record<string, unknown>, updated);
      approvalChange = changes.length === 0 ? 'unchanged' : 'updated';
    }
    // An approved app that stays on the block list would still be refused (the blocked-client rule wins).
    if (existingBlock !== undefined) {
      edits.push({ path: ['blockedIntegrations', blockIndex], value: undefined });
      blockChange = 'removed';
    }
  }

  const before = allScopes(existing);
  const after = allScopes(approval);
  const scopesAdded = existing === undefined ? [] : after.filter((scope) => !before.includes(scope));
  const scopesRemoved = existing === undefined ? [] : before.filter((scope) => !after.includes(scope));
  const decidedBy = options.approvedBy ?? answers.approver;

  const record: DecisionRecord = {
    format: DECISION_LOG_FORMAT,
    version: DECISION_LOG_VERSION,
    decidedAt: options.now.toISOString(),
    decidedOn: options.today,
    decidedBy,
    decision: options.decision,
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    review: {
      id: review.id,
      ...(review.submittedAt === undefined ? {} : { submittedAt: review.submittedAt }),
      provider: prefill.provider,
      clientId: prefill.clientId,
      ...(requested.grant.host === undefined ? {} : { host: requested.grant.host }),
      ...(prefill.appName === undefined ? {} : { appName: prefill.appName }),
      verdict: prefill.verdict,
      risk: prefill.risk,
      requestedScopes: requested.grant.all,
    },
    answers: {
      useCase: answers.useCase,
      dataClasses: [...answers.dataClasses],
      accessNeeded: answers.accessNeeded,
      dataCopy: answers.dataCopy,
      accountType: answers.accountType,
      secretsRotatable: answers.secretsRotatable,
      requestKind: answers.requestKind,
      ...(answers.pilotScope === undefined ? {} : { pilotScope: answers.pilotScope }),
      ...(answers.testAccessDays === undefined ? {} : { testAccessDays: answers.testAccessDays }),
      owner: answers.owner,
      backupOwner: answers.backupOwner,
      vendorOutage: answers.vendorOutage,
      breachRevoker: answers.breachRevoker,
    },
    ...(approval === undefined
      ? {}
      : {
          approval: {
            scopes: [...approval.scopes],
            ...(approval.userScopes === undefined ? {} : { userScopes: [...approval.userScopes] }),
            ...(approval.resources === undefined ? {} : { resources: [...approval.resources] }),
            ...(approval.kind === undefined ? {} : { kind: approval.kind }),
            ...(approval.approvedOn === undefined ? {} : { approvedOn: approval.approvedOn }),
            ...(approval.reviewBy === undefined ? {} : { reviewBy: approval.reviewBy }),
            ...(approval.expiresOn === undefined ? {} : { expiresOn: approval.expiresOn }),
          },
        }),
    approvalChange,
    ...(changes.length === 0 ? {} : { changes }),
    ...(scopesAdded.length === 0 ? {} : { scopesAdded }),
    ...(scopesRemoved.length === 0 ? {} : { scopesRemoved }),
    blockChange,
    ...(options.decision === 'decline' && options.block === true && options.reason !== undefined ? { blockReason: options.reason } : {}),
  };
  return { ok: true, edits, record, ...(approval === undefined ? {} : { approval }) };
}

/** The key under which two decisions count as the same: one review, one outcome. */
function outcomeKey(record: DecisionRecord): string {
  const approval = record.approval;
  return JSON.stringify([
    record.review.id,
    record.decision,
    approval === undefined ? null : [[...approval.scopes].sort(), [...(approval.userScopes ?? [])].sort()],
    record.blockChange !== 'none',
  ]);
}

/** The earlier record of the same decision on the same review, if the log holds one. */
export function findDuplicateDecision(records: readonly DecisionRecord[], record: DecisionRecord): DecisionRecord | undefined {
  const key = outcomeKey(record);
  return records.find((earlier) => outcomeKey(earlier) === key);
}

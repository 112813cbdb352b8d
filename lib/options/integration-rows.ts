/**
 * The approved-integrations table of the options page: one row per approval with the risk of its approved scopes
 * (from the scope catalog) and how due its review and expiry are, sorted and filtered so admins recheck the
 * widest access first. Pure: the policy and today's date in, rows out.
 */
import type { ProviderId } from '../authorization-request';
import { RISK_LEVELS, type RiskLevel } from '../evaluation';
import { ANY_CLIENT, type IntegrationKind, type Policy } from '../policy/schema';
import { classifyScopes } from '../scopes/classify-scope';
import { scopeRisk } from '../scopes/scope-risk';
import { PROVIDER_NAMES } from '../strings/review';
import { dueStatus, moreUrgent, needsAttention, reminderWindowDays, type DueState, type DueStatus } from '../policy/due-status';

export interface IntegrationRow {
  /** Position in `approvedIntegrations`: a stable key, and where to look in the policy file. */
  index: number;
  /** The app name, or the client id when the policy names none. */
  name: string;
  provider: ProviderId;
  clientId: string;
  host?: string;
  kind: IntegrationKind;
  scopes: string[];
  /** The highest risk of the approved scopes; `low` for sign-in only or no scopes. */
  risk: RiskLevel;
  /** The approved scopes at that risk, so the table can say why. */
  riskiestScopes: string[];
  owner?: string;
  backupOwner?: string;
  reviewBy?: string;
  expiresOn?: string;
  review: DueStatus;
  expiry: DueStatus;
  /** The more urgent of review and expiry. */
  urgency: DueState;
  /** The sooner of the review date and the expiry, for "soonest due first". */
  nextDate?: string;
}

export interface BlockedRow {
  index: number;
  provider: ProviderId;
  clientId: string;
  /** Every client of the provider that is not approved (`clientId: "*"`). */
  anyClient: boolean;
  name?: string;
  reason?: string;
}

export const SORT_KEYS = ['name', 'provider', 'risk', 'owner', 'reviewBy', 'expiresOn'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** Widest access first; among equals, the soonest due. */
export const DEFAULT_SORT: SortOrder = { key: 'risk', direction: 'descending' };

export interface IntegrationFilter {
  /** Matched, case-insensitively, against name, client id, owner, backup owner, host and provider. */
  text: string;
  /** Empty for every provider. */
  provider: ProviderId | '';
  /** Only rows whose review or expiry is overdue or within the reminder window. */
  dueOnly: boolean;
}

export const NO_FILTER: IntegrationFilter = { text: '', provider: '', dueOnly: false };

export function buildIntegrationRows(policy: Pick<Policy, 'approvedIntegrations' | 'reminders'>, today: string): IntegrationRow[] {
  const windowDays = reminderWindowDays(policy);
  return (policy.approvedIntegrations ?? []).map((entry, index) => {
    const infos = classifyScopes(entry.provider, entry.scopes);
    let risk: RiskLevel = 'low';
    let riskiestScopes: string[] = [];
    for (const info of infos) {
      const level = scopeRisk(info);
      const order = RISK_LEVELS.indexOf(level) - RISK_LEVELS.indexOf(risk);
      if (order > 0) {
        risk = level;
        riskiestScopes = [info.scope];
      } else if (order === 0 && level !== 'low') riskiestScopes.push(info.scope);
    }
    const review = dueStatus(entry.reviewBy, today, windowDays);
    const expiry = dueStatus(entry.expiresOn, today, windowDays);
    const dates = [entry.reviewBy, entry.expiresOn].filter((date): date is string => date !== undefined).sort();
    return {
      index,
      name: entry.name ?? entry.clientId,
      provider: entry.provider,
      clientId: entry.clientId,
      host: entry.host,
      kind: entry.kind ?? 'production',
      scopes: [...entry.scopes],
      risk,
      riskiestScopes,
      owner: entry.owner,
      backupOwner: entry.backupOwner,
      reviewBy: entry.reviewBy,
      expiresOn: entry.expiresOn,
      review,
      expiry,
      urgency: moreUrgent(review.state, expiry.state),
      nextDate: dates[0],
    };
  });
}

export function buildBlockedRows(policy: Pick<Policy, 'blockedIntegrations'>): BlockedRow[] {
  return (policy.blockedIntegrations ?? []).map((entry, index) => ({
    index,
    provider: entry.provider,
    clientId: entry.clientId,
    anyClient: entry.clientId.trim() === ANY_CLIENT,
    name: entry.name,
    reason: entry.reason,
  }));
}

export function filterIntegrationRows(rows: readonly IntegrationRow[], filter: IntegrationFilter): IntegrationRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (filter.provider !== '' && row.provider !== filter.provider) return false;
    if (filter.dueOnly && !needsAttention(row.urgency)) return false;
    if (needle === '') return true;
    const haystack = [row.name, row.clientId, row.owner, row.backupOwner, row.host, row.provider, PROVIDER_NAMES[row.provider]];
    return haystack.some((value) => value !== undefined && value.toLowerCase().includes(needle));
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Comparable = string | number | undefined;

function valueOf(row: IntegrationRow, key: SortKey): Comparable {
  switch (key) {
    case 'name':
      return row.name;
    case 'provider':
      return PROVIDER_NAMES[row.provider];
    case 'risk':
      return RISK_LEVELS.indexOf(row.risk);
    case 'owner':
      return row.owner;
    case 'reviewBy':
      return row.reviewBy;
    case 'expiresOn':
      return row.expiresOn;
  }
}

/** Missing values (no owner, no date) go last in either direction: a blank is never the most urgent. */
function compareValues(a: Comparable, b: Comparable, direction: SortDirection): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return direction === 'ascending' ? order : -order;
}

/** The default order, also the tie-break for every other: risk descending, soonest due, then name. */
function compareDefault(a: IntegrationRow, b: IntegrationRow): number {
  return (
    compareValues(valueOf(a, 'risk'), valueOf(b, 'risk'), 'descending') ||
    compareValues(a.nextDate, b.nextDate, 'ascending') ||
    compareValues(a.name, b.name, 'ascending') ||
    a.index - b.index
  );
}

export function sortIntegrationRows(rows: readonly IntegrationRow[], order: SortOrder = DEFAULT_SORT): IntegrationRow[] {
  return [...rows].sort((a, b) => compareValues(valueOf(a, order.key), valueOf(b, order.key), order.direction) || compareDefault(a, b));
}

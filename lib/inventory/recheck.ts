/**
 * The periodic recheck of what is already approved: every approval with the risk of the scopes it allows, what is
 * due (expired, expiring within 14 days, review date passed or near, pilots and exceptions without an expiry,
 * approvals without any date), and, when the fleet's events are given, which approved apps nobody used lately.
 * Riskiest first, then the soonest date: "recheck older integrations, starting with the widest access". Pure.
 */
import type { ProviderId } from '../authorization-request';
import { RISK_LEVELS, type RiskLevel } from '../evaluation';
import { dueStatus } from '../policy/due-status';
import { daysBetween } from '../policy/iso-date';
import type { IntegrationKind, Policy } from '../policy/schema';
import { classifyScope } from '../scopes/classify-scope';
import { scopeRisk } from '../scopes/scope-risk';
import type { AppSummary } from './app-inventory';

/** "Expiring soon" for the recheck: two weeks, the longest pilot the source document allows. */
export const RECHECK_WINDOW_DAYS = 14;
export const DEFAULT_UNUSED_DAYS = 90;

export const DUE_REASONS = [
  'expired',
  'expiring',
  'review-passed',
  'review-due',
  'pilot-without-expiry',
  'exception-without-expiry',
  'no-dates',
  'never-used',
  'unused',
] as const;
export type DueReason = (typeof DUE_REASONS)[number];

export interface Due {
  reason: DueReason;
  /** The date behind it (expiry, review date, last use). */
  date?: string;
  /** Days from today to that date; negative once passed. */
  days?: number;
}

export interface Usage {
  /** Latest event for the approval, ISO time. */
  lastSeen: string;
  /** The most people any one of its apps (host) reached. */
  people: number;
  events: number;
}

export interface RecheckItem {
  /** Position in approvedIntegrations. */
  index: number;
  name: string | null;
  provider: ProviderId;
  clientId: string;
  host: string | null;
  kind: IntegrationKind;
  owner: string | null;
  backupOwner: string | null;
  approvedOn: string | null;
  reviewBy: string | null;
  expiresOn: string | null;
  /** The approved scopes, riskiest first. */
  scopes: { scope: string; risk: RiskLevel }[];
  /** The highest risk of the approved scopes (low for none). */
  risk: RiskLevel;
  due: Due[];
  /** Null when no events were given. */
  usage: Usage | null;
}

export interface RecheckOptions {
  today: string;
  /** The inventory of the events given, or undefined to leave usage out. */
  apps?: readonly AppSummary[];
  unusedDays?: number;
}

/** Per approval, what the events showed, from the inventory's rows (one per provider + client id + host). */
function usageByApproval(apps: readonly AppSummary[]): Map<number, Usage> {
  const usage = new Map<number, Usage>();
  for (const app of apps) {
    if (app.approvalIndex === null) continue;
    const known = usage.get(app.approvalIndex);
    if (known === undefined) usage.set(app.approvalIndex, { lastSeen: app.lastSeen, people: app.people, events: app.events });
    else {
      if (app.lastSeen > known.lastSeen) known.lastSeen = app.lastSeen;
      known.people = Math.max(known.people, app.people);
      known.events += app.events;
    }
  }
  return usage;
}

export function recheckApprovals(policy: Policy, options: RecheckOptions): RecheckItem[] {
  const { today } = options;
  const unusedDays = options.unusedDays ?? DEFAULT_UNUSED_DAYS;
  const usage = options.apps === undefined ? undefined : usageByApproval(options.apps);
  const items = (policy.approvedIntegrations ?? []).map((entry, index): RecheckItem => {
    const scopes = entry.scopes.map((scope) => ({ scope, risk: scopeRisk(classifyScope(entry.provider, scope)) }));
    scopes.sort((a, b) => RISK_LEVELS.indexOf(b.risk) - RISK_LEVELS.indexOf(a.risk) || (a.scope < b.scope ? -1 : 1));
    const kind = entry.kind ?? 'production';
    const due: Due[] = [];
    const expiry = dueStatus(entry.expiresOn, today, RECHECK_WINDOW_DAYS);
    if (expiry.state === 'overdue') due.push({ reason: 'expired', date: entry.expiresOn, days: expiry.days });
    else if (expiry.state === 'due-soon') due.push({ reason: 'expiring', date: entry.expiresOn, days: expiry.days });
    const review = dueStatus(entry.reviewBy, today, RECHECK_WINDOW_DAYS);
    if (review.state === 'overdue') due.push({ reason: 'review-passed', date: entry.reviewBy, days: review.days });
    else if (review.state === 'due-soon') due.push({ reason: 'review-due', date: entry.reviewBy, days: review.days });
    if (entry.expiresOn === undefined && kind === 'pilot') due.push({ reason: 'pilot-without-expiry' });
    if (entry.expiresOn === undefined && kind === 'exception') due.push({ reason: 'exception-without-expiry' });
    if (entry.expiresOn === undefined && entry.reviewBy === undefined && kind === 'production') due.push({ reason: 'no-dates' });
    const used = usage?.get(index);
    if (usage !== undefined) {
      if (used === undefined) due.push({ reason: 'never-used' });
      else {
        const idle = daysBetween(used.lastSeen.slice(0, 10), today);
        if (idle > unusedDays) due.push({ reason: 'unused', date: used.lastSeen.slice(0, 10), days: -idle });
      }
    }
    return {
      index,
      name: entry.name ?? null,
      provider: entry.provider,
      clientId: entry.clientId,
      host: entry.host ?? null,
      kind,
      owner: entry.owner ?? null,
      backupOwner: entry.backupOwner ?? null,
      approvedOn: entry.approvedOn ?? null,
      reviewBy: entry.reviewBy ?? null,
      expiresOn: entry.expiresOn ?? null,
      scopes,
      risk: scopes.reduce<RiskLevel>((highest, scope) => (RISK_LEVELS.indexOf(scope.risk) > RISK_LEVELS.indexOf(highest) ? scope.risk : highest), 'low'),
      due,
      usage: usage === undefined ? null : (used ?? null),
    };
  });
  return items.sort(compareRecheckItems);
}

/** The date that comes first: expiry or review date; undefined when the approval has neither. */
export function nextDate(item: RecheckItem): string | undefined {
  const dates = [item.expiresOn, item.reviewBy].filter((date): date is string => date !== null).sort();
  return dates[0];
}

/** Riskiest first; then the soonest date (approvals without one after those with one); then by position. */
export function compareRecheckItems(a: RecheckItem, b: RecheckItem): number {
  const byRisk = RISK_LEVELS.indexOf(b.risk) - RISK_LEVELS.indexOf(a.risk);
  if (byRisk !== 0) return byRisk;
  const [dateA, dateB] = [nextDate(a), nextDate(b)];
  if (dateA !== dateB) {
    if (dateA === undefined) return 1;
    if (dateB === undefined) return -1;
    return dateA < dateB ? -1 : 1;
  }
  return a.index - b.index;
}

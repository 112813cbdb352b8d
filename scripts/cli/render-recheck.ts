/**
 * The recheck in its three formats: Markdown ready to paste into a ticket (the default), CSV and JSON. Names and
 * owners come from the policy, which an admin wrote, but Markdown still escapes them as text only.
 */
import type { Due, RecheckItem } from '../../lib/inventory/recheck';
import { csvField } from '../../lib/reporting/events-export';
import { markdownCode, markdownInline } from '../../lib/review/markdown-text';

export const RECHECK_FORMATS = ['md', 'csv', 'json'] as const;
export type RecheckFormat = (typeof RECHECK_FORMATS)[number];

export interface RecheckReport {
  today: string;
  windowDays: number;
  /** Null when no events were given. */
  events: { count: number; from: string | null; to: string | null; unusedDays: number } | null;
  items: RecheckItem[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What is due, in words, with the step to take. */
export function describeDue(due: Due): string {
  const days = Math.abs(due.days ?? 0);
  switch (due.reason) {
    case 'expired':
      return `expired ${due.date} (${plural(days, 'day')} ago): renew with a new decision or remove`;
    case 'expiring':
      return `expires ${due.date} (in ${plural(days, 'day')}): renew or let it lapse`;
    case 'review-passed':
      return `review date ${due.date} passed ${plural(days, 'day')} ago: recheck now`;
    case 'review-due':
      return `review due ${due.date} (in ${plural(days, 'day')})`;
    case 'pilot-without-expiry':
      return 'pilot without an expiry: set expiresOn (7 or 14 days)';
    case 'exception-without-expiry':
      return 'exception without an expiry: every exception is temporary, set expiresOn';
    case 'no-dates':
      return 'no review date or expiry: set reviewBy';
    case 'never-used':
      return 'not used in the events given: candidate to remove';
    case 'unused':
      return `last used ${due.date} (${plural(days, 'day')} ago): candidate to remove`;
  }
}

function summary(report: RecheckReport): string {
  const counts = new Map<string, number>();
  for (const item of report.items) for (const due of item.due) counts.set(due.reason, (counts.get(due.reason) ?? 0) + 1);
  const needing = report.items.filter((item) => item.due.length > 0).length;
  const parts = [
    ['expired', 'expired'],
    ['expiring', `expiring within ${report.windowDays} days`],
    ['review-passed', 'review date passed'],
    ['review-due', `review due within ${report.windowDays} days`],
    ['pilot-without-expiry', 'without an expiry (pilot)'],
    ['exception-without-expiry', 'without an expiry (exception)'],
    ['no-dates', 'without any date'],
    ['never-used', 'not used in the events given'],
    ['unused', `unused for more than ${report.events?.unusedDays ?? 0} days`],
  ]
    .filter(([reason]) => (counts.get(reason as string) ?? 0) > 0)
    .map(([reason, label]) => `${counts.get(reason as string)} ${label}`);
  return `${plural(report.items.length, 'approval')}, ${needing} need${needing === 1 ? 's' : ''} action${parts.length === 0 ? '' : `: ${parts.join(', ')}`}.`;
}

const mdCode = (text: string): string => markdownCode(text).replaceAll('|', '\\|');
const mdText = (text: string | null): string => (text === null ? '-' : markdownInline(text));

function markdownRow(item: RecheckItem, withUsage: boolean): string {
  const app = `${mdText(item.name ?? item.clientId)}<br>${item.provider} ${mdCode(item.clientId)}${item.host === null ? '' : ` on ${mdCode(item.host)}`}`;
  const owners = `${mdText(item.owner)}${item.backupOwner === null ? '' : ` (backup ${mdText(item.backupOwner)})`}`;
  const scopes = item.scopes.slice(0, 4).map((scope) => `${mdCode(scope.scope)} ${scope.risk}`);
  if (item.scopes.length > 4) scopes.push(`\\+${item.scopes.length - 4} more`);
  const dates = `${item.reviewBy === null ? '' : `review ${item.reviewBy}`}${item.reviewBy !== null && item.expiresOn !== null ? '<br>' : ''}${item.expiresOn === null ? '' : `expires ${item.expiresOn}`}`;
  const usage = item.usage === null ? 'never' : `${item.usage.lastSeen.slice(0, 10)}, ${plural(item.usage.people, 'person').replace('persons', 'people')}`;
  const due = item.due.map(describeDue).join('<br>');
  const cells = [item.risk, app, item.kind, owners, dates === '' ? '-' : dates, ...(withUsage ? [usage] : []), due === '' ? '-' : due, scopes.join(', ') || '-'];
  return `| ${cells.join(' | ')} |`;
}

export function renderRecheckMarkdown(report: RecheckReport): string {
  const withUsage = report.events !== null;
  // Our own words, numbers and the policy's validated dates only: nothing to escape.
  const lines = [`# Recheck of approved integrations, ${report.today}`, '', summary(report), ''];
  if (report.events !== null) {
    const range = report.events.from === null ? 'no events' : `${plural(report.events.count, 'event')} from ${report.events.from.slice(0, 10)} to ${(report.events.to ?? '').slice(0, 10)}`;
    lines.push(`Usage from ${range}; unused means no event in the last ${report.events.unusedDays} days.`, '');
  }
  const header = `| Risk | App | Kind | Owner | Dates |${withUsage ? ' Last used |' : ''} Due | Approved scopes |`;
  const rule = `| --- | --- | --- | --- | --- |${withUsage ? ' --- |' : ''} --- | --- |`;
  const sections: [string, RecheckItem[]][] = [
    ['Needs action', report.items.filter((item) => item.due.length > 0)],
    ['Nothing due', report.items.filter((item) => item.due.length === 0)],
  ];
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    lines.push(`## ${title} (${items.length})`, '', header, rule, ...items.map((item) => markdownRow(item, withUsage)), '');
  }
  if (report.items.length === 0) lines.push('The policy approves no integrations.', '');
  return lines.join('\n');
}

export const RECHECK_CSV_COLUMNS = [
  'risk',
  'due',
  'name',
  'provider',
  'clientId',
  'host',
  'kind',
  'owner',
  'backupOwner',
  'approvedOn',
  'reviewBy',
  'expiresOn',
  'lastSeen',
  'people',
  'events',
  'scopes',
] as const;

export function renderRecheckCsv(report: RecheckReport): string {
  const lines = [RECHECK_CSV_COLUMNS.join(',')];
  for (const item of report.items) {
    const cells = [
      item.risk,
      item.due.map((due) => due.reason).join(' '),
      item.name ?? '',
      item.provider,
      item.clientId,
      item.host ?? '',
      item.kind,
      item.owner ?? '',
      item.backupOwner ?? '',
      item.approvedOn ?? '',
      item.reviewBy ?? '',
      item.expiresOn ?? '',
      item.usage?.lastSeen ?? '',
      item.usage === null ? '' : String(item.usage.people),
      item.usage === null ? '' : String(item.usage.events),
      item.scopes.map((scope) => scope.scope).join(' '),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function renderRecheckJson(report: RecheckReport): string {
  return `${JSON.stringify({ format: 'consent-gate/recheck', version: 1, ...report }, null, 2)}\n`;
}

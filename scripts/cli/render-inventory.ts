/**
 * The inventory in the four output formats: a terminal table, JSON (for scripts), CSV (for a spreadsheet) and
 * Markdown (for a ticket). App names and scopes come from consent pages and URLs, so each format escapes them its
 * own way: terminal escapes, CSV formula guards, Markdown text-only escaping.
 */
import type { AppSummary, InventoryTotals } from '../../lib/inventory/app-inventory';
import { csvField } from '../../lib/reporting/events-export';
import { markdownCode, markdownInline } from '../../lib/review/markdown-text';
import { renderTable, type TableCell } from './render-table';
import type { Colour, TerminalStyle } from './terminal-style';
import { escapeForTerminal } from './terminal-text';

export const INVENTORY_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

export const INVENTORY_REPORT_FORMAT = 'consent-gate/inventory';
export const INVENTORY_REPORT_VERSION = 1;

export interface InventoryReport {
  since: string | null;
  totals: InventoryTotals;
  /** Malformed events skipped (--skip-malformed). */
  malformedSkipped: number;
  apps: AppSummary[];
}

const RISK_COLOURS: Record<string, Colour> = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'green' };

const APPROVAL_LABELS: Record<AppSummary['approval'], string> = {
  approved: 'approved',
  'beyond-approval': 'more than approved',
  'not-approved': 'not approved',
  blocked: 'blocked',
  'no-policy': '-',
};

/** Review started or requested: both mean the person asked for a review. */
export const reviewsStarted = (app: AppSummary): number => app.actions['review-started'] + app.actions['review-requested'];

/** The riskiest scopes first, at most `limit`, then how many more. */
function scopeList(app: AppSummary, limit: number): string {
  const shown = app.scopes.slice(0, limit).map((scope) => `${scope.scope} (${scope.risk})`);
  const more = app.scopes.length - shown.length + app.scopesNotListed;
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(', ');
}

function summaryLine(report: InventoryReport): string {
  const { totals } = report;
  const parts = [`${totals.events} events`, `${totals.apps} apps`, `${totals.people} people`];
  if (report.since !== null) parts.push(`since ${report.since} (${totals.beforeSince} earlier events not counted)`);
  if (report.malformedSkipped > 0) parts.push(`${report.malformedSkipped} malformed events skipped`);
  return parts.join(', ');
}

export function renderInventoryJson(report: InventoryReport): string {
  return `${JSON.stringify({ format: INVENTORY_REPORT_FORMAT, version: INVENTORY_REPORT_VERSION, ...report }, null, 2)}\n`;
}

export const INVENTORY_CSV_COLUMNS = [
  'risk',
  'approval',
  'provider',
  'clientId',
  'host',
  'appName',
  'people',
  'events',
  'firstSeen',
  'lastSeen',
  'approved',
  'allowed',
  'needsReview',
  'blocked',
  'continued',
  'cancelled',
  'reviewStarted',
  'scopes',
  'unapprovedScopes',
] as const;

/** RFC 4180 with CRLF and a byte-order mark, like the options page's export (lib/reporting/events-export.ts). */
export function renderInventoryCsv(report: InventoryReport): string {
  const lines = [INVENTORY_CSV_COLUMNS.join(',')];
  for (const app of report.apps) {
    const cells = [
      app.risk,
      app.approval,
      app.provider,
      app.clientId,
      app.host ?? '',
      app.appName ?? '',
      String(app.people),
      String(app.events),
      app.firstSeen,
      app.lastSeen,
      String(app.verdicts.approved),
      String(app.verdicts.allowed),
      String(app.verdicts['needs-review']),
      String(app.verdicts.blocked),
      String(app.actions.continued),
      String(app.actions.cancelled),
      String(reviewsStarted(app)),
      app.scopes.map((scope) => scope.scope).join(' '),
      app.approval === 'no-policy' ? '' : app.scopes.filter((scope) => !scope.approved).map((scope) => scope.scope).join(' '),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A table cell's text: code spans cannot hold a pipe in GFM tables unless it is escaped. */
const mdCode = (text: string): string => markdownCode(text).replaceAll('|', '\\|');

export function renderInventoryMarkdown(report: InventoryReport): string {
  // Numbers and the validated --since date only: nothing to escape.
  const lines = ['# Apps in use', '', summaryLine(report), ''];
  if (report.apps.length === 0) {
    lines.push('No consent events.', '');
    return lines.join('\n');
  }
  lines.push(
    '| Risk | Approval | App | Provider | Client id | People | Events | First seen | Last seen | Continued | Cancelled | Review started | Riskiest scopes |',
    '| --- | --- | --- | --- | --- | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |',
  );
  for (const app of report.apps) {
    const name = app.appName === null ? '' : markdownInline(app.appName);
    const scopes = app.scopes.slice(0, 5).map((scope) => `${mdCode(scope.scope)} ${scope.risk}`);
    const more = app.scopes.length - scopes.length + app.scopesNotListed;
    if (more > 0) scopes.push(`\\+${more} more`);
    lines.push(
      `| ${app.risk} | ${APPROVAL_LABELS[app.approval]} | ${name} | ${app.provider} | ${mdCode(app.clientId)}${app.host === null ? '' : ` on ${mdCode(app.host)}`} | ${app.people} | ${app.events} | ${app.firstSeen.slice(0, 10)} | ${app.lastSeen.slice(0, 10)} | ${app.actions.continued} | ${app.actions.cancelled} | ${reviewsStarted(app)} | ${scopes.join(', ')} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

export function renderInventoryTable(report: InventoryReport, options: { width: number; style: TerminalStyle }): string {
  const lines = [summaryLine(report), ''];
  if (report.apps.length === 0) return `${lines[0]}\nNo consent events.\n`;
  const rows = report.apps.map((app): (TableCell | string)[] => [
    { text: app.risk, colour: RISK_COLOURS[app.risk] },
    APPROVAL_LABELS[app.approval],
    escapeForTerminal(app.appName ?? app.clientId),
    app.provider,
    String(app.people),
    String(app.events),
    app.lastSeen.slice(0, 10),
    `${app.actions.continued}/${app.actions.cancelled}/${reviewsStarted(app)}`,
    escapeForTerminal(scopeList(app, 3)),
  ]);
  const details = report.apps.map((app) => `${app.provider} client ${escapeForTerminal(app.clientId)}${app.host === null ? '' : ` on ${escapeForTerminal(app.host)}`}, first seen ${app.firstSeen.slice(0, 10)}`);
  lines.push(
    ...renderTable(
      [
        { header: 'Risk', maxWidth: 8 },
        { header: 'Approval', maxWidth: 18 },
        { header: 'App', maxWidth: 28 },
        { header: 'Provider', maxWidth: 10 },
        { header: 'People', maxWidth: 7 },
        { header: 'Events', maxWidth: 9 },
        { header: 'Last seen', maxWidth: 10 },
        { header: 'Cont/Canc/Rev', maxWidth: 13 },
        { header: 'Riskiest scopes', maxWidth: 80 },
      ],
      rows,
      { width: options.width, indent: '', style: options.style, details },
    ),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `scopes --human`: what each scope allows, as a table for a person at a terminal, with the plain sentence under
 * every scope. The words are those of the scope table of `explain`, plus where the answer came from, the scope's
 * own risk and whether it alone keeps access after the person leaves (OFFLINE).
 */
import type { ProviderId } from '../../lib/authorization-request';
import type { ScopeReport } from '../../lib/scopes/scope-report';
import { LABEL_NAMES, RISK_COLOURS, type RenderOptions } from './render-explanation';
import { MIN_LAST_COLUMN, renderTable, type TableCell, type TableColumn } from './render-table';
import { escapeForTerminal } from './terminal-text';

const NONE = '-';

// Short, fixed columns between the scope and the data classes, which come last because wrapping them costs least.
// The provider's label is rare and wordy, so it goes on the line under the scope, not in a column.
const FIXED_COLUMNS: readonly TableColumn[] = [
  { header: 'SOURCE', maxWidth: 7 },
  { header: 'RISK', maxWidth: 8 },
  { header: 'BREADTH', maxWidth: 12 },
  { header: 'ACCESS', maxWidth: 14 },
  { header: 'OFFLINE', maxWidth: 7 },
];
const INDENT = '  ';
const GAP = 2;

const DATA_COLUMN: TableColumn = { header: 'DATA', maxWidth: 40 };
const SCOPE_WIDTHS = { min: 12, max: 48 };

/**
 * The scope column takes what the other columns leave, so a row fits the terminal however long the scopes are
 * (Graph resource URLs run past 80 characters); a longer scope wraps. The data classes may wrap down to the
 * table's narrowest last column before the scope gives up more.
 */
function scopeColumnWidth(rows: readonly TableCell[][], width: number): number {
  const widest = (index: number, column: TableColumn): number =>
    Math.min(column.maxWidth, Math.max(column.header.length, ...rows.map((row) => (row[index] as TableCell).text.length)));
  const fixed = FIXED_COLUMNS.reduce((sum, column, index) => sum + widest(index + 1, column) + GAP, INDENT.length + GAP);
  const data = Math.min(MIN_LAST_COLUMN, widest(FIXED_COLUMNS.length + 1, DATA_COLUMN));
  return Math.max(SCOPE_WIDTHS.min, Math.min(SCOPE_WIDTHS.max, width - fixed - data));
}

export function renderScopeTable(provider: ProviderId, reports: readonly ScopeReport[], options: RenderOptions): string {
  const { style } = options;
  const guessed = reports.filter((report) => report.source === 'guess').length;
  const count = `${reports.length} ${reports.length === 1 ? 'scope' : 'scopes'}`;
  const lines = [style.bold(`Scopes of ${provider}: ${count}${guessed === 0 ? '' : `, ${guessed} not in the catalog (guessed)`}`)];
  if (reports.length === 0) return `${[...lines, '  None given.'].join('\n')}\n`;
  const rows = reports.map(scopeRow);
  lines.push(
    ...renderTable(
      [{ header: 'SCOPE', maxWidth: scopeColumnWidth(rows, options.width) }, ...FIXED_COLUMNS, DATA_COLUMN],
      rows,
      // The sentence is what an admin came for; it gets the full width under its scope rather than a narrow column.
      { width: options.width, indent: INDENT, style, details: reports.map(scopeMeaning) },
    ),
  );
  return `${lines.join('\n')}\n`;
}

function scopeRow(report: ScopeReport): TableCell[] {
  return [
    { text: escapeForTerminal(report.scope) },
    { text: report.source, colour: report.source === 'guess' ? 'yellow' : undefined },
    { text: report.risk, colour: RISK_COLOURS[report.risk] },
    { text: report.breadth },
    { text: report.access.join(', ') },
    { text: report.grantsOfflineAccess ? 'yes' : 'no' },
    { text: report.dataClasses.length === 0 ? NONE : report.dataClasses.join(', ') },
  ];
}

function scopeMeaning(report: ScopeReport): string {
  const parts = [report.source === 'catalog' ? report.description : `Guess: ${report.description}`];
  if (report.guessReason !== null) parts.push(`(${report.guessReason})`);
  if (report.labels.length > 0) parts.push(`Provider label: ${report.labels.map((label) => LABEL_NAMES[label]).join(', ')}.`);
  return escapeForTerminal(parts.join(' '));
}

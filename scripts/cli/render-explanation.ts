/**
 * `explain URL` (and `check --human URL`): one request explained for a person at a terminal: what is asked, what
 * each scope means, the verdict, the risk and why.
 */
import type { AuthorizationRequest, ParseResult } from '../../lib/authorization-request';
import type { Evaluation, RiskLevel, Severity, Verdict } from '../../lib/evaluation';
import { scopeDisplayName } from '../../lib/scopes/scope-display-name';
import type { ProviderLabel, ScopeInfo } from '../../lib/scopes/scope-info';
import { renderTable, type TableCell } from './render-table';
import type { Colour, TerminalStyle } from './terminal-style';
import { escapeForTerminal, wrapText } from './terminal-text';

export interface RenderOptions {
  style: TerminalStyle;
  /** Columns available; text wraps to fit. */
  width: number;
}

const VERDICT_COLOURS: Record<Verdict, Colour> = { approved: 'green', allowed: 'green', 'needs-review': 'yellow', blocked: 'red' };
export const RISK_COLOURS: Record<RiskLevel, Colour> = { low: 'green', medium: 'cyan', high: 'yellow', critical: 'red' };
const SEVERITY_COLOURS: Record<Severity, Colour> = { info: 'grey', warning: 'yellow', high: 'red', critical: 'magenta' };
export const LABEL_NAMES: Record<ProviderLabel, string> = {
  'google-sensitive': 'Google sensitive',
  'google-restricted': 'Google restricted',
  'microsoft-admin-consent': 'admin consent required',
};
const NONE = '-';

export function renderExplanation(input: string, parsed: ParseResult, evaluation: Evaluation | undefined, options: RenderOptions): string {
  const { style } = options;
  const lines: string[] = [];
  if (!parsed.ok) {
    lines.push(style.bold('Not an authorization request'), '');
    lines.push(...field('Input', input === '' ? '(empty line)' : input, options));
    lines.push(...field('Why', parsed.reason, options));
    return `${lines.join('\n')}\n`;
  }
  if (evaluation === undefined) throw new Error('an authorization request needs its evaluation to be explained');

  const { request } = parsed;
  const verdict = style.paint(style.bold(evaluation.verdict.toUpperCase()), VERDICT_COLOURS[evaluation.verdict]);
  const risk = style.paint(style.bold(evaluation.risk.toUpperCase()), RISK_COLOURS[evaluation.risk]);
  lines.push(`Verdict: ${verdict}   Risk: ${risk}`, '');
  lines.push(...describeRequest(request, evaluation, options), '');

  lines.push(style.bold(`Scopes requested (${evaluation.scopes.length})`));
  if (evaluation.scopes.length === 0) {
    lines.push('  None named in the URL.');
  } else {
    lines.push(
      ...renderTable(
        [
          { header: 'SCOPE', maxWidth: 48 },
          { header: 'ACCESS', maxWidth: 20 },
          { header: 'DATA', maxWidth: 28 },
          { header: 'BREADTH', maxWidth: 12 },
          { header: 'LABEL', maxWidth: 40 },
        ],
        evaluation.scopes.map((info) => scopeRow(request, info)),
        // The meaning is the point of the table: it gets a full-width line of its own under each scope.
        { width: options.width, indent: '  ', style, details: evaluation.scopes.map(scopeMeaning) },
      ),
    );
  }
  lines.push('');

  lines.push(style.bold(`Findings (${evaluation.findings.length})`));
  if (evaluation.findings.length === 0) {
    lines.push('  None.');
  } else {
    lines.push(
      ...renderTable(
        [
          { header: 'SEVERITY', maxWidth: 8 },
          { header: 'RULE', maxWidth: 26 },
          { header: 'WHY', maxWidth: 200 },
        ],
        evaluation.findings.map((finding): TableCell[] => [
          { text: finding.severity, colour: SEVERITY_COLOURS[finding.severity] },
          { text: finding.rule },
          { text: escapeForTerminal(`${finding.message}${finding.blocks === true ? ' (blocks)' : finding.requiresReview === true ? ' (needs review)' : ''}`) },
        ]),
        { width: options.width, indent: '  ', style },
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function describeRequest(request: AuthorizationRequest, evaluation: Evaluation, options: RenderOptions): string[] {
  const lines: string[] = [];
  lines.push(...field('Provider', request.endpoint === 'admin-consent' ? `${request.provider} (admin consent for the whole tenant)` : request.provider, options));
  if (request.impersonation !== undefined) {
    const { imitates, reason } = request.impersonation;
    lines.push(...field('Look-alike', `imitates ${imitates}: ${reason}`, options, 'red'));
  }
  lines.push(...field('Host', request.host, options));
  lines.push(...field('Client ID', request.clientId === '' ? '(empty)' : request.clientId, options));
  if (evaluation.approval !== undefined) {
    const name = evaluation.approval.name === undefined ? '' : `${evaluation.approval.name}, `;
    lines.push(...field('Approved as', `${name}entry ${evaluation.approval.index + 1} of the approved integrations`, options));
  }
  lines.push(...field('Tenant', request.tenant ?? NONE, options));
  lines.push(...field('Redirect URI', request.redirectUri ?? NONE, options));
  lines.push(...field('Response type', request.responseType ?? NONE, options));
  lines.push(...field('Prompt', request.prompt ?? NONE, options));
  lines.push(...field('PKCE', request.pkce === null ? 'no' : request.pkce.method, options));
  lines.push(...field('Offline access', request.offlineAccess ? 'yes: the app keeps access after you leave' : 'no', options));
  if (request.loginHint !== undefined) lines.push(...field('Login hint', request.loginHint, options));
  if (request.audience !== undefined) lines.push(...field('Audience', request.audience, options));
  if (request.resource !== undefined) lines.push(...field('Resource', request.resource, options));
  for (const anomaly of request.anomalies) lines.push(...field('Oddity', anomaly, options));
  return lines;
}

const LABEL_WIDTH = 16;

/** `  Label           value`, the value escaped and wrapped under itself. */
function field(label: string, value: string, options: RenderOptions, colour?: Colour): string[] {
  const indent = ' '.repeat(2 + LABEL_WIDTH);
  return wrapText(escapeForTerminal(value), options.width - indent.length).map((line, index) => {
    const text = colour === undefined ? line : options.style.paint(line, colour);
    return index === 0 ? `  ${label.padEnd(LABEL_WIDTH)}${text}` : `${indent}${text}`;
  });
}

function scopeMeaning(info: ScopeInfo): string {
  if (info.source === 'catalog') return escapeForTerminal(info.description);
  return escapeForTerminal(`Guess: ${info.description}${info.guessReason === undefined ? '' : ` (${info.guessReason})`}`);
}

/** Scopes by their short names (`gmail.readonly`); `check` prints the exact requested strings as JSON. */
function scopeRow(request: AuthorizationRequest, info: ScopeInfo): TableCell[] {
  return [
    { text: escapeForTerminal(scopeDisplayName(request.provider, info.scope)) },
    { text: info.access.join(', '), colour: info.access.includes('admin') || info.access.includes('delete') ? 'red' : info.access.includes('write') ? 'yellow' : undefined },
    { text: info.dataClasses.length === 0 ? NONE : info.dataClasses.join(', ') },
    { text: info.breadth },
    { text: info.labels.length === 0 ? NONE : info.labels.map((label) => LABEL_NAMES[label]).join(', ') },
  ];
}

import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../lib/policy/schema';
import { summarizePolicy } from '../../../scripts/cli/commands/validate';
import { renderPolicyProblems } from '../../../scripts/cli/load-policy';
import { createTerminalStyle } from '../../../scripts/cli/terminal-style';

const plain = createTerminalStyle(false);

describe('summarizePolicy', () => {
  it.each([
    { name: 'empty policy', policy: {}, lines: ['Approved integrations   0', 'Blocked integrations    0', 'Enforcement             warn (the default)', 'Rule settings           all defaults'] },
    {
      name: 'expired and due approvals',
      policy: {
        enforcement: 'acknowledge',
        approvedIntegrations: [
          { provider: 'github', clientId: 'a', scopes: ['repo'], expiresOn: '2026-01-01' },
          { provider: 'github', clientId: 'b', scopes: ['repo'], reviewBy: '2026-05-01' },
          { provider: 'github', clientId: 'c', scopes: ['repo'], expiresOn: '2026-06-15', reviewBy: '2026-06-15' },
        ],
        blockedIntegrations: [{ provider: 'slack', clientId: '*' }],
        rules: { 'offline-access': { action: 'block' }, 'narrow-scopes': { maxSystems: 5 } },
      },
      lines: [
        'Approved integrations   3 (1 expired, 1 past their review date as of 2026-06-15)',
        'Blocked integrations    1',
        'Enforcement             acknowledge',
        'Rule settings           offline-access: block, narrow-scopes',
      ],
    },
  ] satisfies { name: string; policy: Policy; lines: string[] }[])('$name', ({ policy, lines }) => {
    const text = summarizePolicy('p.json', policy, '2026-06-15', plain);
    expect(text.split('\n')[0]).toBe('p.json: the policy is valid.');
    for (const line of lines) expect(text).toContain(`  ${line}\n`);
  });
});

describe('renderPolicyProblems', () => {
  it('numbers every problem with its place, message and fix', () => {
    const text = renderPolicyProblems(
      'p.json',
      [
        { path: '$.enforcement', message: '"strict" is not allowed.', fix: 'Use warn.' },
        { path: '$.approvedIntegrations[0]', message: 'Line 4, column 28: Expected ",".', fix: 'Add a comma.', line: 4, column: 28 },
      ],
      plain,
    );
    expect(text).toBe(
      [
        'p.json: 2 problems; the policy is not valid.',
        '',
        '  1. $.enforcement',
        '     "strict" is not allowed.',
        '     Fix: Use warn.',
        '',
        '  2. p.json:4:28  $.approvedIntegrations[0]',
        '     Expected ",".',
        '     Fix: Add a comma.',
        '',
      ].join('\n'),
    );
  });

  it('escapes control characters from the file', () => {
    const text = renderPolicyProblems('p.json', [{ path: "$['\u001b[2J']", message: 'Unknown key "\u001b[2J".', fix: 'Remove it.' }], plain);
    expect(text).not.toContain('\u001b');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultCompiledPolicy } from '../../../lib/engine/default-policy';
import { judgeInput } from '../../../scripts/cli/check-input';
import { renderExplanation } from '../../../scripts/cli/render-explanation';
import { createTerminalStyle } from '../../../scripts/cli/terminal-style';

const NOW = new Date(2026, 5, 15, 12);
const plain = createTerminalStyle(false);

function explain(input: string, width = 100, colour = false): string {
  const { parsed, evaluation } = judgeInput(input, defaultCompiledPolicy(), NOW);
  return renderExplanation(input, parsed, evaluation, { style: createTerminalStyle(colour), width });
}

describe('renderExplanation', () => {
  it.each([
    {
      name: 'Google Drive with offline access',
      url: 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com&response_type=code&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive&access_type=offline',
      contains: ['Verdict: NEEDS-REVIEW', 'Risk: HIGH', '  drive  ', 'Google restricted', 'read, write, delete', 'files', 'Offline access  yes', 'offline-access'],
    },
    {
      name: 'Microsoft admin scope',
      url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&scope=Directory.ReadWrite.All',
      contains: ['Risk: CRITICAL', 'Tenant          contoso.onmicrosoft.com', 'admin consent required', 'organization', 'admin-scopes'],
    },
    {
      name: 'sign-in only',
      url: 'https://github.com/login/oauth/authorize?client_id=abc&scope=read:user%20user:email',
      contains: ['Verdict: ALLOWED', 'Risk: LOW', 'read:user', 'identity'],
    },
    {
      name: 'unknown scope, marked as a guess',
      url: 'https://id.example.net/oauth2/authorize?client_id=a&response_type=code&scope=openid%20reports.readonly',
      contains: ['reports.readonly', 'Guess: '],
    },
  ])('$name', ({ url, contains }) => {
    const text = explain(url);
    for (const part of contains) expect(text).toContain(part);
    expect(text).toContain('Scopes requested');
    expect(text).toContain('Findings');
    expect(text).not.toContain('\u001b[');
  });

  it.each([
    [
      'Google',
      'https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com&response_type=code&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.modify%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive',
      ['gmail.modify', 'drive'],
      'googleapis.com',
    ],
    [
      'Microsoft Graph',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&scope=openid%20https%3A%2F%2Fgraph.microsoft.com%2FMail.ReadWrite%20https%3A%2F%2Fgraph.microsoft.com%2FFiles.Read.All',
      ['Mail.ReadWrite', 'Files.Read.All'],
      'graph.microsoft.com',
    ],
  ])('names %s scopes by their short names, in the table and in the findings', (_provider, url, names, host) => {
    const text = explain(url, 120);
    for (const name of names) expect(text).toMatch(new RegExp(`^  ${name.replace('.', '\\.')} `, 'm'));
    expect(text).toContain(`"${names[0]}"`);
    expect(text).not.toContain(host);
  });

  it('explains why a URL is not an authorization request', () => {
    const text = explain('https://app.example.com/cb?code=abc&state=x');
    expect(text).toMatch(/^Not an authorization request/);
    expect(text).toContain('Why');
  });

  it('shows an empty line as such', () => {
    expect(explain('')).toContain('(empty line)');
  });

  // The tables' fixed columns need about 64 columns; anything from 80 up fits completely.
  it.each([80, 100, 120])('fits a %i-column terminal', (width) => {
    const text = explain(
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&redirect_uri=http%3A%2F%2Fapp.example.com%2Fcb&scope=openid%20offline_access%20Mail.ReadWrite%20Files.Read.All',
      width,
    );
    expect(text.split('\n').filter((line) => line.length > width)).toEqual([]);
    expect(text).toContain('Files.Read.All');
  });

  it('never lets the URL drive the terminal', () => {
    const text = explain('https://github.com/login/oauth/authorize?client_id=a%1B%5B2J%1B%5D0%3Bpwned%07&scope=repo%E2%80%AE');
    // Line feeds are the layout; every other control character must have been escaped.
    expect([...text].filter((character) => character !== '\n' && /[\p{Cc}\u202e]/u.test(character))).toEqual([]);
    expect(text).toContain('\\u001b[2J');
  });

  it('colours the verdict for a terminal', () => {
    const text = explain('https://github.com/login/oauth/authorize?client_id=abc&scope=admin:org', 100, true);
    expect(text).toContain('\u001b[33m');
    expect(text.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toContain('Verdict: NEEDS-REVIEW');
  });

  it('needs the evaluation of a request', () => {
    const { parsed } = judgeInput('https://github.com/login/oauth/authorize?client_id=abc&scope=repo', defaultCompiledPolicy(), NOW);
    expect(() => renderExplanation('x', parsed, undefined, { style: plain, width: 80 })).toThrow(/evaluation/);
  });
});

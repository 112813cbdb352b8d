import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../scripts/cli/render-table';
import { createTerminalStyle } from '../../../scripts/cli/terminal-style';

const plain = createTerminalStyle(false);

describe('renderTable', () => {
  it('aligns columns and wraps the last one to the width', () => {
    const lines = renderTable(
      [
        { header: 'SCOPE', maxWidth: 20 },
        { header: 'ACCESS', maxWidth: 10 },
        { header: 'MEANING', maxWidth: 100 },
      ],
      [
        ['openid', 'identity', 'Sign you in with your account.'],
        ['Mail.Read', 'read', 'Read all the mail in your mailbox, including attachments.'],
      ],
      { width: 55, indent: '  ', style: plain },
    );
    expect(lines).toEqual([
      '  SCOPE      ACCESS    MEANING',
      '  openid     identity  Sign you in with your account.',
      '  Mail.Read  read      Read all the mail in your',
      '                       mailbox, including attachments.',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(55);
  });

  it('wraps a cell wider than its column cap', () => {
    const lines = renderTable(
      [
        { header: 'SCOPE', maxWidth: 10 },
        { header: 'MEANING', maxWidth: 40 },
      ],
      [['https://graph.microsoft.com/Mail.Read', 'Read mail.']],
      { width: 80, indent: '', style: plain },
    );
    expect(lines).toEqual(['SCOPE       MEANING', 'https://gr  Read mail.', 'aph.micros', 'oft.com/Ma', 'il.Read']);
  });

  it('pads before colouring, so colour never shifts the columns', () => {
    const lines = renderTable(
      [
        { header: 'A', maxWidth: 10 },
        { header: 'B', maxWidth: 10 },
      ],
      [[{ text: 'x', colour: 'red' }, 'y']],
      { width: 80, indent: '', style: createTerminalStyle(true) },
    );
    expect(lines[1]).toBe('\u001b[31mx\u001b[39m  y');
  });

  it('keeps a readable last column on a very narrow terminal', () => {
    const lines = renderTable([{ header: 'A', maxWidth: 30 }, { header: 'B', maxWidth: 100 }], [['a'.repeat(30), 'word '.repeat(10).trim()]], {
      width: 20,
      indent: '',
      style: plain,
    });
    // The last column never shrinks below 24 characters, even if the line then overflows.
    expect(lines[1]).toBe(`${'a'.repeat(30)}  word word word word word`);
  });
});

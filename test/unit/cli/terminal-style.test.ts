import { describe, expect, it } from 'vitest';
import { createTerminalStyle, shouldUseColour } from '../../../scripts/cli/terminal-style';

describe('shouldUseColour', () => {
  it.each([
    { isTty: true, env: {}, colour: true },
    { isTty: true, env: { NO_COLOR: '1' }, colour: false },
    { isTty: true, env: { NO_COLOR: '' }, colour: true },
    { isTty: false, env: {}, colour: false },
    { isTty: undefined, env: {}, colour: false },
  ])('tty $isTty, env $env: $colour', ({ isTty, env, colour }) => {
    expect(shouldUseColour(isTty, env)).toBe(colour);
  });
});

describe('createTerminalStyle', () => {
  it.each([
    { colour: false, painted: 'x', bold: 'x' },
    { colour: true, painted: '\u001b[31mx\u001b[39m', bold: '\u001b[1mx\u001b[22m' },
  ])('colour $colour', ({ colour, painted, bold }) => {
    const style = createTerminalStyle(colour);
    expect(style.paint('x', 'red')).toBe(painted);
    expect(style.bold('x')).toBe(bold);
  });
});

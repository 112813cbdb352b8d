import { describe, expect, it } from 'vitest';
import { optionValue, parseArguments, type OptionSpec } from '../../../scripts/cli/parse-arguments';

const SPECS: OptionSpec[] = [
  { name: 'policy', valueName: 'FILE', description: 'policy' },
  { name: 'human', description: 'human' },
  { name: 'help', short: 'h', description: 'help' },
];

describe('parseArguments', () => {
  it.each([
    { argv: [], options: {}, positionals: [] },
    { argv: ['a', 'b'], options: {}, positionals: ['a', 'b'] },
    { argv: ['--policy', 'p.json', 'u'], options: { policy: 'p.json' }, positionals: ['u'] },
    { argv: ['--policy=p.json'], options: { policy: 'p.json' }, positionals: [] },
    { argv: ['--policy=a=b'], options: { policy: 'a=b' }, positionals: [] },
    { argv: ['--policy', 'a', '--policy', 'b'], options: { policy: 'b' }, positionals: [] },
    { argv: ['u', '--human'], options: { human: true }, positionals: ['u'] },
    { argv: ['-h'], options: { help: true }, positionals: [] },
    { argv: ['-'], options: {}, positionals: ['-'] },
    { argv: ['--', '--human', '-x'], options: {}, positionals: ['--human', '-x'] },
    { argv: ['https://a.test/?x=--policy'], options: {}, positionals: ['https://a.test/?x=--policy'] },
  ])('$argv', ({ argv, options, positionals }) => {
    const result = parseArguments(argv, SPECS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.options)).toEqual(options);
    expect(result.value.positionals).toEqual(positionals);
  });

  it.each([
    { argv: ['--polcy', 'x'], message: 'unknown option --polcy' },
    { argv: ['-x'], message: 'unknown option -x' },
    { argv: ['-hx'], message: 'unknown option -hx' },
    { argv: ['--policy'], message: '--policy needs a value (FILE)' },
    { argv: ['--human=yes'], message: '--human takes no value' },
  ])('refuses $argv', ({ argv, message }) => {
    expect(parseArguments(argv, SPECS)).toEqual({ ok: false, message });
  });

  it('reads option values and ignores switches', () => {
    const result = parseArguments(['--policy', 'p', '--human'], SPECS);
    if (!result.ok) throw new Error(result.message);
    expect(optionValue(result.value, 'policy')).toBe('p');
    expect(optionValue(result.value, 'human')).toBeUndefined();
    expect(optionValue(result.value, 'help')).toBeUndefined();
  });
});

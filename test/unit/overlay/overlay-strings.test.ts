import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlayStrings } from '../../../lib/strings/overlay';

const COMPONENT_DIR = resolve(import.meta.dirname, '../../../components/overlay');
const componentFiles = readdirSync(COMPONENT_DIR).filter((file) => file.endsWith('.tsx'));

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('user-facing overlay text lives in lib/strings/overlay.ts', () => {
  it.each(componentFiles)('%s has no words written between JSX tags', (file) => {
    const source = withoutComments(readFileSync(resolve(COMPONENT_DIR, file), 'utf8'));
    // Text between a closing `>` and the next `<` or `{` that contains a letter is untranslatable JSX text.
    const literals = [...source.matchAll(/(?<!=)>([^<>{}]*)[<{]/g)]
      .map((match) => match[1]?.trim() ?? '')
      .filter((text) => /\p{L}{2,}/u.test(text) && !/[=;()]|=>|&&/.test(text));
    expect(literals).toEqual([]);
  });

  it.each(componentFiles)('%s sets no aria-label or title from a literal', (file) => {
    const source = withoutComments(readFileSync(resolve(COMPONENT_DIR, file), 'utf8'));
    expect(source).not.toMatch(/(aria-label|title|placeholder)="[^"]*\p{L}/u);
  });

  it('has no empty strings', () => {
    const walk = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(walk) : [];
    for (const text of walk(overlayStrings)) expect(text.trim().length).toBeGreaterThan(0);
  });
});

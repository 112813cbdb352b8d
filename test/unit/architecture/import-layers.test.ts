/**
 * The imports of lib/ run one way. A circle (policy compiling with the rules while the rules read the compiled
 * policy back) makes load order matter and hides which module owns what; an import from a pure layer up into the
 * engine or the background drags browser code into the CLI and the tests. These checks read the real imports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph, REPOSITORY, resolveImport, sourceFilesUnder } from './import-graph';

const SOURCE_FOLDERS = ['lib', 'components', 'entrypoints', 'scripts'];
const graph = importGraph(SOURCE_FOLDERS.flatMap(sourceFilesUnder));

/** The pure layers that the engine is built on: none of them may reach up to the engine or the browser side. */
const BELOW_THE_ENGINE = [
  'lib/authorization-request.ts',
  'lib/evaluation.ts',
  'lib/parse-authorization-url.ts',
  'lib/authorization-url/',
  'lib/hosts/',
  'lib/providers/',
  'lib/scopes/',
  'lib/policy/',
  'lib/rules/',
];
const BROWSER_SIDE = ['lib/background/', 'lib/storage/', 'lib/messages/', 'lib/ui-stores/', 'components/', 'entrypoints/'];

// [files that import, files they must never import, why]
const FORBIDDEN: [readonly string[], readonly string[], string][] = [
  [['lib/policy/'], ['lib/rules/', 'lib/engine/'], 'the policy is data and its types; the engine applies the rules to it'],
  [BELOW_THE_ENGINE, ['lib/engine/'], 'the engine sits on top of these layers'],
  [BELOW_THE_ENGINE, BROWSER_SIDE, 'these layers are pure and run in the CLI as well'],
  [['lib/engine/'], BROWSER_SIDE, 'the engine is pure and runs in the CLI as well'],
  [['lib/'], ['components/', 'entrypoints/', 'scripts/', 'test/'], 'lib/ is the bottom of the extension and the CLI'],
];

function under(file: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix)));
}

describe('the import graph reader', () => {
  it.each([
    ['lib/engine/compile-policy.ts', '../rules', 'lib/rules/index.ts'],
    ['lib/engine/compile-policy.ts', '../policy/compiled-policy', 'lib/policy/compiled-policy.ts'],
    ['components/popup/Popup.tsx', '@/lib/evaluation', 'lib/evaluation.ts'],
    ['components/popup/Popup.tsx', 'preact', undefined],
    ['lib/policy/json-schema.ts', './policy.schema.json', undefined],
    ['lib/policy/schema.ts', './no-such-file', undefined],
  ])('resolves %s importing %s to %s', (from, specifier, expected) => {
    expect(resolveImport(from, specifier)).toBe(expected);
  });

  it.each([
    ['one way', { a: ['b'], b: ['c'], c: [] }, []],
    ['a circle of three', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c']]],
    ['a file importing itself', { a: ['a'], b: [] }, [['a']]],
    ['two separate circles', { a: ['b'], b: ['a'], c: ['d'], d: ['c'] }, [['a', 'b'], ['c', 'd']]],
    ['an import of a file outside the graph', { a: ['zod'] }, []],
  ])('finds the circles of a graph that runs %s', (_name, edges, expected) => {
    const circles = importCircles(new Map(Object.entries(edges)));
    expect(circles.sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual(expected);
  });

  it('reads the real imports of a file, type-only ones included', () => {
    expect(graph.get('lib/rules/shared/rule.ts')).toContain('lib/policy/compiled-policy.ts');
    expect(graph.get('lib/engine/compile-policy.ts')).toContain('lib/rules/index.ts');
  });
});

describe('the layering of lib/', () => {
  it('has no import circle in the extension, the CLI or lib/', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it.each(FORBIDDEN)('%j never imports %j: %s', (importers, forbidden) => {
    const wrongWay: string[] = [];
    for (const [file, targets] of graph) {
      if (!under(file, importers)) continue;
      for (const target of targets) if (under(target, forbidden)) wrongWay.push(`${file} -> ${target}`);
    }
    expect(wrongWay).toEqual([]);
  });

  it('keeps lib/background to the background: no other part of lib/ imports it', () => {
    const wrongWay = [...graph]
      .filter(([file]) => file.startsWith('lib/') && !file.startsWith('lib/background/'))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('lib/background/')).map((t) => `${file} -> ${t}`));
    expect(wrongWay).toEqual([]);
  });

  // The rules read a compiled policy through these types; a value here would be code the rules load from the
  // policy's side, and a way back for the circle.
  it('keeps lib/policy/compiled-policy.ts to types', () => {
    const file = 'lib/policy/compiled-policy.ts';
    const source = ts.createSourceFile(file, readFileSync(join(REPOSITORY, file), 'utf8'), ts.ScriptTarget.Latest);
    const notTypes = source.statements
      .filter(
        (statement) =>
          !(ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) &&
          !ts.isInterfaceDeclaration(statement) &&
          !ts.isTypeAliasDeclaration(statement),
      )
      .map((statement) => statement.getText(source).split('\n')[0]);
    expect(notTypes).toEqual([]);
  });
});

/**
 * Reads the import graph of the repository's own TypeScript, for the layering test beside it. The TypeScript
 * compiler's own pre-processor finds every import, `export ... from` and `import()` (type-only ones too), so a
 * comment or a string that merely looks like an import is never counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const REPOSITORY = resolve(import.meta.dirname, '../../..');

const SOURCE_FILE = /\.(ts|tsx)$/;
// The order a bundler tries: the name as written, then with an extension, then a folder's index.
const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Repository-relative paths, with `/`, of every .ts/.tsx file under `folder`. */
export function sourceFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (absolute: string): void => {
    for (const name of readdirSync(absolute)) {
      const path = join(absolute, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE_FILE.test(name)) files.push(toRepositoryPath(path));
    }
  };
  walk(join(REPOSITORY, folder));
  return files.sort();
}

function toRepositoryPath(absolute: string): string {
  return relative(REPOSITORY, absolute).split(sep).join('/');
}

/**
 * The repository file an import names, or undefined for a package (`zod`, `wxt/browser`) or a non-source file. `@/`
 * is the project's alias for the repository root (WXT's default).
 */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = join(REPOSITORY, specifier.slice(2));
  else if (specifier.startsWith('./') || specifier.startsWith('../')) base = resolve(REPOSITORY, dirname(fromFile), specifier);
  else return undefined;
  for (const suffix of CANDIDATE_SUFFIXES) {
    const candidate = base + suffix;
    if (SOURCE_FILE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return toRepositoryPath(candidate);
  }
  return undefined;
}

/** What each file imports, as repository files. An import that names no file of the repository is left out. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(REPOSITORY, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set<string>();
    for (const imported of importedFiles) {
      const target = resolveImport(file, imported.fileName);
      if (target !== undefined) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * Every import circle among the graph's files, each as the files of one strongly connected component (Tarjan's
 * algorithm), plus any file that imports itself. Empty when the imports run one way.
 */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let next = 0;

  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) circles.push(component.sort());
    }
  };

  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

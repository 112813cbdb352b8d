/**
 * Authorization URLs from the test fixtures (test/fixtures/authorization-urls/), so the benchmark also judges what
 * real client libraries produce. Reads .txt (one URL a line), .jsonl and .json files, taking every string that is
 * a URL or sits under a `url` or `input` key. Returns nothing when the folder does not exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function loadFixtureUrls(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const urls: string[] = [];
  for (const file of listFiles(folder)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.txt')) {
      urls.push(...text.split(/\r?\n/).filter((line) => /^https?:\/\//i.test(line)));
    } else if (file.endsWith('.jsonl')) {
      for (const line of text.split(/\r?\n/)) if (line.trim() !== '') collect(JSON.parse(line), urls, undefined);
    } else if (file.endsWith('.json')) {
      collect(JSON.parse(text), urls, undefined);
    }
  }
  return [...new Set(urls)];
}

function listFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

// `undefined`: a bare string at the top level or in a top-level array.
const URL_KEYS: ReadonlySet<string | undefined> = new Set([undefined, 'url', 'urls', 'input', 'inputs']);

function collect(value: unknown, urls: string[], key: string | undefined): void {
  if (typeof value === 'string') {
    if (URL_KEYS.has(key) && /^https?:\/\//i.test(value)) urls.push(value);
  } else if (Array.isArray(value)) {
    // Items inherit their array's key, so a `scopes` list of Google scope URLs is not taken for requests.
    for (const item of value) collect(item, urls, key);
  } else if (typeof value === 'object' && value !== null) {
    for (const [childKey, child] of Object.entries(value)) collect(child, urls, childKey);
  }
}

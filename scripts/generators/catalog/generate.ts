/**
 * Regenerates lib/scopes/generated/*.ts from the scope lists providers publish in their own npm packages.
 *
 *   npm ci --prefix scripts/generators/catalog --ignore-scripts   (once; the locked packages, see inputs/SOURCES.md)
 *   npx tsx scripts/generators/catalog/generate.ts       (from the repository root)
 *   npx tsx scripts/generators/catalog/generate.ts microsoft.ts   (one output file only)
 *
 * Sources (all read as files; nothing here runs at extension run time):
 * - Microsoft Graph + SharePoint delegated permissions: Microsoft's service-principal exports committed in
 *   ./inputs, read and classified by ./microsoft.ts.
 * - The other Microsoft resources (Exchange Online, Azure, Dynamics, Power BI, Azure DevOps, ...): the permission
 *   lists committed in ./inputs, classified by ./microsoft-resources.ts.
 * - Google: every scope of Google's API discovery documents and Google's restricted and sensitive lists, committed
 *   in ./inputs, read and classified by ./google.ts.
 * - Slack: the BotScope and UserScope unions of the app-manifest types in @slack/web-api.
 * - Atlassian: the scope list of @forge/manifest, committed in ./inputs, read and classified by ./atlassian.ts.
 * - Dropbox: the `scope:` lines of the Dropbox SDK's route documentation.
 * - Zoom Phone: the scopes of Zoom's Phone and Number Management OpenAPI specs, committed in ./inputs, read and
 *   classified by ./zoom.ts.
 * Where a source has no description, the sentence is built from the scope's words and the product's name, and the
 * classification from the shared word reading (lib/scopes/scope-words.ts) plus the provider facts below. The
 * hand-written lib/scopes/catalog/<provider>.ts files override these entries for the scopes that matter most.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import { accessVerb, breadthPhrase, readScopeWords } from '../../../lib/scopes/scope-words';
import { ATLASSIAN_SOURCE, generateAtlassian } from './atlassian';
import { GOOGLE_SOURCE, generateGoogle } from './google';
import { MICROSOFT_SOURCE, generateMicrosoft } from './microsoft';
import { MICROSOFT_RESOURCES_SOURCE, generateMicrosoftResources } from './microsoft-resources';
import { ZOOM_SOURCE, generateZoom } from './zoom';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const outDir = join(here, '../../../lib/scopes/generated');

interface Classified {
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels?: ProviderLabel[];
  grantsOfflineAccess?: boolean;
}

function entry(scope: string, c: Classified, description: string): CatalogEntry {
  const code = encodeScopeCode({
    access: c.access,
    dataClasses: c.dataClasses.length > 0 || c.access.every((a) => a === 'identity') ? c.dataClasses : ['internal'],
    breadth: c.breadth,
    labels: c.labels ?? [],
    grantsOfflineAccess: c.grantsOfflineAccess ?? false,
  });
  return [scope, code, description];
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function readSource(relative: string): string {
  const path = join(modules, relative);
  if (!existsSync(path)) throw new Error(`Missing source ${relative}: run npm ci --prefix scripts/generators/catalog --ignore-scripts`);
  return readFileSync(path, 'utf8');
}

// ---------------------------------------------------------------- Slack

const SLACK_FAMILY: Readonly<Record<string, { name: string; data: DataClass[]; breadth: Breadth }>> = {
  channels: { name: 'public channels', data: ['communications'], breadth: 'organization' },
  groups: { name: 'private channels you are in', data: ['communications'], breadth: 'shared' },
  im: { name: 'direct messages', data: ['communications'], breadth: 'own' },
  mpim: { name: 'group direct messages', data: ['communications'], breadth: 'shared' },
  chat: { name: 'messages', data: ['communications'], breadth: 'shared' },
  files: { name: 'files shared in Slack', data: ['files'], breadth: 'shared' },
  remote_files: { name: 'remote files added to Slack', data: ['files'], breadth: 'shared' },
  users: { name: 'people in your workspace', data: ['employee'], breadth: 'organization' },
  'users.profile': { name: 'profiles of people in your workspace', data: ['employee'], breadth: 'organization' },
  usergroups: { name: 'user groups', data: ['employee'], breadth: 'organization' },
  team: { name: 'workspace information', data: ['internal'], breadth: 'organization' },
  'team.billing': { name: 'workspace billing information', data: ['payment'], breadth: 'organization' },
  'team.preferences': { name: 'workspace preferences', data: ['internal'], breadth: 'organization' },
  calls: { name: 'calls', data: ['communications'], breadth: 'shared' },
  search: { name: 'messages and files by searching', data: ['communications', 'files'], breadth: 'organization' },
  reactions: { name: 'emoji reactions', data: ['communications'], breadth: 'shared' },
  pins: { name: 'pinned messages', data: ['communications'], breadth: 'shared' },
  bookmarks: { name: 'channel bookmarks', data: ['internal'], breadth: 'shared' },
  reminders: { name: 'reminders', data: ['internal'], breadth: 'own' },
  stars: { name: 'saved items', data: ['internal'], breadth: 'own' },
  dnd: { name: 'Do Not Disturb settings', data: ['employee'], breadth: 'organization' },
  emoji: { name: 'custom emoji', data: ['internal'], breadth: 'organization' },
  links: { name: 'links posted in messages', data: ['communications'], breadth: 'shared' },
  'links.embed': { name: 'embedded link previews', data: ['communications'], breadth: 'shared' },
  auditlogs: { name: 'the organisation audit log', data: ['employee', 'credentials'], breadth: 'organization' },
};

function generateSlack(): CatalogEntry[] {
  const text = readSource('@slack/web-api/dist/types/request/manifest.d.ts');
  const scopes = new Set<string>();
  for (const union of text.matchAll(/type (?:BotScope|UserScope) = ([^;]+);/g)) {
    for (const literal of (union[1] ?? '').matchAll(/'([^']+)'/g)) if (literal[1] !== undefined) scopes.add(literal[1]);
  }
  if (scopes.size < 80) throw new Error(`Slack manifest types changed: only ${scopes.size} scopes found`);
  const entries: CatalogEntry[] = [];
  for (const scope of [...scopes].sort()) {
    if (scope === 'none') continue;
    const [family = scope, verb = ''] = scope.split(':');
    const known = SLACK_FAMILY[family];
    const reading = readScopeWords(scope);
    let access: Access[] = reading.access.filter((a) => a !== 'identity');
    if (access.length === 0) access = ['read', 'write'];
    let breadth: Breadth = known?.breadth ?? reading.breadth;
    let data: DataClass[] = known?.data ?? reading.dataClasses;
    if (family.startsWith('admin')) {
      access = verb === 'read' ? ['read', 'admin'] : ['read', 'write', 'delete', 'admin'];
      breadth = 'organization';
      data = reading.dataClasses.length > 0 ? reading.dataClasses : ['employee', 'internal'];
    }
    const words = family.replace(/^admin\.?/, '').replace(/[._]/g, ' ');
    const subject = known?.name ?? (family.startsWith('admin') ? `the organisation's Slack ${words || 'settings'}` : `${words} in Slack`);
    const where = known ? ' in Slack' : '';
    entries.push(entry(scope, { access, dataClasses: data, breadth }, sentence(`${accessVerb(access)} ${subject}${where}`)));
  }
  return entries;
}

// ---------------------------------------------------------------- Dropbox

function generateDropbox(): CatalogEntry[] {
  const text = readSource('dropbox/types/index.d.ts');
  const scopes = new Set<string>();
  for (const match of text.matchAll(/scope: ([a-z_.]+)/g)) if (match[1] !== undefined) scopes.add(match[1]);
  const entries: CatalogEntry[] = [];
  for (const scope of [...scopes].sort()) {
    const reading = readScopeWords(scope);
    const breadth: Breadth = /^(team_|members|groups|sessions|events)/.test(scope) ? 'organization' : 'own';
    const subject = `your Dropbox ${scope.split('.').filter((w) => !['read', 'write'].includes(w)).join(' ').replace(/_/g, ' ')}`;
    entries.push(entry(scope, { ...reading, breadth }, sentence(`${accessVerb(reading.access)} ${subject}${breadthPhrase(breadth)}`)));
  }
  return entries;
}

// ---------------------------------------------------------------- output

/** The OpenID Connect standard scopes are answered by lib/scopes/catalog/oidc.ts for every provider. */
const OIDC_STANDARD = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

function writeCatalog(file: string, constant: string, source: string, all: readonly CatalogEntry[]): number {
  const entries = all.filter(([scope]) => !OIDC_STANDARD.has(scope));
  const body = entries.map((e) => JSON.stringify(e)).join(',\n');
  const text = `// Generated by scripts/generators/catalog/generate.ts from ${source}. Do not edit: change the generator or\n// override the entry in lib/scopes/catalog/.\nimport type { CatalogEntry } from '../scope-code';\n\nexport const ${constant}: readonly CatalogEntry[] = [\n${body},\n];\n`;
  writeFileSync(join(outDir, file), text);
  return Buffer.byteLength(text);
}

const outputs: [string, string, string, () => CatalogEntry[]][] = [
  ['microsoft.ts', 'MICROSOFT_GENERATED', MICROSOFT_SOURCE, generateMicrosoft],
  ['microsoft-resources.ts', 'MICROSOFT_RESOURCES_GENERATED', MICROSOFT_RESOURCES_SOURCE, generateMicrosoftResources],
  ['google.ts', 'GOOGLE_GENERATED', GOOGLE_SOURCE, generateGoogle],
  ['slack.ts', 'SLACK_GENERATED', '@slack/web-api manifest types', generateSlack],
  ['atlassian.ts', 'ATLASSIAN_GENERATED', ATLASSIAN_SOURCE, generateAtlassian],
  ['dropbox.ts', 'DROPBOX_GENERATED', 'the Dropbox SDK route documentation', generateDropbox],
  ['zoom.ts', 'ZOOM_GENERATED', ZOOM_SOURCE, generateZoom],
];
const only = process.argv[2];
let total = 0;
for (const [file, constant, source, generate] of outputs) {
  if (only !== undefined && file !== only) continue;
  const entries = generate().filter(([scope]) => !OIDC_STANDARD.has(scope));
  const bytes = writeCatalog(file, constant, source, entries);
  total += bytes;
  console.log(`${file.padEnd(24)} ${String(entries.length).padStart(4)} scopes ${String(bytes).padStart(7)} bytes`);
}
console.log(`total ${total} bytes`);

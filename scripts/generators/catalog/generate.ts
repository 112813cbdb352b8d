/**
 * Regenerates lib/scopes/generated/*.ts from the scope lists providers publish in their own npm packages.
 *
 *   npm install --prefix scripts/generators/catalog      (once; the packages are pinned in its package.json)
 *   npx tsx scripts/generators/catalog/generate.ts       (from the repository root)
 *   npx tsx scripts/generators/catalog/generate.ts microsoft.ts   (one output file only)
 *
 * Sources (all read as files; nothing here runs at extension run time):
 * - Microsoft Graph + SharePoint delegated permissions: Microsoft's service-principal exports committed in
 *   ./inputs, read and classified by ./microsoft.ts.
 * - Google: every scope URL named in the googleapis type declarations (no descriptions there).
 * - Slack: the BotScope and UserScope unions of the app-manifest types in @slack/web-api.
 * - Atlassian: @forge/manifest out/scopes/shipyard-scopes.json.
 * - Dropbox: the `scope:` lines of the Dropbox SDK's route documentation.
 * Where a source has no description, the sentence is built from the scope's words and the product's name, and the
 * classification from the shared word reading (lib/scopes/scope-words.ts) plus the provider facts below. The
 * hand-written lib/scopes/catalog/<provider>.ts files override these entries for the scopes that matter most.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import { accessVerb, breadthPhrase, readScopeWords } from '../../../lib/scopes/scope-words';
import { MICROSOFT_SOURCE, generateMicrosoft } from './microsoft';

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

function withAccess(access: Access[], add: Access): Access[] {
  const order: Access[] = ['identity', 'read', 'write', 'delete', 'admin'];
  return order.filter((a) => a === add || access.includes(a));
}

function readSource(relative: string): string {
  const path = join(modules, relative);
  if (!existsSync(path)) throw new Error(`Missing source ${relative}: run npm install --prefix scripts/generators/catalog`);
  return readFileSync(path, 'utf8');
}

// ---------------------------------------------------------------- Google

interface GoogleProduct {
  name: string;
  data: DataClass[];
  breadth?: Breadth;
  label?: ProviderLabel;
  admin?: boolean;
}

/** The product behind each scope's first word, what data it holds, and Google's verification label for the family. */
const GOOGLE_PRODUCTS: Readonly<Record<string, GoogleProduct>> = {
  gmail: { name: 'Gmail', data: ['communications'], label: 'google-sensitive' },
  drive: { name: 'Google Drive', data: ['files'], label: 'google-sensitive' },
  documents: { name: 'Google Docs documents', data: ['files'], label: 'google-sensitive' },
  spreadsheets: { name: 'Google Sheets spreadsheets', data: ['files'], label: 'google-sensitive' },
  presentations: { name: 'Google Slides presentations', data: ['files'], label: 'google-sensitive' },
  forms: { name: 'Google Forms', data: ['files'], label: 'google-sensitive' },
  calendar: { name: 'Google Calendar', data: ['calendar'], label: 'google-sensitive' },
  contacts: { name: 'Google contacts', data: ['contacts'], label: 'google-sensitive' },
  directory: { name: 'organisation directory', data: ['employee', 'contacts'], breadth: 'organization', label: 'google-sensitive' },
  user: { name: 'Google account details', data: ['employee'], breadth: 'own', label: 'google-sensitive' },
  chat: { name: 'Google Chat', data: ['communications'], label: 'google-sensitive' },
  tasks: { name: 'Google Tasks', data: ['internal'], label: 'google-sensitive' },
  photoslibrary: { name: 'Google Photos library', data: ['files'], label: 'google-sensitive' },
  youtube: { name: 'YouTube account', data: ['public', 'files'], label: 'google-sensitive' },
  yt: { name: 'YouTube account', data: ['public', 'files'], label: 'google-sensitive' },
  youtubepartner: { name: 'YouTube partner account', data: ['payment', 'files'], label: 'google-sensitive' },
  fitness: { name: 'Google Fit data', data: ['health'], label: 'google-sensitive' },
  googlehealth: { name: 'Google health data', data: ['health'], label: 'google-sensitive' },
  classroom: { name: 'Google Classroom', data: ['employee', 'internal'], label: 'google-sensitive' },
  admin: { name: 'Google Workspace administration', data: ['employee'], breadth: 'organization', admin: true },
  'cloud-identity': { name: 'Cloud Identity settings', data: ['employee', 'credentials'], breadth: 'organization', admin: true },
  apps: { name: 'Google Workspace organisation', data: ['employee'], breadth: 'organization', admin: true },
  chrome: { name: 'managed Chrome browsers and devices', data: ['internal'], breadth: 'organization', admin: true },
  androidmanagement: { name: 'managed Android devices', data: ['internal'], breadth: 'organization', admin: true },
  androidenterprise: { name: 'managed Google Play for your organisation', data: ['internal'], breadth: 'organization', admin: true },
  ediscovery: { name: 'Google Vault eDiscovery data', data: ['communications', 'files'], breadth: 'organization', admin: true },
  'cloud-platform': { name: 'Google Cloud resources', data: ['internal', 'credentials'], breadth: 'organization', label: 'google-sensitive' },
  'cloud-billing': { name: 'Google Cloud billing', data: ['payment'], breadth: 'organization' },
  devstorage: { name: 'Google Cloud Storage data', data: ['files'], breadth: 'organization' },
  bigquery: { name: 'BigQuery data', data: ['internal'], breadth: 'organization' },
  compute: { name: 'Google Compute Engine resources', data: ['internal'], breadth: 'organization' },
  datastore: { name: 'Cloud Datastore data', data: ['internal'], breadth: 'organization' },
  cloudkms: { name: 'Cloud KMS encryption keys', data: ['credentials'], breadth: 'organization' },
  apikeys: { name: 'API keys', data: ['credentials'], breadth: 'organization' },
  firebase: { name: 'Firebase projects', data: ['internal'], breadth: 'organization' },
  analytics: { name: 'Google Analytics data', data: ['internal'] },
  adwords: { name: 'Google Ads accounts', data: ['payment', 'internal'] },
  adsense: { name: 'AdSense account', data: ['payment'] },
  blogger: { name: 'Blogger account', data: ['public'] },
  books: { name: 'Google Books library', data: ['internal'] },
  dataportability: { name: 'Google data, as a copy', data: ['internal'], label: 'google-restricted' },
  userinfo: { name: 'Google account profile', data: [] },
  plus: { name: 'Google profile', data: [] },
  script: { name: 'Apps Script projects', data: ['source-code'], label: 'google-sensitive' },
  'cloud-translation': { name: 'Cloud Translation', data: ['internal'] },
  'cloud-vision': { name: 'Cloud Vision', data: ['internal'] },
  'cloud-language': { name: 'Cloud Natural Language', data: ['internal'] },
  meetings: { name: 'Google Meet meetings', data: ['calendar', 'communications'], label: 'google-sensitive' },
  keep: { name: 'Google Keep notes', data: ['files'], label: 'google-restricted' },
};

/** Google's published restricted scopes (Gmail and Drive), https://support.google.com/cloud/answer/13464325 */
const GOOGLE_RESTRICTED = new Set([
  'https://mail.google.com/', 'gmail.readonly', 'gmail.compose', 'gmail.insert', 'gmail.modify', 'gmail.metadata',
  'gmail.settings.basic', 'gmail.settings.sharing', 'drive', 'drive.readonly', 'drive.metadata',
  'drive.metadata.readonly', 'drive.photos.readonly', 'drive.scripts', 'drive.activity', 'drive.activity.readonly',
  'drive.meet.readonly',
]);

/** Scopes Google treats as non-sensitive inside an otherwise sensitive family. */
const GOOGLE_NON_SENSITIVE = new Set(['drive.file', 'drive.appdata', 'calendar.app.created', 'gmail.labels', 'drive.install']);

function googleSubject(short: string, product: GoogleProduct | undefined): string {
  const words = short
    .split(/[._-]+/)
    .slice(1)
    .filter((w) => !['readonly', 'read', 'write', 'only', 'readwrite', 'writeonly', 'full', 'edit', 'manage', 'me'].includes(w));
  const rest = words.join(' ');
  if (product === undefined) return `your ${short.split(/[._]/)[0] ?? short} data${rest ? ` (${rest})` : ''}`;
  return rest ? `your ${product.name}: ${rest}` : `your ${product.name}`;
}

function generateGoogle(): CatalogEntry[] {
  const apis = join(modules, 'googleapis/build/src/apis');
  if (!existsSync(apis)) throw new Error('Missing googleapis: run npm install --prefix scripts/generators/catalog');
  const found = new Set<string>();
  for (const api of readdirSync(apis, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(apis, api))) {
      if (!file.endsWith('.d.ts')) continue;
      const text = readFileSync(join(apis, api, file), 'utf8');
      for (const match of text.matchAll(/'(https:\/\/(?:www\.googleapis\.com\/auth\/[A-Za-z0-9._/-]+|mail\.google\.com\/|www\.google\.com\/[A-Za-z0-9._/-]+))'/g)) {
        if (match[1] !== undefined) found.add(match[1]);
      }
    }
  }
  const entries: CatalogEntry[] = [];
  for (const url of [...found].sort()) {
    const short = url.replace('https://www.googleapis.com/auth/', '');
    const family = short.startsWith('https://') ? (short.includes('mail.google') ? 'gmail' : short.includes('calendar') ? 'calendar' : 'contacts') : (short.split('.')[0] ?? short);
    const product = GOOGLE_PRODUCTS[family];
    const reading = readScopeWords(short);
    let access: Access[] = reading.access.filter((a) => a !== 'identity');
    if (access.length === 0) access = family === 'userinfo' || family === 'plus' ? ['identity'] : ['read', 'write', 'delete'];
    // A Google scope with no qualifier (drive, calendar, contacts) is the product's full access.
    if (reading.accessUnknown && access.includes('write')) access = ['read', 'write', 'delete'];
    if (product?.admin && access.includes('write')) access = withAccess(access, 'admin');
    const breadth: Breadth = product?.breadth ?? (reading.breadth === 'unknown' ? 'own' : reading.breadth);
    const labels: ProviderLabel[] = [];
    if (GOOGLE_RESTRICTED.has(short)) labels.push('google-restricted');
    else if (product?.label && !GOOGLE_NON_SENSITIVE.has(short)) labels.push(product.label);
    const data = product?.data ?? (reading.dataClasses.length > 0 ? reading.dataClasses : ['internal']);
    const classified: Classified = { access, dataClasses: [...data], breadth, labels };
    const description = access.includes('identity')
      ? `See ${googleSubject(short, product)}.`
      : sentence(`${accessVerb(access)} ${googleSubject(short, product)}${breadthPhrase(breadth)}`);
    entries.push(entry(short, classified, description));
  }
  return entries;
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

// ---------------------------------------------------------------- Atlassian

const ATLASSIAN_PRODUCTS: Readonly<Record<string, { name: string; data: DataClass[] }>> = {
  jira: { name: 'Jira', data: ['internal'] },
  'jira-software': { name: 'Jira', data: ['internal'] },
  'jira-service-management': { name: 'Jira Service Management', data: ['customer', 'internal'] },
  confluence: { name: 'Confluence', data: ['internal', 'files'] },
  bitbucket: { name: 'Bitbucket', data: ['source-code'] },
  compass: { name: 'Compass', data: ['internal', 'source-code'] },
  loom: { name: 'Loom', data: ['communications', 'files'] },
  teams: { name: 'Atlassian teams', data: ['employee'] },
  talent: { name: 'Atlassian Talent', data: ['employee'] },
  'customer-notes': { name: 'customer notes', data: ['customer'] },
  opsgenie: { name: 'Opsgenie', data: ['internal'] },
  external: { name: 'data connected from other tools', data: ['internal'] },
  atlassian: { name: 'Atlassian', data: ['internal'] },
  focus: { name: 'Jira Align / Focus', data: ['internal'] },
  'connect-jira': { name: 'Jira (Connect app)', data: ['internal'] },
  'connect-confluence': { name: 'Confluence (Connect app)', data: ['internal', 'files'] },
};

function generateAtlassian(): CatalogEntry[] {
  const scopes = JSON.parse(readSource('@forge/manifest/out/scopes/shipyard-scopes.json')) as string[];
  const entries: CatalogEntry[] = [];
  for (const scope of [...new Set(scopes)].sort()) {
    const parts = scope.split(':');
    const action = parts[0] ?? '';
    const product = parts.length >= 3 ? (parts[parts.length - 1] ?? '') : '';
    const object = parts.length >= 3 ? parts.slice(1, -1).join(' ') : (parts[1] ?? '');
    const known = ATLASSIAN_PRODUCTS[product];
    let access: Access[];
    let breadth: Breadth = 'shared';
    if (action === 'read' || action === 'search' || action === 'report') access = ['read'];
    else if (action === 'write' || action === 'moderate' || action === 'storage') access = ['read', 'write'];
    else if (action === 'delete') access = ['delete'];
    else if (action === 'manage' || action.endsWith('admin')) {
      access = ['read', 'write', 'delete', 'admin'];
      breadth = 'organization';
    } else access = readScopeWords(scope).access.filter((a) => a !== 'identity');
    if (access.length === 0) access = ['read', 'write'];
    const reading = readScopeWords(object);
    const data = known?.data ?? (reading.dataClasses.length > 0 ? reading.dataClasses : ['internal']);
    const what = object === 'me' ? 'your Atlassian profile' : object.replace(/[-.]/g, ' ').replace(/\bgraph\b\s*/, '').trim();
    const where = known?.name ?? (product || 'Atlassian');
    const subject = parts.length >= 3 ? `${what} data in ${where}` : `${what.replace(/\b(jira|confluence)\b/, (w) => w[0]!.toUpperCase() + w.slice(1))}`;
    // Atlassian scopes reach what you can reach on the site, so "shared" goes without saying.
    const reach = breadth === 'shared' ? '' : breadthPhrase(breadth);
    entries.push(entry(scope, { access, dataClasses: data, breadth }, sentence(`${accessVerb(access)} ${subject}${reach}`)));
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
  ['google.ts', 'GOOGLE_GENERATED', 'the googleapis type declarations', generateGoogle],
  ['slack.ts', 'SLACK_GENERATED', '@slack/web-api manifest types', generateSlack],
  ['atlassian.ts', 'ATLASSIAN_GENERATED', '@forge/manifest shipyard-scopes.json', generateAtlassian],
  ['dropbox.ts', 'DROPBOX_GENERATED', 'the Dropbox SDK route documentation', generateDropbox],
];
const only = process.argv[2];
let total = 0;
for (const [file, constant, source, generate] of outputs) {
  if (only !== undefined && file !== only) continue;
  const entries = generate().filter(([scope]) => !OIDC_STANDARD.has(scope));
  const bytes = writeCatalog(file, constant, source, entries);
  total += bytes;
  console.log(`${file.padEnd(14)} ${String(entries.length).padStart(4)} scopes ${String(bytes).padStart(7)} bytes`);
}
console.log(`total ${total} bytes`);

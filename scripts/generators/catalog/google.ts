/**
 * Google's part of the scope catalog: every OAuth scope named in Google's API discovery documents, with Google's
 * restricted and sensitive labels, from the inputs in ./inputs (see inputs/SOURCES.md).
 *
 * One rule classifies every scope, from Google's facts only:
 * - Read only: a name with a `readonly`, `read-only`, `read_only` or `read` part (`gmail.readonly`,
 *   `drive.metadata.readonly`, `fitness.sleep.read`), and every Data Portability scope (`dataportability.*`, a
 *   one-time copy of the data, https://developers.google.com/data-portability), is read only. Nothing ever adds
 *   write, delete or admin to them, whatever the family or Google's wording says.
 * - A name without such a part reads Google's consent text for facts: a text that only sees, views, lists or gets
 *   is read only; a text that only adds, sends, submits, publishes, uploads or inserts is write without read; any
 *   other text is read and write; delete is added where the text deletes or removes, or the name is a full
 *   control (`full_control`, `*.admin`).
 * - Admin is added to a scope that can change data only where it administers something for others: the Workspace
 *   and device administration families (Admin SDK `admin.*`, `apps.*`, Cloud Identity, Chrome and Android
 *   management, Vault), an `admin` or `full_control` part of the name, and scopes that manage other people's
 *   access (`manage.users`).
 * - Breadth comes from the family: administration families reach the whole organisation, the user-data APIs the
 *   user's own items or what others share with them; an `admin` part, or `app.all` in Chat, widens to the
 *   organisation; app-created items (`app.created`, `drive.file`, `drive.appdata`, `currentonly`) narrow to the
 *   user's own.
 * - Labels: `google-restricted` exactly on the scopes of Google's Restricted Scopes page (and the Data Portability
 *   scopes Google's category table calls Restricted); `google-sensitive` on the scopes of the user-data families
 *   Google's OAuth verification treats as sensitive, and on the Data Portability scopes its table calls Sensitive.
 * - Data classes come from the family (FAMILIES below).
 * - The description is our own sentence, built from the classification, the family's human name and the scope's
 *   own words; Google's consent text is read for facts and never copied.
 * A scope whose family is not in FAMILIES stops the generator, so a new API is classified by a person instead of
 * falling to a default.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';

const inputs = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

export const GOOGLE_SOURCE =
  "Google's API discovery documents (google-api-python-client 2.201.0) and Google's restricted scope lists (inputs/SOURCES.md)";

const AUTH_PREFIX = 'https://www.googleapis.com/auth/';

export interface GoogleDiscoveryScope {
  apis: string[];
  description: string;
}

export interface GoogleScopeLabels {
  restricted: { source: string; scopes: Record<string, string[]> };
  sensitive: { source: string; scopes: Record<string, string[]> };
}

export function readGoogleDiscoveryScopes(): Record<string, GoogleDiscoveryScope> {
  return JSON.parse(readFileSync(join(inputs, 'google-discovery-scopes.json'), 'utf8')) as Record<string, GoogleDiscoveryScope>;
}

export function readGoogleScopeLabels(): GoogleScopeLabels {
  return JSON.parse(readFileSync(join(inputs, 'google-scope-labels.json'), 'utf8')) as GoogleScopeLabels;
}

/** The short key the catalog stores: `gmail.readonly` for `https://www.googleapis.com/auth/gmail.readonly`. */
export function googleShortName(url: string): string {
  return url.startsWith(AUTH_PREFIX) ? url.slice(AUTH_PREFIX.length) : url;
}

type Kind = 'user' | 'admin' | 'cloud' | 'business' | 'identity' | 'export';

interface Family {
  /** What the employee knows the product as. */
  name: string;
  data: DataClass[];
  breadth: Breadth;
  kind: Kind;
  /** Google's OAuth verification treats the family's scopes as sensitive (user data of a Google product). */
  sensitive?: boolean;
}

function family(name: string, data: DataClass[], breadth: Breadth, kind: Kind, sensitive = false): Family {
  return { name, data, breadth, kind, sensitive };
}

/**
 * Every API family named by a scope's first word. Administration families reach the organisation; user-data
 * families are sensitive in Google's verification; Cloud and advertising families reach the projects and accounts
 * the person can open, which are the organisation's.
 */
const FAMILIES: Readonly<Record<string, Family>> = {
  'https://mail.google.com/': family('Gmail', ['communications'], 'own', 'user', true),
  'https://www.google.com/calendar/feeds': family('Google Calendar', ['calendar'], 'shared', 'user', true),
  'https://www.google.com/m8/feeds': family('Google contacts', ['contacts'], 'own', 'user', true),
  gmail: family('Gmail', ['communications'], 'own', 'user', true),
  drive: family('Google Drive', ['files'], 'shared', 'user', true),
  documents: family('Google Docs', ['files'], 'shared', 'user', true),
  spreadsheets: family('Google Sheets', ['files'], 'shared', 'user', true),
  presentations: family('Google Slides', ['files'], 'shared', 'user', true),
  forms: family('Google Forms', ['files', 'customer'], 'shared', 'user', true),
  calendar: family('Google Calendar', ['calendar'], 'shared', 'user', true),
  contacts: family('Google contacts', ['contacts'], 'own', 'user', true),
  directory: family("organisation's directory", ['employee', 'contacts'], 'organization', 'user', true),
  user: family('Google Account details', ['employee'], 'own', 'user', true),
  userinfo: family('Google Account profile', [], 'own', 'identity'),
  openid: family('Google Account', [], 'own', 'identity'),
  chat: family('Google Chat', ['communications'], 'shared', 'user', true),
  meetings: family('Google Meet', ['calendar', 'communications'], 'shared', 'user', true),
  tasks: family('Google Tasks', ['internal'], 'own', 'user', true),
  keep: family('Google Keep', ['files'], 'own', 'user', true),
  groups: family('Google Groups', ['employee', 'communications'], 'shared', 'user', true),
  classroom: family('Google Classroom', ['employee', 'internal'], 'shared', 'user', true),
  script: family('Apps Script', ['source-code'], 'own', 'user', true),
  fitness: family('Google Fit', ['health'], 'own', 'user', true),
  googlehealth: family('Google Health', ['health'], 'own', 'user', true),
  youtube: family('YouTube', ['public', 'files'], 'own', 'user', true),
  youtubepartner: family('YouTube content owner account', ['files', 'payment'], 'shared', 'business', true),
  'youtubepartner-channel-audit': family('YouTube channel', ['employee'], 'own', 'user', true),
  'yt-analytics': family('YouTube Analytics reports', ['internal'], 'own', 'business', true),
  'yt-analytics-monetary': family('YouTube revenue reports', ['payment'], 'own', 'business', true),
  blogger: family('Blogger', ['public'], 'own', 'user', true),
  books: family('Google Books', ['internal'], 'own', 'user', true),
  games: family('Google Play Games', ['internal'], 'own', 'user'),
  streetviewpublish: family('Street View photos', ['public', 'files'], 'own', 'user'),
  sdm: family('smart home devices', ['internal'], 'own', 'user', true),
  postmaster: family('Gmail Postmaster Tools', ['internal'], 'shared', 'business'),
  // Google's Data Portability table puts every export in the sensitive or the restricted category; both labels come
  // from that table (inputs/google-scope-labels.json), so a new export without a row gets no label by default.
  dataportability: family('Google account', ['internal'], 'own', 'export'),
  // Google Workspace and device administration.
  admin: family('Google Workspace administration', ['employee'], 'organization', 'admin'),
  apps: family('Google Workspace organisation', ['employee'], 'organization', 'admin'),
  'cloud-identity': family('Cloud Identity organisation', ['employee', 'credentials'], 'organization', 'admin'),
  chrome: family('managed Chrome browsers and devices', ['internal'], 'organization', 'admin'),
  androidenterprise: family('managed Android devices', ['internal'], 'organization', 'admin'),
  androidmanagement: family('managed Android devices', ['internal'], 'organization', 'admin'),
  ediscovery: family('Google Vault eDiscovery', ['communications', 'files'], 'organization', 'admin'),
  cloud_search: family('Cloud Search index', ['internal', 'files'], 'organization', 'admin'),
  verifiedaccess: family('Chrome Verified Access', ['credentials'], 'organization', 'admin'),
  appsmarketplace: family('Google Workspace Marketplace licences', ['internal'], 'organization', 'business'),
  // Google Cloud.
  'cloud-platform': family('Google Cloud', ['internal', 'credentials'], 'organization', 'cloud', true),
  'cloud-billing': family('Google Cloud billing', ['payment'], 'organization', 'cloud'),
  'cloud-auditmanager': family('Google Cloud Audit Manager', ['internal'], 'organization', 'cloud'),
  'cloud-backupdr': family('Google Cloud Backup and DR', ['internal'], 'organization', 'cloud'),
  'cloud-bigtable': family('Cloud Bigtable', ['internal'], 'organization', 'cloud'),
  'cloud-healthcare': family('Cloud Healthcare data', ['health'], 'organization', 'cloud'),
  'cloud-language': family('Cloud Natural Language', ['internal'], 'organization', 'cloud'),
  'cloud-netapp': family('Google Cloud NetApp Volumes', ['files'], 'organization', 'cloud'),
  'cloud-translation': family('Cloud Translation', ['internal'], 'organization', 'cloud'),
  'cloud-vision': family('Cloud Vision', ['internal'], 'organization', 'cloud'),
  cloud_debugger: family('Cloud Debugger', ['source-code'], 'organization', 'cloud'),
  cloudasset: family('Cloud Asset Inventory', ['internal'], 'organization', 'cloud'),
  cloudcomposer: family('Cloud Composer', ['internal'], 'organization', 'cloud'),
  cloudiot: family('Cloud IoT', ['internal'], 'organization', 'cloud'),
  cloudkms: family('Cloud KMS encryption keys', ['credentials'], 'organization', 'cloud'),
  cloudruntimeconfig: family('Cloud Runtime Configuration', ['internal'], 'organization', 'cloud'),
  agentregistry: family('Google Cloud Agent Registry', ['internal'], 'organization', 'cloud'),
  aiplatform: family('Vertex AI', ['internal'], 'organization', 'cloud'),
  apihub: family('Google Cloud API hub', ['internal'], 'organization', 'cloud'),
  apikeys: family('Google Cloud API keys', ['credentials'], 'organization', 'cloud'),
  appengine: family('App Engine applications', ['internal'], 'organization', 'cloud'),
  bigquery: family('BigQuery', ['internal'], 'organization', 'cloud'),
  bigtable: family('Cloud Bigtable', ['internal'], 'organization', 'cloud'),
  ces: family('Google Cloud conversational agents', ['internal'], 'organization', 'cloud'),
  compute: family('Compute Engine', ['internal'], 'organization', 'cloud'),
  container: family('Google Kubernetes Engine', ['internal', 'credentials'], 'organization', 'cloud'),
  datalineage: family('Dataplex data lineage', ['internal'], 'organization', 'cloud'),
  datamanager: family('Data Manager', ['customer'], 'organization', 'cloud'),
  dataplex: family('Dataplex', ['internal'], 'organization', 'cloud'),
  dataproc: family('Dataproc', ['internal'], 'organization', 'cloud'),
  datastore: family('Cloud Datastore', ['internal'], 'organization', 'cloud'),
  devstorage: family('Cloud Storage', ['files'], 'organization', 'cloud'),
  dialogflow: family('Dialogflow', ['internal'], 'organization', 'cloud'),
  discoveryengine: family('Vertex AI Search', ['internal'], 'organization', 'cloud'),
  firebase: family('Firebase', ['internal'], 'organization', 'cloud'),
  genomics: family('Genomics', ['health'], 'organization', 'cloud'),
  homegraph: family('Home Graph', ['internal'], 'organization', 'cloud'),
  jobs: family('Cloud Talent Solution', ['employee'], 'organization', 'cloud'),
  logging: family('Cloud Logging', ['internal'], 'organization', 'cloud'),
  'maps-platform': family('Google Maps Platform', ['public'], 'organization', 'cloud'),
  monitoring: family('Cloud Monitoring', ['internal'], 'organization', 'cloud'),
  ndev: family('Google Cloud DNS and Deployment Manager', ['internal'], 'organization', 'cloud'),
  notebooks: family('Vertex AI Workbench', ['internal', 'source-code'], 'organization', 'cloud'),
  organizationpolicy: family('Google Cloud organisation policies', ['internal'], 'organization', 'cloud'),
  playintegrity: family('Play Integrity', ['internal'], 'organization', 'cloud'),
  pubsub: family('Pub/Sub', ['internal'], 'organization', 'cloud'),
  redis: family('Memorystore for Redis', ['internal'], 'organization', 'cloud'),
  run: family('Cloud Run', ['internal', 'source-code'], 'organization', 'cloud'),
  saasservicemgmt: family('App Lifecycle Management', ['internal'], 'organization', 'cloud'),
  sasportal: family('SAS Portal', ['internal'], 'organization', 'cloud'),
  securitycenter: family('Security Command Center', ['internal'], 'organization', 'cloud'),
  service: family('Google API service configuration', ['internal'], 'organization', 'cloud'),
  servicecontrol: family('Service Control', ['internal'], 'organization', 'cloud'),
  source: family('Cloud Source Repositories', ['source-code'], 'organization', 'cloud'),
  spanner: family('Cloud Spanner', ['internal'], 'organization', 'cloud'),
  sqlservice: family('Cloud SQL', ['internal'], 'organization', 'cloud'),
  trace: family('Cloud Trace', ['internal'], 'organization', 'cloud'),
  wallet_object: family('Google Wallet passes', ['customer'], 'organization', 'cloud'),
  webcontentpublisher: family('web content publications', ['public'], 'organization', 'cloud'),
  // Advertising, analytics and publishing accounts, shared by the people the account owner adds.
  adexchange: family('Ad Exchange buyer account', ['payment', 'internal'], 'shared', 'business'),
  admob: family('AdMob', ['payment', 'internal'], 'shared', 'business'),
  adsense: family('AdSense', ['payment'], 'shared', 'business'),
  adsensehost: family('AdSense host account', ['payment'], 'shared', 'business'),
  adwords: family('Google Ads', ['payment', 'internal'], 'shared', 'business'),
  'agencies-and-brands': family('Agency account', ['internal'], 'shared', 'business'),
  analytics: family('Google Analytics', ['internal'], 'shared', 'business'),
  androidpublisher: family('Google Play Developer account', ['internal', 'payment'], 'shared', 'business'),
  'authorized-buyers-marketplace': family('Authorized Buyers Marketplace', ['payment', 'internal'], 'shared', 'business'),
  chromewebstore: family('Chrome Web Store listings', ['public', 'source-code'], 'shared', 'business'),
  content: family('Merchant Center', ['customer', 'payment'], 'shared', 'business'),
  'curation-partners': family('Curation Partners account', ['internal'], 'shared', 'business'),
  ddmconversions: family('Campaign Manager conversions', ['customer'], 'shared', 'business'),
  dfareporting: family('Campaign Manager 360 reports', ['internal'], 'shared', 'business'),
  dfatrafficking: family('Campaign Manager 360 campaigns', ['internal', 'payment'], 'shared', 'business'),
  'display-video': family('Display & Video 360', ['internal', 'payment'], 'shared', 'business'),
  'display-video-mediaplanning': family('Display & Video 360 media plans', ['internal', 'payment'], 'shared', 'business'),
  'display-video-user-management': family('Display & Video 360 users', ['employee'], 'shared', 'business'),
  doubleclickbidmanager: family('Display & Video 360 reports', ['internal'], 'shared', 'business'),
  doubleclicksearch: family('Search Ads 360', ['internal', 'payment'], 'shared', 'business'),
  factchecktools: family('Fact Check Tools', ['public'], 'shared', 'business'),
  indexing: family('Google Search indexing', ['public'], 'shared', 'business'),
  manufacturercenter: family('Manufacturer Center', ['internal'], 'shared', 'business'),
  marketingplatformadmin: family('Google Marketing Platform', ['internal'], 'shared', 'business'),
  playdeveloperreporting: family('Google Play Console reports', ['internal'], 'shared', 'business'),
  'realtime-bidding': family('Authorized Buyers bidding', ['payment', 'internal'], 'shared', 'business'),
  siteverification: family('Search Console site verification', ['internal'], 'shared', 'business'),
  tables: family('Tables', ['files'], 'shared', 'user', true),
  tagmanager: family('Google Tag Manager', ['internal', 'source-code'], 'shared', 'business'),
  webmasters: family('Search Console', ['internal'], 'shared', 'business'),
};

/** What each Data Portability export copies, by its second word (`dataportability.<product>.*`). */
const EXPORTS: Readonly<Record<string, DataClass[]>> = {
  alerts: ['internal'],
  businessmessaging: ['communications'],
  chrome: ['internal', 'credentials'],
  discover: ['internal'],
  maps: ['internal'],
  myactivity: ['internal'],
  mymaps: ['files'],
  nest: ['files'],
  order_reserve: ['payment'],
  pixel: ['internal'],
  play: ['payment', 'internal'],
  saved: ['internal'],
  search_ugc: ['public'],
  searchnotifications: ['internal'],
  shopping: ['payment', 'contacts'],
  streetview: ['files'],
  youtube: ['files', 'communications'],
};

/** Scopes Google's verification does not treat as sensitive inside an otherwise sensitive family: app-only data. */
const NOT_SENSITIVE = new Set([
  'drive.file',
  'drive.appdata',
  'drive.install',
  'calendar.app.created',
  'calendar.events.public.readonly',
  'meetings.space.created',
  'forms.currentonly',
  'chat.memberships.app',
]);

const READ_PARTS = new Set(['readonly', 'read-only', 'read_only', 'read']);
const FULL_PARTS = new Set(['full_control', 'admin']);

export function isGoogleReadOnlyName(short: string): boolean {
  if (short.startsWith('dataportability.')) return true;
  return short.split(/[./]/).some((part) => READ_PARTS.has(part));
}

function familyKey(short: string): string {
  if (short.startsWith('https://')) return short;
  return short.split('.')[0] ?? short;
}

// Verbs of Google's consent texts, read for facts only.
const SEES = /^(see|view|read|list|get|know|search|receive|verify)\b/i;
const CHANGES =
  /\b(manage|edit|change|create|update|delete|remove|add|send|compose|modify|write|insert|upload|publish|submit|import|move|administer|administrate|index|control|configure|make|append|turn|take|perform|provision)(?:s|es|d|ed|ing)?\b/i;
const ONLY_ADDS = /^(add|insert|submit|publish|upload|send|write|compose and send|create and update|create new|import|append|index)\b/i;
const DELETES = /\b(delet|remov)(?:e|es|ed|ing|ion|al)\b/i;

function accessOf(short: string, fam: Family, text: string): Access[] {
  if (fam.kind === 'identity') return ['identity'];
  if (isGoogleReadOnlyName(short)) return ['read'];
  const parts = short.split(/[./]/);
  const full = parts.some((p) => FULL_PARTS.has(p));
  // "Private Service: <scope>" is no description; such a scope is treated as full access to its product.
  const known = !text.startsWith('Private Service');
  let access: Access[];
  if (known && SEES.test(text) && !CHANGES.test(text)) access = ['read'];
  else if (known && ONLY_ADDS.test(text) && !/\b(see|view|manage|read)\b/i.test(text)) access = ['write'];
  else access = ['read', 'write'];
  if (access.includes('write') && (!known || full || DELETES.test(text) || /^(manage|administer)/i.test(text))) access = [...access, 'delete'];
  const administers =
    fam.kind === 'admin' || full || parts.includes('rolemanagement') || short.includes('manage.users') || parts.includes('security');
  if (access.includes('write') && administers) access = [...access, 'admin'];
  return access;
}

/** Scopes limited to what the app itself creates or the person opens with it. */
const APP_ONLY = /(^|\.)(app\.created|file|appdata|appfolder|currentonly|install)(\.|$)|addons\.current/;

function breadthOf(short: string, fam: Family): Breadth {
  if (APP_ONLY.test(short) || /(^|\.)me(\.|$)/.test(short)) return 'own';
  if (/(^|\.)admin(\.|$)/.test(short) || short.startsWith('chat.app.all.')) return 'organization';
  return fam.breadth;
}

const NOISE = new Set([
  'readonly', 'read-only', 'read_only', 'read', 'write', 'writeonly', 'readwrite', 'read-write', 'read_write', 'full_control',
  'me', 'edit', 'manage', 'send', 'append', 'admin', 'delete', 'create', 'insert', 'upload', 'force-ssl', 'service',
  'file', 'full', 'all', 'app', 'management',
]);

/** The scope's own words after the family, for the sentence ("directory user alias" -> "user alias"). */
function objectWords(short: string): string {
  if (short.startsWith('https://')) return '';
  return short
    .split(/[.]/)
    .slice(1)
    .filter((w) => !NOISE.has(w))
    .join(' ')
    .replace(/[_-]+/g, ' ')
    .trim();
}

function verbOf(access: readonly Access[]): string {
  const read = access.includes('read');
  const write = access.includes('write');
  const del = access.includes('delete');
  if (access.includes('admin')) return del ? 'Administer, change and delete' : 'Administer and change';
  if (write && del) return read ? 'See, change and delete' : 'Add, change and delete';
  if (write) return read ? 'See and change' : 'Add to';
  return 'See';
}

function describe(short: string, fam: Family, access: Access[], breadth: Breadth): string {
  const words = objectWords(short);
  const detail = words ? ` (${words})` : '';
  if (fam.kind === 'identity') return `See your ${fam.name}${detail}.`;
  if (fam.kind === 'export') return `Take a one-time copy of your ${words || 'data'} from your Google account, to keep outside Google.`;
  if (APP_ONLY.test(short)) return `${verbOf(access)} only what this app creates or opens in ${fam.name}${detail}.`;
  // An organisation-wide scope says whose data it is up front; the others speak of the person's own data.
  const whose = breadth === 'organization' ? "your organisation's" : 'your';
  const shared = breadth === 'shared' ? ', including what others share with you' : '';
  return `${verbOf(access)} ${whose} ${fam.name} data${detail}${shared}.`;
}

export interface GoogleClassification {
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels: ProviderLabel[];
  description: string;
}

export function classifyGoogleScope(
  url: string,
  scope: GoogleDiscoveryScope,
  restricted: ReadonlySet<string>,
  sensitive: ReadonlySet<string>,
): GoogleClassification {
  const short = googleShortName(url);
  const fam = FAMILIES[familyKey(short)];
  if (fam === undefined) throw new Error(`Google scope ${url} (${scope.apis.join(', ')}): add its family "${familyKey(short)}" to FAMILIES`);
  // "add-on" names a kind of app, not an action.
  const access = accessOf(short, fam, scope.description.trim().replace(/\badd-ons?\b/gi, 'extension'));
  const breadth = fam.kind === 'identity' ? 'own' : breadthOf(short, fam);
  const labels: ProviderLabel[] = [];
  if (restricted.has(url)) labels.push('google-restricted');
  else if (sensitive.has(url) || (fam.sensitive === true && !NOT_SENSITIVE.has(short))) labels.push('google-sensitive');
  let dataClasses: DataClass[] = fam.kind === 'identity' ? [] : [...fam.data];
  if (fam.kind === 'export') {
    const exported = EXPORTS[short.split('.')[1] ?? ''];
    if (exported === undefined) throw new Error(`Google scope ${url}: add its product to EXPORTS`);
    dataClasses = [...exported];
  }
  return { access, dataClasses, breadth, labels, description: describe(short, fam, access, breadth) };
}

function flatten(lists: Record<string, string[]>): Set<string> {
  return new Set(Object.values(lists).flat());
}

export function generateGoogle(): CatalogEntry[] {
  const scopes = readGoogleDiscoveryScopes();
  const labels = readGoogleScopeLabels();
  const restricted = flatten(labels.restricted.scopes);
  const sensitive = flatten(labels.sensitive.scopes);
  const entries: CatalogEntry[] = [];
  for (const [url, scope] of Object.entries(scopes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c = classifyGoogleScope(url, scope, restricted, sensitive);
    const code = encodeScopeCode({ access: c.access, dataClasses: c.dataClasses, breadth: c.breadth, labels: c.labels, grantsOfflineAccess: false });
    entries.push([googleShortName(url), code, c.description]);
  }
  return entries;
}

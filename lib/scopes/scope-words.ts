/**
 * Reads a scope's name as words ("Mail.ReadWrite.All" -> mail, read, write, all) and turns them into a cautious
 * classification. Shared by the run-time guesser (unknown scopes) and the catalog generator (scopes a provider
 * lists without saying what they allow), so both speak the same vocabulary.
 */
import type { Access, Breadth, DataClass } from './scope-info';

/** Longer names are cut before reading: no real scope is this long, and hostile input must stay cheap. */
export const MAX_SCOPE_CHARS_READ = 256;

export interface WordReading {
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  grantsOfflineAccess: boolean;
  /** The words that decided each part, for the plain-language reason. */
  evidence: string[];
  /** No word said anything about access: the reading is the cautious default. */
  accessUnknown: boolean;
}

type AccessWord = 'read' | 'write' | 'delete' | 'manage' | 'admin' | 'full' | 'only' | 'identity';

const ACCESS_WORDS: Readonly<Record<string, AccessWord>> = {
  read: 'read', reads: 'read', readonly: 'read', view: 'read', get: 'read', list: 'read', history: 'read',
  search: 'read', lookup: 'read', query: 'read', see: 'read', fetch: 'read', retrieve: 'read', export: 'read',
  readbasic: 'read',
  write: 'write', writeonly: 'write', readwrite: 'write', edit: 'write', create: 'write', update: 'write',
  modify: 'write', send: 'write', post: 'write', insert: 'write', import: 'write', compose: 'write',
  upload: 'write', share: 'write', invite: 'write', invites: 'write', set: 'write', put: 'write', add: 'write',
  change: 'write', move: 'write', publish: 'write', execute: 'write', run: 'write', act: 'write',
  impersonation: 'write', moderate: 'write', action: 'write', insertdata: 'write', edits: 'write',
  delete: 'delete', deletion: 'delete', remove: 'delete', purge: 'delete', destroy: 'delete', erase: 'delete',
  manage: 'manage', management: 'manage', modify_all: 'manage',
  admin: 'admin', administer: 'admin', administration: 'admin', sudo: 'admin', superuser: 'admin',
  owner: 'admin', control: 'admin',
  full: 'full',
  only: 'only',
  openid: 'identity', profile: 'identity', identity: 'identity', userinfo: 'identity', signin: 'identity',
  login: 'identity', avatar: 'identity', basic: 'identity', email: 'identity', me: 'identity', id: 'identity',
};

const DATA_WORDS: Readonly<Record<string, DataClass>> = {
  public: 'public',
  internal: 'internal', wiki: 'internal', project: 'internal', projects: 'internal', issue: 'internal',
  issues: 'internal', task: 'internal', tasks: 'internal', jira: 'internal', confluence: 'internal',
  customer: 'customer', customers: 'customer', crm: 'customer', deal: 'customer', deals: 'customer',
  lead: 'customer', leads: 'customer', ticket: 'customer', tickets: 'customer', companies: 'customer',
  quote: 'customer', quotes: 'customer', opportunity: 'customer', opportunities: 'customer',
  payment: 'payment', payments: 'payment', billing: 'payment', invoice: 'payment', invoices: 'payment',
  charge: 'payment', charges: 'payment', card: 'payment', cards: 'payment', payout: 'payment',
  payouts: 'payment', transaction: 'payment', transactions: 'payment', checkout: 'payment',
  commerce: 'payment', bank: 'payment', finance: 'payment', financial: 'payment', payroll: 'payment',
  health: 'health', fitness: 'health', medical: 'health', patient: 'health', patients: 'health',
  clinical: 'health', fhir: 'health', heart: 'health', blood: 'health', glucose: 'health', sleep: 'health',
  nutrition: 'health', reproductive: 'health', ecg: 'health',
  employee: 'employee', employees: 'employee', user: 'employee', users: 'employee', member: 'employee',
  members: 'employee', directory: 'employee', group: 'employee', groups: 'employee', hr: 'employee',
  worker: 'employee', workers: 'employee', staff: 'employee', people: 'employee', usergroups: 'employee',
  password: 'credentials', passwords: 'credentials', credential: 'credentials', credentials: 'credentials',
  secret: 'credentials', secrets: 'credentials', token: 'credentials', tokens: 'credentials', key: 'credentials',
  keys: 'credentials', apikeys: 'credentials', certificate: 'credentials', certificates: 'credentials',
  sso: 'credentials', gpg: 'credentials', ssh: 'credentials', session: 'credentials', sessions: 'credentials',
  mail: 'communications', gmail: 'communications', inbox: 'communications', mailbox: 'communications',
  message: 'communications', messages: 'communications', chat: 'communications', im: 'communications',
  mpim: 'communications', channel: 'communications', channels: 'communications', conversation: 'communications',
  conversations: 'communications', sms: 'communications', call: 'communications', calls: 'communications',
  comment: 'communications', comments: 'communications',
  file: 'files', files: 'files', drive: 'files', document: 'files', documents: 'files', doc: 'files',
  docs: 'files', sheet: 'files', sheets: 'files', spreadsheet: 'files', spreadsheets: 'files',
  slide: 'files', slides: 'files', presentations: 'files', site: 'files', sites: 'files', storage: 'files',
  folder: 'files', folders: 'files', attachment: 'files', attachments: 'files', onedrive: 'files',
  sharepoint: 'files', notes: 'files', photos: 'files', recording: 'files', recordings: 'files',
  repo: 'source-code', repos: 'source-code', repository: 'source-code', repositories: 'source-code',
  code: 'source-code', commit: 'source-code', commits: 'source-code', git: 'source-code',
  source: 'source-code', branch: 'source-code', branches: 'source-code', pipeline: 'source-code',
  pipelines: 'source-code', snippet: 'source-code', snippets: 'source-code', bitbucket: 'source-code',
  calendar: 'calendar', calendars: 'calendar', meeting: 'calendar', meetings: 'calendar',
  freebusy: 'calendar', schedule: 'calendar', schedules: 'calendar', webinar: 'calendar',
  webinars: 'calendar', availability: 'calendar',
  contact: 'contacts', contacts: 'contacts', addressbook: 'contacts',
};

const ORGANIZATION_WORDS = new Set([
  'all', 'org', 'orgs', 'organization', 'organisation', 'enterprise', 'tenant', 'domain', 'company',
  'workspace', 'team', 'teams', 'directory', 'admin', 'account', 'accounts',
]);
const OWN_WORDS = new Set(['me', 'my', 'own', 'owned', 'self', 'current', 'currentonly', 'personal']);
const SHARED_WORDS = new Set(['shared']);
const OFFLINE_WORDS = new Set(['offline', 'refresh']);

/** "Mail.ReadWrite.All" -> ["mail", "read", "write", "all"]; URL scheme and host are not words of the scope. */
export function scopeWords(scope: string): string[] {
  const name = scope.slice(0, MAX_SCOPE_CHARS_READ).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\/?/i, '');
  const words: string[] = [];
  for (const piece of name.split(/[^A-Za-z0-9]+/)) {
    if (piece === '') continue;
    const lower = piece.toLowerCase();
    // Whole pieces first, so "readonly", "readwrite" and "writeonly" keep their meaning.
    if (lower in ACCESS_WORDS || lower in DATA_WORDS) {
      words.push(lower);
      continue;
    }
    // Microsoft writes permission names in PascalCase: ReadWrite, AccessAsUser, ReadBasic.
    for (const part of piece.split(/(?<=[a-z0-9])(?=[A-Z])/)) words.push(part.toLowerCase());
  }
  return words;
}

function addAll<T>(target: T[], values: readonly T[]): void {
  for (const value of values) if (!target.includes(value)) target.push(value);
}

/** A cautious reading of a scope's words. Never throws. */
export function readScopeWords(scope: string): WordReading {
  const words = scopeWords(scope);
  const kinds = new Set<AccessWord>();
  const evidence: string[] = [];
  const dataClasses: DataClass[] = [];
  let organization = false;
  let own = false;
  let shared = false;
  let offline = false;
  for (const word of words) {
    const kind = ACCESS_WORDS[word];
    if (kind !== undefined) {
      kinds.add(kind);
      if (kind !== 'only') evidence.push(`"${word}"`);
    }
    const dataClass = DATA_WORDS[word];
    if (dataClass !== undefined && !dataClasses.includes(dataClass)) dataClasses.push(dataClass);
    if (ORGANIZATION_WORDS.has(word)) organization = true;
    if (OWN_WORDS.has(word)) own = true;
    if (SHARED_WORDS.has(word)) shared = true;
    if (OFFLINE_WORDS.has(word)) offline = true;
  }

  const access: Access[] = [];
  const onlyIdentity = kinds.size > 0 && [...kinds].every((kind) => kind === 'identity');
  if (onlyIdentity) access.push('identity');
  if (kinds.has('read')) access.push('read');
  if (kinds.has('write')) addAll(access, ['read', 'write']);
  if (kinds.has('manage') || kinds.has('full')) addAll(access, ['read', 'write', 'delete']);
  if (kinds.has('delete')) addAll(access, ['read', 'delete']);
  if (kinds.has('admin')) {
    // Zoom's `meeting:read:admin`, Slack's `admin.users:read`: admin reach, but only reading.
    const readOnly = kinds.has('read') && !['write', 'delete', 'manage', 'full'].some((k) => kinds.has(k as AccessWord));
    addAll(access, readOnly ? ['read', 'admin'] : ['read', 'write', 'admin']);
  }
  // Google's "writeonly" / "read-only": the qualifier narrows what the other words said.
  if (kinds.has('only') && kinds.has('read') && !kinds.has('write') && !kinds.has('delete')) {
    access.splice(0, access.length, 'read');
  }
  const accessUnknown = access.length === 0;
  if (accessUnknown) access.push('read', 'write');
  if (access.includes('identity') && dataClasses.length > 0) {
    // "users:read.email" style: the identity words describe someone else's data, so it is a read.
    access.splice(0, access.length, 'read');
  }
  access.sort((a, b) => ACCESS_ORDER.indexOf(a) - ACCESS_ORDER.indexOf(b));

  let breadth: Breadth = 'unknown';
  if (organization || kinds.has('admin')) breadth = 'organization';
  else if (shared) breadth = 'shared';
  else if (own || onlyIdentity) breadth = 'own';

  return { access, dataClasses, breadth, grantsOfflineAccess: offline, evidence, accessUnknown };
}

const ACCESS_ORDER: readonly Access[] = ['identity', 'read', 'write', 'delete', 'admin'];

const DATA_PHRASES: Readonly<Record<DataClass, string>> = {
  public: 'public information',
  internal: 'internal company data',
  customer: 'customer records',
  payment: 'payment and billing data',
  health: 'health data',
  employee: 'information about people in your organisation',
  credentials: 'passwords, keys or sign-in sessions',
  communications: 'messages and email',
  files: 'files and documents',
  'source-code': 'source code',
  calendar: 'calendars and meetings',
  contacts: 'contacts',
};

/** "See", "See and change", "See, change and delete", "Administer": the verb a sentence starts with. */
export function accessVerb(access: readonly Access[]): string {
  const read = access.includes('read');
  const write = access.includes('write');
  const del = access.includes('delete');
  if (access.includes('admin')) return write || del ? 'Administer, change and delete' : 'Administer';
  if (write && del) return read ? 'See, change and delete' : 'Change and delete';
  if (write) return read ? 'See and change' : 'Add to or change';
  if (del) return read ? 'See and delete' : 'Delete';
  if (read) return 'See';
  return 'Sign you in and see';
}

export function breadthPhrase(breadth: Breadth): string {
  if (breadth === 'organization') return ' across your whole organisation';
  if (breadth === 'shared') return ', including what others share with you';
  return '';
}

/** A plain-language sentence for a reading, e.g. "See and change messages and email across your whole organisation." */
export function describeReading(reading: Pick<WordReading, 'access' | 'dataClasses' | 'breadth'>, subject?: string): string {
  const what =
    subject ?? (reading.dataClasses.length > 0 ? reading.dataClasses.map((c) => DATA_PHRASES[c]).join(', ') : 'data in this app');
  return `${accessVerb(reading.access)} ${what}${breadthPhrase(reading.breadth)}.`;
}

/**
 * Google publishes no machine-readable scope hierarchy, so this is a hand table of the inclusions its API pages
 * document: a method that accepts the narrow scope also accepts the broad one, and the broad scope's description
 * grants at least as much. Rows use the short names of `https://www.googleapis.com/auth/<name>`; the legacy Gmail
 * scope `https://mail.google.com/` keeps its full URL, as Google requests it.
 */
import { tableImplications, type ImplicationRow, type ScopeImplications } from './scope-implications';

const DRIVE = 'https://developers.google.com/workspace/drive/api/guides/api-specific-auth';
const GMAIL = 'https://developers.google.com/workspace/gmail/api/auth/scopes';
const SHEETS = 'https://developers.google.com/workspace/sheets/api/scopes';
const DOCS = 'https://developers.google.com/workspace/docs/api/auth';
const SLIDES = 'https://developers.google.com/workspace/slides/api/scopes';
const CALENDAR = 'https://developers.google.com/workspace/calendar/api/auth';
const PEOPLE = 'https://developers.google.com/people/api/rest/v1/people/get#authorization-scopes';
const TASKS = 'https://developers.google.com/workspace/tasks/auth';
const CHAT = 'https://developers.google.com/workspace/chat/authenticate-authorize#chat-api-scopes';
const FORMS = 'https://developers.google.com/workspace/forms/api/scopes';
const ADMIN_DIRECTORY = 'https://developers.google.com/workspace/admin/directory/v1/guides/authorizing';
const YOUTUBE = 'https://developers.google.com/youtube/v3/guides/auth/installed-apps#identify-access-scopes';
const CLOUD_STORAGE = 'https://cloud.google.com/storage/docs/oauth-scopes';
const CLOUD = 'https://developers.google.com/identity/protocols/oauth2/scopes#cloud-platform';

export const GOOGLE_IMPLICATION_ROWS: readonly ImplicationRow[] = [
  // Full mailbox access, permanent deletion included, is accepted wherever the narrower Gmail scopes are. The
  // settings scopes are not here: forwarding, delegates and filters accept only gmail.settings.*.
  {
    broader: 'https://mail.google.com/',
    narrower: ['gmail.modify', 'gmail.readonly', 'gmail.compose', 'gmail.send', 'gmail.insert', 'gmail.labels', 'gmail.metadata'],
    source: GMAIL,
  },
  { broader: 'gmail.modify', narrower: ['gmail.readonly', 'gmail.compose', 'gmail.send', 'gmail.insert', 'gmail.labels', 'gmail.metadata'], source: GMAIL },
  { broader: 'gmail.readonly', narrower: ['gmail.metadata'], source: GMAIL },
  { broader: 'gmail.compose', narrower: ['gmail.send'], source: GMAIL },
  // All of Drive includes every file an app could open or create, and every Docs, Sheets and Slides file, which
  // live in Drive; the Docs, Sheets and Slides APIs accept the Drive scopes. drive.appdata (the app's hidden
  // folder) and drive.scripts are separate grants.
  {
    broader: 'drive',
    narrower: ['drive.readonly', 'drive.file', 'drive.metadata', 'spreadsheets', 'documents', 'presentations'],
    source: DRIVE,
  },
  { broader: 'drive.readonly', narrower: ['drive.metadata.readonly', 'spreadsheets.readonly', 'documents.readonly', 'presentations.readonly'], source: DRIVE },
  { broader: 'drive.metadata', narrower: ['drive.metadata.readonly'], source: DRIVE },
  { broader: 'spreadsheets', narrower: ['spreadsheets.readonly'], source: SHEETS },
  { broader: 'documents', narrower: ['documents.readonly'], source: DOCS },
  { broader: 'presentations', narrower: ['presentations.readonly'], source: SLIDES },
  { broader: 'calendar', narrower: ['calendar.readonly', 'calendar.events'], source: CALENDAR },
  { broader: 'calendar.readonly', narrower: ['calendar.events.readonly', 'calendar.settings.readonly', 'calendar.freebusy'], source: CALENDAR },
  { broader: 'calendar.events', narrower: ['calendar.events.readonly'], source: CALENDAR },
  // "Other contacts" (people saved from past mail) take their own scope; contacts does not include them.
  { broader: 'contacts', narrower: ['contacts.readonly'], source: PEOPLE },
  { broader: 'tasks', narrower: ['tasks.readonly'], source: TASKS },
  { broader: 'chat.messages', narrower: ['chat.messages.readonly'], source: CHAT },
  { broader: 'chat.spaces', narrower: ['chat.spaces.readonly'], source: CHAT },
  { broader: 'chat.memberships', narrower: ['chat.memberships.readonly'], source: CHAT },
  { broader: 'forms.body', narrower: ['forms.body.readonly'], source: FORMS },
  { broader: 'admin.directory.user', narrower: ['admin.directory.user.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'admin.directory.group', narrower: ['admin.directory.group.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'admin.directory.group.member', narrower: ['admin.directory.group.member.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'admin.directory.orgunit', narrower: ['admin.directory.orgunit.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'admin.directory.device.chromeos', narrower: ['admin.directory.device.chromeos.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'admin.directory.device.mobile', narrower: ['admin.directory.device.mobile.readonly'], source: ADMIN_DIRECTORY },
  { broader: 'youtube', narrower: ['youtube.readonly'], source: YOUTUBE },
  { broader: 'youtube.force-ssl', narrower: ['youtube.readonly'], source: YOUTUBE },
  // For Cloud Storage, cloud-platform is documented as the same as devstorage.full_control, and
  // cloud-platform.read-only as the same as devstorage.read_only.
  { broader: 'cloud-platform', narrower: ['cloud-platform.read-only', 'devstorage.full_control'], source: CLOUD },
  { broader: 'cloud-platform.read-only', narrower: ['devstorage.read_only'], source: CLOUD_STORAGE },
  { broader: 'devstorage.full_control', narrower: ['devstorage.read_write'], source: CLOUD_STORAGE },
  { broader: 'devstorage.read_write', narrower: ['devstorage.read_only'], source: CLOUD_STORAGE },
];

/** The spellings Google accepts for its API scopes; the short name after it is what the table holds. */
const AUTH_PREFIX = /^https?:\/\/www\.googleapis\.com\/auth\//;
/** How Google requests a scope named in the table: legacy full URLs as they are, the rest under the auth prefix. */
const REQUEST_PREFIX = 'https://www.googleapis.com/auth/';

const table = tableImplications('google', '', GOOGLE_IMPLICATION_ROWS);

/**
 * Looks the approved scope up by its short name and answers in the spelling the approval used, so implication
 * never changes which spelling of a scope matches: an approved full URL covers full URLs, an approved short name
 * covers short names. The legacy `https://mail.google.com/` covers the Gmail scopes as Google requests them.
 */
function narrowerThan(key: string): readonly string[] {
  const prefix = AUTH_PREFIX.exec(key)?.[0];
  const name = prefix === undefined ? key : key.slice(prefix.length);
  const narrower = table.narrowerThan(name);
  if (narrower.length === 0) return narrower;
  const spell = prefix ?? (name.includes('://') ? REQUEST_PREFIX : '');
  return narrower.map((scope) => (scope.includes('://') ? scope : spell + scope));
}

export const googleImplications: ScopeImplications = {
  provider: 'google',
  description: "A hand table of the inclusions Google's API pages document (drive, Gmail, Calendar, Cloud and others).",
  rows: GOOGLE_IMPLICATION_ROWS,
  narrowerThan,
};

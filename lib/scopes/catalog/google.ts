/**
 * Google OAuth scopes. Requested as full URLs (`https://www.googleapis.com/auth/drive`), a few legacy URLs
 * (`https://mail.google.com/`) and short OpenID names (`openid`, `email`, `profile`).
 * Scope list: https://developers.google.com/identity/protocols/oauth2/scopes
 * Sensitive and restricted labels: https://support.google.com/cloud/answer/13464325
 */
import { GOOGLE_GENERATED } from '../generated/google';
import type { CatalogEntry } from '../scope-code';
import { withOverrides, type ProviderCatalog } from './provider-catalog';

const AUTH_PREFIX = /^https?:\/\/www\.googleapis\.com\/auth\//i;

function googleKey(scope: string): string {
  const prefix = AUTH_PREFIX.exec(scope);
  return prefix === null ? scope : scope.slice(prefix[0].length);
}

const CURATED: readonly CatalogEntry[] = [
  ['userinfo.email', 'i//o', 'See the email address of your Google Account.'],
  ['userinfo.profile', 'i//o', 'See your name and profile picture.'],
  ['plus.me', 'i//o', 'Know who you are on Google.'],
  // Left out of the discovery documents since Google+ closed, but still sent by old sign-in buttons.
  ['plus.login', 'i//o', 'Know who you are on Google (an old Google+ sign-in scope).'],
  ['https://mail.google.com/', 'rwd/m/o/R', 'Read, send, delete and manage all your email in Gmail.'],
  ['gmail.readonly', 'r/m/o/R', 'Read all your email and your Gmail settings.'],
  ['gmail.modify', 'rwd/m/o/R', 'Read, send and change all your email, and move it to the bin (but not erase it for good).'],
  ['gmail.compose', 'w/m/o/R', 'Write drafts and send email as you.'],
  ['gmail.send', 'w/m/o/G', 'Send email as you.'],
  ['gmail.insert', 'w/m/o/R', 'Add email messages to your Gmail mailbox.'],
  ['gmail.metadata', 'r/m/o/R', 'See the senders, recipients, subjects and dates of all your email, but not the message text.'],
  ['gmail.labels', 'rw/m/o', 'See and change your Gmail labels.'],
  ['gmail.settings.basic', 'rw/m/o/R', 'Change your Gmail settings and filters.'],
  ['gmail.settings.sharing', 'rw/mk/o/R', 'Change who can read your mail: forwarding addresses, delegates and send-as aliases.'],
  ['drive', 'rwd/f/s/R', 'See, change, share and delete all your Google Drive files, including files shared with you.'],
  ['drive.readonly', 'r/f/s/R', 'See and download all your Google Drive files, including files shared with you.'],
  ['drive.file', 'rwd/f/i', 'See and change only the Drive files you create or open with this app.'],
  ['drive.appdata', 'rwd/f/i', "Keep this app's own settings in a hidden folder of your Google Drive."],
  ['drive.metadata', 'rw/f/s/R', 'See and change the names, owners and details of all your Drive files.'],
  ['drive.metadata.readonly', 'r/f/s/R', 'See the names, owners and details of all your Drive files, but not their contents.'],
  ['drive.activity.readonly', 'r/f/s/R', 'See the history of changes to your Google Drive files.'],
  ['drive.scripts', 'rw/fs/o/R', 'Change how your Google Apps Script projects behave.'],
  ['documents', 'rwd/f/s/G', 'See, change and delete all your Google Docs documents.'],
  ['documents.readonly', 'r/f/s/G', 'See all your Google Docs documents.'],
  ['spreadsheets', 'rwd/f/s/G', 'See, change and delete all your Google Sheets spreadsheets.'],
  ['spreadsheets.readonly', 'r/f/s/G', 'See all your Google Sheets spreadsheets.'],
  ['presentations', 'rwd/f/s/G', 'See, change and delete all your Google Slides presentations.'],
  ['presentations.readonly', 'r/f/s/G', 'See all your Google Slides presentations.'],
  ['calendar', 'rwd/c/s/G', 'See, change, share and delete every calendar you can open in Google Calendar.'],
  ['calendar.readonly', 'r/c/s/G', 'See and download every calendar you can open in Google Calendar.'],
  ['calendar.events', 'rwd/c/s/G', 'See, create, change and delete events in all your calendars.'],
  ['calendar.events.readonly', 'r/c/s/G', 'See the events in all your calendars.'],
  ['calendar.app.created', 'rwd/c/i', 'Make its own secondary calendars and manage only those.'],
  ['calendar.freebusy', 'r/c/s/G', 'See when you are free or busy, without the event details.'],
  ['contacts', 'rwd/t/o/G', 'See, change, download and delete your contacts.'],
  ['contacts.readonly', 'r/t/o/G', 'See and download your contacts.'],
  ['contacts.other.readonly', 'r/t/o/G', 'See and download the people Google saved from your past email, your "other contacts".'],
  ['directory.readonly', 'r/et/g/G', "See and download your organisation's Google Workspace directory."],
  ['user.emails.read', 'r/e/o/G', 'See all email addresses on your Google Account.'],
  ['user.phonenumbers.read', 'r/e/o/G', 'See the phone numbers on your Google Account.'],
  ['user.addresses.read', 'r/e/o/G', 'See the street addresses on your Google Account.'],
  ['user.birthday.read', 'r/e/o/G', 'See your exact birthday.'],
  ['admin.directory.user', 'rwda/ek/g', 'Create, change, suspend and delete user accounts across your Google Workspace organisation.'],
  ['admin.directory.user.readonly', 'r/e/g', 'See every user account in your Google Workspace organisation.'],
  ['admin.directory.user.security', 'rwda/k/g', "Manage the passwords, sign-in cookies and app access of everyone in your organisation."],
  ['admin.directory.group', 'rwda/e/g', 'Create, change and delete groups and their members across your organisation.'],
  ['admin.directory.rolemanagement', 'rwda/ek/g', 'Give and take away administrator roles in your Google Workspace organisation.'],
  ['admin.directory.domain', 'rwda/n/g', "Add and remove your organisation's domains in Google Workspace."],
  ['admin.reports.audit.readonly', 'r/ek/g', "Read your organisation's Google Workspace audit logs."],
  ['apps.groups.settings', 'rwa/e/g', "Change the settings of your organisation's Google Groups."],
  ['cloud-platform', 'rwda/nk/g/G', 'See, change, configure and delete your Google Cloud data and settings.'],
  ['cloud-platform.read-only', 'r/nk/g/G', 'See your Google Cloud data and settings.'],
  ['devstorage.full_control', 'rwda/f/g', 'Manage your Google Cloud Storage data and who may open it.'],
  ['devstorage.read_only', 'r/f/g', 'Read your Google Cloud Storage data.'],
  ['tasks', 'rwd/n/o/G', 'Create, change and delete your tasks.'],
  ['tasks.readonly', 'r/n/o/G', 'See your tasks.'],
  ['chat.messages', 'rwd/m/s/G', 'See, send, change and delete messages in your Google Chat conversations.'],
  ['chat.messages.readonly', 'r/m/s/G', 'See messages in your Google Chat conversations.'],
  ['chat.spaces', 'rwd/m/s/G', 'Create, change and delete your Google Chat conversations and spaces.'],
  ['forms.body', 'rwd/f/s/G', 'See, change and delete your Google Forms.'],
  ['forms.responses.readonly', 'r/fu/s/G', 'See every answer submitted to your Google Forms.'],
  ['youtube', 'rwd/pf/o/G', 'Manage your YouTube account: videos, playlists, comments and settings.'],
  ['youtube.readonly', 'r/pf/o/G', 'See your YouTube account.'],
  ['photoslibrary.readonly', 'r/f/o/G', 'See and download your Google Photos library.'],
  ['analytics.readonly', 'r/n/s', 'See your Google Analytics data.'],
  ['script.projects', 'rwd/s/o/G', 'Create, change and run your Google Apps Script projects.'],
];

export const googleCatalog: ProviderCatalog = {
  id: 'google',
  entries: withOverrides(GOOGLE_GENERATED, CURATED),
  keyOf: googleKey,
  usesOidc: true,
};

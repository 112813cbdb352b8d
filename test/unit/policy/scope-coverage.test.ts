import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../../lib/authorization-request';
import { approvalCoversScope, approvedScopeKeys } from '../../../lib/policy/scope-coverage';

const G = 'https://www.googleapis.com/auth/';
const GRAPH = 'https://graph.microsoft.com/';
const OUTLOOK = 'https://outlook.office.com/';

// [provider, approved scopes, requested scope, covered?]: written by hand from the providers' documentation, not
// from the tables, so a wrong row in a table shows here.
const CASES: [ProviderId, string[], string, boolean][] = [
  // Google: Drive
  ['google', [`${G}drive`], `${G}drive.readonly`, true],
  ['google', [`${G}drive`], `${G}drive.file`, true],
  ['google', [`${G}drive`], `${G}drive.metadata.readonly`, true],
  ['google', [`${G}drive`], `${G}spreadsheets.readonly`, true],
  ['google', [`${G}drive`], `${G}drive.appdata`, false],
  ['google', [`${G}drive`], `${G}drive.scripts`, false],
  ['google', [`${G}drive.readonly`], `${G}drive`, false],
  ['google', [`${G}drive.readonly`], `${G}documents.readonly`, true],
  ['google', [`${G}drive.readonly`], `${G}documents`, false],
  ['google', [`${G}drive.file`], `${G}drive`, false],
  ['google', [`${G}drive.file`], `${G}drive.readonly`, false],
  ['google', [`${G}drive.file`], `${G}spreadsheets`, false],
  ['google', [`${G}spreadsheets`], `${G}drive`, false],
  ['google', [`${G}spreadsheets`], `${G}spreadsheets.readonly`, true],
  // Google: Gmail
  ['google', ['https://mail.google.com/'], `${G}gmail.readonly`, true],
  ['google', ['https://mail.google.com/'], `${G}gmail.modify`, true],
  ['google', ['https://mail.google.com/'], `${G}gmail.send`, true],
  ['google', ['https://mail.google.com/'], `${G}gmail.metadata`, true],
  ['google', ['https://mail.google.com/'], `${G}gmail.settings.sharing`, false],
  ['google', [`${G}gmail.readonly`], 'https://mail.google.com/', false],
  ['google', [`${G}gmail.readonly`], `${G}gmail.send`, false],
  ['google', [`${G}gmail.send`], `${G}gmail.compose`, false],
  ['google', [`${G}gmail.compose`], `${G}gmail.send`, true],
  ['google', [`${G}gmail.modify`], 'https://mail.google.com/', false],
  // Google: others
  ['google', [`${G}calendar`], `${G}calendar.events.readonly`, true],
  ['google', [`${G}calendar.events`], `${G}calendar`, false],
  ['google', [`${G}calendar.readonly`], `${G}calendar.events`, false],
  ['google', [`${G}contacts`], `${G}contacts.readonly`, true],
  ['google', [`${G}contacts`], `${G}contacts.other.readonly`, false],
  ['google', [`${G}youtube`], `${G}youtube.readonly`, true],
  ['google', [`${G}youtube.readonly`], `${G}youtube`, false],
  ['google', [`${G}cloud-platform`], `${G}cloud-platform.read-only`, true],
  ['google', [`${G}cloud-platform`], `${G}devstorage.read_only`, true],
  ['google', [`${G}cloud-platform.read-only`], `${G}cloud-platform`, false],
  ['google', [`${G}cloud-platform.read-only`], `${G}devstorage.read_write`, false],
  ['google', [`${G}admin.directory.user`], `${G}admin.directory.user.readonly`, true],
  ['google', [`${G}admin.directory.user.readonly`], `${G}admin.directory.user`, false],
  // Spelling: the approval's spelling is kept, and the email alias still works.
  ['google', ['drive'], 'drive.readonly', true],
  ['google', ['http://www.googleapis.com/auth/drive'], 'http://www.googleapis.com/auth/drive.readonly', true],
  ['google', ['email'], `${G}userinfo.email`, true],
  // Microsoft: the grammar
  ['microsoft', ['Mail.ReadWrite'], 'Mail.Read', true],
  ['microsoft', ['Mail.ReadWrite'], 'mail.read', true],
  ['microsoft', ['Mail.ReadWrite'], `${GRAPH}Mail.Read`, true],
  ['microsoft', [`${GRAPH}Mail.ReadWrite`], 'Mail.ReadBasic', true],
  ['microsoft', ['Mail.ReadWrite'], 'Mail.Send', false],
  ['microsoft', ['Mail.ReadWrite'], 'Mail.Read.Shared', false],
  ['microsoft', ['Mail.Read'], 'Mail.ReadWrite', false],
  ['microsoft', ['Mail.ReadBasic'], 'Mail.Read', false],
  ['microsoft', ['Mail.ReadWrite.Shared'], 'Mail.ReadWrite', true],
  ['microsoft', ['Mail.ReadWrite.Shared'], 'Mail.Read', true],
  ['microsoft', ['Mail.Read.Shared'], 'Mail.ReadBasic.Shared', true],
  ['microsoft', ['Mail.Send.Shared'], 'Mail.Send', true],
  ['microsoft', ['Mail.Send'], 'Mail.Send.Shared', false],
  ['microsoft', ['Calendars.ReadWrite'], 'Calendars.Read', true],
  ['microsoft', ['Calendars.Read'], 'Calendars.ReadBasic', true],
  ['microsoft', ['Calendars.ReadWrite'], 'Calendars.ReadWrite.Shared', false],
  ['microsoft', ['Files.ReadWrite.All'], 'Files.Read.All', true],
  ['microsoft', ['Files.ReadWrite.All'], 'Files.ReadWrite', true],
  ['microsoft', ['Files.ReadWrite.All'], 'Files.Read', true],
  ['microsoft', ['Files.Read.All'], 'Files.ReadWrite.All', false],
  ['microsoft', ['Files.Read.All'], 'Files.ReadWrite', false],
  ['microsoft', ['Files.Read'], 'Files.Read.All', false],
  ['microsoft', ['User.Read.All'], 'User.ReadBasic.All', true],
  ['microsoft', ['User.Read'], 'User.ReadBasic.All', false],
  ['microsoft', ['User.ReadWrite.All'], 'User.ReadBasic.All', true],
  ['microsoft', ['Directory.ReadWrite.All'], 'Directory.Read.All', true],
  ['microsoft', ['Directory.Read.All'], 'Directory.ReadWrite.All', false],
  ['microsoft', ['Group.ReadWrite.All'], 'Group.Read.All', true],
  // `.All` covers the own-data form only where documented.
  ['microsoft', ['Device.Read.All'], 'Device.Read', false],
  ['microsoft', ['Sites.FullControl.All'], 'Sites.Read.All', true],
  ['microsoft', ['Sites.ReadWrite.All'], 'Sites.Manage.All', false],
  ['microsoft', ['Notes.ReadWrite.All'], 'Notes.Create', true],
  ['microsoft', ['Notes.Create'], 'Notes.ReadWrite', false],
  // Microsoft: resources stay apart, and `.default` is only itself.
  ['microsoft', [`${OUTLOOK}Mail.ReadWrite`], `${OUTLOOK}mail.read`, true],
  ['microsoft', [`${OUTLOOK}Mail.ReadWrite`], 'Mail.Read', false],
  ['microsoft', ['Mail.ReadWrite'], `${OUTLOOK}Mail.Read`, false],
  ['microsoft', ['https://outlook.office365.com/Mail.ReadWrite'], 'https://outlook.office365.com/Mail.Read', true],
  ['microsoft', ['https://outlook.office365.com/Mail.ReadWrite'], `${OUTLOOK}Mail.Read`, false],
  // A company's own API names its scopes as it likes: no grammar there.
  ['microsoft', ['api://acme-crm/Contacts.ReadWrite'], 'api://acme-crm/Contacts.Read', false],
  ['microsoft', ['api://acme-crm/Contacts.ReadWrite'], 'Contacts.Read', false],
  ['microsoft', ['Contacts.ReadWrite'], 'api://acme-crm/Contacts.Read', false],
  ['microsoft', [`${GRAPH}.default`], 'Mail.Read', false],
  ['microsoft', ['Mail.ReadWrite'], `${GRAPH}.default`, false],
  ['microsoft', [`${GRAPH}.default`], `${GRAPH}.default`, true],
  // GitHub
  ['github', ['repo'], 'public_repo', true],
  ['github', ['repo'], 'repo:status', true],
  ['github', ['repo'], 'repo_deployment', true],
  ['github', ['repo'], 'repo:invite', true],
  ['github', ['repo'], 'security_events', true],
  ['github', ['repo'], 'delete_repo', false],
  ['github', ['repo'], 'workflow', false],
  ['github', ['repo'], 'admin:repo_hook', false],
  ['github', ['public_repo'], 'repo', false],
  ['github', ['admin:org'], 'write:org', true],
  ['github', ['admin:org'], 'read:org', true],
  ['github', ['admin:org'], 'admin:org_hook', false],
  ['github', ['read:org'], 'write:org', false],
  ['github', ['write:org'], 'admin:org', false],
  ['github', ['user'], 'user:email', true],
  ['github', ['user:email'], 'user', false],
  ['github', ['write:packages'], 'read:packages', true],
  ['github', ['write:packages'], 'delete:packages', false],
  // Slack has no hierarchy.
  ['slack', ['channels:write'], 'channels:read', false],
  ['slack', ['chat:write'], 'chat:write', true],
  ['slack', ['admin'], 'admin.users:read', false],
  // A provider without a table covers exactly what it lists, even names that look like Microsoft's.
  ['okta', ['Tasks.ReadWrite'], 'Tasks.Read', false],
  ['generic', ['repo'], 'public_repo', false],
  ['okta', ['okta.users.manage'], 'okta.users.manage', true],
];

describe('approvalCoversScope', () => {
  it.each(CASES)('%s: approving %j covers %s: %s', (provider, approved, requested, covered) => {
    expect(approvalCoversScope(provider, approved, requested)).toBe(covered);
  });

  it('covers several approved scopes at once, following each down', () => {
    const keys = approvedScopeKeys('github', ['repo', 'admin:org']);
    expect([...keys].sort()).toEqual(
      ['admin:org', 'public_repo', 'read:org', 'repo', 'repo:invite', 'repo:status', 'repo_deployment', 'security_events', 'write:org'].sort(),
    );
  });

  it('covers nothing when nothing is approved', () => {
    expect(approvedScopeKeys('google', []).size).toBe(0);
    expect(approvalCoversScope('microsoft', [], 'User.Read')).toBe(false);
  });

  it('never covers a scope broader than every approved one: the reverse of each covered case is refused', () => {
    for (const [provider, approved, requested, covered] of CASES) {
      if (!covered || approved.length !== 1 || approved[0]!.toLowerCase() === requested.toLowerCase()) continue;
      if (provider === 'google' && approved[0] === 'email') continue; // an alias, not an inclusion
      expect(approvalCoversScope(provider, [requested], approved[0]!), `${requested} must not cover ${approved[0]}`).toBe(false);
    }
  });
});

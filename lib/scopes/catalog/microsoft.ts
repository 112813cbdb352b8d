/**
 * Microsoft identity platform scopes: Microsoft Graph, SharePoint, the other Microsoft resources people meet on
 * consent screens (Exchange Online, Azure, Dynamics, Power BI, Azure DevOps, ...; see microsoft-resources.ts),
 * `.default` and apps' own APIs. Graph permission names are case-insensitive.
 * Permissions reference: https://learn.microsoft.com/graph/permissions-reference
 * Scope syntax (resource prefix, `.default`): https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 */
import { MICROSOFT_GENERATED } from '../generated/microsoft';
import { MICROSOFT_RESOURCES_GENERATED } from '../generated/microsoft-resources';
import type { CatalogEntry } from '../scope-code';
import { microsoftResourceKey } from './microsoft-resources';
import { withOverrides, type ProviderCatalog } from './provider-catalog';

/** Graph's own hosts (worldwide, national clouds, the legacy Azure AD Graph) and its app id. */
const GRAPH_PREFIX =
  /^(?:https?:\/\/)?(?:graph\.microsoft\.com|canary\.graph\.microsoft\.com|graph\.microsoft\.us|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn|graph\.windows\.net|00000003-0000-0000-c000-000000000000)\/+(?:(?:v1\.0|beta)\/)?/i;
/** SharePoint Online under a tenant's host or its app id. */
const SHAREPOINT_PREFIX = /^(?:https:\/\/[a-z0-9-]+\.sharepoint(?:-df)?\.com|00000003-0000-0ff1-ce00-000000000000)\/+/i;

function microsoftKey(scope: string): string {
  // `<resource>/.default` asks for every permission configured on the app registration for that resource.
  if (/(?:^|\/)\.default$/i.test(scope)) return '.default';
  const graph = GRAPH_PREFIX.exec(scope);
  if (graph !== null) return scope.slice(graph[0].length);
  const sharePoint = SHAREPOINT_PREFIX.exec(scope);
  if (sharePoint !== null) return `sharepoint:${scope.slice(sharePoint[0].length)}`;
  // A known resource is looked up under its own name, never as the Graph permission of the same spelling.
  const resource = microsoftResourceKey(scope);
  if (resource !== undefined) return resource;
  if (/\/access_as_user$/i.test(scope)) return 'custom-api:access_as_user';
  if (/\/user_impersonation$/i.test(scope)) return 'custom-api:user_impersonation';
  return scope;
}

const CURATED: readonly CatalogEntry[] = [
  ['openid', 'i//o', 'Sign you in with your Microsoft account.'],
  ['profile', 'i//o', 'See your name and basic profile.'],
  ['email', 'i//o', 'See your email address.'],
  ['offline_access', 'i//o/O', 'Keep access after you close the app, without asking you to sign in again.'],
  ['User.Read', 'i//o', 'Sign you in and see your profile (name, email address, job title).'],
  ['User.ReadBasic.All', 'r/e/g', 'See the names, email addresses and photos of everyone in your organisation.'],
  ['User.Read.All', 'r/e/g/M', 'See the full profiles of everyone in your organisation.'],
  ['User.ReadWrite', 'rw/e/o', 'See and change your own profile.'],
  ['User.ReadWrite.All', 'rwa/e/g/M', 'Change the profiles of everyone in your organisation.'],
  ['Mail.ReadBasic', 'r/m/o', 'See the senders, recipients, subjects and dates of your email, but not the message text.'],
  ['Mail.Read', 'r/m/o', 'Read all your email.'],
  ['Mail.ReadWrite', 'rwd/m/o', 'Read, change and delete all your email (sending needs Mail.Send).'],
  ['Mail.Send', 'w/m/o', 'Send email as you.'],
  ['Mail.Read.Shared', 'r/m/s', 'Read all your email and the email in mailboxes shared with you.'],
  ['Mail.ReadWrite.Shared', 'rwd/m/s', 'Read, change and delete your email and the email in mailboxes shared with you.'],
  ['Mail.Send.Shared', 'w/m/s', 'Send email as you or as the people who shared their mailbox with you.'],
  ['MailboxSettings.ReadWrite', 'rw/m/o', 'Change your mailbox settings, such as automatic replies and forwarding rules.'],
  ['EWS.AccessAsUser.All', 'rwd/mct/s', 'Read, send, change and delete everything in the mailboxes you can open, through Exchange Web Services.'],
  ['EAS.AccessAsUser.All', 'rwd/mct/o', 'Sync and change your email, calendar and contacts as a mobile mail app does.'],
  ['IMAP.AccessAsUser.All', 'rwd/m/o', 'Read, change and delete all your email over IMAP.'],
  ['POP.AccessAsUser.All', 'rd/m/o', 'Download and delete all your email over POP.'],
  ['SMTP.Send', 'w/m/o', 'Send email as you over SMTP.'],
  ['Calendars.Read', 'r/c/o', 'See all events in your calendars.'],
  ['Calendars.ReadWrite', 'rwd/c/o', 'See, create, change and delete events in your calendars.'],
  ['Calendars.Read.Shared', 'r/c/s', 'See events in your calendars and in calendars shared with you.'],
  ['Calendars.ReadWrite.Shared', 'rwd/c/s', 'Create, change and delete events in your calendars and calendars shared with you.'],
  ['Contacts.Read', 'r/t/o', 'See all your contacts.'],
  ['Contacts.ReadWrite', 'rwd/t/o', 'See, change and delete all your contacts.'],
  ['People.Read', 'r/te/o', 'See the people you work and talk with most.'],
  ['People.Read.All', 'r/te/g/M', 'See the lists of people everyone in your organisation works with.'],
  ['Files.Read', 'r/f/o', 'Read all your OneDrive files.'],
  ['Files.ReadWrite', 'rwd/f/o', 'Read, change and delete all your OneDrive files.'],
  ['Files.Read.All', 'r/f/s', 'Read every file you can open, in OneDrive and SharePoint, including files shared with you.'],
  ['Files.ReadWrite.All', 'rwd/f/s', 'Read, change and delete every file you can open, in OneDrive and SharePoint.'],
  ['Files.ReadWrite.AppFolder', 'rwd/f/i', "Read and change files in this app's own OneDrive folder only."],
  ['Files.Read.Selected', 'r/f/i', 'Read only the files you pick for this app.'],
  ['Files.ReadWrite.Selected', 'rw/f/i', 'Read and change only the files you pick for this app.'],
  ['Sites.Read.All', 'r/f/g', 'Read documents and lists in every SharePoint site you can open.'],
  ['Sites.ReadWrite.All', 'rwd/f/g', 'Change and delete documents and lists in every SharePoint site you can open.'],
  ['Sites.Manage.All', 'rwd/f/g', 'Create and delete lists and libraries in every SharePoint site you can open.'],
  ['Sites.FullControl.All', 'rwda/f/g/M', 'Fully control every SharePoint site you can open, including its permissions.'],
  ['Notes.Read', 'r/f/o', 'Read your OneNote notebooks.'],
  ['Notes.ReadWrite', 'rwd/f/o', 'Read and change your OneNote notebooks.'],
  ['Notes.Read.All', 'r/f/s', 'Read every OneNote notebook you can open.'],
  ['Chat.Read', 'r/m/o', 'Read all your Teams chat messages.'],
  ['Chat.ReadBasic', 'r/m/o', 'See the names and members of your Teams chats, but not the messages.'],
  ['Chat.ReadWrite', 'rwd/m/o', 'Read and send Teams chat messages as you.'],
  ['ChatMessage.Send', 'w/m/o', 'Send Teams chat messages as you.'],
  ['ChannelMessage.Read.All', 'r/m/g/M', 'Read the messages in every Teams channel you belong to.'],
  ['ChannelMessage.Send', 'w/m/s', 'Post messages in Teams channels as you.'],
  ['Team.ReadBasic.All', 'r/m/s', 'See the names and descriptions of the teams you belong to.'],
  ['OnlineMeetings.Read', 'r/c/o', 'See your Teams meetings.'],
  ['OnlineMeetings.ReadWrite', 'rwd/c/o', 'Create and change Teams meetings as you.'],
  ['OnlineMeetingTranscript.Read.All', 'r/mc/g/M', 'Read the transcripts of Teams meetings.'],
  ['Presence.Read', 'r/e/o', 'See whether you are available, busy or away in Teams.'],
  ['Presence.Read.All', 'r/e/g', 'See whether anyone in your organisation is available, busy or away.'],
  ['Tasks.Read', 'r/n/o', 'See your tasks in To Do and Planner.'],
  ['Tasks.ReadWrite', 'rwd/n/o', 'Create, change and delete your tasks in To Do and Planner.'],
  ['Group.Read.All', 'r/em/g/M', 'See every group in your organisation, with its members, conversations and files.'],
  ['Group.ReadWrite.All', 'rwda/em/g/M', 'Create, change and delete any group in your organisation, with its conversations and files.'],
  ['GroupMember.Read.All', 'r/e/g/M', 'See the members of every group in your organisation.'],
  ['GroupMember.ReadWrite.All', 'rwa/e/g/M', 'Add and remove members of any group in your organisation.'],
  ['Directory.Read.All', 'r/e/g/M', "See everything in your organisation's directory: users, groups, devices and apps."],
  ['Directory.ReadWrite.All', 'rwa/e/g/M', "Change anything in your organisation's directory: users, groups, devices and apps."],
  ['Directory.AccessAsUser.All', 'rwda/ek/g/M', "Do anything you can do in your organisation's directory, as you."],
  ['RoleManagement.Read.Directory', 'r/ek/g/M', 'See who holds which administrator role in your organisation.'],
  ['RoleManagement.ReadWrite.Directory', 'rwda/ek/g/M', 'Give and take away administrator roles in your organisation.'],
  ['Application.Read.All', 'r/k/g/M', 'See every app registered in your organisation and its settings.'],
  ['Application.ReadWrite.All', 'rwda/k/g/M', 'Create, change and delete the apps registered in your organisation, including their secrets.'],
  ['AppRoleAssignment.ReadWrite.All', 'rwda/k/g/M', 'Grant any app access to your organisation\'s data.'],
  ['DelegatedPermissionGrant.ReadWrite.All', 'rwda/k/g/M', 'Give apps permissions on behalf of anyone in your organisation.'],
  ['Policy.Read.All', 'r/k/g/M', "See your organisation's security policies, such as Conditional Access."],
  ['Policy.ReadWrite.ConditionalAccess', 'rwda/k/g/M', "Change your organisation's Conditional Access sign-in policies."],
  ['UserAuthenticationMethod.ReadWrite.All', 'rwda/k/g/M', "Change or remove anyone's sign-in methods, such as phone numbers and authenticator apps."],
  ['AuditLog.Read.All', 'r/ek/g/M', "Read your organisation's sign-in and audit logs."],
  ['BitlockerKey.Read.All', 'r/k/g/M', "Read the BitLocker recovery keys of your organisation's devices."],
  ['Device.Read.All', 'r/n/g/M', "See every device registered in your organisation."],
  ['DeviceManagementManagedDevices.ReadWrite.All', 'rwda/n/g/M', 'Change, wipe and retire the managed devices in your organisation.'],
  ['Reports.Read.All', 'r/en/g/M', "Read your organisation's Microsoft 365 usage reports."],
  ['.default', 'rwd/n/u', 'Everything an administrator set up for this app in advance; the list is not shown here, so how far it reaches is unknown.'],
  ['custom-api:access_as_user', 'rw/n/u', "Act as you in one of your organisation's own applications; what that allows depends on that application."],
  ['custom-api:user_impersonation', 'rw/n/u', 'Act as you in another application; what that allows depends on that application.'],
  ['sharepoint:AllSites.Read', 'r/f/g', 'Read documents and lists in every SharePoint site you can open.'],
  ['sharepoint:AllSites.Write', 'rwd/f/g', 'Change and delete documents and lists in every SharePoint site you can open.'],
  ['sharepoint:AllSites.Manage', 'rwd/f/g', 'Create and delete libraries and lists in every SharePoint site you can open.'],
  ['sharepoint:AllSites.FullControl', 'rwda/f/g/M', 'Fully control every SharePoint site you can open, including its permissions.'],
  ['sharepoint:MyFiles.Read', 'r/f/o', 'Read all your OneDrive files.'],
  ['sharepoint:MyFiles.Write', 'rwd/f/o', 'Read, change and delete all your OneDrive files.'],
];

/**
 * Exchange Online's permissions that Graph also has (`https://outlook.office.com/Mail.Read`) mean the same mailbox
 * access, so the curated Graph sentence applies under the Exchange key too.
 */
const EXCHANGE_KEYS = new Set(MICROSOFT_RESOURCES_GENERATED.filter(([key]) => key.startsWith('exchange:')).map(([key]) => key));
const EXCHANGE_CURATED: readonly CatalogEntry[] = CURATED.filter(([scope]) => EXCHANGE_KEYS.has(`exchange:${scope}`)).map(
  ([scope, code, description]) => [`exchange:${scope}`, code, description] as const,
);

export const microsoftCatalog: ProviderCatalog = {
  id: 'microsoft',
  entries: withOverrides([...MICROSOFT_GENERATED, ...MICROSOFT_RESOURCES_GENERATED], [...CURATED, ...EXCHANGE_CURATED]),
  keyOf: microsoftKey,
  usesOidc: true,
};

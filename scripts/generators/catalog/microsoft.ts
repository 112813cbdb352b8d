/**
 * Microsoft's part of the scope catalog: every enabled delegated permission of Microsoft Graph and of SharePoint
 * Online, from Microsoft's own service-principal exports in ./inputs (see inputs/SOURCES.md).
 *
 * One rule classifies every permission, from Microsoft's facts only:
 * - Access comes from the permission name's grammar `Resource.Operation[.Qualifier]`
 *   (https://learn.microsoft.com/graph/permissions-overview#permissions-naming-pattern): `Read`, `ReadBasic` and
 *   the other read operations are read only, and nothing ever adds write, delete or admin to them; `ReadWrite` is
 *   read and write, plus delete where Microsoft's consent text says the permission deletes or removes; `Send`,
 *   `Create`, `Manage`, `FullControl`, `AccessAsUser` and the rest are listed one by one in OPERATIONS. Admin access
 *   is added to a permission that can change data only where it administers the organisation: it grants
 *   permissions (FullControl, AndConsent, PrivilegedOperations), or it changes a tenant-administration resource
 *   (roles, policies, apps, directory objects, devices, security settings) across the organisation.
 * - Breadth comes from the qualifier: `.All`, `.Directory` and named tenant areas reach the organisation, `.Shared`,
 *   `AsGuest` and `ForChat`/`ForTeam` what others share, `.OwnedBy`, `.CreatedByApp`, `.Selected`, `.AppFolder` and
 *   no qualifier your own items; without a qualifier, a consent text that speaks of the organisation or tenant
 *   widens it to the organisation.
 * - The `microsoft-admin-consent` label is set exactly where Microsoft's `Type` is `Admin`.
 * - Data classes come from the resource family (RESOURCES below).
 * - The description is our own sentence, built from the classification and the resource's human name; Microsoft's
 *   consent text is read for facts (delete, organisation) and never copied.
 * A permission whose operation or resource family is not listed stops the generator, so a new kind of permission
 * is classified by a person instead of falling to a default.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';

const inputs = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

export const MICROSOFT_SOURCE =
  'merill/microsoft-info _info/GraphDelegateRoles.json and the SharePoint service principal (inputs/SOURCES.md)';

/** One delegated permission as both exports spell it (Graph in PascalCase, SharePoint in camelCase). */
export interface MicrosoftPermission {
  value: string;
  adminConsent: boolean;
  enabled: boolean;
  /** Microsoft's consent texts (admin and user), read for facts only. */
  consentText: string;
  /**
   * The text shown to one person, or the admin text where there is none. Reach is read from it: the admin text
   * speaks of granting for every user ("send mail as users in the organization"), not of what one grant reaches.
   */
  reachText: string;
}

interface GraphExportRow {
  Value: string;
  Type: 'Admin' | 'User';
  IsEnabled: boolean;
  AdminConsentDescription: string | null;
  UserConsentDescription: string | null;
}

interface SharePointExport {
  oauth2PermissionScopes: {
    value: string;
    type: 'Admin' | 'User';
    isEnabled: boolean;
    adminConsentDescription: string | null;
    userConsentDescription: string | null;
  }[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(inputs, file), 'utf8')) as T;
}

export function readGraphPermissions(): MicrosoftPermission[] {
  return readJson<GraphExportRow[]>('microsoft-graph-delegated.json').map((row) => ({
    value: row.Value,
    adminConsent: row.Type === 'Admin',
    enabled: row.IsEnabled,
    consentText: `${row.AdminConsentDescription ?? ''} ${row.UserConsentDescription ?? ''}`,
    reachText: row.UserConsentDescription || row.AdminConsentDescription || '',
  }));
}

export function readSharePointPermissions(): MicrosoftPermission[] {
  return readJson<SharePointExport>('microsoft-sharepoint-delegated.json').oauth2PermissionScopes.map((row) => ({
    value: row.value,
    adminConsent: row.type === 'Admin',
    enabled: row.isEnabled,
    consentText: `${row.adminConsentDescription ?? ''} ${row.userConsentDescription ?? ''}`,
    reachText: row.userConsentDescription || row.adminConsentDescription || '',
  }));
}

// ---------------------------------------------------------------- operations

interface Operation {
  access: Access[];
  /** The sentence's verb where the access verb would say less ("Send", "Create"). */
  verb?: string;
  /** Grants permissions to apps or people: admin access whatever the resource. */
  grantsPermissions?: boolean;
  /** Read and write that may also delete: decided by the consent text. */
  deleteFromText?: boolean;
  /** Writes, and also reads where the consent text says so. */
  readFromText?: boolean;
  /** The verb takes the resource without "your" or "the" ("Create Teams chats"). */
  bare?: boolean;
}

const READ: Operation = { access: ['read'] };
const READ_WRITE: Operation = { access: ['read', 'write'], deleteFromText: true };
const MANAGE: Operation = { access: ['read', 'write', 'delete'] };

/** Every operation word Microsoft uses, after the `For…` resource-specific suffix is taken off. */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  Read: READ,
  ReadBasic: { access: ['read'], verb: 'See the basic details of' },
  ReadSelected: READ,
  // An export copies data out and changes nothing.
  Export: { access: ['read'], verb: 'Export' },
  // Checks content against the organisation's labels and policies; Microsoft documents no change.
  Evaluate: { access: ['read'], verb: 'Check' },
  Process: { access: ['read'], verb: 'Process' },
  Compute: { access: ['read'], verb: 'Compute' },
  Search: { access: ['read'], verb: 'Search' },
  ReadWrite: READ_WRITE,
  ReadWriteBasic: READ_WRITE,
  ReadWriteSelf: READ_WRITE,
  ReadWriteSelected: READ_WRITE,
  ReadUpdate: { access: ['read', 'write'] },
  ReadApprove: { access: ['read', 'write'], verb: 'See and approve' },
  ImportExport: { access: ['read', 'write'], verb: 'Export and import' },
  // Installs apps and grants them the permissions they ask for.
  ReadWriteAndConsent: { access: ['read', 'write', 'delete'], grantsPermissions: true },
  ReadWriteAndConsentSelf: { access: ['read', 'write', 'delete'], grantsPermissions: true },
  ReadWriteNonOwnerRole: { access: ['read', 'write'], deleteFromText: true },
  // SharePoint's `Write` reads too ("create, read, update, and delete"); Timeline's only reports.
  Write: { access: ['write'], readFromText: true, deleteFromText: true },
  Edit: { access: ['write'], verb: 'Edit' },
  Create: { access: ['write'], verb: 'Create', bare: true },
  CreateFromOwnedTemplate: { access: ['write'], verb: 'Create', bare: true },
  Upload: { access: ['write'], verb: 'Upload' },
  Submit: { access: ['write'], verb: 'Submit' },
  Send: { access: ['write'], verb: 'Send messages as you through' },
  Start: { access: ['write'], verb: 'Start' },
  Activate: { access: ['write'], verb: 'Run' },
  Command: { access: ['write'], verb: 'Send commands to' },
  Invite: { access: ['write'], verb: 'Invite guests and create', bare: true },
  UpdateAuthProperties: { access: ['write'], verb: 'Change the sign-in settings of' },
  UpdateBranding: { access: ['write'], verb: 'Change the branding of' },
  EnableDisable: { access: ['write'], verb: 'Turn on and off' },
  EnableDisableAccount: { access: ['write'], verb: 'Turn on and off' },
  RevokeSessions: { access: ['write'], verb: 'End the sign-in sessions of' },
  AddRemoveCreds: { access: ['write', 'delete'], verb: 'Add and remove the credentials of' },
  Delete: { access: ['delete'], verb: 'Delete' },
  Remove: { access: ['delete'], verb: 'Remove' },
  DeleteRestore: { access: ['write', 'delete'], verb: 'Delete and restore' },
  ManageDeletion: { access: ['write', 'delete'], verb: 'Delete and restore' },
  Manage: MANAGE,
  ManageSelected: MANAGE,
  ManageIdentities: MANAGE,
  ManageProtection: MANAGE,
  AccessAsUser: { access: ['read', 'write', 'delete'], verb: 'Do anything you can do with' },
  FullControl: { access: ['read', 'write', 'delete'], verb: 'Fully control', grantsPermissions: true },
  PrivilegedOperations: { access: ['read', 'write', 'delete'], verb: 'Run privileged operations on', grantsPermissions: true },
  // An administrator picks which items and what access (read, write or full control) per item.
  Selected: { access: ['read', 'write'], verb: 'See and change the items an administrator picks in' },
  SelectedOperations: { access: ['read', 'write'], verb: 'See and change the items an administrator picks in' },
};

// ---------------------------------------------------------------- breadth

const OWN_QUALIFIERS = new Set(['OwnedBy', 'CreatedByApp', 'Selected', 'AppFolder', 'IdentityParentedBy', 'User']);
const SHARED_QUALIFIERS = new Set(['Shared', 'AsGuest']);
/** What the own-item qualifiers add to the sentence. */
const QUALIFIER_PHRASES: Readonly<Record<string, string>> = {
  OwnedBy: ' that this app owns',
  CreatedByApp: ' that this app created',
  Selected: ' that you pick for this app',
  AppFolder: " in this app's own folder",
  IdentityParentedBy: ' that this app is the parent of',
  AsGuest: ' you belong to as a guest',
};

/**
 * Consent texts that put the permission's reach at the organisation ("settings for your organization", "in any
 * team"). An "organizational account" or "your organization's directory" does not make a permission organisation-wide.
 */
const ORGANISATION_TEXT =
  /\b(?:(?:for|in|of|across) (?:your|the|an?) (?:organi[sz]ation|company|tenant)\b(?!(?:'s)? (?:account|directory))|organi[sz]ation-wide|tenant-wide|all users|any (?:team|user|group|chat)\b)/i;

function breadthOf(family: string, qualifier: string | undefined, scopeOfResource: string | undefined, reachText: string): Breadth {
  // SharePoint puts the reach in the resource name: AllSites, MyFiles.
  if (/^All[A-Z]/.test(family)) return 'organization';
  if (/^My[A-Z]/.test(family)) return 'own';
  if (scopeOfResource === 'Chat' || scopeOfResource === 'Team') return 'shared';
  if (scopeOfResource === 'User') return 'own';
  if (qualifier === undefined) return ORGANISATION_TEXT.test(reachText) ? 'organization' : 'own';
  if (OWN_QUALIFIERS.has(qualifier)) return 'own';
  if (SHARED_QUALIFIERS.has(qualifier)) return 'shared';
  // `.All`, `.Directory` and every named tenant area (`.ConditionalAccess`, `.Exchange`, `.AzureADGroup`, …).
  return 'organization';
}

// ---------------------------------------------------------------- resources

interface Resource {
  /** Family names (the part before the first dot) this row covers. */
  families: RegExp;
  data: DataClass[];
  /** Changes to it administer the organisation (roles, policies, apps, directory, devices, security). */
  tenantAdmin?: boolean;
  /** The human name, for the sentence; without it the family's words are used. */
  name?: string;
  /** The name for your own item, where it differs ("account and profile" for the user resource). */
  ownName?: string;
}

/**
 * The resource families and the data they hold. First match wins, so the narrow rows come before the broad ones.
 * Every family in the inputs must match a row (the generator stops otherwise).
 */
const RESOURCES: readonly Resource[] = [
  // Mail and mailboxes
  { families: /^(?:Mail|Mail-Advanced|MailboxItem|MailboxFolder)$/, data: ['communications'], name: 'mailbox' },
  { families: /^(?:MailboxSettings|MailboxConfigItem|MailTips)$/, data: ['communications'], name: 'mailbox settings' },
  { families: /^(?:IMAP|POP|SMTP)$/, data: ['communications'], name: 'mailbox' },
  { families: /^(?:EWS|EAS)$/, data: ['communications', 'calendar', 'contacts'], name: 'mailbox, calendar and contacts' },
  { families: /^ExchangeMessageTrace$/, data: ['communications'], name: 'email delivery logs', tenantAdmin: true },
  // Calendars, meetings, bookings
  { families: /^Calendars$/, data: ['calendar'], name: 'calendars' },
  { families: /^(?:OnlineMeetings|VirtualEvent|VirtualAppointment|VirtualAppointmentNotification)$/, data: ['calendar'], name: 'online meetings and events' },
  { families: /^(?:OnlineMeetingTranscript|OnlineMeetingRecording|OnlineMeetingArtifact|OnlineMeetingAiInsight|CallRecordings|CallTranscripts|CallAiInsights|RealTimeActivityFeed)$/, data: ['communications', 'calendar'], name: 'meeting and call recordings, transcripts and notes' },
  { families: /^(?:Bookings|BookingsAppointment)$/, data: ['calendar', 'customer'], name: 'Bookings calendars and customers' },
  { families: /^(?:Schedule|SchedulePermissions)$/, data: ['calendar', 'employee'], name: 'Teams shift schedules' },
  { families: /^(?:Place|PlaceDevice)$/, data: ['internal'], name: 'rooms, buildings and their devices' },
  // Contacts and people
  { families: /^(?:Contacts|Contacts-OnPremisesSyncBehavior)$/, data: ['contacts'], name: 'contacts' },
  { families: /^(?:People|PeopleSettings)$/, data: ['contacts', 'employee'], name: 'people you work with' },
  { families: /^OrgContact$/, data: ['contacts'], name: "organisation's shared contacts" },
  // Teams and chat
  { families: /^(?:Chat|ChatMessage|ChatMember)$/, data: ['communications'], name: 'Teams chats' },
  { families: /^(?:Channel|ChannelMessage|ChannelMember|ChannelSettings)$/, data: ['communications'], name: 'Teams channels and channel messages' },
  { families: /^(?:Team|TeamMember|TeamSettings|TeamTemplates|TeamworkTag|TeamworkSection|TeamworkTargetedMessage|TeamworkUserInteraction|Teamwork|UserTeamwork)$/, data: ['communications', 'employee'], name: 'teams in Microsoft Teams' },
  { families: /^(?:TeamsActivity|UserNotification|Notifications|IdentityNotifications)$/, data: ['communications'], name: 'activity feed and notifications' },
  { families: /^(?:TeamsAppInstallation|TeamsTab|TeamworkAppSettings|AppCatalog)$/, data: ['internal'], name: 'Teams apps and tabs', tenantAdmin: true },
  { families: /^(?:TeamworkCustomEmoji)$/, data: ['internal'], name: 'custom emoji in Teams' },
  { families: /^(?:TeamworkDevice|TeamsResourceAccount|TeamsTelephoneNumber|TeamsPolicyUserAssign|TeamsUserConfiguration)$/, data: ['employee', 'internal'], name: 'Teams devices, phone numbers and user policies', tenantAdmin: true },
  { families: /^(?:CallDelegation|CallEvents)$/, data: ['communications'], name: 'calls and call delegation' },
  { families: /^(?:Community|EngagementConversation|EngagementMeetingConversation|EngagementRole|Storyline|QnA|SentimentSurvey)$/, data: ['communications'], name: 'Viva Engage communities and conversations' },
  // Files, sites, notes
  { families: /^(?:Files|MyFiles)$/, data: ['files'], name: 'files' },
  { families: /^(?:Sites|AllSites|Lists|ListItems)$/, data: ['files'], name: 'SharePoint sites, lists and documents' },
  { families: /^(?:FileStorageContainer|FileStorageContainerType|FileStorageContainerTypeReg)$/, data: ['files'], name: 'SharePoint Embedded file containers' },
  { families: /^(?:Notes|ShortNotes)$/, data: ['files'], name: 'OneNote notebooks and notes' },
  { families: /^(?:Tasks)$/, data: ['internal'], name: 'tasks in To Do and Planner' },
  { families: /^(?:TermStore)$/, data: ['files'], name: 'SharePoint term store', tenantAdmin: true },
  { families: /^(?:SharePointTenantSettings|SharePointCrossTenantMigration)$/, data: ['files'], name: 'SharePoint and OneDrive organisation settings', tenantAdmin: true },
  { families: /^(?:Project|ProjectWebApp|ProjectWebAppReporting|EnterpriseResource|TaskStatus)$/, data: ['internal'], name: 'Project Online projects and resources' },
  { families: /^(?:ExternalItem|ExternalConnection|ExternalUserProfile|PendingExternalUserProfile)$/, data: ['files', 'internal'], name: 'Microsoft Search connectors and their content', tenantAdmin: true },
  { families: /^(?:UserCloudClipboard)$/, data: ['files'], name: 'cloud clipboard' },
  { families: /^(?:Bookmark|Acronym|Topic|SearchConfiguration)$/, data: ['internal'], name: 'Microsoft Search answers and settings', tenantAdmin: true },
  // Copilot and AI
  { families: /^(?:CopilotConversation|AiEnterpriseInteraction)$/, data: ['communications'], name: 'Copilot conversations' },
  { families: /^(?:CopilotPackages|CopilotPolicySettings|CopilotSettings-LimitedMode)$/, data: ['internal'], name: 'Copilot settings', tenantAdmin: true },
  { families: /^(?:AgentCardManifest|AgentCollection|AgentCommunicationConfiguration|AgentInstance|AgentRegistration)$/, data: ['internal', 'credentials'], name: 'AI agents and their registrations', tenantAdmin: true },
  { families: /^(?:AgentIdUser|AgentIdentity|AgentIdentityBlueprint|AgentIdentityBlueprintPrincipal)$/, data: ['credentials'], name: 'AI agent identities', tenantAdmin: true },
  // Sign-in, credentials, apps and permissions
  { families: /^(?:UserAuthenticationMethod|UserAuthMethod-.+)$/, data: ['credentials'], name: 'sign-in methods', tenantAdmin: true },
  { families: /^(?:BitlockerKey|DeviceLocalCredential)$/, data: ['credentials'], name: 'device recovery keys and local administrator passwords' },
  { families: /^(?:Application|Application-RemoteDesktopConfig|AppCertTrustConfiguration|ServicePrincipalEndpoint|SubjectNameRegistration|MutualTlsOauthConfiguration|SpiffeTrustDomain)$/, data: ['credentials'], name: 'app registrations and their credentials', tenantAdmin: true },
  { families: /^(?:AppRoleAssignment|DelegatedPermissionGrant|PreAuthorizationGrant|ResourceSpecificPermissionGrant|ConsentRequest)$/, data: ['credentials'], name: 'permissions granted to apps', tenantAdmin: true },
  { families: /^(?:RoleManagement|RoleManagementAlert|RoleManagementPolicy|RoleAssignmentSchedule|RoleEligibilitySchedule|PrivilegedAccess|PrivilegedAccess-CustomExt|PrivilegedAssignmentSchedule|PrivilegedEligibilitySchedule|DelegatedAdminRelationship)$/, data: ['credentials', 'employee'], name: 'administrator roles and who holds them', tenantAdmin: true },
  { families: /^(?:Policy|AuthenticationContext|CustomAuthenticationExtension|APIConnectors|IdentityProvider|IdentityUserFlow|TrustFrameworkKeySet|PublicKeyInfrastructure|SignInIdentifier|OnPremisesPublishingProfiles|Domain|Domain-InternalFederation|CrossTenantInformation|MultiTenantOrganization|OrganizationalBranding|EventListener)$/, data: ['credentials'], name: 'sign-in and security policies', tenantAdmin: true },
  { families: /^(?:IdentityRiskEvent|IdentityRiskyUser|IdentityRiskyServicePrincipal|IdentityRiskyAgent|RiskPreventionProviders)$/, data: ['credentials', 'employee'], name: 'risky sign-ins and risk detections', tenantAdmin: true },
  // Directory and people records
  { families: /^(?:User|User-.+)$/, data: ['employee'], name: 'user accounts', ownName: 'account and profile', tenantAdmin: true },
  { families: /^(?:ProfilePhoto|CrossTenantUserProfileSharing)$/, data: ['employee'], name: 'user profiles and photos' },
  { families: /^Presence$/, data: ['employee'], name: 'availability in Teams (available, busy, away)' },
  { families: /^(?:UserActivity|UserTimelineActivity|Analytics|Insights-UserMetric)$/, data: ['employee'], name: 'activity history and statistics' },
  { families: /^UserWindowsSettings$/, data: ['employee'], name: 'Windows settings' },
  { families: /^Family$/, data: ['employee'], name: 'family members' },
  { families: /^(?:Directory|DirectoryRecommendations|Organization|OrgSettings-.+|Member|AdministrativeUnit|CustomSecAttribute.+|LicenseAssignment|Subscription|BillingConfiguration|OnPremDirectorySynchronization|Synchronization|SynchronizationData-User|EntraBackup|RemoteTenantGroups|TenantGovernance-.+|ManagedTenants|ProvisioningLog|ChangeManagement)$/, data: ['employee', 'internal'], name: 'directory and organisation settings', tenantAdmin: true },
  { families: /^(?:Group|Group-.+|GroupMember|GroupSettings|UnifiedGroupMember)$/, data: ['employee', 'communications'], name: 'groups and their members', tenantAdmin: true },
  { families: /^(?:AccessReview|Agreement|AgreementAcceptance|EntitlementManagement|EntitlementMgmt-SubjectAccess|LifecyclePolicies-.+|LifecycleWorkflows|LifecycleWorkflows-.+|ProgramControl)$/, data: ['employee'], name: 'access reviews, access packages and lifecycle workflows', tenantAdmin: true },
  { families: /^(?:EduRoster|EduAssignments|EduCurricula|LearningAssignedCourse|LearningSelfInitiatedCourse|LearningContent|LearningProvider|Goals-Export)$/, data: ['employee'], name: 'classes, assignments and learning records' },
  { families: /^EduAdministration$/, data: ['employee', 'internal'], name: 'education app settings', tenantAdmin: true },
  { families: /^(?:IndustryData|IndustryData-.+)$/, data: ['employee', 'internal'], name: 'industry data connections and imports', tenantAdmin: true },
  { families: /^(?:VerifiedId-Profile)$/, data: ['credentials', 'employee'], name: 'Verified ID profiles', tenantAdmin: true },
  // Devices and printing
  { families: /^(?:Device|DeviceTemplate)$/, data: ['internal'], name: 'devices', tenantAdmin: true },
  { families: /^(?:DeviceManagement.+|CloudPC|WindowsUpdates|BrowserSiteLists|ConfigurationMonitoring)$/, data: ['internal'], name: 'managed devices and their configuration', tenantAdmin: true },
  { families: /^(?:PrintJob|Printer|PrinterShare|PullPrintPrinter)$/, data: ['files'], name: 'printers and print jobs' },
  { families: /^(?:PrintConnector|PrintSettings)$/, data: ['internal'], name: 'print settings', tenantAdmin: true },
  // Security, compliance, audit
  { families: /^(?:Security.+|ThreatAssessment|ThreatHunting|ThreatIndicators|ThreatIntelligence|ThreatSubmission|ThreatSubmissionPolicy|AttackSimulation|CustomDetection|CloudApp-Discovery|PartnerSecurity|NetworkAccess|NetworkAccess-Reports|NetworkAccessBranch|NetworkAccessPolicy)$/, data: ['internal', 'credentials'], name: 'security alerts, incidents and settings', tenantAdmin: true },
  { families: /^(?:eDiscovery|SubjectRightsRequest|RecordsManagement|CaseManagement)$/, data: ['communications', 'files', 'employee'], name: 'eDiscovery cases, records and privacy requests', tenantAdmin: true },
  { families: /^(?:InformationProtectionPolicy|InformationProtectionConfig|SensitivityLabel|SensitivityLabels|ProtectionScopes|Content|CustomTags)$/, data: ['internal'], name: 'sensitivity labels and data-protection settings' },
  { families: /^(?:AuditLog|AuditLogsQuery|AuditLogsQuery-.+|AuditActivity|ContentActivity|ServiceActivity-.+)$/, data: ['employee', 'credentials'], name: 'audit and activity logs' },
  { families: /^(?:BackupRestore-.+)$/, data: ['files', 'communications'], name: 'Microsoft 365 backups', tenantAdmin: true },
  // Reports, service health, business data
  { families: /^(?:Reports|ReportSettings|ServiceHealth|ServiceMessage|ServiceMessageViewpoint|HealthMonitoringAlert|HealthMonitoringAlertConfig)$/, data: ['internal'], name: 'usage reports and service health' },
  { families: /^(?:Financials|PartnerBilling|Contracts)$/, data: ['payment', 'customer'], name: 'financial and billing data' },
  { families: /^(?:BusinessScenarioConfig|BusinessScenarioData|ApprovalSolution|ApprovalSolutionResponse|WorkforceIntegration)$/, data: ['internal'], name: 'business processes and approvals' },
];

function resourceOf(family: string): Resource {
  const resource = RESOURCES.find((row) => row.families.test(family));
  if (resource === undefined) throw new Error(`Microsoft permission family "${family}" has no row in RESOURCES: classify it by hand`);
  return resource;
}

// ---------------------------------------------------------------- classification

export interface MicrosoftClassification {
  access: Access[];
  dataClasses: DataClass[];
  breadth: Breadth;
  labels: ProviderLabel[];
  description: string;
}

const ACCESS_ORDER: readonly Access[] = ['identity', 'read', 'write', 'delete', 'admin'];
const READ_TEXT = /\bread\b/i;
const DELETE_TEXT = /\b(?:delete|deletes|deleting|remove|removes|uninstall|terminate)\b/i;

function sorted(access: Iterable<Access>): Access[] {
  const set = new Set(access);
  return ACCESS_ORDER.filter((a) => set.has(a));
}

/** `ReadWriteForChat` → operation `ReadWrite`, resource `Chat` (Teams resource-specific consent). */
function splitOperation(word: string): { operation: string; scopeOfResource?: string } {
  const match = /^(.+?)For(Chat|Team|User)$/.exec(word);
  return match === null ? { operation: word } : { operation: match[1] ?? word, scopeOfResource: match[2] };
}

function words(family: string): string {
  return family
    .replace(/-/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export function classifyMicrosoftPermission(permission: MicrosoftPermission): MicrosoftClassification {
  const [family = '', operationWord = '', ...qualifierParts] = permission.value.split('.');
  const { operation: operationName, scopeOfResource } = splitOperation(operationWord);
  const operation = OPERATIONS[operationName];
  if (operation === undefined) throw new Error(`Microsoft permission "${permission.value}": unknown operation "${operationName}"`);
  const qualifier = qualifierParts.length > 0 ? qualifierParts.join('.') : undefined;
  const resource = resourceOf(family);
  const breadth = breadthOf(family, qualifier, scopeOfResource, permission.reachText);

  const access = new Set<Access>(operation.access);
  if (operation.deleteFromText === true && DELETE_TEXT.test(permission.consentText)) access.add('delete');
  if (operation.readFromText === true && READ_TEXT.test(permission.consentText)) access.add('read');
  const changes = access.has('write') || access.has('delete');
  if (changes && (operation.grantsPermissions === true || (resource.tenantAdmin === true && breadth === 'organization'))) {
    access.add('admin');
  }
  const classified = sorted(access);

  const own = breadth === 'own' && qualifier === undefined && scopeOfResource === undefined;
  const name = (own && operation.bare !== true ? resource.ownName : undefined) ?? resource.name ?? words(family);
  // `Files.SelectedOperations.Selected`: the verb already says that an administrator picks the items.
  const qualifierPhrase = operationName.startsWith('Selected') ? undefined : QUALIFIER_PHRASES[qualifier ?? ''];
  const determiner = operation.bare === true ? '' : own ? 'your ' : 'the ';
  const subject = `${determiner}${name}${qualifierPhrase ?? ''}`;
  const verb = operation.verb ?? accessVerb(classified);
  // A qualifier phrase ("that this app created") already says how far it reaches.
  const reach = qualifierPhrase === undefined ? breadthPhrase(breadth, scopeOfResource) : '';
  return {
    access: classified,
    dataClasses: [...resource.data],
    breadth,
    labels: permission.adminConsent ? ['microsoft-admin-consent'] : [],
    description: `${verb} ${subject}${reach}${adminNote(classified, operation)}.`,
  };
}

function accessVerb(access: readonly Access[]): string {
  const write = access.includes('write');
  const del = access.includes('delete');
  if (access.includes('admin')) return del ? 'Administer, change and delete' : 'Administer and change';
  if (write && del) return access.includes('read') ? 'See, change and delete' : 'Change and delete';
  if (write) return access.includes('read') ? 'See and change' : 'Add to or change';
  if (del) return access.includes('read') ? 'See and delete' : 'Delete';
  return 'See';
}

function breadthPhrase(breadth: Breadth, scopeOfResource: string | undefined): string {
  if (scopeOfResource === 'Chat') return ' in the chats you can open';
  if (scopeOfResource === 'Team') return ' in the teams you can open';
  if (scopeOfResource === 'User') return ' for you';
  if (breadth === 'organization') return ' across your organisation, wherever you have access';
  if (breadth === 'shared') return ', including what others share with you';
  return '';
}

function adminNote(access: readonly Access[], operation: Operation): string {
  if (operation.grantsPermissions === true && access.includes('admin')) return ', including who and what gets access';
  return '';
}

function entry(scope: string, c: MicrosoftClassification): CatalogEntry {
  const code = encodeScopeCode({ ...c, grantsOfflineAccess: false });
  return [scope, code, c.description];
}

/** The OpenID Connect scopes in Graph's list are answered by lib/scopes/catalog/oidc.ts and the curated list. */
const SIGN_IN_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

export function generateMicrosoft(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const permission of readGraphPermissions()) {
    if (!permission.enabled || SIGN_IN_SCOPES.has(permission.value)) continue;
    entries.push(entry(permission.value, classifyMicrosoftPermission(permission)));
  }
  // SharePoint's own permissions are valid only with a https://<tenant>.sharepoint.com/ prefix; see catalog/microsoft.ts.
  for (const permission of readSharePointPermissions()) {
    if (!permission.enabled) continue;
    entries.push(entry(`sharepoint:${permission.value}`, classifyMicrosoftPermission(permission)));
  }
  return entries;
}

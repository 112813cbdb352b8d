/**
 * The Microsoft resources beyond Graph and SharePoint that people meet on consent screens: Exchange Online, Azure
 * Resource Manager, Dataverse (Dynamics CRM), Power BI, Azure DevOps, Key Vault, Storage, SQL, Intune and the Office
 * 365 Management APIs. Their permissions are read from ./inputs/microsoft-resources-delegated.json (see
 * inputs/SOURCES.md) and written as `<resource id>:<permission>` keys, which lib/scopes/catalog/microsoft.ts
 * finds from the resource named in the scope (`https://outlook.office.com/EWS.AccessAsUser.All`).
 *
 * Each resource is judged at its own breadth, because the same word means different things per resource:
 * - Exchange's permissions that Graph also has (`Mail.Read`) mean the same mailbox access, so they take Graph's
 *   classification; the Exchange-only ones (`full_access_as_user`, `Exchange.Manage`) are classified here.
 * - `user_impersonation` acts as the person on everything the resource lets them reach: every Azure subscription,
 *   every key vault, storage account or database their roles open. Its reach and data come from IMPERSONATION.
 * - Power BI and Fabric follow Graph's `Family.Operation.All` grammar, but `.All` there means every item the person
 *   can open, not the whole tenant; only the `Tenant.*` admin permissions reach the organisation.
 * - Azure DevOps names its access level in each scope's published name ("Code (read and write)"): that name decides
 *   access, the category decides the data, and the scopes reach every organisation and project the person can.
 * Every permission must match a rule here; the generator stops on one it cannot classify.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import type { Access, Breadth, DataClass, ProviderLabel } from '../../../lib/scopes/scope-info';
import { accessVerb } from '../../../lib/scopes/scope-words';
import { classifyMicrosoftPermission, readGraphPermissions, type MicrosoftClassification } from './microsoft';

const inputs = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

export const MICROSOFT_RESOURCES_SOURCE = 'inputs/microsoft-resources-delegated.json (inputs/SOURCES.md)';

export interface ResourcePermission {
  value: string;
  /** Microsoft's admin-consent Type where a source states it; null where none does (no label is then set). */
  type: 'Admin' | 'User' | null;
  /** Azure DevOps only: the published category and name ("Code (read and write)"). */
  category?: string;
  name?: string;
  highPrivilege?: boolean;
  inherits?: string;
}

export interface ResourceInput {
  id: string;
  appId: string;
  displayName: string;
  source: string;
  permissions: ResourcePermission[];
}

export function readResourceInputs(): ResourceInput[] {
  const text = readFileSync(join(inputs, 'microsoft-resources-delegated.json'), 'utf8');
  return (JSON.parse(text) as { resources: ResourceInput[] }).resources;
}

type Classified = Omit<MicrosoftClassification, 'labels'>;

function labelsOf(permission: ResourcePermission): ProviderLabel[] {
  return permission.type === 'Admin' ? ['microsoft-admin-consent'] : [];
}

const ACCESS_ORDER: readonly Access[] = ['identity', 'read', 'write', 'delete', 'admin'];
function sorted(access: Iterable<Access>): Access[] {
  const set = new Set(access);
  return ACCESS_ORDER.filter((a) => set.has(a));
}

// ---------------------------------------------------------------- Exchange Online

/** Exchange's own permissions, which Graph does not have. */
const EXCHANGE_OWN: Readonly<Record<string, Classified>> = {
  // The older name of EWS's delegated permission: EWS reaches every mailbox the person has been given access to.
  full_access_as_user: {
    access: ['read', 'write', 'delete'],
    dataClasses: ['communications', 'calendar', 'contacts'],
    breadth: 'shared',
    description: 'Read, send, change and delete everything in the mailboxes you can open, through Exchange Web Services.',
  },
  // Runs Exchange Online PowerShell as the person: with an Exchange admin role, that administers every mailbox.
  'Exchange.Manage': {
    access: ['read', 'write', 'delete', 'admin'],
    dataClasses: ['communications', 'employee'],
    breadth: 'organization',
    description: "Run Exchange Online management commands as you: with an admin role, change every mailbox and mail setting of your organisation.",
  },
};

// ---------------------------------------------------------------- user_impersonation

/** What acting as the person means on each resource whose only permission is `user_impersonation`. */
const IMPERSONATION: Readonly<Record<string, Classified>> = {
  'azure-management': {
    access: ['read', 'write', 'delete', 'admin'],
    dataClasses: ['internal', 'credentials'],
    breadth: 'organization',
    description: 'Manage the Azure subscriptions and cloud resources you can reach, as you.',
  },
  dynamics: {
    access: ['read', 'write', 'delete'],
    dataClasses: ['customer', 'internal'],
    breadth: 'organization',
    description: 'Act as you in Dynamics 365 and Dataverse: see, change and delete the customer and business records you can reach.',
  },
  'key-vault': {
    access: ['read', 'write', 'delete'],
    dataClasses: ['credentials'],
    breadth: 'organization',
    description: 'Act as you in Azure Key Vault: read, change and delete the secrets, keys and certificates in every vault you can reach.',
  },
  'azure-storage': {
    access: ['read', 'write', 'delete'],
    dataClasses: ['files', 'internal'],
    breadth: 'organization',
    description: 'Act as you in Azure Storage: read, change and delete the blobs, files and queues in every storage account you can reach.',
  },
  'azure-sql': {
    access: ['read', 'write', 'delete'],
    dataClasses: ['customer', 'internal'],
    breadth: 'organization',
    description: 'Act as you in Azure SQL: query and change every database you can sign in to.',
  },
  'azure-devops': {
    access: ['read', 'write', 'delete', 'admin'],
    dataClasses: ['source-code', 'internal', 'credentials'],
    breadth: 'organization',
    description: 'Act as you in Azure DevOps with no limit: code, pipelines, work items and settings in every organisation you belong to.',
  },
};

// ---------------------------------------------------------------- Power BI and Fabric

const POWER_BI_DATA: Readonly<Record<string, { name: string; data: DataClass[] }>> = {
  App: { name: 'Power BI apps', data: ['internal'] },
  Capacity: { name: 'Power BI capacities', data: ['internal'] },
  Connection: { name: 'data source connections and their stored credentials', data: ['credentials', 'internal'] },
  Content: { name: 'Power BI content', data: ['internal'] },
  Dashboard: { name: 'Power BI dashboards', data: ['internal'] },
  Dataflow: { name: 'Power BI dataflows', data: ['internal', 'customer'] },
  Dataset: { name: 'Power BI datasets and the data in them', data: ['internal', 'customer'] },
  Gateway: { name: 'data gateways and their stored credentials', data: ['credentials', 'internal'] },
  Item: { name: 'Fabric and Power BI items', data: ['internal', 'customer'] },
  Pipeline: { name: 'deployment pipelines', data: ['internal'] },
  Report: { name: 'Power BI reports', data: ['internal'] },
  StorageAccount: { name: 'Azure storage accounts linked to Power BI', data: ['files', 'internal'] },
  Tenant: { name: 'Power BI and Fabric administration data', data: ['internal', 'employee'] },
  UserState: { name: 'Power BI settings and state', data: ['internal'] },
  Workspace: { name: 'Power BI and Fabric workspaces', data: ['internal'] },
};

const POWER_BI_OPERATIONS: Readonly<Record<string, { access: Access[]; verb?: string; bare?: boolean }>> = {
  Read: { access: ['read'] },
  // Power BI's write permissions also delete (the REST API's delete operations ask for them).
  ReadWrite: { access: ['read', 'write', 'delete'] },
  Create: { access: ['write'], verb: 'Create', bare: true },
  Execute: { access: ['write'], verb: 'Run' },
  Reshare: { access: ['write'], verb: 'Share with others' },
  Deploy: { access: ['write'], verb: 'Deploy content through' },
};

function classifyPowerBi(value: string): Classified {
  const [family = '', operation = ''] = value.split('.');
  const resource = POWER_BI_DATA[family];
  const op = POWER_BI_OPERATIONS[operation];
  if (resource === undefined || op === undefined) throw new Error(`Power BI permission "${value}": classify it by hand`);
  // The tenant admin APIs read and change everything in the organisation's Power BI and Fabric.
  const tenant = family === 'Tenant';
  const breadth: Breadth = tenant ? 'organization' : 'shared';
  const access = sorted(tenant && op.access.includes('write') ? [...op.access, 'admin'] : op.access);
  const verb = op.verb ?? accessVerb(access);
  const description = tenant
    ? `${verb} your organisation's ${resource.name}.`
    : op.bare === true
      ? `${verb} ${resource.name}.`
      : `${verb} the ${resource.name} you have access to, including what others share with you.`;
  return { access, dataClasses: resource.data, breadth, description };
}

// ---------------------------------------------------------------- Azure DevOps

/**
 * Data and subject per Azure DevOps category. `admin`: the category administers the organisation (people, licences,
 * permissions, tokens, agents, projects), so managing it is admin access and it reaches the whole organisation; the
 * other categories hold the projects' content, which reaches what the person can open.
 */
const DEVOPS_CATEGORIES: Readonly<Record<string, { name: string; data: DataClass[]; admin?: boolean }>> = {
  'Advanced Security': { name: 'code scanning alerts', data: ['source-code'] },
  'Agent Pools': { name: 'build agents, agent pools and environments', data: ['internal'], admin: true },
  Analytics: { name: 'Azure DevOps analytics data', data: ['internal'] },
  Auditing: { name: 'audit log and audit streams', data: ['employee', 'internal'], admin: true },
  Build: { name: 'builds and build pipelines', data: ['source-code'] },
  Code: { name: 'source code, branches and pull requests', data: ['source-code'] },
  'Connected Server': { name: 'connected on-premises servers', data: ['internal'] },
  Entitlements: { name: 'users, licences and access levels', data: ['employee'], admin: true },
  Extensions: { name: 'installed extensions and their data', data: ['internal'], admin: true },
  'Github Connections': { name: 'GitHub connections', data: ['source-code', 'credentials'], admin: true },
  'Graph & identity': { name: 'users, groups and group memberships', data: ['employee'], admin: true },
  'Machine Group': { name: 'deployment groups', data: ['internal'], admin: true },
  Marketplace: { name: 'Marketplace extensions and publishers', data: ['internal'] },
  Notifications: { name: 'notification subscriptions', data: ['internal'] },
  Packaging: { name: 'package feeds and packages', data: ['source-code'] },
  'Pipeline Resources': { name: 'protected pipeline resources (agent pools, environments, service connections, secure files)', data: ['credentials', 'internal'], admin: true },
  'Project and Team': { name: 'projects and teams', data: ['internal'], admin: true },
  Release: { name: 'releases and release pipelines', data: ['source-code', 'internal'] },
  'Secure Files': { name: 'secure files (certificates, signing keys)', data: ['credentials'] },
  Security: { name: 'security permissions', data: ['credentials'], admin: true },
  'Service Connections': { name: 'service connections and the credentials they hold', data: ['credentials'] },
  'Service Hooks': { name: 'service hook subscriptions', data: ['internal'] },
  Settings: { name: 'Azure DevOps settings', data: ['internal'] },
  Symbols: { name: 'debug symbols', data: ['source-code'] },
  'Task Groups': { name: 'pipeline task groups', data: ['source-code'] },
  'Team Dashboard': { name: 'team dashboards', data: ['internal'] },
  'Test Management': { name: 'test plans, cases and results', data: ['internal'] },
  Threads: { name: 'pull request comment threads', data: ['source-code', 'communications'] },
  Tokens: { name: 'access tokens issued to people', data: ['credentials'], admin: true },
  'User Profile': { name: 'Azure DevOps profile', data: ['employee'] },
  'Variable Groups': { name: 'pipeline variable groups and their secrets', data: ['credentials', 'internal'] },
  Wiki: { name: 'wikis', data: ['internal'] },
  'Work Items': { name: 'work items, boards and queries', data: ['internal'] },
};

const ADMINISTERS: ReadonlySet<string> = new Set(['vso.memberentitlementmanagement_write', 'vso.pipelineresources_use']);

/** The access a published name promises: its words in brackets, or the scope name's own suffix. */
function devopsAccess(permission: ResourcePermission): Access[] {
  const words = `${/\(([^)]*)\)/.exec(permission.name ?? '')?.[1] ?? ''} ${permission.value.split('_').slice(1).join(' ')}`.toLowerCase();
  const access = new Set<Access>();
  if (/\b(?:manage|full|delete|administration)\b/.test(words) || /^vso\.(?:tokens|tokenadministration|threads_full)$/.test(permission.value)) {
    access.add('read').add('write').add('delete');
  }
  if (/\b(?:write|create|execute|use|acquire|publish|status|interact|diagnostics)\b/.test(words)) access.add('read').add('write');
  if (/\bread\b/.test(words) || access.size === 0) access.add('read');
  return sorted(access);
}

function classifyDevOps(permission: ResourcePermission): Classified {
  const category = DEVOPS_CATEGORIES[permission.category ?? ''];
  if (category === undefined) throw new Error(`Azure DevOps scope "${permission.value}": unknown category "${permission.category}"`);
  let access = devopsAccess(permission);
  // Managing an administrative category administers the organisation; so do the two scopes whose published names
  // say less than they allow (managing users and licences, approving pipelines' use of protected resources).
  if (category.admin === true && (access.includes('delete') || ADMINISTERS.has(permission.value))) access = sorted([...access, 'admin']);
  const own = permission.category === 'User Profile';
  // Administration and reading the organisation's records reach the organisation; a change short of administering
  // (a project's settings, an extension's stored data) reaches what the person can open.
  const organisationWide = category.admin === true && (access.includes('admin') || !access.includes('write'));
  const breadth: Breadth = own ? 'own' : organisationWide ? 'organization' : 'shared';
  const subject = own ? `your ${category.name}` : `the ${category.name}`;
  const reach = own ? '' : breadth === 'organization' ? ' in every Azure DevOps organisation you belong to' : ' in the Azure DevOps projects you can open';
  return { access, dataClasses: category.data, breadth, description: `${accessVerb(access)} ${subject}${reach}.` };
}

// ---------------------------------------------------------------- Intune, Office 365 Management

const FIXED: Readonly<Record<string, Classified>> = {
  'intune:get_data_warehouse': {
    access: ['read'],
    dataClasses: ['employee', 'internal'],
    breadth: 'organization',
    description: "Read your organisation's Intune data warehouse: devices, apps, users and their compliance.",
  },
  'intune:get_device_compliance': {
    access: ['read'],
    dataClasses: ['employee', 'internal'],
    breadth: 'organization',
    description: "Read the state and compliance of your organisation's managed devices.",
  },
  'office-management:ActivityFeed.Read': {
    access: ['read'],
    dataClasses: ['employee', 'internal'],
    breadth: 'organization',
    description: "Read your organisation's Microsoft 365 activity and audit records.",
  },
  'office-management:ActivityFeed.ReadDlp': {
    access: ['read'],
    dataClasses: ['employee', 'internal', 'communications', 'files'],
    breadth: 'organization',
    description: "Read your organisation's data loss prevention events, including the sensitive content they detected.",
  },
  'office-management:ServiceHealth.Read': {
    access: ['read'],
    dataClasses: ['internal'],
    breadth: 'organization',
    description: "Read your organisation's Microsoft 365 service health and messages.",
  },
};

// ---------------------------------------------------------------- output

export function classifyResourcePermission(resource: string, permission: ResourcePermission, graph: ReadonlyMap<string, MicrosoftClassification>): Classified {
  const key = `${resource}:${permission.value}`;
  const fixed = FIXED[key];
  if (fixed !== undefined) return fixed;
  if (resource === 'exchange') {
    const own = EXCHANGE_OWN[permission.value];
    if (own !== undefined) return own;
    const same = graph.get(permission.value);
    if (same === undefined) throw new Error(`Exchange permission "${permission.value}": not in Graph's export, classify it by hand`);
    return same;
  }
  if (permission.value === 'user_impersonation') {
    const impersonation = IMPERSONATION[resource];
    if (impersonation === undefined) throw new Error(`${resource} user_impersonation: say what acting as the person reaches there`);
    return impersonation;
  }
  if (resource === 'power-bi') return classifyPowerBi(permission.value);
  if (resource === 'azure-devops') return classifyDevOps(permission);
  throw new Error(`Microsoft resource permission "${key}": classify it by hand`);
}

export function generateMicrosoftResources(): CatalogEntry[] {
  const enabled = readGraphPermissions().filter((p) => p.enabled && p.value.includes('.'));
  const graph = new Map(enabled.map((p) => [p.value, classifyMicrosoftPermission(p)]));
  const entries: CatalogEntry[] = [];
  for (const resource of readResourceInputs()) {
    for (const permission of resource.permissions) {
      const c = classifyResourcePermission(resource.id, permission, graph);
      const code = encodeScopeCode({ ...c, labels: labelsOf(permission), grantsOfflineAccess: false });
      entries.push([`${resource.id}:${permission.value}`, code, c.description]);
    }
  }
  return entries;
}

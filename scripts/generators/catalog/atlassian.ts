/**
 * Atlassian Cloud scopes (Jira, Confluence, Jira Service Management, Bitbucket, Compass, ... classic and granular),
 * from the scope list Atlassian ships in `@forge/manifest` (./inputs/atlassian-forge-scopes.json, see
 * inputs/SOURCES.md).
 *
 * The list carries names only. Atlassian's names are regular, `action:object:product` (granular, for example
 * `delete:issue:jira`) or `action:object` (classic, `read:jira-work`), and Atlassian's scope pages describe each one
 * by its action on its object, within what the signed-in person can reach on the site. So the classification
 * follows the action (the provider's own verb), the object and the product; the classic scopes and the ones that
 * matter most get a curated entry in lib/scopes/catalog/atlassian.ts, which wins over these.
 *
 * The generator stops on an action it does not know, so a new verb is classified by a person, not guessed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import type { Access, Breadth, DataClass } from '../../../lib/scopes/scope-info';

const inputs = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

export const ATLASSIAN_SOURCE = '@forge/manifest 13.7.0 out/scopes/shipyard-scopes.json (inputs/SOURCES.md)';

export function readAtlassianScopes(): string[] {
  return JSON.parse(readFileSync(join(inputs, 'atlassian-forge-scopes.json'), 'utf8')) as string[];
}

interface Action {
  access: Access[];
  /** Breadth when the action itself sets it; otherwise the object's or "shared" (what you can reach on the site). */
  breadth?: Breadth;
  /** The sentence, with {what} for the product and object. */
  says: string;
}

// Atlassian's verbs, read from its scope pages: `read`, `view`, `readonly` and `search` only read, `validate:jql`
// checks a query, `send` posts notifications, `redact` removes text from issues, `moderate` edits and removes
// others' content, `manage`/`admin` change site configuration, `act-as-user` lets a Connect app act as anyone.
const ACTIONS: Readonly<Record<string, Action>> = {
  read: { access: ['read'], says: 'See {what} you can reach.' },
  view: { access: ['read'], says: 'See {what} you can reach.' },
  readonly: { access: ['read'], says: 'See {what} you can reach, without changing it.' },
  search: { access: ['read'], says: 'Search {what} you can reach.' },
  validate: { access: ['read'], says: 'Check {what} without running it.' },
  report: { access: ['read'], says: 'Report on {what}.' },
  write: { access: ['read', 'write'], says: 'Create and change {what} as you.' },
  import: { access: ['read', 'write'], says: 'Import {what} as you.' },
  send: { access: ['write'], says: 'Send {what} as you.' },
  redact: { access: ['write', 'delete'], says: 'Remove parts of {what} for good.' },
  moderate: { access: ['read', 'write', 'delete'], says: "Edit and remove other people's {what}." },
  delete: { access: ['delete'], says: 'Delete {what}.' },
  manage: { access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', says: 'Administer {what} for the whole site.' },
  admin: { access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', says: 'Administer {what} for the whole site.' },
  'project-admin': { access: ['read', 'write', 'delete', 'admin'], says: 'Administer the projects you administer, through {what}.' },
  'space-admin': { access: ['read', 'write', 'delete', 'admin'], says: 'Administer the spaces you administer, through {what}.' },
  'act-as-user': { access: ['read', 'write', 'delete'], breadth: 'organization', says: 'Act as any person on the site, through {what}.' },
  'access-email-addresses': { access: ['read'], breadth: 'organization', says: 'See the email addresses of everyone on the site, through {what}.' },
  // Forge app storage: the app's own data, nothing of the site's.
  storage: { access: ['read', 'write', 'delete'], breadth: 'selected', says: 'Keep its own data in Atlassian storage.' },
};

const PRODUCTS: Readonly<Record<string, { name: string; data: DataClass[] }>> = {
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
  focus: { name: 'Jira Align', data: ['internal'] },
  cmdb: { name: 'Assets', data: ['internal'] },
  brie: { name: 'Atlassian backup and restore', data: ['internal'] },
  realtime: { name: 'Atlassian real-time updates', data: ['internal'] },
  artifacts: { name: 'Atlassian artifacts', data: ['internal'] },
  rovo: { name: 'Rovo', data: ['internal'] },
  'agent-interface': { name: 'Rovo agents', data: ['internal'] },
  'capacity-planning': { name: 'capacity planning', data: ['internal'] },
  ccg: { name: 'Atlassian', data: ['internal'] },
  fsag: { name: 'Atlassian', data: ['internal'] },
  'support-api-gateway': { name: 'Atlassian support', data: ['customer'] },
  'connect-jira': { name: 'Jira (Connect app)', data: ['internal'] },
  'connect-confluence': { name: 'Confluence (Connect app)', data: ['internal', 'files'] },
};

/** Objects whose data class or reach differs from their product's: people, credentials, messages, files, code. */
const OBJECTS: readonly [RegExp, DataClass[], Breadth?][] = [
  [/audit/, ['employee', 'credentials'], 'organization'],
  [/(?:^|[-.:])(?:user|users|account|group|groups|membership|people|team|teams|jira-user|confluence-user)(?:[-.:]|$)/, ['employee'], 'organization'],
  [/email/, ['employee', 'contacts']],
  [/token|credential|secret|security|permission/, ['credentials']],
  [/customer|organization|request-type|request/, ['customer']],
  [/comment|message|notification|conversation|chat/, ['communications']],
  [/attachment|file|media|video/, ['files']],
  [/repository|pipeline|commit|pullrequest|branch|deployment|build|snippet|ssh-key|runner|(?:^|[-.:])source(?:[-.:]|$)/, ['source-code']],
];

function words(object: string): string {
  return object
    .replace(/^graph:/, '')
    .replace(/\bjql\b/, 'JQL')
    .replace(/\bcmdb\b/, 'Assets')
    .replace(/[-._:]+/g, ' ')
    .trim();
}

export function generateAtlassian(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const scope of [...new Set(readAtlassianScopes())].sort()) {
    const parts = scope.split(':');
    const verb = parts[0] ?? '';
    const action = ACTIONS[verb];
    if (action === undefined) throw new Error(`Atlassian scope ${scope}: unknown action "${verb}", classify it in atlassian.ts`);
    const granular = parts.length >= 3;
    const productKey = granular ? (parts[parts.length - 1] ?? '') : (parts[1] ?? '').startsWith('connect-') ? (parts[1] ?? '') : '';
    const object = granular ? parts.slice(1, -1).join(':') : productKey === '' ? (parts[1] ?? '') : '';
    const product = PRODUCTS[productKey] ?? PRODUCTS.atlassian!;
    const fromGraph = object.startsWith('graph:') ? ' (from the teamwork graph)' : '';
    const objectFacts = OBJECTS.find(([pattern]) => pattern.test(object));
    const dataClasses = [...new Set<DataClass>([...(objectFacts?.[1] ?? []), ...(objectFacts ? [] : product.data)])];
    const breadth: Breadth = action.breadth ?? objectFacts?.[2] ?? 'shared';
    let what: string;
    if (productKey.startsWith('connect-')) what = `the ${product.name.replace(' (Connect app)', '')} Connect app access`;
    else if (granular) what = `${product.name} ${words(object)} data${fromGraph}`;
    else what = `${words(object)} data`;
    const access = [...action.access];
    const code = encodeScopeCode({
      access,
      dataClasses: dataClasses.length > 0 ? dataClasses : ['internal'],
      breadth,
      labels: [],
      grantsOfflineAccess: false,
    });
    entries.push([scope, code, action.says.replace('{what}', what)]);
  }
  return entries;
}

/**
 * Microsoft permission names follow a grammar, `Resource.Operation[.Constraint]`, and the hierarchy follows from
 * it, so it is derived by rule rather than listed for some 800 Graph permissions:
 * https://learn.microsoft.com/en-us/graph/permissions-overview#permissions-naming-pattern
 *
 * - `X.ReadWrite[.C]` covers `X.Read[.C]`: write access includes reading the same data.
 * - `X.Read[.C]` covers `X.ReadBasic[.C]`: the basic properties are a subset of the full ones.
 * - `X.Op.All` covers `X.Op`, and `X.Op.Shared` covers `X.Op`, only for the resources listed below, where the
 *   permission reference describes the constrained form as the user's own data plus more. Elsewhere the form
 *   without a constraint may mean something else, so nothing is assumed.
 * - The constraint is kept: `User.Read` does not cover `User.ReadBasic.All` (everyone's basic profile).
 * - A resource prefix (`https://outlook.office.com/`) is kept: a Graph permission never covers another API's.
 * - Only Microsoft's own APIs that share the grammar are derived: Graph and Exchange Online. Azure DevOps follows
 *   its published "Inherits From" table (resources/azure-devops.ts). Any other resource (a company's `api://…`
 *   or an app id URI) names its scopes as it likes, so its approvals cover only themselves.
 *
 * Inclusions the grammar cannot see are the explicit rows at the end. `.default` has no operation and implies
 * nothing: it is approved only as itself.
 */
import { AZURE_DEVOPS_PREFIXES, azureDevOpsNarrower } from './resources/azure-devops';
import { indexRows, type ImplicationRow, type ScopeImplications } from './scope-implications';

const PERMISSIONS_REFERENCE = 'https://learn.microsoft.com/en-us/graph/permissions-reference';

/**
 * Resources whose `.All` permission is documented as every item the user can reach, the user's own included
 * (Files.Read "the signed-in user's files" within Files.Read.All "all files the signed-in user can access").
 */
export const ALL_COVERS_OWN: readonly string[] = ['Files', 'Notes', 'People', 'Presence', 'User'];

/**
 * Resources whose `.Shared` permission is documented as the user's own items plus those shared with or delegated
 * to them (Mail.Read.Shared "mail a user can access, including their own and shared mail").
 */
export const SHARED_COVERS_OWN: readonly string[] = ['Calendars', 'Contacts', 'Mail', 'Tasks'];

/** Documented inclusions outside the grammar. */
export const MICROSOFT_IMPLICATION_ROWS: readonly ImplicationRow[] = [
  // SharePoint's ladder: full control includes managing lists and libraries, which includes editing items.
  { broader: 'Sites.FullControl.All', narrower: ['Sites.Manage.All'], source: PERMISSIONS_REFERENCE + '#sitesfullcontrolall' },
  { broader: 'Sites.Manage.All', narrower: ['Sites.ReadWrite.All'], source: PERMISSIONS_REFERENCE + '#sitesmanageall' },
  // OneNote: reading and changing notebooks includes creating new ones.
  { broader: 'Notes.ReadWrite', narrower: ['Notes.Create'], source: PERMISSIONS_REFERENCE + '#notescreate' },
];

const allCoversOwn = new Set(ALL_COVERS_OWN.map((name) => name.toLowerCase()));
const sharedCoversOwn = new Set(SHARED_COVERS_OWN.map((name) => name.toLowerCase()));
const explicit = indexRows(MICROSOFT_IMPLICATION_ROWS, (scope) => scope.toLowerCase());

/**
 * The resources whose permissions follow the Graph naming pattern, in comparison form: Graph itself (its prefix is
 * removed by lib/policy/scope-key.ts) and Exchange Online's Outlook resource.
 * https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 */
const GRAMMAR_RESOURCES: ReadonlySet<string> = new Set(['', 'https://outlook.office.com/', 'https://outlook.office365.com/']);

/** The operations the grammar knows, in comparison form (lower case). */
const READ_WRITE = 'readwrite';
const READ = 'read';
const READ_BASIC = 'readbasic';

function narrowerThan(key: string): readonly string[] {
  const slash = key.lastIndexOf('/');
  const prefix = key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  // Azure DevOps publishes its own hierarchy (resources/azure-devops.ts); its `vso.*` names follow no grammar.
  if (AZURE_DEVOPS_PREFIXES.has(prefix)) return azureDevOpsNarrower(name).map((narrower) => `${prefix}${narrower}`);
  if (!GRAMMAR_RESOURCES.has(prefix)) return [];
  const parts = name.split('.');
  if (parts.length < 2 || parts.length > 3) return [];
  const [resource, operation, constraint] = parts as [string, string, string | undefined];
  const suffix = constraint === undefined ? '' : `.${constraint}`;
  const narrower: string[] = [];
  if (operation === READ_WRITE) narrower.push(`${prefix}${resource}.${READ}${suffix}`);
  if (operation === READ) narrower.push(`${prefix}${resource}.${READ_BASIC}${suffix}`);
  if ((constraint === 'all' && allCoversOwn.has(resource)) || (constraint === 'shared' && sharedCoversOwn.has(resource))) {
    narrower.push(`${prefix}${resource}.${operation}`);
  }
  // Explicit rows are written for Microsoft Graph, where their permissions live.
  if (prefix === '') narrower.push(...(explicit.get(key) ?? []));
  return narrower;
}

export const microsoftImplications: ScopeImplications = {
  provider: 'microsoft',
  description:
    'Derived from the permission name grammar (ReadWrite covers Read, Read covers ReadBasic, .All or .Shared covers the own-data form where documented), plus a table of documented exceptions.',
  rows: MICROSOFT_IMPLICATION_ROWS,
  narrowerThan,
};

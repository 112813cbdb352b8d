/**
 * The Microsoft resources other than Graph whose permissions the catalog knows, and how a scope names each one:
 * by its identifier URI (`https://outlook.office.com/`) or by its application id (`00000002-0000-0ff1-ce00-…/`).
 * A scope naming one of them is filed as `<id>:<permission>`, so `user_impersonation` on Key Vault is never read
 * as Azure Resource Manager's, nor `Exchange.Manage` as a Graph permission. Pure.
 * Application ids: the Microsoft first-party apps export (merill/microsoft-info `_info/MicrosoftApps.json`).
 * Identifier URIs: https://learn.microsoft.com/entra/identity-platform/scopes-oidc and each resource's docs.
 */

export interface MicrosoftResource {
  /** The key prefix its permissions are filed under, as the generator writes it. */
  id: string;
  /** Matches the resource part of a scope, up to and including the slash before the permission. */
  prefix: RegExp;
  /** How a request names a permission of this resource, for tests and the coverage report. */
  example: string;
}

/** An application id prefix, as `.../` (the v2 endpoint accepts `<app id>/<permission>`). */
function appId(id: string): string {
  return id.replace(/-/g, '\\-');
}

function resource(id: string, hosts: string, application: string, example: string): MicrosoftResource {
  return { id, prefix: new RegExp(`^(?:https://(?:${hosts})|${appId(application)})/+`, 'i'), example };
}

export const MICROSOFT_RESOURCES: readonly MicrosoftResource[] = [
  // Exchange Online answers to both Outlook hosts: https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
  resource('exchange', 'outlook\\.office\\.com|outlook\\.office365\\.com', '00000002-0000-0ff1-ce00-000000000000', 'https://outlook.office.com/'),
  // Azure Resource Manager under both its names (the classic Service Management host is the same resource).
  resource('azure-management', 'management\\.azure\\.com|management\\.core\\.windows\\.net', '797f4846-ba00-4fd7-ba43-dac1f8f63013', 'https://management.azure.com/'),
  // Each Dataverse environment has its own host: <org>.crm.dynamics.com, <org>.crm4.dynamics.com, <org>.api.crm.dynamics.com.
  resource('dynamics', '[a-z0-9-]+(?:\\.api)?\\.crm\\d*\\.dynamics\\.com', '00000007-0000-0000-c000-000000000000', 'https://contoso.crm.dynamics.com/'),
  // Fabric's API host names the same service principal as Power BI.
  resource('power-bi', 'analysis\\.windows\\.net/powerbi/api|api\\.fabric\\.microsoft\\.com', '00000009-0000-0000-c000-000000000000', 'https://analysis.windows.net/powerbi/api/'),
  resource('azure-devops', 'app\\.vssps\\.visualstudio\\.com', '499b84ac-1321-427f-aa17-267ca6975798', '499b84ac-1321-427f-aa17-267ca6975798/'),
  resource('key-vault', 'vault\\.azure\\.net', 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', 'https://vault.azure.net/'),
  resource('azure-storage', 'storage\\.azure\\.com', 'e406a681-f3d4-42a8-90b6-c2b029497af1', 'https://storage.azure.com/'),
  resource('azure-sql', 'database\\.windows\\.net', '022907d3-0f1b-48f7-badc-1ba6abab6d66', 'https://database.windows.net/'),
  resource('intune', 'api\\.manage\\.microsoft\\.com', '0000000a-0000-0000-c000-000000000000', 'https://api.manage.microsoft.com/'),
  resource('office-management', 'manage\\.office\\.com', 'c5393580-f805-4401-95e8-94b7a6ef2fc2', 'https://manage.office.com/'),
];

/** `exchange:Mail.Read` for `https://outlook.office.com/Mail.Read`; undefined when no listed resource is named. */
export function microsoftResourceKey(scope: string): string | undefined {
  for (const { id, prefix } of MICROSOFT_RESOURCES) {
    const match = prefix.exec(scope);
    if (match !== null) return `${id}:${scope.slice(match[0].length)}`;
  }
  return undefined;
}

/** The requested form of a resource key (`exchange:Mail.Read` → `https://outlook.office.com/Mail.Read`). */
export function microsoftResourceScope(key: string): string | undefined {
  const colon = key.indexOf(':');
  const found = MICROSOFT_RESOURCES.find((r) => r.id === key.slice(0, colon));
  return found === undefined ? undefined : `${found.example}${key.slice(colon + 1)}`;
}

/**
 * Azure DevOps publishes its scope hierarchy: the "Inherits From" column of its scopes table
 * (https://learn.microsoft.com/azure/devops/integrate/get-started/authentication/oauth#scopes, committed in
 * scripts/generators/catalog/inputs/microsoft-resources-delegated.json). Each pair below is one row of it, broader
 * first: `vso.code_write` includes `vso.code`. `test/unit/scopes/implications.test.ts` checks the pairs against the
 * committed table, so a row is never added by hand. Pure.
 */

const INHERITS: readonly (readonly [broader: string, narrower: string])[] = [
  ['vso.advsec_write', 'vso.advsec'],
  ['vso.advsec_manage', 'vso.advsec_write'],
  ['vso.agentpools_manage', 'vso.agentpools'],
  ['vso.environment_manage', 'vso.agentpools_manage'],
  ['vso.auditstreams_manage', 'vso.auditlog'],
  ['vso.build', 'vso.hooks_write'],
  ['vso.build_execute', 'vso.build'],
  ['vso.code', 'vso.hooks_write'],
  ['vso.code_write', 'vso.code'],
  ['vso.code_manage', 'vso.code_write'],
  ['vso.code_full', 'vso.code_manage'],
  ['vso.memberentitlementmanagement_write', 'vso.memberentitlementmanagement'],
  ['vso.extension', 'vso.profile'],
  ['vso.extension_manage', 'vso.extension'],
  ['vso.extension.data', 'vso.profile'],
  ['vso.extension.data_write', 'vso.extension.data'],
  ['vso.githubconnections_manage', 'vso.githubconnections'],
  ['vso.graph_manage', 'vso.graph'],
  ['vso.identity_manage', 'vso.identity'],
  ['vso.machinegroup_manage', 'vso.agentpools_manage'],
  ['vso.gallery', 'vso.profile'],
  ['vso.gallery_acquire', 'vso.gallery'],
  ['vso.gallery_publish', 'vso.gallery'],
  ['vso.gallery_manage', 'vso.gallery_publish'],
  ['vso.notification', 'vso.profile'],
  ['vso.notification_write', 'vso.notification'],
  ['vso.notification_manage', 'vso.notification_write'],
  ['vso.notification_diagnostics', 'vso.notification'],
  ['vso.packaging', 'vso.profile'],
  ['vso.packaging_write', 'vso.packaging'],
  ['vso.packaging_manage', 'vso.packaging_write'],
  ['vso.pipelineresources_manage', 'vso.pipelineresources_use'],
  ['vso.project_write', 'vso.project'],
  ['vso.project_manage', 'vso.project_write'],
  ['vso.release', 'vso.profile'],
  ['vso.release_execute', 'vso.release'],
  ['vso.release_manage', 'vso.release_execute'],
  ['vso.securefiles_write', 'vso.securefiles_read'],
  ['vso.securefiles_manage', 'vso.securefiles_write'],
  ['vso.serviceendpoint', 'vso.profile'],
  ['vso.serviceendpoint_query', 'vso.serviceendpoint'],
  ['vso.serviceendpoint_manage', 'vso.serviceendpoint_query'],
  ['vso.hooks', 'vso.profile'],
  ['vso.hooks_write', 'vso.hooks'],
  ['vso.hooks_interact', 'vso.profile'],
  ['vso.settings_write', 'vso.settings'],
  ['vso.symbols', 'vso.profile'],
  ['vso.symbols_write', 'vso.symbols'],
  ['vso.symbols_manage', 'vso.symbols_write'],
  ['vso.taskgroups_write', 'vso.taskgroups_read'],
  ['vso.taskgroups_manage', 'vso.taskgroups_write'],
  ['vso.dashboards_manage', 'vso.dashboards'],
  ['vso.test', 'vso.profile'],
  ['vso.test_write', 'vso.test'],
  ['vso.profile_write', 'vso.profile'],
  ['vso.variablegroups_write', 'vso.variablegroups_read'],
  ['vso.variablegroups_manage', 'vso.variablegroups_write'],
  ['vso.wiki_write', 'vso.wiki'],
  ['vso.work', 'vso.hooks_write'],
  ['vso.work_write', 'vso.work'],
  ['vso.work_full', 'vso.work_write'],
];

/** The resource prefixes an Azure DevOps scope is requested with, in comparison form (lower case). */
export const AZURE_DEVOPS_PREFIXES: ReadonlySet<string> = new Set([
  '499b84ac-1321-427f-aa17-267ca6975798/',
  'https://app.vssps.visualstudio.com/',
]);

const byBroader = new Map<string, string[]>();
for (const [broader, narrower] of INHERITS) byBroader.set(broader, [...(byBroader.get(broader) ?? []), narrower]);

/** The published pairs, for the test that compares them with the committed table. */
export const AZURE_DEVOPS_INHERITS: readonly (readonly [string, string])[] = INHERITS;

/** The scopes one step below an Azure DevOps scope name (`vso.code_write` → `vso.code`). */
export function azureDevOpsNarrower(name: string): readonly string[] {
  return byBroader.get(name) ?? [];
}

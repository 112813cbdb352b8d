/**
 * Chrome and Edge policy JSON: the Linux managed-policy file (`/etc/opt/chrome/policies/managed/`,
 * Chromium `/etc/chromium/policies/managed/`, Edge `/etc/opt/edge/policies/managed/`) and the Google Admin
 * console's "Policy for extensions" JSON, where each key is wrapped as `{ "Value": ... }`.
 * See https://www.chromium.org/administrators/configuring-policy-for-extensions/
 */
import type { DeploymentFile, DeploymentInput } from './deployment-target';

export function writeChromePolicyFiles(input: DeploymentInput): DeploymentFile[] {
  const { chromeExtensionId: id, values } = input;
  const linux: Record<string, unknown> = { '3rdparty': { extensions: { [id]: values } } };
  if (input.chromeUpdateUrl) {
    linux.ExtensionSettings = { [id]: { installation_mode: 'force_installed', update_url: input.chromeUpdateUrl } };
  }
  const adminConsole = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { Value: value }]));
  const edge: Record<string, unknown> = { '3rdparty': { extensions: { [id]: values } } };
  if (input.edgeUpdateUrl) {
    edge.ExtensionSettings = { [id]: { installation_mode: 'force_installed', update_url: input.edgeUpdateUrl } };
  }
  return [
    {
      path: 'chrome/consent-gate.json',
      description:
        'Chrome/Chromium on Linux: copy to /etc/opt/chrome/policies/managed/ (Chromium: /etc/chromium/policies/managed/).',
      contents: JSON.stringify(linux, null, 2) + '\n',
    },
    {
      path: 'chrome/google-admin-console.json',
      description:
        'Google Admin console: Devices > Chrome > Apps & extensions > Consent Gate > "Policy for extensions"; paste this JSON.',
      contents: JSON.stringify(adminConsole, null, 2) + '\n',
    },
    {
      path: 'edge/consent-gate.json',
      description: 'Microsoft Edge on Linux: copy to /etc/opt/edge/policies/managed/.',
      contents: JSON.stringify(edge, null, 2) + '\n',
    },
  ];
}

/**
 * Firefox `policies.json`: on Linux in `/etc/firefox/policies/`, which takes precedence over the installation's
 * `distribution/` folder (the Firefox e2e suite installs this very file there); elsewhere in that folder, or through
 * the Firefox ADMX / macOS profile. Extension managed storage comes from `policies["3rdparty"].Extensions[<add-on id>]`.
 * See https://mozilla.github.io/policy-templates/#3rdparty
 */
import type { DeploymentFile, DeploymentInput } from './deployment-target';

export function writeFirefoxPolicies(input: DeploymentInput): DeploymentFile[] {
  const policies: Record<string, unknown> = {
    '3rdparty': { Extensions: { [input.firefoxAddonId]: input.values } },
  };
  if (input.firefoxInstallUrl) {
    policies.ExtensionSettings = {
      [input.firefoxAddonId]: { installation_mode: 'force_installed', install_url: input.firefoxInstallUrl },
    };
  }
  return [
    {
      path: 'firefox/policies.json',
      description:
        'Firefox: on Linux put it at /etc/firefox/policies/policies.json; elsewhere in the installation\'s distribution/ folder (or merge into your existing policies.json).',
      contents: JSON.stringify({ policies }, null, 2) + '\n',
    },
  ];
}

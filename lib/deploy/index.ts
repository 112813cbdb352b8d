/** Every deployment writer, in the order the CLI prints them. Add a platform here and in its test table. */
import { writeChromePolicyFiles } from './chrome-policy';
import { writeFirefoxPolicies } from './firefox-policies';
import { writeMacosProfiles } from './macos-mobileconfig';
import { writeWindowsRegistryFiles } from './windows-registry';
import { CHROME_EXTENSION_ID_PATTERN, type DeploymentFile, type DeploymentInput, type DeploymentWriter } from './deployment-target';

export const DEPLOYMENT_WRITERS: readonly { id: string; title: string; write: DeploymentWriter }[] = [
  { id: 'chrome', title: 'Chrome and Edge policy JSON (Linux, Google Admin console)', write: writeChromePolicyFiles },
  { id: 'windows', title: 'Windows registry (Group Policy, Intune)', write: writeWindowsRegistryFiles },
  { id: 'macos', title: 'macOS configuration profiles', write: writeMacosProfiles },
  { id: 'firefox', title: 'Firefox policies.json', write: writeFirefoxPolicies },
];

export function writeDeploymentFiles(input: DeploymentInput): DeploymentFile[] {
  if (!CHROME_EXTENSION_ID_PATTERN.test(input.chromeExtensionId)) {
    throw new Error(`"${input.chromeExtensionId}" is not a Chrome extension id (32 letters a to p).`);
  }
  return DEPLOYMENT_WRITERS.flatMap((writer) => writer.write(input));
}

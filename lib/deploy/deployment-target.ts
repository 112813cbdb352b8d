/**
 * Deployment files for the managed policy, one writer per platform (this folder), all pure: they take the
 * extension's ids and the policy values and return file text. The admin CLI's `deploy` command writes them.
 */
export type PolicyValues = Record<string, unknown>;

export interface DeploymentInput {
  /** Chrome / Edge extension id (32 letters a-p), fixed by the manifest key. */
  chromeExtensionId: string;
  /** Firefox add-on id (browser_specific_settings.gecko.id). */
  firefoxAddonId: string;
  /** The managed policy values: the policy file's own keys, as the schema defines them. */
  values: PolicyValues;
  /** Where browsers install the extension from when the files also force-install it (optional). */
  chromeUpdateUrl?: string;
  edgeUpdateUrl?: string;
  firefoxInstallUrl?: string;
}

export interface DeploymentFile {
  /** A file name relative to the output folder. */
  path: string;
  /** Who uses it and where it goes, for the README and the CLI's summary. */
  description: string;
  contents: string;
}

export type DeploymentWriter = (input: DeploymentInput) => DeploymentFile[];

export const CHROME_EXTENSION_ID_PATTERN = /^[a-p]{32}$/;

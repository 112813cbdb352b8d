/** `deploy --policy FILE --out DIR`: ready deployment files for every platform, for this extension's ids. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeDeploymentFiles } from '../../../lib/deploy';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID } from '../../../lib/extension-ids';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROGRAM, type Command, readArguments, usageError } from '../command';
import { loadPolicyFile, renderPolicyProblems } from '../load-policy';
import { createTerminalStyle, shouldUseColour } from '../terminal-style';

const OPTIONS = [
  { name: 'policy', valueName: 'FILE', description: 'The policy to deploy (validated first).' },
  { name: 'out', valueName: 'DIR', description: 'Folder for the files (created if missing; existing files are replaced).' },
  { name: 'extension-id', valueName: 'ID', description: `Chrome/Edge extension id (default ${CHROME_EXTENSION_ID}).` },
  { name: 'firefox-id', valueName: 'ID', description: `Firefox add-on id (default ${FIREFOX_ADDON_ID}).` },
  { name: 'chrome-update-url', valueName: 'URL', description: 'Also force-install the extension in Chrome from this update URL.' },
  { name: 'edge-update-url', valueName: 'URL', description: 'Also force-install the extension in Edge from this update URL.' },
  { name: 'firefox-install-url', valueName: 'URL', description: 'Also force-install the add-on in Firefox from this URL.' },
  { name: 'help', short: 'h', description: 'Show this help.' },
] as const;

const DETAILS = `Writes Chrome and Edge policy JSON (Linux, Google Admin console), Windows .reg files
(Group Policy, Intune), macOS configuration profiles (Jamf, Kandji, Intune) and Firefox
policies.json. Each file carries the policy's own keys as the extension's managed policy.`;

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'Write deployment files for Chrome, Edge, Windows, macOS and Firefox.',
  usage: `${PROGRAM} deploy --policy FILE --out DIR [--extension-id ID] [--chrome-update-url URL] ...`,
  options: OPTIONS,
  async run(argv, io) {
    const parsed = readArguments(deployCommand, argv, io, DETAILS);
    if (typeof parsed === 'number') return parsed;
    const { options, positionals } = parsed;
    const policyFile = options.get('policy');
    const out = options.get('out');
    if (typeof policyFile !== 'string' || typeof out !== 'string' || positionals.length > 0) {
      return usageError(io, 'deploy', 'needs --policy FILE and --out DIR');
    }
    const loaded = await loadPolicyFile(policyFile);
    if (!loaded.ok) {
      io.stderr.write(renderPolicyProblems(policyFile, loaded.problems, createTerminalStyle(shouldUseColour(false, io.env))));
      return EXIT_USAGE;
    }
    const { $schema: _editorsOnly, ...values } = loaded.policy;
    const text = (name: string) => {
      const value = options.get(name);
      return typeof value === 'string' ? value : undefined;
    };
    let files;
    try {
      files = writeDeploymentFiles({
        chromeExtensionId: text('extension-id') ?? CHROME_EXTENSION_ID,
        firefoxAddonId: text('firefox-id') ?? FIREFOX_ADDON_ID,
        values,
        ...(text('chrome-update-url') ? { chromeUpdateUrl: text('chrome-update-url') } : {}),
        ...(text('edge-update-url') ? { edgeUpdateUrl: text('edge-update-url') } : {}),
        ...(text('firefox-install-url') ? { firefoxInstallUrl: text('firefox-install-url') } : {}),
      });
    } catch (error) {
      return usageError(io, 'deploy', (error as Error).message);
    }
    try {
      for (const file of files) {
        const path = join(out, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.contents);
      }
    } catch (error) {
      io.stderr.write(`consent-gate deploy: cannot write into ${out} (${(error as Error).message}).\n`);
      return EXIT_FAILURE;
    }
    const width = Math.max(...files.map((file) => file.path.length));
    io.stdout.write(
      `Wrote ${files.length} files into ${out}:\n${files.map((file) => `  ${file.path.padEnd(width)}  ${file.description}`).join('\n')}\n`,
    );
    return EXIT_OK;
  },
};


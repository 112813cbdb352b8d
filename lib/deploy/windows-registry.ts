/**
 * Windows `.reg` files for Group Policy / Intune. Chrome and Edge read extension policy from
 * `HKLM\SOFTWARE\Policies\<vendor>\3rdparty\extensions\<id>\policy`: strings as REG_SZ, whole numbers and booleans
 * as REG_DWORD, and lists and objects as REG_SZ holding JSON, which Chrome parses against the managed schema.
 */
import type { DeploymentFile, DeploymentInput, PolicyValues } from './deployment-target';

const BROWSERS = [
  { vendorKey: 'Google\\Chrome', file: 'windows/consent-gate-chrome.reg', name: 'Chrome' },
  { vendorKey: 'Microsoft\\Edge', file: 'windows/consent-gate-edge.reg', name: 'Edge' },
] as const;

/** .reg string escaping: backslash and double quote are escaped; a newline cannot appear in a REG_SZ line. */
function regString(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('A registry string value cannot contain a line break.');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function registryValueLine(name: string, value: unknown): string {
  const key = regString(name);
  if (typeof value === 'boolean') return `${key}=dword:${value ? '00000001' : '00000000'}`;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) {
    return `${key}=dword:${value.toString(16).padStart(8, '0')}`;
  }
  if (typeof value === 'string') return `${key}=${regString(value)}`;
  return `${key}=${regString(JSON.stringify(value))}`;
}

function registryFile(vendorKey: string, extensionId: string, values: PolicyValues): string {
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendorKey}\\3rdparty\\extensions\\${extensionId}\\policy]`,
    ...Object.entries(values).map(([name, value]) => registryValueLine(name, value)),
    '',
  ];
  // regedit expects CRLF line endings.
  return lines.join('\r\n');
}

export function writeWindowsRegistryFiles(input: DeploymentInput): DeploymentFile[] {
  return BROWSERS.map((browser) => ({
    path: browser.file,
    description: `${browser.name} on Windows: import with regedit, or deploy the same values with Group Policy / Intune.`,
    contents: registryFile(browser.vendorKey, input.chromeExtensionId, input.values),
  }));
}

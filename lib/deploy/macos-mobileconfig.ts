/**
 * macOS configuration profiles (`.mobileconfig`) for Jamf, Kandji, Intune and the like. Chrome and Edge read an
 * extension's managed storage from the preference domain `com.google.Chrome.extensions.<id>` /
 * `com.microsoft.Edge.extensions.<id>`, delivered as a Custom Settings (com.apple.ManagedClient.preferences) payload.
 */
import type { DeploymentFile, DeploymentInput } from './deployment-target';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serialise a JSON value as a plist value. `null` has no plist form and is refused rather than dropped. */
export function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`A plist cannot hold the number ${value}.`);
    return Number.isInteger(value) ? `${indent}<integer>${value}</integer>` : `${indent}<real>${value}</real>`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<array/>`;
    return [`${indent}<array>`, ...value.map((item) => plistValue(item, indent + '  ')), `${indent}</array>`].join('\n');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${indent}<dict/>`;
    return [
      `${indent}<dict>`,
      ...entries.flatMap(([key, item]) => [`${indent}  <key>${escapeXml(key)}</key>`, plistValue(item, indent + '  ')]),
      `${indent}</dict>`,
    ].join('\n');
  }
  throw new Error(`A plist cannot hold ${value === null ? 'null' : typeof value}; remove that value.`);
}

/** Deterministic UUID-shaped identifier from a name, so regenerating a profile updates it instead of adding one. */
function stableUuid(name: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < name.length; i++) {
    h1 = Math.imul(h1 ^ name.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ name.charCodeAt(i), 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function mobileconfig(domain: string, browserName: string, values: Record<string, unknown>): string {
  const payload = {
    PayloadType: 'com.apple.ManagedClient.preferences',
    PayloadVersion: 1,
    PayloadIdentifier: `com.consentgate.policy.${domain}`,
    PayloadUUID: stableUuid(`payload:${domain}`),
    PayloadDisplayName: `Consent Gate policy for ${browserName}`,
    PayloadContent: { [domain]: { Forced: [{ mcx_preference_settings: values }] } },
  };
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `com.consentgate.profile.${domain}`,
    PayloadUUID: stableUuid(`profile:${domain}`),
    PayloadDisplayName: `Consent Gate (${browserName})`,
    PayloadDescription: 'Approved integrations and rules for the Consent Gate browser extension.',
    PayloadScope: 'System',
    PayloadContent: [payload],
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

export function writeMacosProfiles(input: DeploymentInput): DeploymentFile[] {
  return [
    {
      path: 'macos/consent-gate-chrome.mobileconfig',
      description: 'Chrome on macOS: upload to your MDM (Jamf, Kandji, Intune) as a custom configuration profile.',
      contents: mobileconfig(`com.google.Chrome.extensions.${input.chromeExtensionId}`, 'Chrome', input.values),
    },
    {
      path: 'macos/consent-gate-edge.mobileconfig',
      description: 'Edge on macOS: upload to your MDM as a custom configuration profile.',
      contents: mobileconfig(`com.microsoft.Edge.extensions.${input.chromeExtensionId}`, 'Edge', input.values),
    },
  ];
}

/**
 * Zoom Phone scopes, classic and granular, from Zoom's own OpenAPI specs for the Phone and Number Management APIs
 * (./inputs/zoom-phone-scopes.json, see inputs/SOURCES.md): every scope the specs declare, whether Zoom lists it
 * as a classic (`x-macro-scopes`) or a granular (`x-granular-scopes`) scope of an operation, and the HTTP methods of
 * those operations.
 *
 * Zoom names its scopes by the documented pattern (https://developers.zoom.us/docs/integrations/oauth-scopes-granular/):
 * classic `product:read|write[:admin|:master]`, granular `product:action:object[:admin|:master]`, with the action
 * one of read, write (create), update and delete. No suffix means your own data; `:admin` every user of the account,
 * `:master` the account and its sub-accounts. The classification follows Zoom's action and suffix; the object
 * decides the data class. The generator stops on an action or name it cannot read.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeScopeCode, type CatalogEntry } from '../../../lib/scopes/scope-code';
import type { Access, Breadth, DataClass } from '../../../lib/scopes/scope-info';

const inputs = join(dirname(fileURLToPath(import.meta.url)), 'inputs');

export const ZOOM_SOURCE = "Zoom's Phone and Number Management OpenAPI specs (inputs/SOURCES.md)";

interface ZoomSpecScope {
  kind: ('classic' | 'granular')[];
  methods: string[];
}

export function readZoomPhoneScopes(): Record<string, ZoomSpecScope> {
  return JSON.parse(readFileSync(join(inputs, 'zoom-phone-scopes.json'), 'utf8')) as Record<string, ZoomSpecScope>;
}

const GRANULAR_ACTIONS: Readonly<Record<string, { access: Access[]; verb: string }>> = {
  read: { access: ['read'], verb: 'See' },
  write: { access: ['read', 'write'], verb: 'Create' },
  update: { access: ['write'], verb: 'Change' },
  patch: { access: ['write'], verb: 'Change' },
  delete: { access: ['delete'], verb: 'Delete' },
};

const PRODUCTS: Readonly<Record<string, string>> = {
  phone: 'Zoom Phone',
  phone_call_log: 'Zoom Phone call logs',
  phone_recording: 'Zoom Phone call recordings',
  phone_sms: 'Zoom Phone text messages',
  phone_voicemail: 'Zoom Phone voicemail',
  phone_peering: 'Zoom Phone numbers from your carriers',
  number_management: 'Zoom Phone number management',
  number_management_numbers: 'Zoom Phone numbers',
};

/** What the object holds, first match wins: calls and messages, people, contacts, else the account's setup. */
const OBJECTS: readonly [RegExp, DataClass[]][] = [
  [/call_log|call_qos|recording|transcript|voicemail|sms_message|sms_session|fax_log|send_fax|ai_call_summary|audio/, ['communications']],
  [/charges|billing/, ['payment']],
  [/external_contact|directory|blocked_list/, ['contacts']],
  [/user|member|role|location|emergency_address|nomadic|assistant/, ['employee']],
];

function dataOf(product: string, object: string): DataClass[] {
  const found = OBJECTS.find(([pattern]) => pattern.test(object));
  if (found) return found[1];
  if (/call_log|recording|sms|voicemail/.test(product)) return ['communications'];
  return ['internal'];
}

function reachOf(suffix: string | undefined, scope: string): { breadth: Breadth; phrase: string } {
  if (suffix === undefined) return { breadth: 'own', phrase: '' };
  if (suffix === 'admin') return { breadth: 'organization', phrase: ' anywhere in your Zoom account' };
  if (suffix === 'master') return { breadth: 'organization', phrase: ' across your Zoom account and its sub-accounts' };
  throw new Error(`Zoom scope ${scope}: unknown suffix "${suffix}"`);
}

function entry(scope: string, access: Access[], data: DataClass[], breadth: Breadth, text: string): CatalogEntry {
  return [scope, encodeScopeCode({ access, dataClasses: data, breadth, labels: [], grantsOfflineAccess: false }), text];
}

function classic(scope: string, parts: string[]): CatalogEntry {
  const [product = '', level = '', suffix] = parts;
  const name = PRODUCTS[product];
  if (name === undefined) throw new Error(`Zoom scope ${scope}: unknown product "${product}"`);
  // The classic `phone` scopes cover all of Zoom Phone: its calls and messages as well as its setup.
  const data: DataClass[] = product === 'phone' ? ['communications', 'internal'] : dataOf(product, '');
  // `phone:master` stands alone: everything in Zoom Phone across the master account and its sub-accounts.
  if (level === 'master') return entry(scope, ['read', 'write', 'delete', 'admin'], data, 'organization', `Manage all of ${name} across your Zoom account and its sub-accounts.`);
  const { breadth, phrase } = reachOf(suffix, scope);
  const subject = suffix === undefined ? `your ${name}` : name;
  if (level === 'read') return entry(scope, ['read'], data, breadth, `See ${subject}${phrase}.`);
  if (level === 'write') {
    // Classic write scopes cover create, change and delete; with `:admin` they manage the whole account's setup.
    const access: Access[] = suffix === undefined ? ['read', 'write', 'delete'] : ['read', 'write', 'delete', 'admin'];
    return entry(scope, access, data, breadth, `Create, change and delete ${subject}${phrase}.`);
  }
  throw new Error(`Zoom scope ${scope}: unknown classic level "${level}"`);
}

function granular(scope: string, parts: string[]): CatalogEntry {
  const [product = '', action = '', object = '', suffix] = parts;
  const name = PRODUCTS[product];
  if (name === undefined) throw new Error(`Zoom scope ${scope}: unknown product "${product}"`);
  const known = GRANULAR_ACTIONS[action];
  if (known === undefined) throw new Error(`Zoom scope ${scope}: unknown action "${action}"`);
  const { breadth, phrase } = reachOf(suffix, scope);
  const what = object.replace(/^list_/, '').replace(/_/g, ' ');
  const whose = suffix === undefined ? 'your ' : '';
  return entry(scope, known.access, dataOf(product, object), breadth, `${known.verb} ${whose}${name} ${what}${phrase}.`);
}

export function generateZoom(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const [scope, facts] of Object.entries(readZoomPhoneScopes()).sort(([a], [b]) => a.localeCompare(b))) {
    const parts = scope.split(':');
    const isGranular = facts.kind.includes('granular') || (parts.length >= 3 && !['admin', 'master'].includes(parts[2] ?? ''));
    entries.push(isGranular ? granular(scope, parts) : classic(scope, parts));
  }
  return entries;
}

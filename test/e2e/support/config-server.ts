/**
 * An admin's config server: publishes a signed remote config (lib/remote-config/signed-config.ts, what
 * `consent-gate sign` writes) at one URL, with an ETag so an unchanged config costs a 304. Tests switch what it
 * serves: a config signed with the admin's key, the same config changed after signing, one without a signature,
 * or one with an older serial. Being down is the endpoint server's job (`goDown()`).
 */
import { createHash } from 'node:crypto';
import {
  generateSigningKeyPair,
  importPrivateKey,
  signConfig,
  type SignedConfigEnvelope,
} from '../../../lib/remote-config/signed-config';
import type { EndpointHandler, EndpointReply } from './admin-endpoints';

export const CONFIG_HOST = 'config.example-corp.test';
export const CONFIG_PATH = '/consent-gate/policy.json';
export const CONFIG_URL = `https://${CONFIG_HOST}${CONFIG_PATH}`;

export interface ConfigFetch {
  ifNoneMatch?: string;
  status: number;
}

export interface ConfigServer {
  handler: EndpointHandler;
  /** The pinned key to put in managed policy (`configPublicKey`). */
  publicKey: string;
  /** Serves this exact envelope text from now on. */
  serve(text: string): void;
  /** Signs a policy with the admin's key. */
  sign(policy: Record<string, unknown>, serial: number): Promise<string>;
  /** Every GET of the config, with the validator the browser sent and the status answered. */
  fetches: ConfigFetch[];
}

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

/** `keys`: the admin's own pair (e.g. written by `keygen`), for configs signed outside the test; default a fresh one. */
export async function createConfigServer(keys?: { publicKey: string; privateKey: string }): Promise<ConfigServer> {
  keys ??= await generateSigningKeyPair();
  const privateKey = await importPrivateKey(keys.privateKey);
  if (!privateKey) throw new Error('The freshly generated signing key did not import.');
  let served: string | undefined;
  const fetches: ConfigFetch[] = [];

  const handler: EndpointHandler = ({ method, path, headers }): EndpointReply => {
    if (method !== 'GET' || path !== CONFIG_PATH) return { status: 404, body: 'not found' };
    const ifNoneMatch = typeof headers['if-none-match'] === 'string' ? headers['if-none-match'] : undefined;
    if (served === undefined) {
      fetches.push({ ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }), status: 404 });
      return { status: 404, body: 'no config published' };
    }
    const etag = etagOf(served);
    const status = ifNoneMatch === etag ? 304 : 200;
    fetches.push({ ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }), status });
    if (status === 304) return { status, headers: { etag } };
    return { status, headers: { etag, 'content-type': 'application/json' }, body: served };
  };

  return {
    handler,
    publicKey: keys.publicKey,
    fetches,
    serve(text) {
      served = text;
    },
    sign(policy, serial) {
      return signConfig({ policyText: JSON.stringify(policy, null, 2), serial, issuedAt: new Date() }, privateKey);
    },
  };
}

/** A signed envelope whose policy was changed after signing: the signature no longer covers it. */
export function tamperWith(envelopeText: string, change: (policy: Record<string, unknown>) => Record<string, unknown>): string {
  const envelope = JSON.parse(envelopeText) as SignedConfigEnvelope;
  const policy = change(JSON.parse(envelope.policy) as Record<string, unknown>);
  return JSON.stringify({ ...envelope, policy: JSON.stringify(policy, null, 2) }, null, 2);
}

/** The same envelope without its signature, as an admin who forgot `sign` would publish it. */
export function stripSignature(envelopeText: string): string {
  const { signature: _dropped, ...unsigned } = JSON.parse(envelopeText) as SignedConfigEnvelope;
  return JSON.stringify(unsigned, null, 2);
}

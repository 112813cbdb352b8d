/**
 * The signed remote policy: its envelope, signing (for the admin CLI) and verification (in the extension).
 * WebCrypto only (ECDSA P-256 with SHA-256), so the same code runs in the service worker and in Node.
 *
 * The signature covers the format, version, serial, dates and the policy text byte for byte, so neither the
 * policy nor its serial (the rollback guard) nor its expiry can be changed without the private key. The policy
 * travels as a string inside the envelope: what was signed is exactly what is parsed, no JSON canonicalisation.
 */
import * as z from 'zod/mini';

export const SIGNED_CONFIG_FORMAT = 'consent-gate/signed-policy';
export const SIGNED_CONFIG_VERSION = 1;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Largest envelope accepted: a policy with 10,000 integrations is about 3 MB. */
export const MAX_SIGNED_CONFIG_BYTES = 8 * 1024 * 1024;

const IsoDateTime = z.string().check(z.iso.datetime({ offset: true }));

const EnvelopeSchema = z.object({
  format: z.literal(SIGNED_CONFIG_FORMAT),
  version: z.literal(SIGNED_CONFIG_VERSION),
  serial: z.number().check(z.int(), z.minimum(1)),
  issuedAt: IsoDateTime,
  expiresAt: z.optional(IsoDateTime),
  policy: z.string(),
  signature: z.optional(z.string()),
});

export interface SignedConfigEnvelope {
  format: typeof SIGNED_CONFIG_FORMAT;
  version: typeof SIGNED_CONFIG_VERSION;
  serial: number;
  issuedAt: string;
  expiresAt?: string;
  /** The policy as JSON text, exactly as signed. */
  policy: string;
  /** Base64 of the IEEE P1363 (r || s) ECDSA signature over `signedBytes(envelope)`. */
  signature?: string;
}

export type SignedConfigErrorCode =
  | 'too-large'
  | 'malformed'
  | 'unsigned'
  | 'bad-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'rollback';

export type VerifyResult =
  | { ok: true; serial: number; issuedAt: string; expiresAt?: string; policyText: string }
  | { ok: false; code: SignedConfigErrorCode; error: string };

/** The exact bytes the signature covers: one field per line, the policy text last (it may contain newlines). */
export function signedBytes(envelope: Omit<SignedConfigEnvelope, 'signature'>): Uint8Array<ArrayBuffer> {
  const text = [
    envelope.format,
    String(envelope.version),
    String(envelope.serial),
    envelope.issuedAt,
    envelope.expiresAt ?? '',
    envelope.policy,
  ].join('\n');
  return new TextEncoder().encode(text);
}

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const cleaned = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cleaned) || cleaned.length % 4 !== 0) return undefined;
  const binary = atob(cleaned);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Import the admin's pinned public key (base64 SPKI, as `keygen` prints it). */
export async function importPublicKey(spkiBase64: string): Promise<CryptoKey | undefined> {
  const der = fromBase64(spkiBase64);
  if (!der || der.length === 0) return undefined;
  try {
    return await crypto.subtle.importKey('spki', der, ALGORITHM, false, ['verify']);
  } catch {
    // An unparsable key is reported by the caller as `bad-key`; the DOMException text adds nothing for an admin.
    return undefined;
  }
}

export async function importPrivateKey(pkcs8Base64: string): Promise<CryptoKey | undefined> {
  const der = fromBase64(pkcs8Base64);
  if (!der || der.length === 0) return undefined;
  try {
    return await crypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
  } catch {
    return undefined;
  }
}

/** A new signing key pair, both halves base64 (public: SPKI, private: PKCS#8). */
export async function generateSigningKeyPair(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const [spki, pkcs8] = await Promise.all([
    crypto.subtle.exportKey('spki', pair.publicKey),
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
  ]);
  return { publicKey: toBase64(spki), privateKey: toBase64(pkcs8) };
}

export interface SignOptions {
  policyText: string;
  serial: number;
  issuedAt: Date;
  expiresAt?: Date;
}

/** Sign a policy for publication at the admin's config URL. Returns the envelope as pretty JSON text. */
export async function signConfig(options: SignOptions, privateKey: CryptoKey): Promise<string> {
  if (!Number.isInteger(options.serial) || options.serial < 1) {
    throw new Error(`The serial must be a whole number of at least 1, got ${options.serial}.`);
  }
  const unsigned: Omit<SignedConfigEnvelope, 'signature'> = {
    format: SIGNED_CONFIG_FORMAT,
    version: SIGNED_CONFIG_VERSION,
    serial: options.serial,
    issuedAt: options.issuedAt.toISOString(),
    ...(options.expiresAt ? { expiresAt: options.expiresAt.toISOString() } : {}),
    policy: options.policyText,
  };
  const signature = await crypto.subtle.sign(SIGN_PARAMS, privateKey, signedBytes(unsigned));
  return JSON.stringify({ ...unsigned, signature: toBase64(signature) }, null, 2) + '\n';
}

export interface VerifyOptions {
  now: Date;
  /** The serial of the config in force; an older one is a rollback and refused. Equal is a refetch and fine. */
  minSerial?: number;
}

/**
 * Verify an envelope before using a byte of its policy. Order matters: shape, then signature, then the signed
 * dates and serial, so an unsigned or tampered envelope can never trigger anything but its own refusal.
 */
export async function verifySignedConfig(
  text: string,
  publicKey: CryptoKey | undefined,
  options: VerifyOptions,
): Promise<VerifyResult> {
  if (text.length > MAX_SIGNED_CONFIG_BYTES) {
    return { ok: false, code: 'too-large', error: `The signed config is larger than ${MAX_SIGNED_CONFIG_BYTES} bytes.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'malformed', error: `The signed config is not JSON: ${(error as Error).message}` };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    return {
      ok: false,
      code: 'malformed',
      error: `The signed config is not a ${SIGNED_CONFIG_FORMAT} v${SIGNED_CONFIG_VERSION} envelope (problem at ${where}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  const envelope = parsed.data;
  if (!envelope.signature) {
    return { ok: false, code: 'unsigned', error: 'The config has no signature; unsigned configs are never used.' };
  }
  if (!publicKey) {
    return { ok: false, code: 'bad-key', error: 'The pinned public key is missing or not a valid P-256 SPKI key.' };
  }
  const signature = fromBase64(envelope.signature);
  if (!signature || signature.length !== 64) {
    return { ok: false, code: 'bad-signature', error: 'The signature is not a valid ECDSA P-256 signature.' };
  }
  const { signature: _omit, ...unsigned } = envelope;
  const valid = await crypto.subtle.verify(SIGN_PARAMS, publicKey, signature, signedBytes(unsigned));
  if (!valid) {
    return {
      ok: false,
      code: 'bad-signature',
      error: 'The signature does not match the pinned key: the config was changed after signing, or signed with another key.',
    };
  }
  const now = options.now.getTime();
  if (Date.parse(envelope.issuedAt) > now + 5 * 60_000) {
    // Five minutes of clock skew is tolerated; more means the signer's or this machine's clock is wrong.
    return { ok: false, code: 'not-yet-valid', error: `The config was issued in the future (${envelope.issuedAt}).` };
  }
  if (envelope.expiresAt && Date.parse(envelope.expiresAt) <= now) {
    return { ok: false, code: 'expired', error: `The config expired on ${envelope.expiresAt}; publish a newly signed one.` };
  }
  if (options.minSerial !== undefined && envelope.serial < options.minSerial) {
    return {
      ok: false,
      code: 'rollback',
      error: `The config has serial ${envelope.serial}, older than serial ${options.minSerial} in force; an older config is never accepted.`,
    };
  }
  return {
    ok: true,
    serial: envelope.serial,
    issuedAt: envelope.issuedAt,
    ...(envelope.expiresAt ? { expiresAt: envelope.expiresAt } : {}),
    policyText: envelope.policy,
  };
}

/**
 * The serial of a config signed before, read from its envelope without checking the signature: `sign --serial
 * next` only needs a number above it, and the private key at hand signs whatever comes next anyway.
 */
export function readSignedConfigSerial(text: string): { ok: true; serial: number } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `not a ${SIGNED_CONFIG_FORMAT} v${SIGNED_CONFIG_VERSION} envelope` };
  return { ok: true, serial: parsed.data.serial };
}

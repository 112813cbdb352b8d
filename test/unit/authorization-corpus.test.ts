/**
 * The generic detector against real authorization URLs of providers Consent Gate does not name, found in public
 * code and documentation (test/fixtures/authorization-corpus/), and against ordinary pages that must not be taken
 * for requests. Every positive must be caught with the right client id and every negative refused; a real request
 * we deliberately do not catch is listed in the corpus with `notDetected` and its reason, and asserted as such.
 * Each entry names its source: a documentation page, or for code found through the public code index, that index's
 * file id (the index gives the file's text but not its repository and path).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAuthorizationUrl } from '../../lib/parse-authorization-url';
import { PROVIDERS } from '../../lib/providers';
import { isSubdomainOfAny } from '../../lib/providers/provider-definition';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/authorization-corpus');

const absoluteUrl = z.string().refine((value) => URL.canParse(value), 'an absolute URL');
const positiveSchema = z.strictObject({
  provider: z.string().min(2),
  url: absoluteUrl,
  /** The client id a reader of the URL finds: `client_id`, or TikTok's `client_key`. */
  clientId: z.string().min(1).optional(),
  /** Repository and file (or index id), or documentation page address. */
  source: z.string().min(10),
  /** Why this real request is deliberately not detected; absent for every request that must be caught. */
  notDetected: z.string().min(20).optional(),
});
const negativeSchema = z.strictObject({
  url: absoluteUrl,
  reason: z.string().min(10),
  source: z.string().min(10),
});

function readCorpus<T>(file: string, schema: z.ZodType<T>): T[] {
  return z.array(schema).parse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
}

const positives = readCorpus('positives.json', positiveSchema);
const negatives = readCorpus('negatives.json', negativeSchema);
const detectable = positives.filter((entry) => entry.notDetected === undefined);
const exceptions = positives.filter((entry) => entry.notDetected !== undefined);

/** The named providers' hosts: a corpus entry on one of them would test that provider, not the generic detector. */
function namedProviderOwning(host: string): string | undefined {
  return PROVIDERS.find(
    (provider) => provider.knownHosts.includes(host) || provider.ownedDomains.includes(host) || isSubdomainOfAny(host, provider.ownedDomains),
  )?.id;
}

function detectionSummary(): { caught: number; falsePositives: number } {
  const caught = detectable.filter((entry) => {
    const result = parseAuthorizationUrl(entry.url);
    return result.ok && result.request.clientId === entry.clientId;
  }).length;
  const falsePositives = negatives.filter((entry) => parseAuthorizationUrl(entry.url).ok).length;
  return { caught, falsePositives };
}

describe('authorization-request corpus of unnamed providers', () => {
  it('is large and varied enough to mean something', () => {
    expect(detectable.length).toBeGreaterThanOrEqual(100);
    expect(new Set(detectable.map((entry) => entry.provider)).size).toBeGreaterThanOrEqual(30);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
    const urls = [...positives, ...negatives].map((entry) => entry.url);
    expect(new Set(urls).size, 'no URL listed twice').toBe(urls.length);
  });

  it('holds only providers outside the named ones, each entry with the client id its URL carries', () => {
    for (const entry of positives) {
      const url = new URL(entry.url);
      expect(namedProviderOwning(url.hostname), entry.url).toBeUndefined();
      if (entry.notDetected !== undefined) continue;
      // WHATWG URLSearchParams as an independent reader of the same URL.
      const carried = url.searchParams.get('client_id') || url.searchParams.get('client_key');
      expect(entry.clientId, entry.url).toBe(carried);
    }
  });

  it('reports the detection rate over the whole corpus: every request caught, no page mistaken', () => {
    const { caught, falsePositives } = detectionSummary();
    const rate = ((100 * caught) / detectable.length).toFixed(1);
    console.info(
      `authorization corpus: ${caught}/${detectable.length} requests from ${new Set(detectable.map((entry) => entry.provider)).size} providers caught (${rate}%), ` +
        `${falsePositives}/${negatives.length} ordinary pages taken for requests, ${exceptions.length} documented exception(s)`,
    );
    expect({ caught, falsePositives }).toEqual({ caught: detectable.length, falsePositives: 0 });
  });

  it.each(detectable.map((entry, index) => [`${index} ${entry.provider}: ${entry.url.slice(0, 90)}`, entry] as const))(
    'catches %s',
    (_name, entry) => {
      const result = parseAuthorizationUrl(entry.url);
      if (!result.ok) throw new Error(`expected an authorization request, got: ${result.reason}`);
      expect(result.request.provider).toBe('generic');
      expect(result.request.clientId).toBe(entry.clientId);
      expect(result.request.impersonation).toBeUndefined();
      expect(result.request.host).toBe(new URL(entry.url).hostname);
    },
  );

  it.each(exceptions.map((entry) => [`${entry.provider}: ${entry.url}`, entry] as const))(
    'leaves the documented exception %s undetected, for the stated reason',
    (_name, entry) => {
      const result = parseAuthorizationUrl(entry.url);
      expect(result.ok).toBe(false);
      // Every exception so far names no client; the parser must say so rather than fail for another reason.
      if (!result.ok) expect(result.reason).toContain('client_id');
    },
  );

  it.each(negatives.map((entry) => [`${entry.url.slice(0, 100)} (${entry.reason})`, entry] as const))(
    'does not take %s for a request',
    (_name, entry) => {
      const result = parseAuthorizationUrl(entry.url);
      if (result.ok) throw new Error(`taken for a ${result.request.provider} request from ${result.request.clientId}`);
      expect(result.reason.length).toBeGreaterThan(10);
    },
  );
});

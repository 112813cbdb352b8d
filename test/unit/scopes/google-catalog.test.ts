/**
 * The Google catalog checked against Google's own facts: the scopes of Google's API discovery documents and
 * Google's restricted scope lists (scripts/generators/catalog/inputs/, see SOURCES.md there), read here
 * independently of the generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');

const discovery = JSON.parse(readFileSync(join(INPUTS, 'google-discovery-scopes.json'), 'utf8')) as Record<
  string,
  { apis: string[]; description: string }
>;
const labels = JSON.parse(readFileSync(join(INPUTS, 'google-scope-labels.json'), 'utf8')) as {
  restricted: { scopes: Record<string, string[]> };
  sensitive: { scopes: Record<string, string[]> };
};
const RESTRICTED = new Set(Object.values(labels.restricted.scopes).flat());
const SENSITIVE = new Set(Object.values(labels.sensitive.scopes).flat());
const SCOPES = Object.keys(discovery);

/** Google's read-only naming (`.readonly`, `.read-only`, `.read_only`, Fit's `.read`) and the Data Portability exports. */
function isReadOnlyName(url: string): boolean {
  const short = url.replace('https://www.googleapis.com/auth/', '');
  return short.startsWith('dataportability.') || short.split('.').some((p) => ['readonly', 'read-only', 'read_only', 'read'].includes(p));
}

describe('Google discovery coverage', () => {
  it('answers at least 97% of the discovery documents\' scopes from the catalog', () => {
    const guessed = SCOPES.filter((url) => classifyScope('google', url).source !== 'catalog');
    const catalogued = SCOPES.length - guessed.length;
    const share = catalogued / SCOPES.length;
    console.info(
      `Google: ${SCOPES.length} discovery scopes, ${catalogued} catalog, ${guessed.length} guess ` +
        `(${(share * 100).toFixed(1)}% catalog)${guessed.length > 0 ? `: ${guessed.join(', ')}` : ''}`,
    );
    expect(SCOPES.length).toBeGreaterThan(500);
    expect(share).toBeGreaterThanOrEqual(0.97);
  });
});

describe('Google invariants over every discovery scope', () => {
  it.each(SCOPES.filter(isReadOnlyName))('%s grants no write, delete or admin', (url) => {
    const info = classifyScope('google', url);
    expect(info.access.filter((a) => a === 'write' || a === 'delete' || a === 'admin')).toEqual([]);
  });

  it.each(SCOPES)('%s carries the restricted label exactly where Google lists it', (url) => {
    expect(classifyScope('google', url).labels.includes('google-restricted')).toBe(RESTRICTED.has(url));
  });

  // Google's Data Portability table puts every export in exactly one of its two categories.
  it.each(SCOPES.filter((url) => url.includes('/auth/dataportability.')))('%s is either sensitive or restricted, as listed', (url) => {
    const { labels: found } = classifyScope('google', url);
    const expected = RESTRICTED.has(url) ? 'google-restricted' : 'google-sensitive';
    expect(found).toEqual([expected]);
    expect(RESTRICTED.has(url) || SENSITIVE.has(url)).toBe(true);
  });

  it('has read-only names to check', () => {
    expect(SCOPES.filter(isReadOnlyName).length).toBeGreaterThan(150);
  });
});

const RESTRICTED_PAGE = 'https://support.google.com/cloud/answer/13464325';
const SCOPES_PAGE = 'https://developers.google.com/identity/protocols/oauth2/scopes';
const PORTABILITY_PAGE = 'https://developers.google.com/data-portability/user-guide/scopes';

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth?: Breadth;
  restricted: boolean;
  sensitive?: boolean;
  page: string;
}

// Checked by hand against the named page: the access Google's text describes, and whether Google lists the scope
// as restricted (or, for Data Portability, its Category column).
const AUDITED: AuditedRow[] = [
  { scope: 'admin.datatransfer.readonly', access: ['read'], breadth: 'organization', restricted: false, page: SCOPES_PAGE },
  { scope: 'chrome.management.policy.readonly', access: ['read'], breadth: 'organization', restricted: false, page: SCOPES_PAGE },
  { scope: 'admin.directory.user.readonly', access: ['read'], breadth: 'organization', restricted: false, page: SCOPES_PAGE },
  { scope: 'admin.directory.user', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', restricted: false, page: SCOPES_PAGE },
  { scope: 'chat.admin.delete', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', restricted: false, page: SCOPES_PAGE },
  { scope: 'drive.photos.readonly', access: ['read'], restricted: false, page: RESTRICTED_PAGE },
  { scope: 'drive.meet.readonly', access: ['read'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'drive.activity', access: ['read', 'write'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'drive.file', access: ['read', 'write', 'delete'], breadth: 'selected', restricted: false, page: RESTRICTED_PAGE },
  { scope: 'gmail.metadata', access: ['read'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'gmail.settings.sharing', access: ['read', 'write'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'https://mail.google.com/', access: ['read', 'write', 'delete'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'fitness.heart_rate.read', access: ['read'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'fitness.blood_glucose.write', access: ['write'], restricted: true, page: RESTRICTED_PAGE },
  { scope: 'dataportability.chrome.history', access: ['read'], restricted: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.chrome.bookmarks', access: ['read'], restricted: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.alerts.subscriptions', access: ['read'], restricted: false, sensitive: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.chrome.dictionary', access: ['read'], restricted: false, sensitive: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.myactivity.search', access: ['read'], restricted: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.youtube.private_videos', access: ['read'], restricted: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.maps.starred_places', access: ['read'], restricted: true, page: PORTABILITY_PAGE },
  { scope: 'dataportability.youtube.public_videos', access: ['read'], restricted: false, sensitive: true, page: PORTABILITY_PAGE },
  { scope: 'calendar.events.readonly', access: ['read'], restricted: false, sensitive: true, page: SCOPES_PAGE },
  { scope: 'cloud-platform.read-only', access: ['read'], restricted: false, page: SCOPES_PAGE },
  { scope: 'devstorage.read_only', access: ['read'], restricted: false, page: SCOPES_PAGE },
];

describe('Google audited table', () => {
  it.each(AUDITED)('$scope matches $page', (row) => {
    const url = row.scope.startsWith('https://') ? row.scope : `https://www.googleapis.com/auth/${row.scope}`;
    expect(url in discovery).toBe(true);
    const info = classifyScope('google', url);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    if (row.breadth !== undefined) expect(info.breadth).toBe(row.breadth);
    expect(info.labels.includes('google-restricted')).toBe(row.restricted);
    if (row.sensitive !== undefined) expect(info.labels.includes('google-sensitive')).toBe(row.sensitive);
  });

  it('has at least 20 rows', () => {
    expect(AUDITED.length).toBeGreaterThanOrEqual(20);
  });
});

/**
 * The Zoom catalog checked against Zoom's own facts: every scope of Zoom's Phone and Number Management OpenAPI
 * specs (scripts/generators/catalog/inputs/zoom-phone-scopes.json, see SOURCES.md there), judged here from the
 * names alone by Zoom's documented pattern `product:action:object[:admin|:master]`, plus the other products'
 * scopes named on Zoom's scope pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyScope } from '../../../lib/scopes/classify-scope';
import type { Access, Breadth } from '../../../lib/scopes/scope-info';
import { scopeRisk } from '../../../lib/scopes/scope-risk';

const INPUTS = join(__dirname, '../../../scripts/generators/catalog/inputs');
const PHONE = Object.keys(JSON.parse(readFileSync(join(INPUTS, 'zoom-phone-scopes.json'), 'utf8')) as Record<string, unknown>);

const CLASSIC_PAGE = 'https://developers.zoom.us/docs/integrations/oauth-scopes/';
const GRANULAR_PAGE = 'https://developers.zoom.us/docs/integrations/oauth-scopes-granular/';

// Classic scopes of Zoom's other products, typed in from the classic scopes page (no machine-readable copy exists).
const CLASSIC = [
  'user:read', 'user:write', 'user:read:admin', 'user:write:admin', 'user:master', 'meeting:read', 'meeting:write',
  'meeting:read:admin', 'meeting:write:admin', 'meeting:master', 'webinar:read', 'webinar:write', 'webinar:read:admin',
  'webinar:write:admin', 'webinar:master', 'recording:read', 'recording:write', 'recording:read:admin',
  'recording:write:admin', 'recording:master', 'report:read:admin', 'report:master', 'dashboard:read:admin',
  'account:read:admin', 'account:write:admin', 'account:master', 'group:read:admin', 'group:write:admin',
  'role:read:admin', 'role:write:admin', 'chat_message:read', 'chat_message:write', 'chat_message:read:admin',
  'chat_message:write:admin', 'chat_channel:read', 'chat_channel:write', 'chat_channel:read:admin',
  'chat_channel:write:admin', 'chat_contact:read', 'contact:read', 'contact:read:admin', 'imchat:bot',
  'tracking_fields:read:admin', 'tracking_fields:write:admin', 'room:read:admin', 'room:write:admin',
  'h323:read:admin', 'h323:write:admin', 'sip_phone:read:admin', 'sip_phone:write:admin', 'tsp:read', 'tsp:write',
  'tsp:read:admin', 'tsp:write:admin', 'pac:read', 'pac:write', 'user_zak:read', 'user_info:read', 'user_profile',
  'dashboard_meetings:read:admin', 'dashboard_webinars:read:admin', 'dashboard_zr:read:admin', 'dashboard_im:read:admin',
  'dashboard_crc:read:admin', 'dashboard_home:read:admin', 'report_chat:read:admin',
] as const;

const SCOPES = [...new Set([...PHONE, ...CLASSIC])];
const parts = (scope: string): string[] => scope.split(':');
const suffix = (scope: string): string | undefined => ['admin', 'master'].find((s) => scope.endsWith(`:${s}`));
const READ_ONLY = SCOPES.filter((s) => parts(s)[1] === 'read');
const CHANGES = (access: readonly Access[]): Access[] => access.filter((a) => a === 'write' || a === 'delete' || a === 'admin');

describe('Zoom coverage', () => {
  it("answers every scope of Zoom's Phone specs and of the classic page from the catalog", () => {
    const guessed = SCOPES.filter((s) => classifyScope('zoom', s).source !== 'catalog');
    console.info(`Zoom: ${SCOPES.length} published (${PHONE.length} from the Phone specs), ${SCOPES.length - guessed.length} catalog, ${guessed.length} guess`);
    expect(PHONE.length).toBeGreaterThanOrEqual(435);
    expect(guessed).toEqual([]);
  });
});

describe('Zoom invariants over every published scope', () => {
  it('grants no write, delete or admin when the action is read, and never rates it critical', () => {
    expect(READ_ONLY.length).toBeGreaterThan(150);
    const problems = READ_ONLY.filter((s) => {
      const info = classifyScope('zoom', s);
      return CHANGES(info.access).length > 0 || scopeRisk(info) === 'critical';
    });
    expect(problems).toEqual([]);
  });

  it('reaches the whole account with :admin or :master, and only you without', () => {
    const problems = SCOPES.filter((s) => {
      const { breadth } = classifyScope('zoom', s);
      return suffix(s) !== undefined || s === 'phone:master' ? breadth !== 'organization' : breadth === 'organization';
    });
    expect(problems).toEqual([]);
  });

  it('rates every change across the account critical', () => {
    // Reports only read, even across master accounts.
    const changes = SCOPES.filter((s) => suffix(s) !== undefined && parts(s)[1] !== 'read' && !s.startsWith('report'));
    expect(changes.length).toBeGreaterThan(150);
    expect(changes.filter((s) => scopeRisk(classifyScope('zoom', s)) !== 'critical')).toEqual([]);
  });

  it('follows the granular action: write creates, update changes, delete deletes', () => {
    const problems: string[] = [];
    for (const scope of PHONE.filter((s) => parts(s).length >= 3 && !['admin', 'master'].includes(parts(s)[2] ?? ''))) {
      const { access } = classifyScope('zoom', scope);
      const action = parts(scope)[1];
      if ((action === 'write' || action === 'update') && !access.includes('write')) problems.push(scope);
      if (action === 'delete' && !access.includes('delete')) problems.push(scope);
    }
    expect(problems).toEqual([]);
  });
});

interface AuditedRow {
  scope: string;
  access: Access[];
  breadth: Breadth;
  page: string;
}

// The expected classification of each scope, from the named page's description of it. The page cannot be fetched
// by the tests: when it changes, a person updates the row.
const AUDITED: AuditedRow[] = [
  { scope: 'phone:read:list_call_logs:admin', access: ['read'], breadth: 'organization', page: GRANULAR_PAGE },
  { scope: 'phone:read:voicemail', access: ['read'], breadth: 'own', page: GRANULAR_PAGE },
  { scope: 'phone:delete:call_recording', access: ['delete'], breadth: 'own', page: GRANULAR_PAGE },
  { scope: 'phone:update:user:admin', access: ['write'], breadth: 'organization', page: GRANULAR_PAGE },
  { scope: 'phone:write:call_queue:admin', access: ['read', 'write'], breadth: 'organization', page: GRANULAR_PAGE },
  { scope: 'phone_sms:read:admin', access: ['read'], breadth: 'organization', page: CLASSIC_PAGE },
  { scope: 'phone:master', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: CLASSIC_PAGE },
  { scope: 'meeting:read:list_past_participants:admin', access: ['read'], breadth: 'organization', page: GRANULAR_PAGE },
  { scope: 'meeting:update:meeting', access: ['write'], breadth: 'own', page: GRANULAR_PAGE },
  { scope: 'cloud_recording:read:list_recording_files:admin', access: ['read'], breadth: 'organization', page: GRANULAR_PAGE },
  { scope: 'user:master', access: ['read', 'write', 'delete', 'admin'], breadth: 'organization', page: CLASSIC_PAGE },
  { scope: 'report:read:admin', access: ['read'], breadth: 'organization', page: CLASSIC_PAGE },
];

describe('Zoom audited table', () => {
  it.each(AUDITED)('$scope matches $page', (row) => {
    const info = classifyScope('zoom', row.scope);
    expect(info.source).toBe('catalog');
    expect(info.access).toEqual(row.access);
    expect(info.breadth).toBe(row.breadth);
  });
});

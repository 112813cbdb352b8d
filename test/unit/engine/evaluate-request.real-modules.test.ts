import { describe, expect, it } from 'vitest';
import type { RiskLevel, Verdict } from '../../../lib/evaluation';
import { evaluateRequest } from '../../../lib/engine/evaluate-request';
import { compilePolicy } from '../../../lib/engine/compile-policy';
import { parsePolicy } from '../../../lib/policy/parse-policy';
import { parseAuthorizationUrl } from '../../../lib/parse-authorization-url';

const NOW = new Date(2026, 2, 15, 12);
const parsed = parsePolicy({
  approvedIntegrations: [
    { name: 'Acme Calendar', provider: 'google', clientId: '111-acme.apps.googleusercontent.com', scopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar.readonly'] },
    { name: 'Acme Drive Sync', provider: 'google', clientId: '222-sync.apps.googleusercontent.com', scopes: ['openid', 'https://www.googleapis.com/auth/drive'] },
    { name: 'Acme File Picker', provider: 'google', clientId: '333-picker.apps.googleusercontent.com', scopes: ['openid', 'https://www.googleapis.com/auth/drive.file'] },
    { name: 'Acme CI', provider: 'github', clientId: 'Iv1.00000000000000ac', scopes: ['repo'] },
  ],
});
if (!parsed.ok) throw new Error('invalid test policy');
const policy = compilePolicy(parsed.policy);

// End to end with the real parser and the real scope catalog: the pieces must agree on names and meanings.
describe('evaluateRequest with parseAuthorizationUrl and the scope catalog', () => {
  it.each([
    ['Google sign-in only', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=999-x.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid%20email%20profile', 'allowed', 'low', []],
    ['approved Google app within scope', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=111-acme.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Facme.example.com%2Fcb&scope=openid%20email%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcalendar.readonly', 'approved', 'medium', []],
    ['approved Google app creeping into Gmail', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=111-acme.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Facme.example.com%2Fcb&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly', 'needs-review', 'high', ['scope-creep', 'sensitive-data']],
    // An approval covers the narrower scopes its approved ones include (lib/scopes/implications/), never broader ones.
    ['Google drive approval covers drive.readonly', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=222-sync.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Facme.example.com%2Fcb&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive.readonly%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive.file', 'approved', 'high', []],
    ['Google drive.file approval does not cover drive', 'https://accounts.google.com/o/oauth2/v2/auth?client_id=333-picker.apps.googleusercontent.com&response_type=code&redirect_uri=https%3A%2F%2Facme.example.com%2Fcb&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive', 'needs-review', 'high', ['scope-creep']],
    ['GitHub repo approval covers public_repo and repo:status', 'https://github.com/login/oauth/authorize?client_id=Iv1.00000000000000ac&scope=public_repo%20repo:status', 'approved', 'high', []],
    // Critical whatever the approval: `repo` itself manages organisation teams and webhooks.
    ['GitHub repo approval does not cover workflow', 'https://github.com/login/oauth/authorize?client_id=Iv1.00000000000000ac&scope=repo%20workflow', 'needs-review', 'critical', ['scope-creep']],
    ['Azure CLI to localhost (ConsentFix)', 'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=04b07795-8ddb-461a-bbee-02f9e1bf7b46&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A8400&scope=openid%20profile%20offline_access', 'needs-review', 'low', ['consentfix']],
    ['Microsoft sign-in with offline_access', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=aaaaaaaa-0000-0000-0000-000000000001&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid%20offline_access%20User.Read', 'allowed', 'low', []],
    ['GitHub org admin', 'https://github.com/login/oauth/authorize?client_id=Iv1.0123456789abcdef&scope=admin:org', 'needs-review', 'critical', ['admin-scopes']],
    ['look-alike Microsoft host', 'https://login.microsoftonline.com.attacker.test/common/oauth2/v2.0/authorize?client_id=aaaaaaaa-0000-0000-0000-000000000001&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid', 'blocked', 'critical', ['look-alike-host']],
  ] as [string, string, Verdict, RiskLevel, string[]][])('%s', (_name, url, verdict, risk, rules) => {
    const result = parseAuthorizationUrl(url);
    if (!result.ok) throw new Error(result.reason);
    const evaluation = evaluateRequest(result.request, policy, { now: NOW });
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.risk).toBe(risk);
    const found = evaluation.findings.map((finding) => finding.rule);
    for (const rule of rules) expect(found).toContain(rule);
  });
});

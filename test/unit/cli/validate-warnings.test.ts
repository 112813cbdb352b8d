import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness';

const folder = mkdtempSync(join(tmpdir(), 'consent-gate-validate-'));
function policyFile(name: string, policy: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

describe('consent-gate validate: host binding', () => {
  it('fails an approval that can never match, says why and how to fix it', async () => {
    const file = policyFile('keycloak.json', { approvedIntegrations: [{ name: 'Portal', provider: 'keycloak', clientId: 'portal', scopes: ['openid'] }] });
    const outcome = await runInProcess(['validate', file]);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toContain('1 approval matches nothing');
    expect(outcome.stdout).toContain('$.approvedIntegrations[0]');
    expect(outcome.stdout).toMatch(/anyone\s+can\s+run\s+a\s+Keycloak\s+server/);
    expect(outcome.stdout).toContain('Fix: Add "host"');
  });

  it('passes with advice for okta and gitlab without host', async () => {
    const file = policyFile('advice.json', {
      approvedIntegrations: [
        { provider: 'okta', clientId: 'ok', scopes: ['openid'] },
        { provider: 'gitlab', clientId: 'gl', scopes: ['read_user'] },
      ],
    });
    const outcome = await runInProcess(['validate', file]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('the policy is valid');
    expect(outcome.stdout).toContain('2 warnings');
    expect(outcome.stdout).toMatch(/every\s+Okta\s+tenant/);
    expect(outcome.stdout).toMatch(/gitlab\.com\s+only/);
  });

  it('says nothing more for host-bound approvals', async () => {
    const file = policyFile('bound.json', { approvedIntegrations: [{ provider: 'keycloak', clientId: 'portal', host: 'sso.acme.example', scopes: ['openid'] }] });
    const outcome = await runInProcess(['validate', file]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).not.toContain('warning');
  });
});

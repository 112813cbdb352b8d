import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyStatusSection } from '../../../components/options/PolicyStatusSection';
import type { Policy } from '../../../lib/policy/schema';
import { OPTIONS_TEXT } from '../../../lib/strings/options';
import { POLICY, policyStatus } from './options-fixtures';
import { renderWithStore } from './options-harness';

afterEach(() => cleanup());

describe('policy warnings on the options page', () => {
  it('shows nothing when every approval works as written', async () => {
    await renderWithStore(<PolicyStatusSection />);
    expect(screen.queryByTestId('policy-warnings')).toBeNull();
  });

  it('lists an approval that matches nothing and one that matches widely, each with its path and fix', async () => {
    const policy: Policy = {
      ...POLICY,
      approvedIntegrations: [
        ...(POLICY.approvedIntegrations ?? []),
        { name: 'Portal <b>x</b>', provider: 'keycloak', clientId: 'portal', scopes: ['openid'] },
        { name: 'Intranet', provider: 'okta', clientId: 'ok', scopes: ['openid'] },
      ],
    };
    await renderWithStore(<PolicyStatusSection />, { getPolicyStatus: vi.fn(async () => policyStatus({}, policy)) });
    const box = await screen.findByTestId('policy-warnings');
    expect(box.textContent).toContain(OPTIONS_TEXT.policyWarningsTitle);
    const items = within(box).getAllByTestId('policy-warning');
    expect(items.map((item) => [item.dataset.path, item.dataset.level])).toEqual([
      ['$.approvedIntegrations[5]', 'ineffective'],
      ['$.approvedIntegrations[6]', 'advice'],
    ]);
    expect(items[0]!.textContent).toContain('matches nothing');
    expect(items[0]!.textContent).toContain('Fix: Add "host"');
    // Policy text is shown as text, never parsed as markup.
    expect(items[0]!.textContent).toContain('"Portal <b>x</b>"');
    expect(box.querySelector('b')).toBeNull();
    expect(items[1]!.textContent).toContain('every Okta tenant');
  });
});

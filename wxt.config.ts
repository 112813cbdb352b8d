import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONSENT_HOST_PATTERNS } from './lib/consent-hosts';
import { EXTENSION_PUBLIC_KEY, FIREFOX_ADDON_ID } from './lib/extension-ids';

// No content script is declared for the consent hosts: outside a flow no script of this extension runs there. The
// overlay is injected at commit, and the Firefox build registers its greeting only while a flow exists
// (lib/background/flow-page-script.ts).

// The manifest is the extension's security surface: every permission here is justified in README.md.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Consent Gate',
    description: 'Catches risky OAuth grants on the consent screen and turns them into a one-day security review.',
    permissions: ['storage', 'webNavigation', 'webRequest', 'scripting', 'activeTab', 'notifications', 'alarms'],
    host_permissions: [...CONSENT_HOST_PATTERNS],
    // Enterprise policy arrives through managed storage; Chrome validates it against this schema (generated).
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              // data_collection_permissions (no data is collected) needs Firefox 140, Firefox for Android 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: EXTENSION_PUBLIC_KEY }),
  }),
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CONSENT_HOST_PATTERNS } from './lib/consent-hosts';
import { EXTENSION_PUBLIC_KEY, FIREFOX_ADDON_ID } from './lib/extension-ids';


// The manifest is the extension's security surface: every permission here is justified in README.md.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The always-injected hello script (entrypoints/consent-hello.ts) is declared here rather than as a WXT
    // content script, so it runs without WXT's per-page wrapper: see that file for the measured difference.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: [...CONSENT_HOST_PATTERNS], js: ['consent-hello.js'], run_at: 'document_start' },
      ];
    },
  },
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

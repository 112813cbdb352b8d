import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The manifest is the extension's security surface: every permission here is justified in README.md.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Consent Gate',
    description: 'Catches risky OAuth grants on the consent screen and turns them into a one-day security review.',
    permissions: ['storage'],
  },
});

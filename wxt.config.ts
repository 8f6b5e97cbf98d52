import { defineConfig } from 'wxt';

// The Firefox add-on id; the store and addons-linter require one.
const GECKO_ID = 'dramatis@dramatis.app';

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Dramatis',
    description:
      'The cast of every tech-policy story: who the officials, companies and agencies in an article are, and what they have said before.',
    // Chromium's offscreen document parses very large pages off their thread (its worker has no
    // DOM parser; Firefox's background page does).
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Sites off the curated list: asked for one site at a time, when the person switches it on.
    optional_host_permissions: ['*://*/*'],
    // Keyboard access to the names in a page; people can change the keys in the browser's settings.
    // (Alt+Shift+N and Alt+Shift+P are taken by Chromium on Linux and would never be assigned.)
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next name in the article and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous name in the article and open its card',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  zip: { excludeSources: ['node_modules/**', '.output/**', 'tests/**'] },
});

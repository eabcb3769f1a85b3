import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Building never starts a browser; `npm start` and the tests launch one themselves.
  webExt: { disabled: true },
  zip: { zipSources: false },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Clean Copy',
    // Interface strings come from public/_locales (English, German, French, Spanish).
    default_locale: 'en',
    description: '__MSG_extDescription__',
    // activeTab: the popup reads only the tab the reader clicked on, and only then.
    // contextMenus: "Read in Clean Copy" on a page; choosing it grants activeTab as the toolbar button does.
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'],
    action: { default_title: 'Clean Copy' },
    commands: {
      'read-in-clean-copy': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandRead__' },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'clean-copy@clean-copy.app',
          // data_collection_permissions is understood from Firefox 140 on desktop and 142 on Android.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});

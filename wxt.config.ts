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
    description: 'Turn a cluttered news page into a clean article you can save, search and export.',
    // activeTab: the popup reads only the tab the reader clicked on, and only then.
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    action: { default_title: 'Clean Copy' },
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

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * The extension's own pages show text that strangers wrote: only the
 * extension's own scripts run, nothing is framed, posted or embedded, and a
 * page's <base> cannot move where addresses point. Pictures may come from
 * anywhere (an article's own); styles, fonts, data and workers only from the
 * extension.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  // The copy of a page is parsed with a <base> naming the page, so its relative addresses resolve there: pages
  // may set a web address as their base, never another scheme (the sanitiser drops <base> from what is shown).
  'base-uri https: http:',
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "img-src 'self' https: http: data: blob:",
  "media-src 'self' https: http: data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  // Web addresses only for keeping an article's pictures, fetched from their sites once the reader grants access
  // (optional_host_permissions below). Nothing fetches them without that grant; were something to, the browser would
  // hand it only what a site's own CORS headers allow, as for any web page.
  "connect-src 'self' blob: data: https: http:",
  "worker-src 'self'",
].join('; ');

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
    // Asked for only when the reader turns on "Keep pictures" (options page), from that click: fetching an article's
    // pictures from their sites is a cross-origin request, which an extension page may make only with access to the
    // site. Granted, it is used for nothing else; turned off, it is handed back. See docs/pictures.md.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Clean Copy' },
    commands: {
      'read-in-clean-copy': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandRead__' },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
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

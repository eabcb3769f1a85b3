/**
 * Preferences for the test profile, on top of puppeteer's defaults for a
 * Firefox under automation (which already switch off many of these). Each
 * group names the background traffic it stops: the tests contact no host
 * but 127.0.0.1, and the proxy below catches whatever a new Firefox starts
 * sending that no preference here covers yet.
 */
export function firefoxPrefs(options: { downloadDir: string; trapPort: number; uuids: Record<string, string> }): Record<string, unknown> {
  return {
    // Every request to another host goes to a proxy on 127.0.0.1 that refuses and records it (see offsite-trap.ts);
    // 127.0.0.1 itself is never proxied. Host names go to the proxy unresolved, so no DNS lookup leaves either.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': options.trapPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': options.trapPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.urlbar.speculativeConnect.enabled': false,

    // Updates: the application, system add-ons, add-on metadata and the blocklist.
    'app.update.auto': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'browser.search.update': false,
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,

    // Telemetry and data reporting.
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,

    // Safe Browsing lists and download checks.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.contentblocking.database.enabled': false,

    // Captive portal and connectivity checks.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,

    // Remote settings, Normandy, studies and experiments, certificate lists kept by remote settings. A release build
    // honours this server only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 set (see firefox.ts), and then, for this exact
    // value, syncs nothing.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'nimbus.rollouts.enabled': false,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,

    // Push, accounts, region and location lookups, the new tab page's feeds, on-device models.
    'dom.push.connection.enabled': false,
    'dom.push.serverURL': '',
    'identity.fxaccounts.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'browser.discovery.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.ml.enable': false,

    // Downloads land in the test's folder without asking.
    'browser.download.dir': options.downloadDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.start_downloads_in_tmp_dir': false,

    // The extension's moz-extension:// host, fixed so the test can address its pages.
    'extensions.webextensions.uuids': JSON.stringify(options.uuids),
  };
}

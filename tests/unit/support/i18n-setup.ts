import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, readMessages } from './messages';

// Components take their strings from the locale files; in unit tests they read the English ones, as the browser would.
const english = readMessages('en');
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
  formatMessage(english, key, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []))) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';

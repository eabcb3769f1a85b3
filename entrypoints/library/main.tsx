import { render } from 'preact';
import { firstScreen } from './first-screen';
import { App } from './App';
import { t, uiLanguage } from '../../components/i18n';

// The page speaks the browser's interface language: its root says so, and its title is in it.
document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');

// The head of the list is at hand without waiting on storage, so the page's first frame already shows the list.
render(<App head={firstScreen()} />, document.getElementById('app')!);

import { render } from 'preact';
import { App } from './App';
import { t, uiLanguage } from '../../components/i18n';

// The page speaks the browser's interface language: its root says so, and its title is in it.
document.documentElement.lang = uiLanguage();
document.title = t('extName');

render(<App />, document.getElementById('app')!);

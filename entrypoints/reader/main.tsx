import { render } from 'preact';
import { App } from './App';
import { uiLanguage } from '../../components/i18n';

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app')!);

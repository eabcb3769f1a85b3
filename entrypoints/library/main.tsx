import { render } from 'preact';
import { firstScreen } from './first-screen';
import { App } from './App';

// The head of the list is at hand without waiting on storage, so the page's first frame already shows the list.
render(<App head={firstScreen()} />, document.getElementById('app')!);

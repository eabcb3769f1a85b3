import { render } from 'preact';
// First, so the head of the list is being read while the App's modules load.
import { firstScreen } from './first-screen';
import { App } from './App';

// Drawn once the head is here (a few milliseconds), so the page's first frame already shows the list rather than an empty one.
void firstScreen.then((head) => render(<App head={head} />, document.getElementById('app')!));

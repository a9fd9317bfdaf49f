// Options entry: wiring only.
import { render } from 'preact';
import { localArea } from '../platform/index.ts';
import { settingsStore } from '../shared/settingsStore.ts';
import { Options } from './Options.tsx';
import './styles.css';

const store = settingsStore(localArea());
const root = document.getElementById('app')!;

store.load().then(
  (settings) => render(<Options initial={settings} save={store.save} />, root),
  (error: unknown) => {
    root.textContent = `Could not load settings: ${String(error)}`;
  },
);

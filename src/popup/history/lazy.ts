// The history chunk's one entry: the list, the diff and the file compare load (and split) as one,
// so none of them, nor the core's decoder of pasted forms, weighs on the popup's first load.
import './history.css';

export { HistoryPanel } from './history-panel.tsx';
export { ComparableDetails } from './comparable-details.tsx';
export { browserHistoryDeps } from './browser-deps.ts';

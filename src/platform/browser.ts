// The only import of the polyfill: everything else reaches browser APIs through src/platform.
import browser from 'webextension-polyfill';

export { browser };

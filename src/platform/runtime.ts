import { browser } from './browser.ts';

/** Absolute URL of a file packaged with the extension. */
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

export const openOptionsPage = (): Promise<void> => browser.runtime.openOptionsPage();

import { browser } from './browser.ts';

/** A connection to a native messaging host, as the bridge needs it. */
export interface NativePort {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Fires once when the host exits or cannot start; `error` is the browser's reason, if any. */
  onDisconnect(listener: (error: string | undefined) => void): void;
  disconnect(): void;
}

/**
 * Starts the native host `name` (the browser spawns it) and connects to it. Needs the optional
 * `nativeMessaging` permission; without it the API is absent and this throws.
 */
export function connectNative(name: string): NativePort {
  const port = browser.runtime.connectNative(name);
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) =>
      port.onDisconnect.addListener((closed) => {
        // Firefox sets `error` on the port; Chrome sets runtime.lastError during this listener.
        const error = closed.error?.message ?? browser.runtime.lastError?.message;
        listener(error);
      }),
    disconnect: () => port.disconnect(),
  };
}

/** This extension's id: what a native host manifest's allowed_origins / allowed_extensions name. */
export const extensionId = (): string => browser.runtime.id;

/** The version in the manifest. */
export const extensionVersion = (): string => browser.runtime.getManifest().version;

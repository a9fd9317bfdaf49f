import type { RolePair } from '../core/index.ts';
import type { Settings } from '../shared/settings.ts';

/** What the popup's components may do to the outside world; main.tsx binds it to the browser. */
export interface PopupActions {
  signIn(role: RolePair, options: { newTab: boolean }): Promise<void>;
  toggleFavourite(roleArn: string): Promise<Settings>;
  copyText(text: string): Promise<void>;
  openUrl(url: string): Promise<void>;
  openOptions(): Promise<void>;
}

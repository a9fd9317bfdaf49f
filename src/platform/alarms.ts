import { browser } from './browser.ts';

/**
 * Wakes the worker at `when` (epoch ms) under `name`, replacing an earlier one; with undefined,
 * clears it. Alarms survive the MV3 worker stopping, unlike timers. Needs the (optional) `alarms`
 * permission: without it nothing is scheduled.
 */
export async function setAlarm(name: string, when: number | undefined): Promise<void> {
  if (!browser.alarms) return;
  if (when === undefined) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when });
}

/**
 * Listens for one alarm. `browser.alarms` exists only once the permission is granted, so the
 * listener is added when it is (registering it at startup too, for a worker an alarm wakes).
 */
export function onAlarm(name: string, listener: () => void): void {
  const add = () =>
    browser.alarms?.onAlarm.addListener((alarm) => {
      if (alarm.name === name) listener();
    });
  if (browser.alarms) add();
  else
    browser.permissions.onAdded.addListener((granted) => {
      if ((granted.permissions as string[] | undefined)?.includes('alarms')) add();
    });
}

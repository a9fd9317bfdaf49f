import { describe, expect, it } from 'vitest';
import { historySizeProblem } from '../../src/options/history-size.ts';
import {
  historySettingsStore,
  normalizeHistorySettings,
} from '../../src/shared/history-settings.ts';
import { memoryArea } from '../background/memory-area.ts';

describe('history settings', () => {
  it('keeps a stored size within 1..100 and falls back to 20 for anything else', () => {
    expect(normalizeHistorySettings(undefined)).toEqual({ size: 20 });
    expect(normalizeHistorySettings({ size: 'ten' })).toEqual({ size: 20 });
    expect(normalizeHistorySettings({ size: 2.5 })).toEqual({ size: 20 });
    expect(normalizeHistorySettings({ size: 0 })).toEqual({ size: 1 });
    expect(normalizeHistorySettings({ size: 1000 })).toEqual({ size: 100 });
    expect(normalizeHistorySettings({ size: 42 })).toEqual({ size: 42 });
  });

  it('says what is wrong with a typed size', () => {
    expect(historySizeProblem('50')).toBeUndefined();
    expect(historySizeProblem('0')).toMatch(/keeps 1 to 100 captures; "0" is not/);
    expect(historySizeProblem('101')).toMatch(/"101"/);
    expect(historySizeProblem('1e2')).toMatch(/"1e2"/);
    expect(historySizeProblem('')).toMatch(/""/);
  });

  it('saves what the worker then reads', async () => {
    const area = memoryArea();
    await historySettingsStore(area).save({ size: 5 });
    expect(await historySettingsStore(area).load()).toEqual({ size: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import { HistoryList } from '../../../src/popup/history/history-list.tsx';
import { entryLabel, inCaptureOrder } from '../../../src/popup/history/model/entry-label.ts';
import type { HistoryEntry } from '../../../src/shared/history.ts';
import { elements, flatten } from '../expand.ts';

const NOW = Date.parse('2030-01-01T00:01:00Z');
const entry = (id: string, fields: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  tabId: 7,
  capturedAt: NOW - 60_000 + Number(id),
  kind: 'decoded',
  issuer: 'https://idp.example.com/',
  sessionName: `user${id}`,
  roleCount: 3,
  errorCount: 0,
  expiresAt: NOW + 240_000,
  bytes: 100,
  kept: true,
  ...fields,
});

const noop = () => undefined;
function list(entries: HistoryEntry[], chosen: string[] = []) {
  return flatten(
    elements(
      HistoryList({
        entries,
        now: NOW,
        currentTabId: 7,
        chosen,
        onOpen: noop,
        onChoose: noop,
        onCompare: noop,
      }),
    ),
  );
}
const byTestId = (all: ReturnType<typeof list>, id: string) =>
  all.filter((e) => e.props['data-testid'] === id);

describe('history list', () => {
  it('lists newest first with time, tab, issuer, session name and role count', () => {
    const all = list([entry('1'), entry('2', { tabId: 9, roleCount: 1, sessionName: 'bob' })]);
    const rows = byTestId(all, 'history-open').map((e) => e.spoken);
    expect(rows[0]).toMatch(/^bob 1 role \S.* · tab 9 · https:\/\/idp\.example\.com\/$/);
    expect(rows[1]).toMatch(/^user1 3 roles .* · this tab · https:\/\/idp\.example\.com\/$/);
  });

  it('labels failed, expired, erroneous and no-longer-kept captures honestly, and only openable ones can be compared', () => {
    const all = list([
      entry('1', { kind: 'failed', roleCount: 0, errorCount: 1, error: 'not base64 at 3' }),
      entry('2', { expiresAt: NOW - 1, errorCount: 2 }),
      entry('3', { kept: false }),
    ]);
    expect(byTestId(all, 'history-status').map((e) => e.spoken)).toEqual([
      'details dropped: history over 4 MB',
      'expired; 2 errors',
      'could not be read: not base64 at 3',
    ]);
    expect(byTestId(all, 'history-choose').map((e) => e.props.disabled)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('enables compare with exactly two ticked, and no third tick', () => {
    const entries = [entry('1'), entry('2'), entry('3')];
    expect(byTestId(list(entries, ['1']), 'history-compare')[0]!.props.disabled).toBe(true);
    const two = list(entries, ['1', '3']);
    expect(byTestId(two, 'history-compare')[0]!.props.disabled).toBe(false);
    expect(byTestId(two, 'history-choose').map((e) => e.props.disabled)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('says so when there is nothing yet', () => {
    expect(byTestId(list([]), 'history-empty')[0]!.spoken).toMatch(/^No captures yet/);
  });

  it('compares older to newer whichever was ticked first', () => {
    const entries = [entry('1'), entry('2'), entry('3')];
    expect(inCaptureOrder(entries, ['3', '1']).map((e) => e.id)).toEqual(['1', '3']);
    const { sessionName: _none, ...anonymous } = entry('1');
    expect(entryLabel(anonymous, NOW).who).toBe('(no session name)');
  });
});

import { describe, expect, it } from 'vitest';
import { moveHighlight, scrollToShow, visibleRange } from '../../src/popup/model/list-window.ts';
import { parseSigninQuery, signinPagePath, wantsNewTab } from '../../src/popup/model/signin.ts';
import { formatRemaining } from '../../src/popup/model/time.ts';

describe('list window', () => {
  it('renders only the rows on screen plus overscan', () => {
    expect(visibleRange(0, 420, 30, 1000)).toEqual({ start: 0, end: 21 });
    expect(visibleRange(3000, 420, 30, 1000)).toEqual({ start: 94, end: 121 });
    expect(visibleRange(29_900, 420, 30, 1000)).toEqual({ start: 990, end: 1000 });
  });

  it('scrolls just enough to show a row, with the row above it when scrolling up', () => {
    expect(scrollToShow(2, 0, 300, 30)).toBe(0);
    expect(scrollToShow(20, 0, 300, 30)).toBe(330);
    expect(scrollToShow(5, 600, 300, 30, 1)).toBe(120);
  });

  it('clamps the highlight', () => {
    expect(moveHighlight(0, -1, 5)).toBe(0);
    expect(moveHighlight(3, 10, 5)).toBe(4);
    expect(moveHighlight(0, 1, 0)).toBe(0);
  });
});

describe('sign-in page link', () => {
  it('round-trips the tab and role ARN', () => {
    const path = signinPagePath(12, 'arn:aws:iam::123456789012:role/a/b+c');
    expect(path.startsWith('src/popup/signin.html?')).toBe(true);
    expect(parseSigninQuery(path.slice(path.indexOf('?')))).toEqual({
      sourceTabId: 12,
      roleArn: 'arn:aws:iam::123456789012:role/a/b+c',
    });
    expect(parseSigninQuery('?tab=x&role=r')).toBeUndefined();
    expect(parseSigninQuery('?tab=1')).toBeUndefined();
  });

  it('opens a new tab with a modifier or the middle button', () => {
    const plain = { ctrlKey: false, metaKey: false, shiftKey: false };
    expect(wantsNewTab(plain)).toBe(false);
    expect(wantsNewTab({ ...plain, metaKey: true })).toBe(true);
    expect(wantsNewTab({ ...plain, button: 1 })).toBe(true);
  });
});

describe('formatRemaining', () => {
  it('counts down minutes and hours, and stops at expiry', () => {
    expect(formatRemaining(65_000, 0)).toBe('1:05');
    expect(formatRemaining(3_723_000, 0)).toBe('1:02:03');
    expect(formatRemaining(1000, 1000)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { tabQueue } from '../../src/background/tab-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('tabQueue', () => {
  it('runs one tab’s tasks in order, even when an earlier one is slower or fails', async () => {
    const run = tabQueue();
    const order: string[] = [];
    const first = run(1, async () => {
      await tick();
      await tick();
      order.push('capture');
      throw new Error('boom');
    });
    const second = run(1, async () => void order.push('referer'));
    const other = run(2, async () => void order.push('other tab'));
    await expect(first).rejects.toThrow('boom');
    await second;
    await other;
    expect(order).toEqual(['other tab', 'capture', 'referer']);
  });
});

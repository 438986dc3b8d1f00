import { describe, expect, it } from 'vitest';
import { backoff } from '@/lib/context/backoff';
import { keyedQueue } from '@/lib/context/keyed-queue';

describe('one tab at a time', () => {
  it('runs tasks for one key in order, even when an earlier one fails, and keys apart in parallel', async () => {
    const run = keyedQueue();
    const order: string[] = [];
    const slow = (name: string, ms: number, fail = false) => () =>
      new Promise<void>((resolve, reject) => setTimeout(() => (order.push(name), fail ? reject(new Error(name)) : resolve()), ms));
    const results = Promise.allSettled([run(1, slow('a1', 30, true)), run(1, slow('a2', 1)), run(2, slow('b1', 5))]);
    await results;
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });
});

describe('reconnection backoff', () => {
  it('doubles up to the cap, jittered within the upper half, and starts again after reset', () => {
    const b = backoff(1000, 8000, () => 0.5);
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([750, 1500, 3000, 6000, 6000]);
    b.reset();
    expect(b.next()).toBe(750);
  });
});

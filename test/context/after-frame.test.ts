import { describe, expect, it } from 'vitest';
import { frameScheduler, type FrameWindow } from '@/lib/context/after-frame';

/** A window whose animation frames come only when the test draws one. */
function fakeWindow(visibilityState: DocumentVisibilityState = 'visible') {
  const frames = new Map<number, () => void>();
  let next = 1;
  const win: FrameWindow = {
    requestAnimationFrame: (callback) => (frames.set(next, callback), next++),
    cancelAnimationFrame: (handle) => void frames.delete(handle),
    setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    clearTimeout: (handle) => clearTimeout(handle),
    MessageChannel,
    document: { visibilityState },
  };
  const drawFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((callback) => callback());
  };
  return { win, drawFrame, pendingFrames: () => frames.size };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('running after the page\'s next frame', () => {
  it('runs in a task after the frame, not inside it', async () => {
    const { win, drawFrame } = fakeWindow();
    const order: string[] = [];
    frameScheduler(win, 1000)(() => order.push('run'));
    await pause(5);
    expect(order).toEqual([]);
    drawFrame();
    order.push('frame done');
    await pause(5);
    expect(order).toEqual(['frame done', 'run']);
  });

  it('does not wait for frames that never come in a hidden page, nor for its held-back timers', async () => {
    const { win, pendingFrames } = fakeWindow('hidden');
    let ran = false;
    frameScheduler({ ...win, setTimeout: () => 0 }, 1000)(() => (ran = true));
    expect(pendingFrames()).toBe(0);
    await pause(5);
    expect(ran).toBe(true);
  });

  it('runs anyway when no frame comes in time, and only once', async () => {
    const { win, drawFrame } = fakeWindow();
    let runs = 0;
    frameScheduler(win, 10)(() => runs++);
    await pause(30);
    expect(runs).toBe(1);
    drawFrame();
    await pause(5);
    expect(runs).toBe(1);
  });

  it('runs nothing once cancelled', async () => {
    const { win, drawFrame, pendingFrames } = fakeWindow();
    let ran = false;
    const cancel = frameScheduler(win, 10)(() => (ran = true));
    cancel();
    expect(pendingFrames()).toBe(0);
    drawFrame();
    await pause(30);
    expect(ran).toBe(false);
  });
});

/**
 * "After the page's next frame": a task queued from `requestAnimationFrame`, so it runs once the
 * browser has done the frame's style, layout and paint. Reading visibility then costs the page
 * nothing; reading it earlier makes the browser do that work at once, in the script's time.
 */

/** What of `window` this needs (the content script's own window; a fake in tests). */
export interface FrameWindow {
  readonly requestAnimationFrame: (callback: () => void) => number;
  readonly cancelAnimationFrame: (handle: number) => void;
  readonly setTimeout: (callback: () => void, ms: number) => number;
  readonly clearTimeout: (handle: number | undefined) => void;
  readonly MessageChannel: new () => MessageChannel;
  readonly document: Pick<Document, 'visibilityState'>;
}

/**
 * @param win - the page's window
 * @param fallbackMs - the longest wait for a frame: frames in a hidden tab never come, and an
 *   off-screen frame's are throttled; the patient must not wait on them
 * @returns `afterFrame(run)`, which returns a function that cancels the run
 */
export function frameScheduler(win: FrameWindow, fallbackMs: number): (run: () => void) => () => void {
  return (run) => {
    let done = false;
    let frame: number | undefined;
    const channel = new win.MessageChannel();
    const stop = () => {
      done = true;
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      win.clearTimeout(timer);
      channel.port1.close();
    };
    const finish = () => {
      if (done) return;
      stop();
      run();
    };
    channel.port1.onmessage = finish;
    // A hidden page draws no frames, and laying it out now delays nothing the clinician sees. A
    // message, not a timer: a hidden page's timers are held back to once a second.
    const hidden = win.document.visibilityState === 'hidden';
    const timer = hidden ? undefined : win.setTimeout(finish, fallbackMs);
    if (hidden) channel.port2.postMessage(null);
    else frame = win.requestAnimationFrame(() => channel.port2.postMessage(null));
    return stop;
  };
}

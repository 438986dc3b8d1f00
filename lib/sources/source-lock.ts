/**
 * One token refresh at a time per source, across every panel of the browser: with rotating
 * refresh tokens, two concurrent refreshes would leave one panel holding a revoked token. The
 * Web Locks API spans all of the extension's pages; elsewhere (tests) an in-process queue does.
 */
const localQueues = new Map<string, Promise<unknown>>();

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** Runs `task` holding the named lock. */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks) return locks.request(name, task);
  const previous = localQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  localQueues.set(name, run.catch(() => undefined));
  return run;
}

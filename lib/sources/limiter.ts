/** At most `limit` tasks at once; the rest queue in order. One per source keeps its server calm. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= limit) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return (task) =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        // The next task starts before this one's caller carries on: a page waiting for a place is
        // asked for before the page just arrived is parsed and built into rows.
        const settle = (done: () => void) => {
          active--;
          next();
          done();
        };
        task().then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
      });
      next();
    });
}

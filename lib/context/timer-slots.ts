/** Named one-shot timers: setting a slot replaces its pending timer, so no callback runs twice. */

/** @returns `set(name, ms, fn)`, `clear(name)` and `clearAll()` over the given slot names */
export function timerSlots<Name extends string>() {
  const pending = new Map<Name, ReturnType<typeof setTimeout>>();
  const clear = (name: Name) => {
    clearTimeout(pending.get(name));
    pending.delete(name);
  };
  return {
    set(name: Name, ms: number, fn: () => void) {
      clear(name);
      pending.set(name, setTimeout(() => (pending.delete(name), fn()), ms));
    },
    clear,
    clearAll: () => [...pending.keys()].forEach(clear),
  };
}

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** What counts as the clinician using the panel. Pointer movement alone does not: a cursor resting on it is not use. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Shared workstation: a panel left open with a patient on screen is blanked after `idleMs` without
 * input in it and without a change of patient, until the clinician clicks to continue. The
 * record is not lost (the look-up runs on behind the lock); it is only hidden.
 * @param patientKey - the panel's current patient; a change counts as use
 */
export function useIdleLock(idleMs: number, patientKey: string | undefined): { readonly locked: boolean; readonly unlock: () => void } {
  const [locked, setLocked] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const restart = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setLocked(true), idleMs);
  }, [idleMs]);

  useEffect(() => {
    if (!locked) restart();
  }, [patientKey, locked, restart]);

  useEffect(() => {
    const onInput = () => restart();
    for (const name of INPUT_EVENTS) document.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) document.removeEventListener(name, onInput, { capture: true });
      clearTimeout(timer.current);
    };
  }, [restart]);

  return { locked, unlock: useCallback(() => setLocked(false), []) };
}

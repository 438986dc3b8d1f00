import { useEffect, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '@/lib/context/patient-context';
import { runLookup, type LookupDeps, type LookupOptions, type LookupView } from '@/lib/lookup';

/**
 * Runs a look-up for the current context and returns its latest view. A new context (or a
 * retry) aborts the previous look-up, and a view is only kept if it is for the current context.
 */
export function useLookup(context: PatientContext | undefined, deps: LookupDeps, generation: number, options: LookupOptions = {}): LookupView | undefined {
  const [view, setView] = useState<LookupView | undefined>(undefined);
  const contextKey = context?.key;
  const currentKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    currentKey.current = contextKey;
    setView(undefined);
    if (!context) return;
    performance.mark('fhirside:context');
    const controller = new AbortController();
    void runLookup(context, deps, controller.signal, (next) => {
      if (next.context.key === currentKey.current) setView(next);
    }, options);
    return () => controller.abort();
    // Keyed on who the patient is, not on the context object's identity, which changes per report.
  }, [contextKey, context?.birthDate, deps, generation, options.allResults]);

  return view?.context.key === contextKey ? view : undefined;
}

import { useState } from 'preact/hooks';

/**
 * The find-in-record query, bound to one patient: when the followed patient changes, the query
 * reads empty at once (in the same render), so one patient's search never narrows another's record.
 * @param patientKey - the patient the panel shows now
 */
export function useFind(patientKey: string): [string, (query: string) => void] {
  const [find, setFind] = useState({ patientKey, query: '' });
  const query = find.patientKey === patientKey ? find.query : '';
  return [query, (next: string) => setFind({ patientKey, query: next })];
}

/** Expand or collapse every section: a new `seq` each time, so pressing it twice works twice. */
export interface ExpandSignal {
  readonly open: boolean;
  readonly seq: number;
}

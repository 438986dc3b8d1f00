/**
 * A performance mark where a patient switch crosses from one process to the next (the background
 * has a page's report, the background has published the tab's answer, the panel has received it),
 * read by the bench to say where a switch's time goes. The user-timing buffer is unbounded and the
 * background may live all shift, so a name's marks are cleared once there are more than a bench run
 * reads.
 */
const KEPT = 200;

export function hopMark(name: string): void {
  const full = `fhirside:${name}`;
  if (performance.getEntriesByName(full).length >= KEPT) performance.clearMarks(full);
  performance.mark(full);
}

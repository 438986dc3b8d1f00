/** Dates as NHS Common User Interface guidance writes them: `14-Jul-1945`. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `1945-07-14` → `14-Jul-1945`; partial dates keep what they have (`Jul-1945`, `1945`). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day, monthName, year].filter(Boolean).join('-');
}

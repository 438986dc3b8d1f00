/**
 * The label a person reads a value by: the term of a description list, the column heading of a
 * table cell, an ARIA label, or the short text just before it. Shown to the analyst so that
 * "NHS Number" and "Next of kin NHS Number" can be told apart at a glance.
 */

const short = (text: string | null | undefined) => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > 0 && t.length <= 60 ? t : undefined;
};

function columnHeading(cell: Element): string | undefined {
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!row || !table) return undefined;
  const index = [...row.children].indexOf(cell);
  return short(table.querySelector('thead tr')?.children[index]?.textContent);
}

/** The heading of the nearest section around the element, for telling two alike labels apart. */
export function sectionOf(element: Element): string | undefined {
  for (let e: Element | null = element.parentElement; e; e = e.parentElement) {
    const heading = e.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > legend, :scope > caption');
    if (heading) return short(heading.textContent);
  }
  return undefined;
}

/** @returns what the element is labelled as, or undefined when nothing near it says */
export function labelOf(element: Element): string | undefined {
  const aria = short(element.getAttribute('aria-label'));
  if (aria) return aria;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return short(element.ownerDocument.getElementById(labelledBy)?.textContent);
  const tag = element.tagName.toLowerCase();
  if (tag === 'dd') {
    for (let e = element.previousElementSibling; e; e = e.previousElementSibling) if (e.tagName.toLowerCase() === 'dt') return short(e.textContent);
  }
  if (tag === 'td') return columnHeading(element);
  return short(element.previousElementSibling?.textContent);
}

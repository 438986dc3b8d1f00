import { useEffect, useRef } from 'preact/hooks';

interface Handlers {
  readonly onExpand: (open: boolean) => void;
  readonly onClearFind: () => void;
}

const ROWS = 'main.panel li.row, main.panel li.row-compact, main.panel li.timeline-event';
const HEADINGS = 'main.panel .section > h2';

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Focuses the next (or previous) of `selector` after the focused element, in document order. */
function step(selector: string, forward: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => e.offsetParent !== null);
  if (all.length === 0) return;
  const active = document.activeElement;
  const at = all.findIndex((e) => e === active || e.contains(active));
  const after = at === -1 ? all.findIndex((e) => active instanceof Node && !!(active.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)) : -1;
  const index = at !== -1 ? at + (forward ? 1 : -1) : after !== -1 ? (forward ? after : after - 1) : forward ? 0 : all.length - 1;
  const target = all[Math.max(0, Math.min(all.length - 1, index))]!;
  // A row or heading is not a control: focusable by script only, so Tab order stays the controls'.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

/**
 * The panel's single-key shortcuts (listed in KeyboardHelp): never while typing in a field, never
 * with a modifier held, so the browser's and the EPR's own shortcuts are untouched.
 */
export function useKeyboardNav(handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e.target)) {
        if (e.key === 'Escape' && (e.target as HTMLElement).id === 'find-input') latest.current.onClearFind();
        return;
      }
      const actions: Record<string, () => void> = {
        '/': () => document.getElementById('find-input')?.focus(),
        j: () => step(ROWS, true),
        k: () => step(ROWS, false),
        n: () => step(HEADINGS, true),
        p: () => step(HEADINGS, false),
        e: () => latest.current.onExpand(true),
        c: () => latest.current.onExpand(false),
        t: () => {
          const timeline = document.querySelector<HTMLElement>('#title-timeline button');
          timeline?.focus();
          timeline?.scrollIntoView({ block: 'start' });
        },
        '?': () => {
          const help = document.getElementById('keyboard-help') as HTMLDetailsElement | null;
          if (help) help.open = !help.open;
        },
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

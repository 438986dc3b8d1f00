import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  readonly class: string;
  /** The disclosure's always-visible label. */
  readonly summary: ComponentChildren;
  readonly initiallyOpen?: boolean;
  /** Always drawn, open or closed. */
  readonly children?: ComponentChildren;
  /** Drawn only once the clinician opens it: what is costly to fetch or draw and not needed before. */
  readonly whenOpen?: ComponentChildren;
}

/** A `<details>` whose costly part waits until it is opened. */
export function Disclosure({ class: className, summary, initiallyOpen = false, children, whenOpen }: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const details = useRef<HTMLDetailsElement>(null);
  // Listened to directly, from the first paint: it can be opened by a click, the keyboard,
  // find-in-page or script.
  useLayoutEffect(() => {
    const element = details.current;
    if (!element) return;
    const update = () => setOpen(element.open);
    update();
    element.addEventListener('toggle', update);
    return () => element.removeEventListener('toggle', update);
  }, []);
  return (
    <details ref={details} class={className} open={initiallyOpen}>
      <summary>{summary}</summary>
      {children}
      {open && whenOpen}
    </details>
  );
}

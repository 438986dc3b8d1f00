import { lazyComponent } from './lazy-component';
import { PlainNarrative } from './PlainNarrative';

interface Props {
  /** `text.div` as a server sent it: untrusted XHTML. */
  readonly html: string;
}

/**
 * A resource's narrative. DOMPurify, the largest library in the panel after Dexie, is fetched the
 * first time a narrative is drawn rather than for every look-up; until it is there the words are
 * shown as plain text, never as the server's markup.
 */
export const Narrative = lazyComponent<Props>(
  () => import('./SanitisedNarrative').then((m) => m.SanitisedNarrative),
  ({ html }) => <PlainNarrative html={html} busy />,
);

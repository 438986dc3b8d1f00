import DOMPurify from 'dompurify';
import { sanitiseNarrative } from './narrative-sanitiser';
import { PlainNarrative } from './PlainNarrative';

interface Props {
  /** `text.div` as a server sent it: untrusted XHTML. */
  readonly html: string;
}

/** Anything that could run or load: if the sanitiser's output still has it, it is not trusted. */
const UNSAFE = /<\s*(script|iframe|object|embed|img|style|form|link|meta)\b|\son\w+\s*=|javascript:/i;

/**
 * A resource's narrative, only ever through DOMPurify with fhirside's allowlist
 * (narrative-sanitiser.ts): a server's XHTML is untrusted, and the panel holds tokens for every
 * source. If the sanitiser is unavailable or its output still looks unsafe (a broken DOM), the
 * narrative is shown as plain text.
 */
export function SanitisedNarrative({ html }: Props) {
  if (!DOMPurify.isSupported) return <PlainNarrative html={html} />;
  const clean = sanitiseNarrative(html);
  if (clean === undefined || UNSAFE.test(clean)) return <PlainNarrative html={html} />;
  return <div class="narrative" dangerouslySetInnerHTML={{ __html: clean }} />;
}

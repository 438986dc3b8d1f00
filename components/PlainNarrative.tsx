interface Props {
  /** `text.div` as a server sent it: untrusted XHTML. */
  readonly html: string;
  /** True while the sanitiser is still being fetched. */
  readonly busy?: boolean;
}

/** The narrative's words with every tag dropped: drawn as a text node, so nothing in it can run. */
export function narrativeText(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A narrative as plain text: before the sanitiser is loaded, or when its output is not trusted. */
export function PlainNarrative({ html, busy = false }: Props) {
  return (
    <div class="narrative narrative-plain" aria-busy={busy ? 'true' : undefined}>
      {narrativeText(html)}
    </div>
  );
}

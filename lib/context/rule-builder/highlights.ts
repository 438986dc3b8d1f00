/**
 * The builder's marks on the EPR page: a numbered outline around each candidate, drawn in a closed
 * shadow root over the page so the page's own styles and scripts neither change nor see them, and
 * removed when the analyst stops. Only the builder draws on a page, and only while it is asked to.
 */

const HOST_ID = 'fhirside-rule-builder-marks';

export interface Mark {
  readonly element: Element;
  readonly badge: number;
  readonly kind: 'nhs-number' | 'birth-date';
}

export interface Highlighter {
  draw(marks: readonly Mark[]): void;
  clear(): void;
}

/** @param doc - the frame's document */
export function pageHighlighter(doc: Document): Highlighter {
  const clear = () => doc.getElementById(HOST_ID)?.remove();
  return {
    clear,
    draw(marks) {
      clear();
      const host = doc.createElement('div');
      host.id = HOST_ID;
      host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483647;pointer-events:none';
      const root = host.attachShadow({ mode: 'closed' });
      const view = doc.defaultView;
      for (const { element, badge, kind } of marks) {
        const rect = element.getBoundingClientRect();
        const colour = kind === 'nhs-number' ? '#d5281b' : '#005eb8';
        const box = doc.createElement('div');
        box.style.cssText = `position:absolute;left:${rect.left + (view?.scrollX ?? 0) - 3}px;top:${rect.top + (view?.scrollY ?? 0) - 3}px;width:${rect.width + 6}px;height:${rect.height + 6}px;outline:3px solid ${colour};box-sizing:border-box`;
        const label = doc.createElement('span');
        label.textContent = String(badge);
        label.style.cssText = `position:absolute;left:-3px;top:-22px;background:${colour};color:#fff;font:bold 12px/18px Arial,sans-serif;padding:0 5px`;
        box.append(label);
        root.append(box);
      }
      doc.documentElement.append(host);
    },
  };
}

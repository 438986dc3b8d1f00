import type { ComponentChildren } from 'preact';

interface Props {
  readonly patientKey: string;
  /** Repeated at the top of every printed page: the patient banner. */
  readonly head: ComponentChildren;
  /** Repeated at the foot of every printed page: who the page is about, by NHS number. */
  readonly foot: ComponentChildren;
  readonly children: ComponentChildren;
}

/**
 * The panel's `<main>`, laid out for print as a table whose header and footer rows browsers repeat
 * on every printed page (only a real `<thead>`/`<tfoot>` is repeated by Chromium; a CSS table or a
 * fixed element in the page margin is not, or is clipped), so no printed page can be parted from
 * whom it is about. On screen the table boxes are `display: contents`: the banner stays sticky.
 */
export function PanelPages({ patientKey, head, foot, children }: Props) {
  return (
    <main class="panel" data-patient={patientKey}>
      <table class="print-pages" role="presentation">
        <thead>
          <tr>
            <td>{head}</td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{children}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <td>{foot}</td>
          </tr>
        </tfoot>
      </table>
    </main>
  );
}

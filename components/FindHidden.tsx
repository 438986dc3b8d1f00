import type { SectionId } from '../lib/summary/model';

interface Props {
  readonly section: SectionId;
  readonly hidden: number;
}

/**
 * What find hid in a section, said in the section. For allergies it is a warning: an allergy is
 * never hidden without the panel saying so (DESIGN.md safety rules).
 */
export function FindHidden({ section, hidden }: Props) {
  if (hidden <= 0) return null;
  if (section === 'allergies') {
    return (
      <p class="warning find-hidden-allergies" role="alert">
        {hidden} {hidden === 1 ? 'allergy is' : 'allergies are'} hidden by find. Clear find to see every allergy.
      </p>
    );
  }
  return <p class="find-hidden">{hidden} hidden by find</p>;
}

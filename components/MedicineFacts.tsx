import type { Prescription } from '../lib/summary/model';
import { formatDate } from './format';

const COURSE_WORDS: Record<NonNullable<Prescription['course']>, string> = {
  repeat: 'Repeat',
  'repeat-dispensing': 'Repeat dispensing',
  seasonal: 'Seasonal',
  acute: 'Acute',
};

interface Props {
  readonly prescription?: Prescription;
  readonly today: string;
}

/** A medicine's prescribing facts on one line: type, quantity, last issue, review date (flagged when past). */
export function MedicineFacts({ prescription, today }: Props) {
  if (!prescription) return null;
  const { course, quantity, lastIssued, reviewDate, issues } = prescription;
  const overdue = reviewDate !== undefined && reviewDate < today;
  const facts = [
    course && COURSE_WORDS[course],
    quantity && `Quantity ${quantity}`,
    lastIssued && `Last issued ${formatDate(lastIssued)}`,
    issues !== undefined && `${issues} issued`,
  ].filter(Boolean);
  return (
    <p class="medicine-facts">
      {facts.join(' · ')}
      {reviewDate && (
        <span class={overdue ? 'review-overdue' : undefined}>
          {facts.length > 0 && ' · '}
          {overdue ? 'Review overdue since' : 'Review due'} {formatDate(reviewDate)}
        </span>
      )}
    </p>
  );
}

import { formatDate } from './format';

interface Props {
  /** Per source, the date from which its Observations were fetched (Summary.resultsSince). */
  readonly since: Readonly<Record<string, string>> | undefined;
  readonly patientKey: string;
  /** Fetches the results older than the horizon; absent when the panel cannot ask again. */
  readonly onShowOlder?: () => void;
}

/**
 * Says that results were fetched only back to a date, so an absent older result is never read as
 * "never done". The latest horizon is stated: from it on, every source's results are all here.
 */
export function ResultsHorizon({ since, patientKey, onShowOlder }: Props) {
  const dates = Object.values(since ?? {}).sort();
  const latest = dates[dates.length - 1];
  if (!latest) return null;
  return (
    <p class="horizon" data-patient={patientKey}>
      Results since {formatDate(latest)}
      {onShowOlder && (
        <>
          {' — '}
          <button type="button" class="link" onClick={onShowOlder}>
            Show older
          </button>
        </>
      )}
    </p>
  );
}

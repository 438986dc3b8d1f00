import type { Banner } from '../lib/summary/model';
import { ageInYears, formatDate, formatNhsNumber } from './format';

interface Props {
  readonly banner: Banner;
  readonly today?: Date;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The patient banner, laid out as NHS CUI guidance: `FAMILY, Given (Title)` then born, gender, NHS No. */
export function PatientBanner({ banner, today }: Props) {
  const name = banner.family
    ? `${banner.family.toUpperCase()}${banner.given ? `, ${banner.given}` : ''}${banner.prefix ? ` (${banner.prefix})` : ''}`
    : 'Name not yet known';
  const age = banner.birthDate ? ageInYears(banner.birthDate, today) : undefined;
  return (
    <header class="banner" data-patient={banner.patientKey} aria-label="Patient">
      <h1 class="banner-name">{name}</h1>
      <dl class="banner-facts">
        {banner.birthDate && (
          <div>
            <dt>Born</dt>
            <dd>
              {formatDate(banner.birthDate)}
              {age !== undefined && !banner.deceasedDate && ` (${age}y)`}
            </dd>
          </div>
        )}
        {banner.gender && (
          <div>
            <dt>Gender</dt>
            <dd>{capitalise(banner.gender)}</dd>
          </div>
        )}
        {banner.nhsNumber && (
          <div>
            <dt>NHS No.</dt>
            <dd class="banner-nhs">{formatNhsNumber(banner.nhsNumber)}</dd>
            {banner.nhsNumberVerified === false && <dd class="banner-unverified">(not verified)</dd>}
          </div>
        )}
      </dl>
      {banner.deceasedDate && (
        <p class="banner-deceased" role="status">
          Deceased{banner.deceasedDate !== 'unknown' ? ` ${formatDate(banner.deceasedDate)}` : ''}
        </p>
      )}
    </header>
  );
}

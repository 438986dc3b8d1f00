interface Props {
  /** The site as a match pattern (`https://epr.trust.nhs.uk/*`), or undefined when access is not needed. */
  readonly site: string | undefined;
  readonly onAllow: () => void;
}

/** A configured EPR site fhirside has not been allowed to read yet: one click asks the browser. */
export function SiteAccessRequest({ site, onAllow }: Props) {
  if (!site) return null;
  const host = site.replace(/^[^:]+:\/\//, '').replace(/\/\*$/, '');
  return (
    <div class="site-access" role="status">
      <p>fhirside is not allowed to read pages on {host}, so it cannot see which patient is open there.</p>
      <button type="button" onClick={onAllow}>
        Allow fhirside on {host}
      </button>
    </div>
  );
}

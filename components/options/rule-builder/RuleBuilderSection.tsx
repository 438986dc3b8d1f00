import type { ComponentChildren } from 'preact';

interface Props {
  /** False when policy fixes the EPR sites: then the builder is not offered here. */
  readonly mayEditRules: boolean;
  readonly children: ComponentChildren;
}

/** The rule builder's section of the options page, or why it is not offered. */
export function RuleBuilderSection({ mayEditRules, children }: Props) {
  return (
    <section aria-labelledby="builder-heading">
      <h2 id="builder-heading">Teach fhirside an EPR</h2>
      {mayEditRules ? (
        <>
          <p class="secondary">
            Open the EPR on a patient in another tab, then choose “Teach fhirside this page”. fhirside marks every valid NHS number and date of birth it can
            see; choose the patient’s own, and it proposes a rule and tests it on the patients you open next.
          </p>
          {children}
        </>
      ) : (
        <p class="secondary" data-locked="ruleBuilder">
          Your organisation manages the EPR sites, so rules are not taught on this computer. The diagnostics below show what each open tab reads.
        </p>
      )}
    </section>
  );
}

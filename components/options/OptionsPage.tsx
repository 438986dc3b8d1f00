import type { ComponentChildren } from 'preact';
import type { ResolvedConfig } from '../../lib/config/resolve';
import type { SourceSettings } from '../../lib/config/model';
import type { GeneralSettings } from '../../lib/config/user-settings-edit';
import type { ContextRule } from '../../lib/context/rules';
import type { ConnectionState } from './ConnectionResult';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { OriginNote } from './OriginNote';
import { ProblemList } from './ProblemList';
import { RuleForm } from './RuleForm';
import { RuleTable } from './RuleTable';
import { SourceForm } from './SourceForm';
import { SourceTable } from './SourceTable';

interface Props {
  readonly resolved: ResolvedConfig;
  readonly checks: Readonly<Record<string, ConnectionState>>;
  /** The OAuth redirect URI this browser uses, for registering fhirside with a server. */
  readonly redirectUri: string;
  readonly onTest: (sourceId: string) => void;
  readonly onAddSource: (source: SourceSettings) => void;
  readonly onRemoveSource: (sourceId: string) => void;
  readonly onAddRule: (rule: ContextRule) => void;
  readonly onRemoveRule: (ruleId: string) => void;
  readonly onGeneral: (general: GeneralSettings) => void;
  /** Sections of their own (the rule builder, tab diagnostics), after the EPR sites. */
  readonly children?: ComponentChildren;
}

/** The options page: the effective configuration, where each value came from, and what may be changed. */
export function OptionsPage({ resolved, checks, redirectUri, onTest, onAddSource, onRemoveSource, onAddRule, onRemoveRule, onGeneral, children }: Props) {
  const { config, origins, userMay } = resolved;
  return (
    <main class="options">
      <h1>fhirside settings</h1>
      {resolved.managed && (
        <p class="managed-note" data-managed="true">
          Some settings are set by your organisation. They are marked “Set by your organisation” and cannot be changed here.
        </p>
      )}
      <ProblemList problems={resolved.problems} />

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <SourceTable sources={config.sources} origins={origins.sources} checks={checks} onTest={onTest} onRemove={onRemoveSource} />
        {userMay.addSources ? <SourceForm onAdd={onAddSource} /> : <p class="secondary" data-locked="sources">Your organisation manages the list of sources.</p>}
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">EPR sites</h2>
        <p class="secondary">How fhirside finds the patient on each EPR page; the first rule whose address pattern matches is used.</p>
        <RuleTable rules={config.contextRules} origins={origins.contextRules} onRemove={onRemoveRule} />
        {userMay.addContextRules ? <RuleForm onAdd={onAddRule} /> : <p class="secondary" data-locked="contextRules">Your organisation manages the list of EPR sites.</p>}
      </section>
      {children}

      <section aria-labelledby="general-heading">
        <h2 id="general-heading">Panel and saved summaries</h2>
        <GeneralSettingsForm
          values={{ defaultLens: config.defaultLens, maxAgeMinutes: Math.round(config.cache.maxAgeMs / 60_000), maxPatients: config.cache.maxPatients }}
          origins={origins}
          onChange={onGeneral}
        />
      </section>

      <section aria-labelledby="org-heading">
        <h2 id="org-heading">Set by your organisation only</h2>
        <dl class="facts">
          <dt>FHIRcast hub</dt>
          <dd>
            {config.fhircast ? <code>{config.fhircast.hubUrl}</code> : 'Not used'} {config.fhircast && <OriginNote origin={origins.fhircast} />}
          </dd>
          <dt>Access audit</dt>
          <dd>
            {config.audit ? (
              <>
                One AuditEvent per look-up to <code>{config.audit.endpoint}</code> <OriginNote origin="managed" />
              </>
            ) : (
              'Not configured'
            )}
          </dd>
          <dt>Sign-in redirect URI</dt>
          <dd>
            <code>{redirectUri}</code> (register it with each source’s authorization server)
          </dd>
        </dl>
      </section>
    </main>
  );
}

import { useState } from 'preact/hooks';
import type { ConnectionState } from '@/components/options/ConnectionResult';
import { OptionsPage } from '@/components/options/OptionsPage';
import { RuleBuilder } from '@/components/options/rule-builder/RuleBuilder';
import { RuleBuilderSection } from '@/components/options/rule-builder/RuleBuilderSection';
import { RulePackImport } from '@/components/options/rule-builder/RulePackImport';
import { TabDiagnostics } from '@/components/options/rule-builder/TabDiagnostics';
import type { UserSettings } from '@/lib/config/model';
import { addUserRule, addUserSource, asUserSettings, removeUserRule, removeUserSource, setGeneral } from '@/lib/config/user-settings-edit';
import { readUserSettings, writeUserSettings } from '@/lib/platform/user-settings-store';
import { redirectUri } from '@/lib/platform/web-auth-flow';
import { testConnection } from './connection-test';
import { importRulePack, type ImportResult } from './import-rule-pack';
import { useResolvedConfig } from './useResolvedConfig';
import { useRuleBuilder } from './useRuleBuilder';
import { useTabDiagnostics } from './useTabDiagnostics';

/** Applies one edit to the latest saved settings (another open options page may have saved since). */
async function edit(change: (settings: UserSettings) => UserSettings): Promise<void> {
  await writeUserSettings(change(asUserSettings(await readUserSettings())));
}

export function App() {
  const resolved = useResolvedConfig();
  const [checks, setChecks] = useState<Record<string, ConnectionState>>({});
  const [imported, setImported] = useState<ImportResult>();
  const builder = useRuleBuilder((rule) => edit((s) => addUserRule(s, rule)));
  const diagnostics = useTabDiagnostics(resolved?.config.contextRules);
  if (!resolved) return null;

  const onTest = (sourceId: string) => {
    const source = resolved.config.sources.find((s) => s.id === sourceId);
    if (!source) return;
    setChecks((c) => ({ ...c, [sourceId]: { state: 'running' } }));
    void testConnection(source).then((steps) => setChecks((c) => ({ ...c, [sourceId]: { state: 'done', steps } })));
  };

  return (
    <OptionsPage
      resolved={resolved}
      checks={checks}
      redirectUri={redirectUri()}
      onTest={onTest}
      onAddSource={(source) => void edit((s) => addUserSource(s, source))}
      onRemoveSource={(id) => void edit((s) => removeUserSource(s, id))}
      onAddRule={(rule) => void edit((s) => addUserRule(s, rule))}
      onRemoveRule={(id) => void edit((s) => removeUserRule(s, id))}
      onGeneral={(general) => void edit((s) => setGeneral(s, general))}
    >
      <RuleBuilderSection mayEditRules={resolved.userMay.addContextRules}>
        <RuleBuilder
          tabs={builder.tabs}
          session={builder.session}
          taught={builder.taught}
          onTeach={(tab) => void builder.teach(tab)}
          onChoose={builder.choose}
          onBirthDate={builder.chooseBirthDate}
          onPick={builder.pickProposal}
          onTestPage={builder.testPage}
          onSave={() => void builder.save()}
          onStop={() => void builder.stop()}
        />
        <RulePackImport result={imported} onImport={(text) => void importRulePack(text, edit).then(setImported)} />
      </RuleBuilderSection>
      <TabDiagnostics tabs={diagnostics.tabs} onLookCloser={(tabId) => void diagnostics.lookCloser(tabId)} />
    </OptionsPage>
  );
}

import { useState } from 'preact/hooks';
import { contextRulesSnippet, rulePackFile, type RulePack } from '../../../lib/config/rule-pack';
import type { TaughtRule } from '../../../lib/context/rule-builder/session';
import { Field } from '../Field';

interface Props {
  readonly taught: readonly TaughtRule[];
}

const fileName = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rules'}.fhirside-rules.json`;

/** The rules saved this visit, for managed policy (a contextRules snippet) and as a rule pack file. */
export function RuleExport({ taught }: Props) {
  const product = taught[0]?.product ?? {};
  const [pack, setPack] = useState({ name: product.name ?? 'EPR rules', version: '1.0.0', product: product.name ?? '', productVersion: product.version ?? '' });
  if (taught.length === 0) return null;
  const set = (key: keyof typeof pack) => (value: string) => setPack((p) => ({ ...p, [key]: value }));
  const rules = taught.map((t) => t.rule);
  const file: RulePack = {
    name: pack.name.trim() || 'EPR rules',
    version: pack.version.trim() || '1.0.0',
    ...(pack.product.trim() && { testedOn: { product: pack.product.trim(), ...(pack.productVersion.trim() && { version: pack.productVersion.trim() }) } }),
    rules,
  };
  const packText = rulePackFile(file);
  return (
    <div class="rule-export">
      <h3>Export for policy</h3>
      <label class="field">
        <span class="field-label">contextRules for managed policy</span>
        <textarea readOnly rows={8} cols={80} name="contextRulesSnippet" value={contextRulesSnippet(rules)} />
      </label>
      <Field label="Rule pack name" name="packName" value={pack.name} onInput={set('name')} />
      <Field label="Rule pack version" name="packVersion" value={pack.version} onInput={set('version')} />
      <Field label="EPR product tested on" name="packProduct" value={pack.product} onInput={set('product')} />
      <Field label="EPR version tested on" name="packProductVersion" value={pack.productVersion} onInput={set('productVersion')} />
      <label class="field">
        <span class="field-label">Rule pack (policy rulePacks, or import on another computer)</span>
        <textarea readOnly rows={10} cols={80} name="rulePack" value={packText} />
      </label>
      <p>
        <a download={fileName(file.name)} href={`data:application/json;charset=utf-8,${encodeURIComponent(packText)}`}>
          Download the rule pack
        </a>
      </p>
    </div>
  );
}

import type { UserSettings } from '@/lib/config/model';
import { parseRulePackFile } from '@/lib/config/rule-pack';
import { addUserRule } from '@/lib/config/user-settings-edit';

export interface ImportResult {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/**
 * Adds a rule pack's rules to this browser's own rules (a rule with the same id is replaced).
 * @param edit - applies one change to the saved settings
 */
export async function importRulePack(text: string, edit: (change: (settings: UserSettings) => UserSettings) => Promise<void>): Promise<ImportResult> {
  const parsed = parseRulePackFile(text);
  if (!parsed.ok) return { ok: false, lines: parsed.problems };
  const { pack } = parsed;
  await edit((settings) => pack.rules.reduce(addUserRule, settings));
  const tested = pack.testedOn ? ` (tested on ${pack.testedOn.product}${pack.testedOn.version ? ` ${pack.testedOn.version}` : ''})` : '';
  return { ok: true, lines: [`Imported ${pack.rules.length} rule${pack.rules.length === 1 ? '' : 's'} from “${pack.name}” ${pack.version}${tested}.`] };
}

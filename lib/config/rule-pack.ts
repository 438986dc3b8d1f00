/**
 * Rule packs: context rules for one EPR product, tested together by an analyst with the rule
 * builder, carried as one file to another machine or listed inline in managed policy
 * (`rulePacks`). A pack says which product and version it was tested on, so IT can tell when an
 * EPR upgrade calls for teaching it again. A pack with any bad rule is left out whole: half a
 * tested pack is an untested one.
 */
import type { ConfigProblem, RuleSettings } from './model';
import { clean, isObject, list, text, unknownFields, type Report } from './validate-fields';
import { validateRule } from './validate-rule';

export interface RulePack {
  readonly name: string;
  readonly version: string;
  /** The EPR product and version the rules were tested on. */
  readonly testedOn?: { readonly product: string; readonly version?: string };
  readonly rules: readonly RuleSettings[];
}

export const RULE_PACK_FIELDS = ['name', 'version', 'testedOn', 'rules'] as const satisfies readonly (keyof RulePack)[];

function testedOn(raw: unknown, path: string, report: Report, warn: Report): RulePack['testedOn'] {
  if (!isObject(raw)) return void report(path, 'must be an object: {"product": …, "version": …}');
  unknownFields(raw, ['product', 'version'], path, warn);
  const product = text(raw['product'], `${path}.product`, report, 80);
  const version = raw['version'] === undefined ? undefined : text(raw['version'], `${path}.version`, report, 40);
  return product === undefined ? undefined : { product, ...(version !== undefined && { version }) };
}

/** Checks one rule pack; undefined (after reporting why) when any part of it is unusable. */
export function validateRulePack(raw: unknown, path: string, report: Report, warn: Report): RulePack | undefined {
  if (!isObject(raw)) return void report(path, 'must be an object with name, version and rules');
  unknownFields(raw, RULE_PACK_FIELDS, path, warn);
  const name = text(raw['name'], `${path}.name`, report, 80);
  const version = text(raw['version'], `${path}.version`, report, 40);
  const tested = raw['testedOn'] === undefined ? undefined : testedOn(raw['testedOn'], `${path}.testedOn`, report, warn);
  const entries = list(raw['rules'], `${path}.rules`, report) ?? [];
  if (raw['rules'] !== undefined && entries.length === 0) report(`${path}.rules`, 'is empty');
  const rules = entries.map((rule, i) => validateRule(rule, `${path}.rules[${i}]`, report, warn));
  if (!name || !version || rules.some((r) => r === undefined)) return undefined;
  return { name, version, ...(tested && { testedOn: tested }), rules: rules as RuleSettings[] };
}

/** Checks policy's `rulePacks`: each bad pack is skipped and reported, the rest apply. */
export function validateRulePacks(raw: unknown, problems: ConfigProblem[], origin: ConfigProblem['origin']): RulePack[] {
  const entries = list(raw, 'rulePacks', (path, message) => problems.push({ origin, path, message, skipped: 'all rulePacks' })) ?? [];
  return entries.flatMap((entry, i) => {
    const path = `rulePacks[${i}]`;
    const label = isObject(entry) && typeof entry['name'] === 'string' ? `rule pack "${entry['name']}"` : `rule pack ${i + 1}`;
    const pack = clean((r) => validateRulePack(entry, path, r, (p, message) => problems.push({ origin, path: p, message })), (p, message) => problems.push({ origin, path: p, message, skipped: label }));
    return pack ? [pack] : [];
  });
}

/**
 * The rules policy sets: its own `contextRules` first, then each pack's in order. A rule whose id
 * is already taken is left out and reported: two rules under one id cannot both be meant.
 */
export function withPackRules(rules: readonly RuleSettings[] | undefined, packs: readonly RulePack[] | undefined, problems: ConfigProblem[]): readonly RuleSettings[] | undefined {
  if (!packs?.length) return rules;
  const out = [...(rules ?? [])];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (out.some((r) => r.id === rule.id)) {
        problems.push({ origin: 'managed', path: 'rulePacks', message: `rule "${rule.id}" of pack "${pack.name}" repeats the id of an earlier rule`, skipped: `rule "${rule.id}" of pack "${pack.name}"` });
        continue;
      }
      out.push(rule);
    }
  }
  return out;
}

/** Reads a rule pack file an analyst exported on another machine. */
export function parseRulePackFile(textContent: string): { readonly ok: true; readonly pack: RulePack } | { readonly ok: false; readonly problems: readonly string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch {
    return { ok: false, problems: ['The file is not JSON: is it a fhirside rule pack?'] };
  }
  const problems: string[] = [];
  const report: Report = (path, message) => problems.push(`${path} ${message}`);
  const pack = validateRulePack(raw, 'pack', report, report);
  return pack && problems.length === 0 ? { ok: true, pack } : { ok: false, problems };
}

/** A rule pack as a file: readable JSON, the same shape policy's `rulePacks` lists. */
export const rulePackFile = (pack: RulePack) => `${JSON.stringify(pack, null, 2)}\n`;

/** The rules as a `contextRules` policy snippet, ready to paste into managed policy. */
export const contextRulesSnippet = (rules: readonly RuleSettings[]) => `${JSON.stringify({ contextRules: rules }, null, 2)}\n`;

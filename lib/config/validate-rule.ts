/** Checks one context rule: where on an EPR page the patient's identifier is found. */
import type { IdentifierLocator } from '../context/rules';
import type { RuleSettings } from './model';
import { flag, isObject, oneOf, pattern, text, unknownFields, type Raw, type Report } from './validate-fields';

/** Every field a rule may have; the schema test keeps this and policy-schema.ts in step. */
export const RULE_FIELDS = ['id', 'urlPattern', 'identifier', 'system', 'birthDate', 'name', 'fhircast'] as const satisfies readonly (keyof RuleSettings)[];
export const LOCATOR_FIELDS = ['from', 'pattern', 'selector', 'attribute'] as const;
export const LOCATOR_KINDS = ['url', 'selector', 'text'] as const satisfies readonly IdentifierLocator['from'][];

/** How many capture groups a pattern has: an empty alternative always matches, with every group unset. */
const captureGroups = (regex: string) => new RegExp(`${regex}|`).exec('')!.length - 1;

function locator(raw: unknown, path: string, report: Report, warn: Report): IdentifierLocator | undefined {
  if (!isObject(raw)) return void report(path, 'must be an object: {"from": "url" | "selector" | "text", …}');
  unknownFields(raw, LOCATOR_FIELDS, path, warn);
  const from = oneOf(raw['from'], LOCATOR_KINDS, `${path}.from`, report);
  switch (from) {
    case undefined:
      return undefined;
    case 'url': {
      const regex = pattern(raw['pattern'], `${path}.pattern`, report);
      // The identifier is the first capture group: without one the rule could never find it.
      if (regex !== undefined && captureGroups(regex) === 0) return void report(`${path}.pattern`, 'needs a capture group around the identifier, e.g. "/patient/(\\d{10})"');
      return regex === undefined ? undefined : { from, pattern: regex };
    }
    case 'selector': {
      const selector = text(raw['selector'], `${path}.selector`, report, 500);
      const attribute = raw['attribute'] === undefined ? undefined : text(raw['attribute'], `${path}.attribute`, report, 100);
      return selector === undefined ? undefined : { from, selector, ...(attribute !== undefined && { attribute }) };
    }
    case 'text':
      return { from };
  }
}

function element(raw: unknown, path: string, report: Report, withAttribute: boolean): { selector: string; attribute?: string } | undefined {
  if (!isObject(raw)) return void report(path, 'must be an object with a "selector"');
  const selector = text(raw['selector'], `${path}.selector`, report, 500);
  const attribute = withAttribute && raw['attribute'] !== undefined ? text(raw['attribute'], `${path}.attribute`, report, 100) : undefined;
  return selector === undefined ? undefined : { selector, ...(attribute !== undefined && { attribute }) };
}

/**
 * Checks a context rule as written in policy or settings.
 * @returns the rule, or undefined (after reporting why) when it is unusable
 */
export function validateRule(raw: unknown, path: string, report: Report, warn: Report): RuleSettings | undefined {
  if (!isObject(raw)) return void report(path, 'must be an object with id, urlPattern and identifier');
  unknownFields(raw, RULE_FIELDS, path, warn);
  const r: Raw = raw;
  const id = text(r['id'], `${path}.id`, report, 80);
  const urlPattern = pattern(r['urlPattern'], `${path}.urlPattern`, report);
  const identifier = locator(r['identifier'], `${path}.identifier`, report, warn);
  const system = r['system'] === undefined ? undefined : text(r['system'], `${path}.system`, report, 500);
  const birthDate = r['birthDate'] === undefined ? undefined : element(r['birthDate'], `${path}.birthDate`, report, true);
  const name = r['name'] === undefined ? undefined : element(r['name'], `${path}.name`, report, false);
  const fhircast = r['fhircast'] === undefined ? undefined : flag(r['fhircast'], `${path}.fhircast`, report);
  if (!id || !urlPattern || !identifier) return undefined;
  return {
    id,
    urlPattern,
    identifier,
    ...(system !== undefined && { system }),
    ...(birthDate !== undefined && { birthDate }),
    ...(name !== undefined && { name: { selector: name.selector } }),
    ...(fhircast !== undefined && { fhircast }),
  };
}

/**
 * A source's profile as one layer in front of the engine: its rules composed in their fixed order,
 * with a batch taken apart between the outer and the inner rules, so every inner rule applies to
 * each entry of a batch exactly as to a plain request.
 */
import type { Bundle, BundleEntry, CapabilityStatement, OperationOutcome } from '@medplum/fhirtypes';
import type { Answer, Next, ProfileOptions, ProfileRequest, Rule, RuleContext } from './exchange';
import { rulesOf } from './named';
import { INNER_RULES, OUTER_RULES, RULE_NAMES, type RuleName } from './rules';
import { isBatch } from './rules/batch';

export interface ProfileLayer {
  /** The spec it was made from (`hapi-like`, `no-batch+no-total`). */
  readonly spec: string;
  readonly rules: readonly RuleName[];
  readonly options: ProfileOptions;
  /** Answers one FHIR interaction, the engine being the last step. */
  handle(request: ProfileRequest, engine: Next): Promise<Answer>;
  capabilities(statement: CapabilityStatement): CapabilityStatement;
}

export const DEFAULT_PROFILE_OPTIONS: ProfileOptions = { tokenSeconds: 570, linkSeconds: 600 };

const statusLine = (status: number) => `${status} ${status < 300 ? 'OK' : 'Error'}`;

/** Answers a batch by running each entry through `entryChain` (a batch-response, entries in order). */
async function splitBatch(request: ProfileRequest, entryChain: Next): Promise<Answer> {
  const entries = (request.body as Bundle).entry ?? [];
  const answered = await Promise.all(
    entries.map(async (entry): Promise<BundleEntry> => {
      const url = new URL(entry.request?.url ?? '', 'http://entry/');
      const answer = await entryChain({ method: entry.request?.method ?? 'GET', path: url.pathname === '/' ? '' : url.pathname, params: url.searchParams, body: entry.resource, headers: request.headers });
      return answer.status < 300
        ? { resource: answer.body, response: { status: statusLine(answer.status) } }
        : { response: { status: statusLine(answer.status), outcome: answer.body as OperationOutcome } };
    }),
  );
  return { status: 200, body: { resourceType: 'Bundle', type: 'batch-response', entry: answered } };
}

/**
 * @param spec - a named profile or rules joined by `+` (profiles/named.ts)
 * @param options - token and link lifetimes (defaults: Oracle Health's 570 s, ten minutes)
 */
export function createProfileLayer(spec: string, baseUrl: () => string, options: Partial<ProfileOptions> = {}, now = Date.now): ProfileLayer {
  const rules = rulesOf(spec);
  const merged: ProfileOptions = { ...DEFAULT_PROFILE_OPTIONS, ...options };
  const contexts = new Map<RuleName, RuleContext>();
  const contextOf = (name: RuleName): RuleContext => {
    const found = contexts.get(name);
    if (found) return found;
    const made: RuleContext = { get baseUrl() { return baseUrl(); }, options: merged, now, state: new Map() };
    contexts.set(name, made);
    return made;
  };
  const ordered = RULE_NAMES.filter((name) => rules.includes(name));
  const ruleOf = (name: RuleName): Rule => (OUTER_RULES as Record<string, Rule>)[name] ?? (INNER_RULES as Record<string, Rule>)[name]!;
  const chain = (names: readonly RuleName[], last: Next): Next =>
    names.reduceRight<Next>((next, name) => {
      const rule = ruleOf(name);
      return rule.handle ? (request) => rule.handle!(request, contextOf(name), next) : next;
    }, last);

  return {
    spec,
    rules: ordered,
    options: merged,
    handle: (request, engine) => {
      if (ordered.length === 0) return engine(request);
      const inner = chain(ordered.filter((name) => name in INNER_RULES), engine);
      const split: Next = (r) => (isBatch(r) ? splitBatch(r, inner) : inner(r));
      return chain(ordered.filter((name) => name in OUTER_RULES), split)(request);
    },
    capabilities: (statement) => ordered.reduce((s, name) => ruleOf(name).capabilities?.(s) ?? s, statement),
  };
}

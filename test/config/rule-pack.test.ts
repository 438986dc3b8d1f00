import { describe, expect, it } from 'vitest';
import { resolveConfig } from '@/lib/config/resolve';
import { contextRulesSnippet, parseRulePackFile, rulePackFile, type RulePack } from '@/lib/config/rule-pack';

const harbour: RulePack = {
  name: 'Harbour Care Record',
  version: '1.0.0',
  testedOn: { product: 'Harbour Care Record', version: '4.2.1' },
  rules: [{ id: 'harbour', urlPattern: '^https://shcr\\.harbour\\.example/', identifier: { from: 'selector', selector: '#patient-details dd.nhs' } }],
};

describe('rule packs', () => {
  it('reads back a pack it wrote, as another machine imports it', () => {
    expect(parseRulePackFile(rulePackFile(harbour))).toEqual({ ok: true, pack: harbour });
  });

  it('refuses a file that is not a pack, saying what is wrong', () => {
    expect(parseRulePackFile('not json')).toEqual({ ok: false, problems: ['The file is not JSON: is it a fhirside rule pack?'] });
    const bad = parseRulePackFile(JSON.stringify({ ...harbour, rules: [{ id: 'x', urlPattern: '(', identifier: { from: 'text' } }] }));
    expect(bad.ok === false && bad.problems.join()).toMatch(/pack\.rules\[0\]\.urlPattern is not a valid regular expression/);
  });

  it('writes the rules as a contextRules snippet that policy accepts as it is', () => {
    const policy = JSON.parse(contextRulesSnippet(harbour.rules)) as unknown;
    const resolved = resolveConfig(policy, undefined);
    expect(resolved.problems).toEqual([]);
    expect(resolved.config.contextRules).toEqual(harbour.rules);
  });

  it('applies packs listed by policy after its own rules, and they replace the built-in rules', () => {
    const own = { id: 'pas', urlPattern: '^https://pas\\.example/', identifier: { from: 'text' } };
    const resolved = resolveConfig({ contextRules: [own], rulePacks: [harbour] }, undefined);
    expect(resolved.problems).toEqual([]);
    expect(resolved.config.contextRules.map((r) => r.id)).toEqual(['pas', 'harbour']);
    expect(resolved.origins.contextRules).toEqual({ pas: 'managed', harbour: 'managed' });
    expect(resolved.userMay.addContextRules).toBe(false);
  });

  it('leaves out a whole pack with a bad rule, and a pack rule that repeats an id, saying so', () => {
    const broken = { ...harbour, name: 'Broken', rules: [...harbour.rules, { id: 'y', urlPattern: '^https://y/' }] };
    const twice = { ...harbour, name: 'Again' };
    const resolved = resolveConfig({ rulePacks: [broken, harbour, twice] }, undefined);
    expect(resolved.config.contextRules.map((r) => r.id)).toEqual(['harbour']);
    expect(resolved.problems).toEqual([
      { origin: 'managed', path: 'rulePacks[0].rules[1].identifier', message: expect.stringMatching(/must be an object/), skipped: 'rule pack "Broken"' },
      { origin: 'managed', path: 'rulePacks', message: 'rule "harbour" of pack "Again" repeats the id of an earlier rule', skipped: 'rule "harbour" of pack "Again"' },
    ]);
  });
});

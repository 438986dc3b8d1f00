import { describe, expect, it } from 'vitest';
import { diagnoseTab } from '@/lib/context/rule-builder/diagnose';
import type { PageContextReport } from '@/lib/context/patient-context';
import type { ContextRule } from '@/lib/context/rules';
import type { TabSources } from '@/lib/context/tab-sources';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const URL = 'http://epr/record/p01';
const rules: ContextRule[] = [{ id: 'harbour', urlPattern: '^http://epr/', identifier: { from: 'selector', selector: '#patient-details dd.nhs' } }];
const tab = { id: 7, url: URL, title: 'Record' };
const patient = (value: string, url = URL): PageContextReport => ({ kind: 'patient', context: { key: `${NHS}|${value}`, identifier: { system: NHS, value }, origin: 'page', url, detectedAt: 0 } });
const sources = (frames: Record<string, PageContextReport>): TabSources => ({ url: URL, frames, navigatedAt: 0 });

describe('why a tab shows the patient it shows, or nobody', () => {
  it('names the rule, what each frame read and the patient', () => {
    const frames = { '0': { kind: 'none', url: URL } as const, '5': patient('9990000018', 'http://epr/frame/p01') };
    const d = diagnoseTab(tab, rules, sources(frames), patient('9990000018', 'http://epr/frame/p01'));
    expect(d).toMatchObject({ rule: 'harbour', shows: 'Patient 999 000 0018 (from page)', frames: [{ frameId: '0', reading: 'Read nothing' }, { frameId: '5', rule: 'harbour', reading: 'Read 999 000 0018' }] });
    expect(d.reason).toBeUndefined();
  });

  it('says when no rule matches', () => {
    expect(diagnoseTab(tab, [], sources({ '0': { kind: 'none', url: URL } }), { kind: 'none', url: URL }).reason?.kind).toBe('no-rule');
    expect(diagnoseTab(tab, [], undefined, undefined).reason?.kind).toBe('no-rule');
  });

  it('says when the rule read nothing, and when what it would read is hidden', () => {
    const none: PageContextReport = { kind: 'none', url: URL };
    expect(diagnoseTab(tab, rules, sources({ '0': none }), none).reason?.kind).toBe('read-nothing');
    expect(diagnoseTab(tab, rules, sources({ '0': none }), none, ['999 000 0018']).reason).toEqual({ kind: 'hidden', detail: expect.stringContaining('999 000 0018 only in an element the clinician cannot see') });
  });

  it('tells two numbers, an invalid check digit and frames that disagree apart', () => {
    const several: PageContextReport = { kind: 'ambiguous', url: URL, found: ['999 000 0018', '999 015 8398'], reason: 'the page shows 2 different NHS numbers' };
    expect(diagnoseTab(tab, rules, sources({ '0': several }), several).reason?.kind).toBe('several');
    const invalid: PageContextReport = { kind: 'rejected', url: URL, found: '999 000 0019', reason: 'its check digit is wrong' };
    expect(diagnoseTab(tab, rules, sources({ '0': invalid }), invalid).reason).toEqual({ kind: 'invalid', detail: 'The rule read “999 000 0019”, which is not a valid NHS number: its check digit is wrong.' });
    const disagree: PageContextReport = { kind: 'ambiguous', url: URL, found: ['999 000 0018', '999 015 8398'], reason: 'different parts of the page show different NHS numbers' };
    expect(diagnoseTab(tab, rules, sources({ '0': patient('9990000018'), '3': patient('9990158398') }), disagree).reason?.kind).toBe('frames-disagree');
  });

  it('says when a matching site has not reported at all', () => {
    expect(diagnoseTab(tab, rules, undefined, undefined).reason?.kind).toBe('not-read');
  });
});

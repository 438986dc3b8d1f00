// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findCandidates } from '@/lib/context/rule-builder/candidates';
import { proposeRules, urlCapture } from '@/lib/context/rule-builder/propose';
import { scanPage } from '@/lib/context/page-scan';
import { ROSTER } from '@/sandbox/data/roster';
import { othersShownWith, renderHarbourFrame, renderHarbourRecord } from '@/sandbox/epr/harbour';
import { renderPatient } from '@/sandbox/epr/riverside';

const EPR3 = 'http://127.0.0.1:8112';

/** Loads a whole server-rendered page into the test document. */
function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\s*<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
  return document;
}

/** What a rule reads on each frame of a Harbour page: the top page and the framed record. */
function readsOnHarbour(rule: Parameters<typeof scanPage>[2][number], key: string): string[] {
  const p = ROSTER.find((r) => r.key === key)!;
  const frames = [
    [renderHarbourRecord(ROSTER, p), `${EPR3}/record/${key}`],
    [renderHarbourFrame(ROSTER, p), `${EPR3}/frame/${key}`],
  ] as const;
  return frames.flatMap(([html, url]) => {
    const report = scanPage(load(html), url, [rule]);
    if (report.kind === 'patient') return [report.context.identifier.value];
    return report.kind === 'ambiguous' ? [...report.found] : report.kind === 'rejected' ? [report.found] : [];
  });
}

function teachOnHarbourFrame(key: string) {
  const p = ROSTER.find((r) => r.key === key)!;
  const url = `${EPR3}/frame/${key}`;
  const doc = load(renderHarbourFrame(ROSTER, p));
  const candidates = findCandidates(doc, url);
  const own = candidates.find((c) => c.kind === 'nhs-number' && c.value === p.nhsNumber)!;
  const dob = candidates.find((c) => c.kind === 'birth-date' && c.value === p.birthDate);
  return { p, candidates, proposals: proposeRules(doc, url, own, dob) };
}

describe('finding what a page shows', () => {
  it('offers the patient\'s and the next of kin\'s numbers and dates, each with its label', () => {
    const { p, candidates } = teachOnHarbourFrame('p01');
    const kin = othersShownWith(ROSTER, p).nextOfKin;
    expect(candidates.filter((c) => c.kind === 'nhs-number').map((c) => [c.value, c.written, c.origin.from === 'element' && c.origin.label])).toEqual([
      [p.nhsNumber, '999 000 0018', 'NHS Number'],
      [kin.nhsNumber, expect.stringMatching(/^\d{3} \d{3} \d{4}$/), 'NHS Number'],
    ]);
    expect(candidates.filter((c) => c.kind === 'birth-date').map((c) => c.value)).toEqual([p.birthDate, kin.birthDate]);
  });

  it('offers a number in the URL, and never one that fails the check digit', () => {
    load('<p>NHS Number: 999 000 0019</p>');
    const candidates = findCandidates(document, 'http://epr.example/app/patient/9990158398');
    expect(candidates.map((c) => [c.value, c.origin.from])).toEqual([['9990158398', 'url']]);
  });

  it('leaves out numbers the clinician cannot see', () => {
    load('<div hidden><span>999 000 0018</span></div><span>999 015 8398</span>');
    expect(findCandidates(document, 'http://epr.example/').map((c) => c.value)).toEqual(['9990158398']);
  });
});

describe('proposing a rule', () => {
  it('picks the patient\'s number by its labelled section on Harbour Care Record, with the date of birth beside it', () => {
    const { proposals } = teachOnHarbourFrame('p01');
    expect(proposals[0]).toMatchObject({
      robustness: 'labelled-container',
      rule: {
        id: 'taught-127-0-0-1-8112',
        urlPattern: '^http://127\\.0\\.0\\.1:8112/',
        identifier: { from: 'selector', selector: '#patient-details dd.nhs' },
        birthDate: { selector: '#patient-details dd.dob' },
      },
    });
    expect(proposals.at(-1)?.robustness).toBe('positional');
  });

  it.each(ROSTER.map((p) => p.key))('never proposes a rule that reads a next of kin\'s or a listed patient\'s number (taught on %s)', (taughtOn) => {
    const { proposals } = teachOnHarbourFrame(taughtOn);
    expect(proposals.length).toBeGreaterThan(0);
    for (const { rule } of proposals) {
      for (const p of ROSTER) {
        const { nextOfKin, gpList } = othersShownWith(ROSTER, p);
        const others = new Set([nextOfKin, ...gpList].map((o) => o.nhsNumber).filter((n) => n !== p.nhsNumber));
        const read = readsOnHarbour(rule, p.key);
        expect(read.filter((n) => others.has(n.replace(/\D/g, ''))), `${rule.identifier.from} ${JSON.stringify(rule.identifier)} on ${p.key}`).toEqual([]);
      }
    }
  });

  it('prefers the URL where the URL carries the number', () => {
    load('<section class="pt-header"><span class="nhs">999 015 8398</span></section>');
    const url = 'http://127.0.0.1:8111/app/patient/9990158398';
    const chosen = findCandidates(document, url).find((c) => c.origin.from === 'element')!;
    const [first] = proposeRules(document, url, chosen);
    expect(first).toMatchObject({ robustness: 'url', rule: { identifier: { from: 'url', pattern: '/patient/(\\d{10})(?!\\d)' } } });
  });

  it('takes an attribute that holds the number, selected by a stable hook rather than the number', () => {
    const p = ROSTER[0]!;
    const doc = load(renderPatient(p, new Date('2026-12-02')));
    load(doc.documentElement.outerHTML.replace('class="nhs-number"', `class="nhs-number" data-nhs="${p.nhsNumber}"`));
    const chosen = findCandidates(document, 'http://127.0.0.1:8110/patient/p01').find((c) => c.origin.from === 'element' && c.origin.attribute === 'data-nhs')!;
    const [first] = proposeRules(document, 'http://127.0.0.1:8110/patient/p01', chosen);
    expect(first?.rule.identifier).toEqual({ from: 'selector', selector: '#patient-banner span.nhs-number', attribute: 'data-nhs' });
  });

  it('reads the capture after the path segment or parameter that names it', () => {
    expect(urlCapture('https://epr.example/view?id=x&nhs=9990158398', '9990158398')).toBe('&nhs=(\\d{10})(?!\\d)');
  });
});

describe('looking for hidden elements', () => {
  it('finds what a rule would read if the element were shown', async () => {
    const { hiddenValues } = await import('@/lib/context/rule-builder/frame-agent');
    load('<div hidden><span class="nhs">999 000 0018</span></div><span class="nhs" style="display:none">999 237 5819</span><span class="nhs">999 015 8398</span>');
    const rule = { id: 'r', urlPattern: '^http://epr/', identifier: { from: 'selector' as const, selector: '.nhs' } };
    expect(hiddenValues(document, rule)).toEqual(['999 000 0018', '999 237 5819']);
  });
});

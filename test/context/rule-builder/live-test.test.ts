import { describe, expect, it } from 'vitest';
import { judgePage, mayBeSaved, type FrameReading, type PageTest } from '@/lib/context/rule-builder/live-test';
import type { PageContextReport } from '@/lib/context/patient-context';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const patient = (value: string, url: string): PageContextReport => ({
  kind: 'patient',
  context: { key: `${NHS}|${value}`, identifier: { system: NHS, value }, origin: 'page', url, detectedAt: 0 },
});
const frame = (frameId: number, report: PageContextReport, visibleNumbers: string[] | undefined = []): FrameReading => ({ frameId, frameUrl: `http://epr/${frameId}`, report, visibleNumbers });
const one = (value: string, url = `http://epr/${value}`): PageTest => ({ url, verdict: { kind: 'one', value } });

describe('the live test of a proposed rule', () => {
  it('reads one number when one frame finds it and the page shows it', () => {
    const test = judgePage('http://epr/p1', [frame(0, { kind: 'none', url: 'http://epr/p1' }, ['9990158398']), frame(3, patient('9990000018', 'http://epr/f'), ['9990000018', '9990158398'])]);
    expect(test.verdict).toEqual({ kind: 'one', value: '9990000018' });
  });

  it('flags a page where the frames read two different numbers', () => {
    const test = judgePage('http://epr/p1', [frame(0, patient('9990158398', 'http://epr/p1'), ['9990158398']), frame(3, patient('9990000018', 'http://epr/f'), ['9990000018'])]);
    expect(test.verdict).toMatchObject({ kind: 'several', reason: 'different parts of the page show different NHS numbers' });
  });

  it('refuses a number the page does not show as visible text (read from the URL or a hidden attribute)', () => {
    const test = judgePage('http://epr/9990000018', [frame(0, patient('9990000018', 'http://epr/9990000018'), [])]);
    expect(test.verdict).toEqual({ kind: 'not-visible', value: '9990000018' });
    expect(judgePage('http://epr/x', [frame(0, patient('9990000018', 'http://epr/x'), undefined)]).verdict.kind).toBe('not-visible');
  });

  it('may be saved only after reading three different patients, and never after reading a number not shown', () => {
    expect(mayBeSaved([one('9990000018'), one('9990158398')])).toEqual({ ok: false, reason: expect.stringMatching(/^Test it on 1 more patient:/) });
    expect(mayBeSaved([one('9990000018'), one('9990000018', 'http://epr/again'), one('9990158398')]).ok).toBe(false);
    expect(mayBeSaved([one('9990000018'), one('9990158398'), one('9990237581')])).toEqual({ ok: true });
    // A list page where it reads nothing is flagged, not a reason to refuse.
    expect(mayBeSaved([one('9990000018'), { url: 'http://epr/', verdict: { kind: 'none' } }, one('9990158398'), one('9990237581')]).ok).toBe(true);
    const hidden: PageTest = { url: 'http://epr/h', verdict: { kind: 'not-visible', value: '9990316775' } };
    expect(mayBeSaved([one('9990000018'), one('9990158398'), one('9990237581'), hidden])).toEqual({ ok: false, reason: expect.stringMatching(/^It read 999 031 6775, which http:\/\/epr\/h does not show as visible text/) });
  });
});

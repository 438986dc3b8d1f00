// EPR 3 (Harbour Care Record): the patient in a frame, other people's NHS numbers around it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER } from '../../sandbox/data/roster';
import { formatNhsNumber } from '../../sandbox/epr/format';
import { othersShownWith } from '../../sandbox/epr/harbour';
import { startEprSite, type EprSite } from '../../sandbox/epr/server';
import { HOST } from '../../sandbox/config';

let site: EprSite;
beforeAll(async () => {
  site = await startEprSite({ variant: 3, host: HOST, port: 0, patients: ROSTER });
});
afterAll(() => site.close());

async function get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(site.url + path);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

describe('Harbour Care Record', () => {
  it('frames the record from its own site only, and names the product and version', async () => {
    const { status, html, headers } = await get('/record/p02');
    expect(status).toBe(200);
    expect(html).toContain('<iframe class="record" title="Patient record" src="/frame/p02"></iframe>');
    expect(html).toContain('<meta name="generator" content="Harbour Care Record 4.2.1">');
    expect(headers.get('content-security-policy')).toContain("frame-src 'self'; frame-ancestors 'self'");
    expect(html).toContain('rel="prev"');
    expect(html).toContain('href="/record/p03" rel="next"');
  });

  it('shows the patient\'s NHS number spaced in the frame, beside the next of kin\'s, and the GP list\'s on the top page', async () => {
    const p = ROSTER[1]!;
    const { nextOfKin, gpList } = othersShownWith(ROSTER, p);
    const frame = (await get(`/frame/${p.key}`)).html;
    expect(frame).toContain(`<dd class="nhs">${formatNhsNumber(p.nhsNumber)}</dd>`);
    expect(frame).toContain(`<dd class="nhs">${formatNhsNumber(nextOfKin.nhsNumber)}</dd>`);
    const top = (await get(`/record/${p.key}`)).html;
    expect(top).not.toContain(formatNhsNumber(p.nhsNumber));
    for (const other of gpList) expect(top).toContain(formatNhsNumber(other.nhsNumber));
    expect(new Set([p, nextOfKin, ...gpList].map((x) => x.key)).size).toBe(6);
  });

  it('lists every patient, and answers 404 for an unknown one', async () => {
    const list = (await get('/')).html;
    for (const p of ROSTER) expect(list).toContain(`href="/record/${p.key}"`);
    expect((await get('/record/nobody')).status).toBe(404);
  });
});

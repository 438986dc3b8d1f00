// EPR 1 (Riverside PAS): what the extension's context rules read from a server-rendered page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER } from '../../sandbox/data/roster';
import { startEprSite, type EprSite } from '../../sandbox/epr/server';
import { cuiAge } from '../../sandbox/epr/format';
import { HOST } from '../../sandbox/config';

let site: EprSite;
beforeAll(async () => {
  site = await startEprSite({ variant: 1, host: HOST, port: 0, patients: ROSTER });
});
afterAll(() => site.close());

async function get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(site.url + path);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

function ageToday(birthDate: string): number {
  const now = new Date();
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const birthdayPassed = now.getMonth() + 1 > m || (now.getMonth() + 1 === m && now.getDate() >= d);
  return now.getFullYear() - y - (birthdayPassed ? 0 : 1);
}

describe('Riverside PAS', () => {
  it('lists every roster patient with a link to their page', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    for (const p of ROSTER) {
      expect(html).toContain(`href="/patient/${p.key}"`);
      expect(html).toContain(`${p.family.toUpperCase()}, ${p.given}`);
    }
  });

  it('shows the CUI banner with the NHS number 3-3-4 in #patient-banner .nhs-number', async () => {
    const { status, html } = await get('/patient/p01');
    expect(status).toBe(200);
    const banner = /<div id="patient-banner"[\s\S]*?<\/div><\/div>/.exec(html)?.[0] ?? '';
    expect(banner).toContain('HOLLOWAY, Susan (Mrs)');
    expect(banner).toMatch(/<span class="nhs-number">999 000 0018<\/span>/);
    expect(banner).toContain('<span class="dob" data-dob="1962-03-14">14-Mar-1962</span>');
    expect(banner).toContain(`(${ageToday('1962-03-14')}y)`);
    expect(banner).toContain('Female');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('shows a deceased patient with the date of death and the age at death', async () => {
    const { html } = await get('/patient/p07');
    expect(html).toMatch(/id="patient-banner" class="banner deceased"/);
    expect(html).toContain('19-Aug-2026');
    expect(html).toContain('(88y)');
  });

  it('escapes what it echoes and loads nothing from elsewhere', async () => {
    const { html, headers } = await get('/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('finds a patient by spaced NHS number and answers 404 for an unknown one', async () => {
    const { html } = await get('/?q=999+015+8398');
    expect(html).toContain('OKAFOR, David');
    expect(html).not.toContain('HOLLOWAY');
    expect((await get('/patient/nobody')).status).toBe(404);
  });
});

describe('CUI age', () => {
  it('uses years from two, months below two, days below a month', () => {
    expect(cuiAge('1962-03-14', '2026-03-13')).toBe('63y');
    expect(cuiAge('1962-03-14', '2026-03-14')).toBe('64y');
    expect(cuiAge('2025-01-20', '2026-11-26')).toBe('22m');
    expect(cuiAge('2026-11-10', '2026-11-26')).toBe('16d');
  });
});

// EPR 2 (Northfield ClinicalWorks): a single-page app whose patient context lives only in the URL
// and a data attribute; switching patient must not load a page.
import { Window, type HTMLElement } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER } from '../../sandbox/data/roster';
import { startEprSite, type EprSite } from '../../sandbox/epr/server';
import { HOST } from '../../sandbox/config';

let site: EprSite;
beforeAll(async () => {
  site = await startEprSite({ variant: 2, host: HOST, port: 0, patients: ROSTER });
});
afterAll(() => site.close());

/** Page text with the two places an NHS number may appear (routes, data-nhs-number) removed. */
function withoutAllowedPlaces(html: string): string {
  return html.replace(/\/app\/patient\/\d{10}/g, '').replace(/data-nhs-number="\d{10}"/g, '');
}

const NHS_NUMBER_TEXT = /\d{10}|\d{3} \d{3} \d{4}/;

describe('Northfield ClinicalWorks server', () => {
  it('serves the app shell for deep links, with the patient list embedded', async () => {
    const response = await fetch(`${site.url}/app/patient/9990000018`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="/app.js"></script>');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    for (const p of ROSTER) expect(html).toContain(`"path":"/app/patient/${p.nhsNumber}"`);
    expect(html).toContain('"mrn":"RX9');
  });

  it('has no NHS number as text anywhere, in the shell or the script', async () => {
    const shell = await (await fetch(`${site.url}/app`)).text();
    const script = await (await fetch(`${site.url}/app.js`)).text();
    expect(withoutAllowedPlaces(shell)).not.toMatch(NHS_NUMBER_TEXT);
    expect(script).not.toMatch(NHS_NUMBER_TEXT);
  });

  it('redirects / to the app and answers 404 outside it', async () => {
    const root = await fetch(`${site.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app');
    expect((await fetch(`${site.url}/elsewhere`)).status).toBe(404);
  });
});

describe('Northfield ClinicalWorks app', () => {
  async function openApp(path: string): Promise<Window> {
    const html = await (await fetch(site.url + path)).text();
    const script = await (await fetch(`${site.url}/app.js`)).text();
    const window = new Window({
      url: site.url + path,
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true },
    });
    // The script runs in this window rather than being fetched by it: the test controls when.
    window.document.write(html.replace('<script src="/app.js"></script>', ''));
    window.eval(script);
    return window;
  }

  const click = (window: Window, selector: string) => {
    const target = window.document.querySelector<HTMLElement>(selector);
    if (target === null) throw new Error(`nothing matches ${selector}`);
    target.click();
  };
  const header = (window: Window) => window.document.querySelector('section.pt-header');

  it('opens a deep link on the patient, NHS number only in data-nhs-number', async () => {
    const window = await openApp('/app/patient/9990000018');
    expect(header(window)?.getAttribute('data-nhs-number')).toBe('9990000018');
    expect(header(window)?.textContent).toContain('HOLLOWAY, Susan (Mrs)');
    expect(header(window)?.textContent).toContain('DOB 14/03/1962');
    // Everything on screen lives in .cw; the JSON island beside it holds routes, not text.
    expect(window.document.querySelector('.cw')?.textContent).not.toMatch(NHS_NUMBER_TEXT);
    await window.happyDOM.close();
  });

  it('switches patient with pushState, closes the patient, and follows Back', async () => {
    const window = await openApp('/app');
    expect(header(window)).toBeNull();
    click(window, 'a[href="/app/patient/9990158398"]');
    expect(window.location.pathname).toBe('/app/patient/9990158398');
    expect(header(window)?.getAttribute('data-nhs-number')).toBe('9990158398');

    click(window, 'nav.side a[href="/app/patient/9990000018"]');
    expect(header(window)?.getAttribute('data-nhs-number')).toBe('9990000018');

    click(window, '.close-patient');
    expect(window.location.pathname).toBe('/app');
    expect(header(window)).toBeNull();

    window.history.back();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.location.pathname).toBe('/app/patient/9990000018');
    expect(header(window)?.getAttribute('data-nhs-number')).toBe('9990000018');
    await window.happyDOM.close();
  });

  it('shows "Patient not found" for an unknown route, with no patient in context', async () => {
    const window = await openApp('/app/patient/9990000000');
    expect(window.document.body.textContent).toContain('Patient not found');
    expect(header(window)).toBeNull();
    await window.happyDOM.close();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { PageContextReport } from '@/lib/context/patient-context';
import type { ContextRule } from '@/lib/context/rules';
import type { TabContexts } from '@/lib/context/tab-context-service';
import { dispatch, message, type Sender } from '@/lib/messaging';
import { contextHandlers } from '@/lib/platform/context-handlers';

const RULES: ContextRule[] = [{ id: 'epr1', urlPattern: '^http://127\\.0\\.0\\.1:8110/', identifier: { from: 'url', pattern: '/patient/(\\d{10})' } }];
const EPR = 'http://127.0.0.1:8110/patient/9990000018';
const claim = { kind: 'patient', context: { key: 'https://fhir.nhs.uk/Id/nhs-number|9990000018', identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000018' }, origin: 'page', url: EPR, detectedAt: 1 } };

/** The handlers with a recording tab store: what each sender managed to say about its tab. */
function setup() {
  const said: { tabId: number; report: PageContextReport }[] = [];
  const tabs = { pageReport: async (tabId: number, _frame: number, _url: string, report: PageContextReport) => void said.push({ tabId, report }) } as unknown as TabContexts;
  const handlers = contextHandlers({ tabs, rules: async () => RULES, onSelection: async () => {}, onLaunchHub: async () => {} });
  const send = (body: unknown, sender: Sender) => dispatch(handlers, { ...message('page-context', { report: body as PageContextReport }) }, sender);
  return { said, send };
}

describe('page reports reaching the background', () => {
  it('accepts a patient from a content script on a configured site, for its own tab', async () => {
    const { said, send } = setup();
    await send(claim, { tabId: 4, frameId: 0, url: EPR, tabUrl: EPR });
    expect(said).toEqual([{ tabId: 4, report: expect.objectContaining({ kind: 'patient' }) }]);
  });

  it('lets a page no rule names say nobody, whatever it claims', async () => {
    const { said, send } = setup();
    const elsewhere = 'https://news.example/patient/9990000018';
    await send(claim, { tabId: 5, frameId: 0, url: elsewhere, tabUrl: elsewhere });
    expect(said).toEqual([{ tabId: 5, report: { kind: 'none', url: elsewhere } }]);
  });

  it('lets a frame from a site no rule names say nobody, even inside a configured EPR page', async () => {
    const { said, send } = setup();
    const advert = 'https://ads.example/banner?nhs=9990000018';
    await send(claim, { tabId: 7, frameId: 3, url: advert, tabUrl: EPR });
    expect(said).toEqual([{ tabId: 7, report: { kind: 'none', url: advert } }]);
  });

  it('ignores a report that does not come from a tab, and one of the wrong shape names nobody', async () => {
    const { said, send } = setup();
    await send(claim, { url: EPR });
    await send({ kind: 'patient', context: { key: 42 } }, { tabId: 6, frameId: 0, url: EPR, tabUrl: EPR });
    expect(said).toEqual([{ tabId: 6, report: { kind: 'none', url: EPR } }]);
  });
});

describe('an EHR launch\'s FHIRcast hub', () => {
  /** The launch page's message, with the hub its token response named; what the background then subscribes to. */
  async function launchWith(hubUrl: string) {
    const hubs: unknown[] = [];
    const tabs = { launch: async () => {} } as unknown as TabContexts;
    const handlers = contextHandlers({ tabs, rules: async () => RULES, onSelection: async () => {}, onLaunchHub: async (hub) => void hubs.push(hub) });
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ url: EPR } as never);
    const context = { ...claim.context, origin: 'ehr-launch' };
    const reply = await dispatch(handlers, message('ehr-launch', { tabId: 4, context: context as never, hub: { hubUrl, topic: 'user-7', sourceId: 'acute' } }), { url: browser.runtime.getURL('/launch.html') });
    return { hubs, reply };
  }

  it('is followed over https, with the launching source\'s sign-in', async () => {
    const { hubs } = await launchWith('https://hub.trust.example/api/hub');
    expect(hubs).toEqual([{ hubUrl: 'https://hub.trust.example/api/hub', topic: 'user-7', sourceId: 'acute' }]);
  });

  it('is not followed over plain http across the network, though the launch itself goes ahead', async () => {
    const { hubs, reply } = await launchWith('http://hub.trust.example/api/hub');
    expect(hubs).toEqual([]);
    expect(reply).toEqual({ ok: true });
  });
});

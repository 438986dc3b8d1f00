import { useEffect, useState } from 'preact/hooks';
import type { ContextRule } from '@/lib/context/rules';
import { judgePage, mayBeSaved } from '@/lib/context/rule-builder/live-test';
import { productOfSession, withTest, type FoundFrame, type Pick, type TaughtRule, type TeachingSession } from '@/lib/context/rule-builder/session';
import { siteOfUrl } from '@/lib/context/rule-sites';
import { askFrame, ensureSiteAccess, injectBuilder, onTabsChanged, openWebTabs, tabUrl, type OpenTab } from '@/lib/platform/rule-builder-tab';

/** Frames that did not answer (an ad frame, a frame fhirside may not read) are left out. */
const answered = <T,>(promise: Promise<T>) => promise.catch(() => undefined);

/**
 * The rule builder's state and actions for the options page.
 * @param saveRule - saves a rule the tests allow (the options page's own rule edit)
 */
export function useRuleBuilder(saveRule: (rule: ContextRule) => Promise<void>) {
  const [tabs, setTabs] = useState<readonly OpenTab[]>([]);
  const [session, setSession] = useState<TeachingSession>();
  const [taught, setTaught] = useState<readonly TaughtRule[]>([]);

  useEffect(() => {
    const refresh = () => void openWebTabs().then(setTabs);
    refresh();
    return onTabsChanged(refresh);
  }, []);

  const update = (change: Partial<TeachingSession>) => setSession((s) => s && { ...s, ...change });

  /** Reads the tab's current page with every proposal, and records what each read. */
  const testPage = async (current: TeachingSession): Promise<void> => {
    update({ status: 'Reading the page…' });
    try {
      const [url, frameIds] = await Promise.all([tabUrl(current.tabId), injectBuilder(current.tabId)]);
      const tests = await Promise.all(current.proposals.map(async ({ rule }, i) => {
        const readings = await Promise.all(frameIds.map((frameId) => answered(askFrame(current.tabId, frameId, 'builder-read', { rule, frameId }))));
        return withTest(current.tests[i] ?? [], judgePage(url, readings.filter((r) => r !== undefined)));
      }));
      update({ tests, status: undefined });
    } catch (error) {
      update({ status: `Could not read the page: ${(error as Error).message}` });
    }
  };

  const propose = async (current: TeachingSession, chosen: Pick, birthDate: Pick | undefined): Promise<void> => {
    const sameFrame = birthDate?.frameId === chosen.frameId ? birthDate.index : undefined;
    const proposals = await askFrame(current.tabId, chosen.frameId, 'builder-propose', { candidate: chosen.index, ...(sameFrame !== undefined && { birthDate: sameFrame }) });
    const next: TeachingSession = { ...current, chosen, birthDate, proposals, picked: 0, tests: proposals.map(() => []), saved: false, status: proposals.length === 0 ? 'No rule reads that number alone: choose another place it is shown.' : undefined };
    setSession(next);
    if (proposals.length > 0) await testPage(next);
  };

  return {
    tabs,
    session,
    taught,
    /** Starts teaching on a tab: asks for the site if needed, then finds and marks every candidate. */
    teach: async (tab: OpenTab) => {
      const site = siteOfUrl(tab.url);
      if (!site) return;
      setSession({ tabId: tab.id, tabUrl: tab.url, frames: [], proposals: [], picked: 0, tests: [], status: 'Looking for NHS numbers and dates of birth…' });
      try {
        if (!(await ensureSiteAccess(site))) return update({ status: `fhirside may not read ${site}: access was not granted.` });
        const frames: FoundFrame[] = [];
        for (const frameId of await injectBuilder(tab.id)) {
          const found = await answered(askFrame(tab.id, frameId, 'builder-find', { firstBadge: frames.reduce((n, f) => n + f.candidates.length, 1) }));
          if (found) frames.push({ frameId, ...found });
        }
        const none = frames.every((f) => !f.candidates.some((c) => c.kind === 'nhs-number'));
        update({ frames, status: none ? 'This page shows no valid NHS number that fhirside can see.' : undefined });
      } catch (error) {
        update({ status: `Could not read the page: ${(error as Error).message}` });
      }
    },
    choose: (pick: Pick) => session && void propose(session, pick, session.birthDate),
    chooseBirthDate: (pick: Pick) => session && (session.chosen ? void propose(session, session.chosen, pick) : update({ birthDate: pick })),
    pickProposal: (picked: number) => update({ picked }),
    testPage: () => session && void testPage(session),
    save: async () => {
      const proposal = session?.proposals[session.picked];
      if (!session || !proposal || !mayBeSaved(session.tests[session.picked] ?? []).ok) return;
      await saveRule(proposal.rule);
      setTaught((list) => [...list.filter((t) => t.rule.id !== proposal.rule.id), { rule: proposal.rule, product: productOfSession(session) }]);
      update({ saved: true });
    },
    stop: async () => {
      if (!session) return;
      const frameIds = await answered(injectBuilder(session.tabId));
      await Promise.all((frameIds ?? []).map((frameId) => answered(askFrame(session.tabId, frameId, 'builder-stop', {}))));
      setSession(undefined);
    },
  };
}

export type RuleBuilderState = ReturnType<typeof useRuleBuilder>;

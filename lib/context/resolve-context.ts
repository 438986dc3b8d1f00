/**
 * Which patient a tab shows when several sources of context speak. Precedence, most deliberate
 * first: a look-up the clinician asked for (selected NHS number), a SMART EHR launch, the FHIRcast
 * session (on sites that take part in it), then the page itself. When two of them name different
 * patients the winner is shown with a conflict the panel must display, never silently.
 */
import { combineFrames } from './frame-reports';
import { identifierLabel } from './nhs-number';
import type { ContextClaim, PageContextReport, PatientContext } from './patient-context';
import type { TabSources } from './tab-sources';

/** The FHIRcast session's current patient, as the hub last said (undefined after patient-close). */
export interface HubContext {
  readonly context?: PatientContext;
  /** Background clock when the hub said it. */
  readonly receivedAt: number;
}

function claim(context: PatientContext): ContextClaim {
  return {
    origin: context.origin,
    key: context.key,
    label: identifierLabel(context.identifier),
    ...(context.displayName && { displayName: context.displayName }),
  };
}

/**
 * Resolves a tab's context.
 * @param hubApplies - true when the tab's site takes part in the FHIRcast session
 */
export function resolveTabContext(sources: TabSources, hub: HubContext | undefined, hubApplies: boolean): PageContextReport {
  const page = combineFrames(sources.frames, sources.url);
  // FHIRcast context from before the tab's last navigation is about a page no longer shown.
  const hubContext = hubApplies && hub && hub.receivedAt > sources.navigatedAt ? hub.context : undefined;
  const ranked = [sources.selection, sources.launch, hubContext, page.kind === 'patient' ? page.context : undefined]
    .filter((c): c is PatientContext => c !== undefined);
  const [first, ...rest] = ranked;
  if (!first) return page;
  // The same patient named by several: the winner keeps its origin and gains a date of birth another
  // vouches for, so the sources' cross-check keeps it and the look-up does not restart when a
  // session without one (FHIRcast) takes over from a page with one.
  const vouched = first.birthDate ?? rest.find((c) => c.key === first.key && c.birthDate)?.birthDate;
  const winner = vouched && !first.birthDate ? { ...first, birthDate: vouched } : first;
  const others = [...new Map(rest.filter((c) => c.key !== winner.key).map((c) => [`${c.origin}|${c.key}`, claim(c)])).values()];
  return { kind: 'patient', context: winner, ...(others.length > 0 && { conflict: { shown: claim(winner), others } }) };
}

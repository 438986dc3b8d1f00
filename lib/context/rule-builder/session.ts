/**
 * One teaching session of the rule builder, as the options page holds it: the tab being taught,
 * what each of its frames shows, the number and date of birth the analyst chose, the proposed
 * rules and what each read on every page tested so far.
 */
import type { ContextRule } from '../rules';
import type { PageTest } from './live-test';
import type { FrameFindings, ProductName } from './messages';
import type { Proposal } from './propose';

export interface FoundFrame extends FrameFindings {
  readonly frameId: number;
}

/** A candidate by the frame it is in and its index there. */
export interface Pick {
  readonly frameId: number;
  readonly index: number;
}

export interface TeachingSession {
  readonly tabId: number;
  readonly tabUrl: string;
  readonly frames: readonly FoundFrame[];
  readonly chosen?: Pick;
  readonly birthDate?: Pick;
  readonly proposals: readonly Proposal[];
  /** Index of the proposal the analyst is looking at. */
  readonly picked: number;
  /** Per proposal, one test per page (by URL), newest last. */
  readonly tests: readonly (readonly PageTest[])[];
  /** What is happening now, or what went wrong, in words. */
  readonly status?: string;
  /** The rule was saved. */
  readonly saved?: boolean;
}

/** A rule saved this visit, with the product it was taught on: what the export offers. */
export interface TaughtRule {
  readonly rule: ContextRule;
  readonly product: ProductName;
}

/** Adds a page's test, replacing an earlier test of the same address. */
export function withTest(tests: readonly PageTest[], test: PageTest): PageTest[] {
  return [...tests.filter((t) => t.url !== test.url), test];
}

/** The product the tab names itself as: its top frame's, else any frame's. */
export function productOfSession(session: TeachingSession): ProductName {
  return session.frames.find((f) => f.product.name)?.product ?? {};
}

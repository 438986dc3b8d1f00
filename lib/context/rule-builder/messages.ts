/**
 * What the options page asks the rule builder's script in each frame of a tab, and its answers.
 * Kept apart from lib/messaging.ts: only an extension page sends these, one frame at a time.
 */
import type { ContextRule } from '../rules';
import type { CandidateKind, CandidateOrigin } from './candidates';
import type { FrameReading } from './live-test';
import type { Proposal } from './propose';

/** A candidate as the options page sees it: no element, a frame-local index, its label and section. */
export interface CandidateView {
  readonly index: number;
  readonly kind: CandidateKind;
  readonly value: string;
  readonly written: string;
  readonly origin: CandidateOrigin;
  /** The heading of the section it is in, if any. */
  readonly section?: string;
  /** The number drawn beside it on the page. */
  readonly badge: number;
}

/** The EPR product as the page names itself (`<meta name="application-name">`, `generator`). */
export interface ProductName {
  readonly name?: string;
  readonly version?: string;
}

export interface FrameFindings {
  readonly frameUrl: string;
  readonly title: string;
  readonly product: ProductName;
  readonly candidates: readonly CandidateView[];
}

export interface BuilderMessages {
  /** Find and highlight every candidate; badges are numbered from `firstBadge`. */
  'builder-find': { readonly body: { readonly firstBadge: number }; readonly reply: FrameFindings };
  'builder-propose': { readonly body: { readonly candidate: number; readonly birthDate?: number }; readonly reply: readonly Proposal[] };
  'builder-read': { readonly body: { readonly rule: ContextRule; readonly frameId: number }; readonly reply: FrameReading };
  'builder-stop': { readonly body: Record<string, never>; readonly reply: void };
}

export type BuilderType = keyof BuilderMessages;
export type BuilderMessage = { [K in BuilderType]: { readonly builder: K } & BuilderMessages[K]['body'] }[BuilderType];
export type BuilderHandlers = { [K in BuilderType]: (body: BuilderMessages[K]['body']) => BuilderMessages[K]['reply'] };

/** Builds a request. */
export function builderMessage<K extends BuilderType>(type: K, body: BuilderMessages[K]['body']): BuilderMessage {
  return { builder: type, ...body } as BuilderMessage;
}

/** Answers a request with its handler; anything else is not for the builder (undefined). */
export function handleBuilderMessage(handlers: BuilderHandlers, value: unknown): Promise<unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { builder?: unknown }).builder;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  return Promise.resolve((handlers[type as BuilderType] as (body: unknown) => unknown)(value));
}

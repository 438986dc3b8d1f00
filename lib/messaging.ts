/** Typed messages between the content script, the background and extension pages. */
import type { PageContextReport, PatientContext } from './context/patient-context';
import type { ContextRule } from './context/rules';

/** Each message's body and what its handler answers. */
export interface Messages {
  /** Content script → background: what this frame's page shows now. */
  'page-context': { readonly body: { readonly report: PageContextReport }; readonly reply: void };
  /** Content script → background: the rules to read this site by (from the effective configuration). */
  'context-rules': { readonly body: Record<string, never>; readonly reply: { readonly rules: readonly ContextRule[] } };
  /** Content script → background: the valid NHS number the selected text holds, or null. */
  'selection': { readonly body: { readonly nhsNumber: string | null }; readonly reply: void };
  /** Launch page → background: a SMART EHR launch named this tab's patient (and maybe a FHIRcast session). */
  'ehr-launch': {
    readonly body: { readonly tabId: number; readonly context: PatientContext; readonly hub?: { readonly hubUrl: string; readonly topic: string; readonly sourceId?: string } };
    readonly reply: { readonly ok: boolean; readonly problem?: string };
  };
  /** Background → content scripts of a tab: the tab navigated, report afresh even if unchanged. */
  'context-rescan': { readonly body: Record<string, never>; readonly reply: void };
  /** Background → content script: is a content script running in this tab? */
  'context-ping': { readonly body: Record<string, never>; readonly reply: { readonly alive: true } };
}

export type MessageType = keyof Messages;
export type Message = { [K in MessageType]: { readonly type: K } & Messages[K]['body'] }[MessageType];
export type Reply<K extends MessageType> = Messages[K]['reply'];

export interface Sender {
  readonly tabId?: number;
  readonly frameId?: number;
  /** The sending frame's or page's URL, as the browser reports it. */
  readonly url?: string;
  /** The URL of the sender's tab (its top frame). */
  readonly tabUrl?: string;
}

export type MessageHandlers = {
  [K in MessageType]?: (message: Messages[K]['body'], sender: Sender) => Promise<Reply<K>> | Reply<K>;
};

/** Builds a message (so callers cannot misspell a type or forget a field). */
export function message<K extends MessageType>(type: K, body: Messages[K]['body']): Message {
  return { type, ...body } as Message;
}

const TYPES = new Set<string>(['page-context', 'context-rules', 'selection', 'ehr-launch', 'context-rescan', 'context-ping'] satisfies MessageType[]);

/**
 * Dispatches a message to its handler and returns the handler's answer. Anything that is not a
 * known message, or has no handler here, is ignored (undefined: "not for me").
 */
export function dispatch(handlers: MessageHandlers, value: unknown, sender: Sender): Promise<unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) return undefined;
  const handler = handlers[type as MessageType] as ((m: unknown, s: Sender) => unknown) | undefined;
  return handler ? Promise.resolve(handler(value, sender)) : undefined;
}

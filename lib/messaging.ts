/** Typed messages between the content script, the background and the panel. */
import type { PageContextReport } from './context/patient-context';

export interface Messages {
  /** Content script → background: what this page shows now. */
  'page-context': { readonly report: PageContextReport };
}

export type Message = { [K in keyof Messages]: { readonly type: K } & Messages[K] }[keyof Messages];

export type MessageHandlers = { [K in keyof Messages]: (message: Messages[K], sender: { tabId?: number; extensionId?: string }) => Promise<void> | void };

/** Builds a message (so callers cannot misspell a type or forget a field). */
export function message<K extends keyof Messages>(type: K, body: Messages[K]): Message {
  return { type, ...body } as Message;
}

/** Dispatches a message to its handler; anything that is not a known message is ignored. */
export async function dispatch(handlers: MessageHandlers, value: unknown, sender: { tabId?: number; extensionId?: string }): Promise<void> {
  if (typeof value !== 'object' || value === null) return;
  const type = (value as { type?: unknown }).type;
  if (type === 'page-context') await handlers['page-context'](value as Messages['page-context'], sender);
}

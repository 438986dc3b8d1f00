// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { watchPageLifecycle } from '@/lib/context/page-lifecycle';

const transition = (type: string, persisted: boolean) => Object.assign(new Event(type), { persisted });

describe('a page leaving and coming back from the back/forward cache', () => {
  it('withdraws the patient on leaving and reports again when restored, not on a first load', () => {
    const said: string[] = [];
    watchPageLifecycle((type, listener) => window.addEventListener(type, listener), { left: () => said.push('left'), restored: () => said.push('restored') });

    window.dispatchEvent(transition('pageshow', false));
    expect(said).toEqual([]);

    // EPR 1: patient A, then patient B, then Back to A (restored from the cache, no new load).
    window.dispatchEvent(transition('pagehide', true));
    window.dispatchEvent(transition('pageshow', true));
    expect(said).toEqual(['left', 'restored']);
  });
});

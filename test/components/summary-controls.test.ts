// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popOut } from '@/entrypoints/sidepanel/useSummaryControls';

afterEach(() => vi.restoreAllMocks());

describe('pop-out', () => {
  it('opens the panel in its own window pinned to the tab it follows', () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 9 } as never);
    popOut(42)!();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringMatching(/\/sidepanel\.html\?tab=42$/) }));
  });

  it('is not offered without a tab to follow', () => {
    expect(popOut(undefined)).toBeUndefined();
  });
});

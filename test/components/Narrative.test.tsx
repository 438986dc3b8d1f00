// @vitest-environment happy-dom
import DOMPurify from 'dompurify';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SanitisedNarrative } from '@/components/SanitisedNarrative';

const HOSTILE = '<div><p>Seen <b>today</b></p><script>window.hacked = 1</script><img src=x onerror="window.hacked=1"><style>p{}</style></div>';

function draw(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  return root;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('a narrative before its sanitiser has been fetched', () => {
  it('is shown as words only, marked busy, never as the server\'s markup', async () => {
    vi.resetModules();
    const { Narrative } = await import('@/components/Narrative');
    const root = draw(<Narrative html={HOSTILE} />);
    const narrative = root.querySelector('.narrative')!;
    expect(narrative.getAttribute('aria-busy')).toBe('true');
    expect(narrative.children).toHaveLength(0);
    expect(narrative.textContent).toBe('Seen today');
    // Then drawn through the sanitiser, with nothing in it that could run or load.
    await vi.waitFor(() => expect(root.querySelector('.narrative[aria-busy]')).toBeNull());
    expect(root.querySelector('.narrative')!.innerHTML).not.toMatch(/script|onerror|<img|<style/);
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });
});

describe('a narrative through the sanitiser', () => {
  it('hands the server\'s XHTML to DOMPurify with style, forms and images forbidden, and draws what it returns', () => {
    const sanitize = vi.spyOn(DOMPurify, 'sanitize').mockReturnValue('<p>Seen <b>today</b></p>' as never);
    const narrative = draw(<SanitisedNarrative html={HOSTILE} />).querySelector('.narrative')!;
    expect(sanitize).toHaveBeenCalledWith(HOSTILE, expect.objectContaining({ FORBID_TAGS: expect.arrayContaining(['style', 'form', 'img']), FORBID_ATTR: ['style'] }));
    expect(narrative.innerHTML).toBe('<p>Seen <b>today</b></p>');
  });

  it('falls back to words only when the sanitiser\'s output still carries script (a broken DOM)', () => {
    vi.spyOn(DOMPurify, 'sanitize').mockReturnValue('<p>Seen today</p><img src=x onerror="window.hacked=1">' as never);
    const narrative = draw(<SanitisedNarrative html={HOSTILE} />).querySelector('.narrative')!;
    expect(narrative.children).toHaveLength(0);
    expect(narrative.textContent).toBe('Seen today');
  });

  it('falls back to words only where DOMPurify cannot run', () => {
    vi.spyOn(DOMPurify, 'isSupported', 'get').mockReturnValue(false);
    const sanitize = vi.spyOn(DOMPurify, 'sanitize');
    const narrative = draw(<SanitisedNarrative html={HOSTILE} />).querySelector('.narrative')!;
    expect(sanitize).not.toHaveBeenCalled();
    expect(narrative.children).toHaveLength(0);
    expect(narrative.textContent).toBe('Seen today');
  });
});

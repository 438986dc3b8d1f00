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
  it('hands the server\'s XHTML to DOMPurify with an allowlist that has no media, forms, style, class, id or data attributes', () => {
    const sanitize = vi.spyOn(DOMPurify, 'sanitize').mockReturnValue('<p>Seen <b>today</b></p>' as never);
    const narrative = draw(<SanitisedNarrative html={HOSTILE} />).querySelector('.narrative')!;
    const config = sanitize.mock.calls[0]![1] as { ALLOWED_TAGS: string[]; ALLOWED_ATTR: string[]; ALLOW_DATA_ATTR: boolean };
    expect(config.ALLOWED_TAGS).toEqual(expect.arrayContaining(['p', 'b', 'table', 'td', 'ul', 'li']));
    for (const tag of ['img', 'video', 'audio', 'source', 'picture', 'svg', 'math', 'style', 'form', 'input', 'iframe']) expect(config.ALLOWED_TAGS).not.toContain(tag);
    for (const attribute of ['src', 'srcset', 'poster', 'background', 'style', 'class', 'id']) expect(config.ALLOWED_ATTR).not.toContain(attribute);
    expect(config.ALLOW_DATA_ATTR).toBe(false);
    expect(narrative.innerHTML).toBe('<p>Seen <b>today</b></p>');
  });

  it('keeps text, emphasis, tables and lists, and drops what loads, styles or impersonates (attack: tracker, fake alert, spoofed hooks)', () => {
    const hostile = `<div xmlns="http://www.w3.org/1999/xhtml"><p class="alert" id="banner" style="color:red" data-patient="9990000018">Seen <em>today</em></p>
      <table background="https://tracker.example/t.gif"><tr><td colspan="2">HbA1c</td></tr></table><ul><li>one</li></ul>
      <video src="https://tracker.example/v.mp4" poster="https://tracker.example/p.png">v</video><audio src="https://tracker.example/a.mp3"></audio>
      <picture><source srcset="https://tracker.example/s.png"/><img srcset="https://tracker.example/i.png" alt="scan"/></picture>
      <input value="password"/><button>ok</button></div>`;
    const narrative = draw(<SanitisedNarrative html={hostile} />).querySelector('.narrative')!;
    expect(narrative.innerHTML).not.toMatch(/tracker|class=|id=|style=|data-|<video|<audio|<source|<picture|<img|<input|<button/);
    // The words stay. (That the tables and emphasis keep their markup is checked in Chromium,
    // test/e2e/narrative-xss.test.ts: under happy-dom DOMPurify keeps too much, so the allowlist
    // check refuses its output and the words are drawn as plain text.)
    expect(narrative.textContent).toMatch(/Seen\s+today[\s\S]*HbA1c[\s\S]*one/);
  });

  it('shows a link as its words and its host, never as something to follow (attack: phishing link)', () => {
    const narrative = draw(<SanitisedNarrative html={'<div><p>Please <a href="https://nhs-login.attacker.example/verify?u=1">re-enter your smartcard PIN</a> and <a href="javascript:alert(1)">this</a></p></div>'} />).querySelector('.narrative')!;
    expect(narrative.querySelector('a, [href]')).toBeNull();
    expect(narrative.textContent).toBe('Please re-enter your smartcard PIN (link to nhs-login.attacker.example) and this');
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

/**
 * The built extension's pages have an explicit content security policy, stricter than Manifest V3's
 * default: no `unsafe-eval`, no inline script, no script from the network, no image or media from
 * the network, requests only to https (and the sandbox's loopback). Checked on the build the other
 * end-to-end tests load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/extension-browser';

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv3');
const builds = [EXTENSION_DIR, FIREFOX_DIR].filter((dir) => existsSync(join(dir, 'manifest.json')));

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));

/** A CSP's directives by name. */
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

describe('content security policy of the built extension', () => {
  it.each(builds)('%s has a strict explicit CSP and loads no remote or inline script', (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number; content_security_policy?: { extension_pages?: string } };
    expect(manifest.manifest_version).toBe(3);
    expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    const policy = directives(manifest.content_security_policy?.extension_pages ?? '');
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    // Nothing from a narrative or display string loads from the network: no tracker, no media.
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('media-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    // Requests go to https (and wss) servers, and to loopback only for the sandbox: never to any http host.
    for (const target of policy.get('connect-src') ?? []) expect(target).toMatch(/^('self'|https:|wss:|(http|ws):\/\/(127\.0\.0\.1|localhost):\*)$/);
    // Firefox's default has it; it would turn the sandbox's ws:// hub into wss:// and break it.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);

    const pages = htmlFiles(dir);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attributes, body] of scripts) {
        expect(attributes, `${page}: a script from the network`).not.toMatch(/src=["']?(https?:)?\/\//i);
        expect(body!.trim(), `${page}: an inline script, which MV3 refuses to run`).toBe('');
      }
    }
  });

  it.each(builds)('%s states its extension pages\' CSP without upgrade-insecure-requests (which breaks a ws:// hub in Firefox)', (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_security_policy?: { extension_pages?: string } };
    expect(manifest.content_security_policy?.extension_pages).toMatch(/script-src 'self'/);
    expect(manifest.content_security_policy?.extension_pages).not.toMatch(/upgrade-insecure-requests/);
  });

  it('checks at least the Chrome build', () => {
    expect(builds).toContain(EXTENSION_DIR);
  });
});

/**
 * The built extension keeps Manifest V3's strict content security policy: no `unsafe-eval`, no
 * inline script, no script from the network. Checked on the build the other end-to-end tests load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/extension-browser';

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv3');
const builds = [EXTENSION_DIR, FIREFOX_DIR].filter((dir) => existsSync(join(dir, 'manifest.json')));

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));

describe('content security policy of the built extension', () => {
  it.each(builds)('%s loosens no CSP and loads no remote or inline script', (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifest_version: number; content_security_policy?: unknown };
    expect(manifest.manifest_version).toBe(3);
    // Absent means the browser's MV3 default: script-src 'self'; object-src 'self' — the strictest it allows.
    const policies = JSON.stringify(manifest.content_security_policy ?? {});
    expect(policies).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);

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

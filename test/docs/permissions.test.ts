import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/permissions.md'), 'utf8');

interface Manifest {
  readonly permissions?: readonly string[];
  readonly optional_permissions?: readonly string[];
  readonly host_permissions?: readonly string[];
  readonly optional_host_permissions?: readonly string[];
}

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest;
  const env = { browser, manifestVersion: 3, mode: 'production', command: 'build' } as const;
  return (typeof manifest === 'function' ? await manifest(env) : manifest) as Manifest;
}

describe('docs/permissions.md', () => {
  it.each(['chrome', 'firefox'] as const)('justifies every permission the %s manifest asks for', async (browser) => {
    const manifest = await manifestFor(browser);
    const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
    expect(asked.length).toBeGreaterThan(0);
    const missing = asked.filter((permission) => !doc.includes(`\`${permission}\``));
    expect(missing, 'add a line to docs/permissions.md for each').toEqual([]);
  });

  it('asks for no blanket host access by default', async () => {
    const manifest = await manifestFor('chrome');
    expect(manifest.host_permissions ?? []).not.toContain('<all_urls>');
    expect(manifest.permissions ?? []).not.toContain('<all_urls>');
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_FIELDS } from '@/lib/config/validate-settings';
import { SOURCE_FIELDS } from '@/lib/config/validate-source';

const DOCS = resolve(import.meta.dirname, '../../docs');
const guide = readFileSync(resolve(DOCS, 'deploy.md'), 'utf8');

describe('docs/deploy.md', () => {
  it('describes every policy key and every source field', () => {
    expect(POLICY_FIELDS.filter((key) => !guide.includes(`| \`${key}\` |`))).toEqual([]);
    expect(SOURCE_FIELDS.filter((field) => !guide.includes(`\`${field}\``))).toEqual([]);
  });

  it('links every example policy file, and every link resolves', () => {
    for (const file of readdirSync(resolve(DOCS, 'policies'))) expect(guide).toContain(`(policies/${file})`);
    const links = [...guide.matchAll(/\]\(((?!https?:|#)[^)#]+)/g)].map((m) => m[1]!);
    expect(links.filter((link) => !existsSync(resolve(DOCS, link)))).toEqual([]);
  });
});

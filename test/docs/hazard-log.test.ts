/**
 * The hazard log is evidence only while the tests it names exist: each proof line names a test file
 * and a test title, and both must be there (the tests themselves run in `npm test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const log = readFileSync(resolve(ROOT, 'docs/hazard-log.md'), 'utf8');
const proofs = [...log.matchAll(/`(test\/[^`]+\.test\.tsx?)` › "([^"]+)"/g)].map(([, file, title]) => ({ file: file!, title: title! }));
const hazards = [...log.matchAll(/^## (H\d+) /gm)].map(([, id]) => id!);

describe('docs/hazard-log.md', () => {
  it('names a test for every hazard', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(8);
    for (const section of log.split(/^## /m).slice(1)) expect(section, section.split('\n')[0]).toMatch(/`test\/[^`]+` › "/);
  });

  it.each(proofs.map((p) => [`${p.file} › ${p.title}`, p] as const))('%s exists', (_name, { file, title }) => {
    const path = resolve(ROOT, file);
    expect(existsSync(path), `${file} is missing`).toBe(true);
    // The title as written in an it(...) call (a title may continue with interpolated text).
    const source = readFileSync(path, 'utf8').replace(/\\'/g, "'");
    expect(source, `${file} has no test named "${title}"`).toMatch(new RegExp(`\\bit(\\.each\\([^)]*\\))?\\(\\s*[\`'"][^\`'"]*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

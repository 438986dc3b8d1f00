/**
 * The side panel's JavaScript as built: what `sidepanel.html` loads before anything can happen
 * (its module script, modulepreloads and their static imports), and what it may load later
 * (dynamic imports), each gzipped as a store or update server would send it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Static graph of sidepanel.html, gzipped bytes. */
  readonly initialGzip: number;
  /** Chunks only reachable by dynamic import, gzipped bytes. */
  readonly lazyGzip: number;
  readonly files: readonly { readonly file: string; readonly gzip: number; readonly lazy: boolean }[];
}

const gz = (dir: string, file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** Files a chunk imports statically and dynamically (paths relative to the output folder). */
function importsOf(dir: string, file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(dir, file), 'utf8');
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const rel = (spec: string) => join(folder, spec).replace(/^\/+/, '');
  const statics = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)].map((m) => rel(m[1]!));
  const dynamics = [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => rel(m[1]!));
  return { static: statics, dynamic: dynamics };
}

/** @param outDir - the chrome-mv3 build folder */
export function sidePanelBundle(outDir: string): BundleSize {
  const html = readFileSync(join(outDir, 'sidepanel.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, isLazy: boolean) => {
    if (initial.has(file) || (isLazy && lazy.has(file))) return;
    (isLazy ? lazy : initial).add(file);
    const { static: s, dynamic: d } = importsOf(outDir, file);
    s.forEach((f) => visit(f, isLazy));
    d.forEach((f) => visit(f, true));
  };
  entries.forEach((f) => visit(f, false));
  for (const f of initial) lazy.delete(f);
  const files = [...[...initial].map((file) => ({ file, lazy: false })), ...[...lazy].map((file) => ({ file, lazy: true }))].map((f) => ({ ...f, gzip: gz(outDir, f.file) }));
  return {
    initialGzip: files.filter((f) => !f.lazy).reduce((n, f) => n + f.gzip, 0),
    lazyGzip: files.filter((f) => f.lazy).reduce((n, f) => n + f.gzip, 0),
    files,
  };
}

/** Gzipped bytes of the built files a page actually loaded (paths as `/chunks/x.js`). */
export function loadedGzip(outDir: string, paths: readonly string[]): number {
  return [...new Set(paths)].reduce((n, p) => n + gz(outDir, p.replace(/^\//, '')), 0);
}

/** axe-core accessibility checks of a panel page. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The axe-core violations in the panel's `main`, as `rule (nodes)`. */
export async function axeViolations(panel: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the extension page's CSP (rightly) refuses injected script tags.
  await panel.evaluate(readFileSync(AXE, 'utf8'));
  return panel.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector('main')!);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

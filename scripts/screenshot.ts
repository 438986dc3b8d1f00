/** A picture of the panel beside the EPR page, as a clinician sees them side by side. */
import type { BrowserContext, Page } from 'playwright-core';

/** Screenshots both pages and composes them side by side into one PNG at `path`. */
export async function screenshotSideBySide(context: BrowserContext, epr: Page, panel: Page, path: string): Promise<void> {
  const [left, right] = await Promise.all([epr.screenshot(), panel.screenshot()]);
  const canvas = await context.newPage();
  const size = epr.viewportSize() ?? { width: 1280, height: 860 };
  const panelSize = panel.viewportSize() ?? { width: 420, height: 860 };
  await canvas.setViewportSize({ width: size.width + panelSize.width + 1, height: Math.max(size.height, panelSize.height) });
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await canvas.setContent(
    `<body style="margin:0;display:flex;background:#d8dde0"><img src="${src(left)}"><div style="width:1px;background:#768692"></div><img src="${src(right)}"></body>`,
  );
  await canvas.screenshot({ path });
  await canvas.close();
}

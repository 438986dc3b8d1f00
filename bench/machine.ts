/** What the figures were measured on, recorded with them. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
}

export function describeMachine(chromePath: string): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // A missing version string does not invalidate the figures.
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `Linux ${release()}`,
    node: process.version,
    chromium,
  };
}

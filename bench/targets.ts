/** The targets of issue 8 (medians on a 2-core machine, loopback sandbox), reported, never asserted. */

export interface Target {
  /** Scenario it applies to. */
  readonly scenario: string;
  readonly metric: string;
  /** Pass when the median is at most (or, for ratios, at least) this. */
  readonly limit: number;
  readonly atLeast?: boolean;
  readonly unit: string;
}

export const TARGETS: readonly Target[] = [
  { scenario: 'huge', metric: 'cold first screen', limit: 400, unit: 'ms' },
  { scenario: 'huge', metric: 'cold complete', limit: 1500, unit: 'ms' },
  { scenario: 'huge', metric: 'warm from cache', limit: 100, unit: 'ms' },
  { scenario: 'huge', metric: 'panel heap after look-up', limit: 60, unit: 'MB' },
  { scenario: 'huge', metric: 'speed-up vs (a)', limit: 20, atLeast: true, unit: '×' },
  { scenario: 'huge', metric: 'speed-up vs (c)', limit: 1.3, atLeast: true, unit: '×' },
  { scenario: 'typical', metric: 'cold first screen', limit: 250, unit: 'ms' },
  { scenario: 'typical', metric: 'warm from cache', limit: 50, unit: 'ms' },
  { scenario: '*', metric: 'warm requests per source (max)', limit: 1, unit: '' },
  { scenario: 'switching', metric: 'switch → old patient cleared', limit: 50, unit: 'ms' },
  { scenario: 'build', metric: 'side-panel JS loaded for a look-up (gzip)', limit: 70, unit: 'KB' },
  { scenario: 'content-script', metric: 'EPR 2 (app) per burst', limit: 5, unit: 'ms' },
  { scenario: 'content-script', metric: 'EPR 1 (500-row grid added) per burst', limit: 5, unit: 'ms' },
  { scenario: 'content-script', metric: 'EPR 1 (500-row grid removed) per burst', limit: 5, unit: 'ms' },
];

/** The target for a row, if any. */
export function targetFor(scenario: string, metric: string): Target | undefined {
  return TARGETS.find((t) => (t.scenario === scenario || t.scenario === '*') && t.metric === metric);
}

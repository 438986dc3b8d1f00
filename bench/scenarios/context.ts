/** What every scenario gets: the browser, the sandbox, tokens for the baselines, how many runs. */
import type { Sandbox } from '../../sandbox/world';
import type { BenchBrowser } from '../browser';
import type { ResultRow } from '../report';

export interface ScenarioContext {
  readonly bench: BenchBrowser;
  readonly world: Sandbox;
  /** FHIR base per source id. */
  readonly bases: Readonly<Record<string, string>>;
  /** Scripted sign-in tokens per source id, for the baselines. */
  readonly tokens: Readonly<Record<string, string>>;
  readonly runs: number;
  readonly smoke: boolean;
  /** Built extension folder (for the JS the panel loaded). */
  readonly outDir: string;
  readonly log: (line: string) => void;
}

export interface ScenarioResult {
  readonly rows: ResultRow[];
  /** Every run's raw figures, for the JSON file. */
  readonly raw: unknown;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Part of the smoke run. */
  readonly smoke: boolean;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

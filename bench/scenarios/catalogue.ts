/** Every scenario of `npm run bench`, in the order they run. */
import { SOURCE_LIMIT_DEFAULTS } from '../../lib/sources/source-config';
import { setObservationHorizon } from '../browser';
import type { Pattern } from '../baselines/run-baseline';
import { baselines } from './baseline-rows';
import { contentScript } from './content-script';
import type { Scenario, ScenarioContext } from './context';
import { coldThenWarm, type ColdRun, type WarmRun } from './lookup';
import { lookupRows } from './lookup-rows';
import { switching } from './switching';
import { ROSTER } from '../../sandbox/data/roster';
import type { LinkShape } from '../../sandbox/link-shaper';
import type { ShapedLink } from '../../sandbox/world';
import { describeLinks, WAN_LINKS } from '../wan-links';
import { recordRounds } from './record-rounds';
import { coldTimeline, wanRows } from './wan-rows';

async function lookups(ctx: ScenarioContext, name: string, key: string): Promise<{ cold: ColdRun[]; warm: WarmRun[] }> {
  const url = `${ctx.world.urls.epr1}/patient/${key}`;
  const cold: ColdRun[] = [];
  const warm: WarmRun[] = [];
  // One unmeasured look-up first: the sandbox keeps recent search results (as a real server's
  // caches would) and the browser compiles the panel's code; the baselines then meet the same.
  if (!ctx.smoke) await coldThenWarm(ctx.bench, url, { ...ctx.bases });
  for (let i = 0; i < ctx.runs; i++) {
    const run = await coldThenWarm(ctx.bench, url, { ...ctx.bases });
    cold.push(run.cold);
    warm.push(run.warm);
    ctx.log(`  ${name} ${i + 1}/${ctx.runs}: first screen ${run.cold.firstScreenMs?.toFixed(0)} ms, complete ${run.cold.completeMs?.toFixed(0)} ms, warm ${run.warm.cacheRenderedMs?.toFixed(0)} ms`);
  }
  return { cold, warm };
}

interface LookupOptions {
  readonly smoke: boolean;
  readonly patterns?: readonly Pattern[];
  readonly smokePatterns?: readonly Pattern[];
  readonly horizonDays?: number;
  /** The old uniform hold on every FHIR answer. */
  readonly latencyMs?: number;
  /** Wide-area links in front of the sandbox for ours and the baselines alike, with the floor beside. */
  readonly wan?: Readonly<Record<ShapedLink, LinkShape>>;
}

function lookupScenario(name: string, description: string, key: string, options: LookupOptions): Scenario {
  return {
    name,
    description: options.wan ? `${description}; ${describeLinks(options.wan)}` : description,
    smoke: options.smoke,
    async run(ctx) {
      if (options.horizonDays !== undefined) await setObservationHorizon(ctx.bench, options.horizonDays);
      if (options.latencyMs) ctx.world.setLatency(options.latencyMs);
      // Counted on loopback before the links go in: the servers' own totals, not a timing.
      const rounds = options.wan ? await recordRounds(ROSTER.find((p) => p.key === key)!.nhsNumber, ctx.tokens, options.horizonDays) : undefined;
      if (options.wan) {
        ctx.world.setShaping(options.wan);
        ctx.world.takeServed();
      }
      try {
        const { cold, warm } = await lookups(ctx, name, key);
        const patterns = (ctx.smoke ? options.smokePatterns : options.patterns) ?? [];
        const base = await baselines(ctx, name, key, patterns, cold, options.horizonDays);
        const rows = [...lookupRows(name, cold, warm), ...base.rows];
        const raw = { cold, warm, baselines: base.raw };
        if (!options.wan || !rounds) return { rows, raw };
        const served = ctx.world.takeServed();
        const wan = wanRows(name, rows, { links: options.wan, rounds, served, cold, ...(base.raw['c'] ? { baselineC: base.raw['c'] } : {}) });
        return { rows: wan.rows, raw: { ...raw, links: options.wan, rounds, floor: wan.floor, firstColdTimeline: coldTimeline(served, cold[0]) } };
      } finally {
        if (options.wan) ctx.world.setShaping({});
        if (options.latencyMs) ctx.world.setLatency(0);
        if (options.horizonDays !== undefined) await setObservationHorizon(ctx.bench, undefined);
      }
    },
  };
}

/** The product default, stated with every figure. */
export const DEFAULT_HORIZON_DAYS = SOURCE_LIMIT_DEFAULTS.observationHorizonDays;
/** "No horizon": the largest the configuration accepts, a century. */
export const NO_HORIZON_DAYS = 36_500;

export const SCENARIOS: readonly Scenario[] = [
  lookupScenario('typical', 'p11 Fatima Ahmed: three sources, a few hundred resources', 'p11', { smoke: true, patterns: ['a', 'b', 'c'] }),
  lookupScenario('huge', 'p10 George Taylor: two sources, 13,000 Observations in acute', 'p10', { smoke: true, patterns: ['a', 'b', 'c'], smokePatterns: ['c'] }),
  lookupScenario('huge-no-horizon', 'p10 with no Observation horizon (every result since 2008)', 'p10', { smoke: false, patterns: ['a', 'b', 'c'], horizonDays: NO_HORIZON_DAYS }),
  lookupScenario('one-source', 'p08 Piotr Nowak: known to the GP practice only', 'p08', { smoke: false }),
  lookupScenario('latency', 'p11 with 100 ms added to every FHIR answer', 'p11', { smoke: false, patterns: ['a', 'c'], latencyMs: 100 }),
  lookupScenario('wan-typical', 'p11 Fatima Ahmed over a WAN', 'p11', { smoke: true, patterns: ['a', 'b', 'c'], smokePatterns: [], wan: WAN_LINKS }),
  lookupScenario('wan-huge', 'p10 George Taylor over a WAN', 'p10', { smoke: false, patterns: ['b', 'c'], wan: WAN_LINKS }),
  switching,
  contentScript,
];

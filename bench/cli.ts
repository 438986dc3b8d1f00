/** `npm run bench` arguments: how many runs, which scenarios, smoke mode, whether to build. */

export interface BenchArgs {
  /** Runs per scenario (median and spread need at least 5). */
  readonly runs: number;
  /** Only these scenarios (by name); all when empty. */
  readonly scenarios: readonly string[];
  /** One run of a small set, cheap enough for `npm test`. */
  readonly smoke: boolean;
  /** Use the existing .output build (only when the caller built it inside the same lock). */
  readonly build: boolean;
}

const USAGE = 'usage: npm run bench -- [--runs N] [--scenario NAME[,NAME]] [--smoke] [--no-build]';

/** Parses `process.argv.slice(2)`; throws with the usage line on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let runs: number | undefined;
  const scenarios: string[] = [];
  let smoke = false;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) as [string, string] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--runs') runs = Number(value());
    else if (flag === '--scenario') scenarios.push(...value().split(',').filter(Boolean));
    else if (flag === '--smoke') smoke = true;
    else if (flag === '--no-build') build = false;
    else throw new Error(`Unknown argument ${arg}\n${USAGE}`);
  }
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs must be a whole number ≥ 1\n${USAGE}`);
  return { runs: runs ?? (smoke ? 1 : 5), scenarios, smoke, build };
}

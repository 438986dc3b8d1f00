import { startSandbox } from '../../sandbox/world';

const STRICT = { gp: 'strict-standard', acute: 'strict-standard', mh: 'strict-standard' } as const;

/**
 * Starts the sandbox world once for every end-to-end test file, and stops it after. Every source
 * starts as the plain engine (`strict-standard`): a test about other servers' manners switches a
 * source's profile itself (test/e2e/server-profiles.test.ts) and puts it back.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const world = await startSandbox({ log: () => {}, profiles: STRICT });
  return () => world.close();
}

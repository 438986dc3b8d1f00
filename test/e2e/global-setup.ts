import { startSandbox } from '../../sandbox/world';

/** Starts the sandbox world once for every end-to-end test file, and stops it after. */
export default async function setup(): Promise<() => Promise<void>> {
  const world = await startSandbox({ log: () => {} });
  return () => world.close();
}

/**
 * Which build this is. The sandbox world (loopback sources, demo EPR rules, the demo FHIRcast topic)
 * is built in only where a developer or a test asks for it: `wxt build --mode demo` (npm start, the
 * end-to-end tests, the bench), `wxt` (development) and vitest. `npm run build` and `npm run zip`
 * build in production mode, which carries none of it: on a shared terminal server any user could
 * bind the loopback ports the demo trusts (docs/hazard-log.md, demo configuration in production).
 */

/** True in a demo, development or unit-test build; false in production (and any mode not named here). */
export const DEMO_BUILD: boolean =
  import.meta.env.MODE === 'demo' || import.meta.env.MODE === 'development' || import.meta.env.MODE === 'test';

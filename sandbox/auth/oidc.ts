/**
 * oidc-provider, loaded once. Version 9 prints "Unsupported runtime" on any Node release before
 * 22, although what it uses is in Node 20.19 (this project's engines floor, exercised by the auth
 * tests); left alone, that warning would open every sandbox start and test run. Only that one
 * line is held back, and only while the package loads.
 */
import type * as OidcProvider from 'oidc-provider';

const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
};
let oidc: typeof OidcProvider;
try {
  oidc = await import('oidc-provider');
} finally {
  console.warn = warn;
}

export const { Provider, errors, interactionPolicy } = oidc;

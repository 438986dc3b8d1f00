/**
 * The product's build, unminified, in its own folder: CPU profiles of the panel then name real
 * functions and files. Used by `bench/profile.ts` only; never shipped.
 */
import { defineConfig } from 'wxt';
import base from '../wxt.config';

export default defineConfig({
  ...base,
  outDir: '.output/profile',
  vite: async (env) => {
    const own = typeof base.vite === 'function' ? await base.vite(env) : {};
    return { ...own, build: { ...own.build, minify: false } };
  },
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';

/**
 * Development public key: pins the Chrome extension id (dcmajbkhnbfbcghanpbaljfdcoiclegh) so the
 * OAuth redirect URL `https://<id>.chromiumapp.org/` registered with the sandbox never changes.
 * Store and self-hosted CRX builds are signed with the trust's own key instead (docs/deploy.md).
 */
const DEV_MANIFEST_KEY = readFileSync(new URL('./public/dev-key.pub.txt', import.meta.url), 'utf8').trim();

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'fhirside',
    description: 'A consolidated patient summary from every configured SMART-on-FHIR source, beside the EPR.',
    // Permissions, each justified in docs/permissions.md.
    permissions: ['storage', 'identity', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Open fhirside' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'fhirside@fhirside.nhs.example', strict_min_version: '115.0' } } }
      : { key: DEV_MANIFEST_KEY }),
  }),
});

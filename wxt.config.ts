import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Development public key: pins the Chrome extension id (dcmajbkhnbfbcghanpbaljfdcoiclegh) so the
 * OAuth redirect URL `https://<id>.chromiumapp.org/` registered with the sandbox never changes.
 * Store and self-hosted CRX builds are signed with the trust's own key instead.
 */
const DEV_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvkRuwH1PiTmgx+YHgOyDO1Obda/4mj2+m4T+OONIoFErhZXe6T2VjVlYJHm9TvMiNIJkVuYlLxRgReWyZM8W0O11p2+JtU6Np+1enZBBWU/Bvqn1R1fbfZjNI//qVUYYS+BRYxNLDIggtLwIhyBF9x2JWToyhyp7gDjzwgIwYywq2EUa9P6rQnZWz3P5xPMEK6z6UiFYLmQ7AwRFk0K+4oGsOx04RIPbdksk9McSner4xrOAvFSXOWpP7/miqyiZbe6WZAAjrue4wCcIUmomCAWZR9veensARFz7e9Lrm6PAZ7NRDK/po6l4GzgDYdjc+pAa441j17PWQ0ecCBrtQwIDAQAB';

/**
 * A trust's own package: FHIRSIDE_MANIFEST_KEY is the public key of the trust's CRX signing key
 * (so the id is the same unpacked and packed), or `none` for a store upload (the store sets the
 * id). FHIRSIDE_HOSTS lists match patterns (EPR sites, FHIR servers) granted at install, so a
 * force-installed copy works without each clinician granting them. docs/deploy.md, docs/permissions.md.
 */
/**
 * The extension pages' CSP, stated rather than left to each browser's default: Firefox's MV3 default
 * adds `upgrade-insecure-requests`, which turns a loopback `ws://` FHIRcast hub (and any http://
 * sandbox source) into wss:// / https:// and so never connects. No upgrade directive here; scripts
 * only from the extension itself, as MV3 requires.
 */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

const manifestKey = process.env['FHIRSIDE_MANIFEST_KEY'] ?? DEV_MANIFEST_KEY;
const installHosts = (process.env['FHIRSIDE_HOSTS'] ?? '').split(',').map((host) => host.trim()).filter(Boolean);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Dexie's entry for bundlers wraps its ES5 UMD build; its modern ES module build is the same
    // library and version, 1.6 KB smaller gzipped in the panel, for browsers we support anyway.
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  }),
  manifest: ({ browser }) => ({
    name: 'fhirside',
    description: 'A consolidated patient summary from every configured SMART-on-FHIR source, beside the EPR.',
    // storage: session tokens and settings; identity: SMART sign-in window; tabs: follow the EPR tab;
    // scripting: the context script is registered for the configured EPR sites only; contextMenus:
    // "Look up NHS number …"; alarms: wake the worker that holds a FHIRcast subscription.
    permissions: ['storage', 'identity', 'tabs', 'scripting', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // EPR sites beyond the demo ones are asked for when configured (or allowed by policy).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // An EPR opens the SMART EHR launch page in a new tab: the page must be reachable from it.
    web_accessible_resources: [{ resources: ['launch.html'], matches: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] }],
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the fhirside panel',
      },
    },
    action: { default_title: 'Open fhirside' },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(installHosts.length > 0 && { host_permissions: installHosts }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'fhirside@fhirside.nhs.example',
              // 140 (an ESR): optional host permissions (128) and the built-in data consent (140).
              strict_min_version: '140.0',
              // What leaves the browser, and only to the servers the trust configures: the NHS number
              // read from the EPR page (a search parameter), sign-in to each source, and, where policy
              // sets an audit endpoint, which patient was looked at.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'healthInfo', 'websiteContent', 'authenticationInfo'] },
            },
          },
        }
      : {
          ...(manifestKey !== 'none' && { key: manifestKey }),
          // Chrome and Edge validate 3rdparty policy against this (generated: npm run schema).
          // Firefox takes the same values from policies.json without a schema.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});

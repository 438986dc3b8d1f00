import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { extensionPagesCsp } from './lib/platform/extension-pages-csp';

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
const manifestKey = process.env['FHIRSIDE_MANIFEST_KEY'] ?? DEV_MANIFEST_KEY;
const installHosts = (process.env['FHIRSIDE_HOSTS'] ?? '').split(',').map((host) => host.trim()).filter(Boolean);

/**
 * The sandbox world on loopback, for the demo build only (`wxt build --mode demo`: npm start, the
 * tests, the bench; lib/config/build-mode.ts). A production build (`npm run build`, `npm run zip`)
 * holds no loopback access: on a shared terminal server any user can bind those ports.
 */
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];
const hostsAtInstall = (mode: string) => [...(mode === 'demo' ? LOOPBACK : []), ...installHosts];

/**
 * Pages that may open the SMART EHR launch page. The manifest is fixed at build time and the EPR
 * sites come from policy at run time, so the launch page checks the tab that opened it against the
 * rules and policy `launchOrigins` itself (lib/context/launch-origin.ts); a trust building its own
 * package narrows the manifest too with FHIRSIDE_LAUNCH_ORIGINS (match patterns of its EPRs). The
 * demo build: the sandbox EPRs' loopback hosts only. Chrome's `use_dynamic_url` is not used: the
 * EPR opens the launch page by its fixed URL, which a per-session id would break.
 */
const launchOrigins = (process.env['FHIRSIDE_LAUNCH_ORIGINS'] ?? '').split(',').map((site) => site.trim()).filter(Boolean);
const launchSites = (mode: string) => (launchOrigins.length > 0 ? launchOrigins : mode === 'demo' ? LOOPBACK : ['https://*/*']);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, mode }) => ({
    name: 'fhirside',
    description: 'A consolidated patient summary from every configured SMART-on-FHIR source, beside the EPR.',
    // storage: session tokens and settings; identity: SMART sign-in window; tabs: follow the EPR tab;
    // scripting: the context script is registered for the configured EPR sites only; contextMenus:
    // "Look up NHS number …"; alarms: wake the worker that holds a FHIRcast subscription;
    // declarativeNetRequestWithHostAccess: redirect the launch URL to the launch page, only where
    // fhirside already has host access (no new warning; lib/context/launch-redirect.ts).
    permissions: ['storage', 'identity', 'tabs', 'scripting', 'contextMenus', 'alarms', 'declarativeNetRequestWithHostAccess', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // EPR sites beyond the demo ones are asked for when configured (or allowed by policy).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // An EPR opens the SMART EHR launch page in a new tab, by the launch URL that is redirected here
    // (both browsers follow a redirect to an extension page only when it is web accessible).
    web_accessible_resources: [{ resources: ['launch.html'], matches: launchSites(mode) }],
    commands: {
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the fhirside panel',
      },
    },
    action: { default_title: 'Open fhirside' },
    // Loopback is reachable only from the demo build's pages (lib/platform/extension-pages-csp.ts says
    // what each directive is for).
    content_security_policy: { extension_pages: extensionPagesCsp(mode === 'demo') },
    ...(hostsAtInstall(mode).length > 0 && { host_permissions: hostsAtInstall(mode) }),
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

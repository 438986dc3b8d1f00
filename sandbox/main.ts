/**
 * `npm run sandbox`: the dev and demo world on loopback. Prints one line per server, then
 * `sandbox ready` once every one of them answers; Ctrl-C stops it cleanly.
 */
import { SOURCES, type SourceId } from './config';
import { readBundleArg } from './bundle-files';
import { FAULT_MODES, type Fault, type FaultMode } from './fhir/faults';
import { PORT_ENV, startSandbox, type ShapedLink } from './world';
import type { LinkShape } from './link-shaper';
import { DEFAULT_PROFILES, PROFILE_NAMES, rulesOf } from './fhir/profiles/named';
import { RULE_NAMES } from './fhir/profiles/rules';

const USAGE = `Usage: npm run sandbox -- [--open=<source>[,<source>...]] [--fault=<source>:<mode>[,...]] [--load <source>=<bundle.json>]... [--profiles <source>=<profile>[,...]] [--wan=<link>:<rtt ms>:<Mbit/s>[,...]] [--help]

Starts the SMART authorization server, the FHIR sources (${SOURCES.map((s) => s.id).join(', ')})
and the two demo EPR sites on 127.0.0.1.

  --open=<sources>  serve these FHIR sources without a token (comma-separated ids)
  --fault=<s>:<m>   make source <s> misbehave from the start; modes: ${FAULT_MODES.filter((m) => m !== 'none').join(', ')}
                    (switch later with POST http://127.0.0.1:8199/sources/<s>/fault {"mode": "<m>"})
  --load <s>=<file> source <s> also holds the resources of this FHIR Bundle (transaction, batch, document
                    or collection; references to entries' fullUrls become Type/id); repeatable, and also
                    read from FHIRSIDE_LOAD="<s>=<file>,<s>=<file>". Its Patient needs an NHS number
                    identifier (https://fhir.nhs.uk/Id/nhs-number) for an EPR page to name it.
                    (later: POST http://127.0.0.1:8199/sources/<s>/bundle with the Bundle as the body)
  --profiles <s>=<p>[,...]  how each source behaves: ${PROFILE_NAMES.join(', ')}, or rules joined by +
                    (${RULE_NAMES.join(', ')}); default ${Object.entries(DEFAULT_PROFILES).map(([k, v]) => `${k}=${v}`).join(',')}
                    (switch later with POST http://127.0.0.1:8199/sources/<s>/profile {"profile": "<p>"})
  --wan=<l>:<r>:<b> put a wide-area link in front of a server: <r> ms round trip, <b> Mbit/s shared by its
                    answers, gzip (sandbox/link-shaper.ts); links are the sources and auth, e.g.
                    --wan=gp:30:20,acute:60:20,mh:120:20 (the bench's WAN scenarios)
  --help            show this text

Ports: ${Object.values(PORT_ENV).join(', ')}; FHIRSIDE_TOKEN_TTL sets the access-token lifetime (seconds).`;

function parseProfiles(list: string, known: ReadonlySet<string>, into: Partial<Record<SourceId, string>>): void {
  for (const pair of list.split(',').filter(Boolean)) {
    const [id = '', spec = ''] = pair.split('=');
    if (!known.has(id)) throw new Error(`Unknown source "${id}" in --profiles; sources are ${[...known].join(', ')}.`);
    rulesOf(spec);
    into[id as SourceId] = spec;
  }
}

interface SandboxArgs {
  readonly help: boolean;
  readonly open: SourceId[];
  readonly faults: Partial<Record<SourceId, Fault>>;
  readonly bundles: ReturnType<typeof readBundleArg>[];
  readonly profiles: Partial<Record<SourceId, string>>;
  readonly wan: Partial<Record<ShapedLink, LinkShape>>;
}

function parseWan(list: string, known: ReadonlySet<string>, into: Partial<Record<ShapedLink, LinkShape>>): void {
  for (const triple of list.split(',').filter(Boolean)) {
    const [id = '', rtt = '', rate = ''] = triple.split(':');
    if (id !== 'auth' && !known.has(id)) throw new Error(`Unknown link "${id}" in --wan; links are ${[...known, 'auth'].join(', ')}.`);
    const rttMs = Number(rtt);
    const mbitPerS = Number(rate);
    if (!(rttMs >= 0) || !(mbitPerS > 0)) throw new Error(`--wan needs <link>:<rtt ms>:<Mbit/s>, e.g. gp:30:20; got "${triple}".`);
    into[id as ShapedLink] = { rttMs, mbitPerS };
  }
}

function parseArgs(args: readonly string[]): SandboxArgs {
  const known = new Set<string>(SOURCES.map((s) => s.id));
  let help = false;
  const open: SourceId[] = [];
  const faults: Partial<Record<SourceId, Fault>> = {};
  const profiles: Partial<Record<SourceId, string>> = {};
  const wan: Partial<Record<ShapedLink, LinkShape>> = {};
  const loads = (process.env['FHIRSIDE_LOAD'] ?? '').split(',').filter(Boolean);
  const rest = [...args];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (arg === '--load' || arg.startsWith('--load=')) {
      const value = arg === '--load' ? rest.shift() : arg.slice('--load='.length);
      if (!value) throw new Error('--load needs <source>=<bundle.json>.');
      loads.push(value);
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else if (arg.startsWith('--open=')) {
      for (const id of arg.slice('--open='.length).split(',').filter(Boolean)) {
        if (!known.has(id)) throw new Error(`Unknown source "${id}" in --open; sources are ${[...known].join(', ')}.`);
        open.push(id as SourceId);
      }
    } else if (arg.startsWith('--fault=')) {
      for (const pair of arg.slice('--fault='.length).split(',').filter(Boolean)) {
        const [id = '', mode = ''] = pair.split(':');
        if (!known.has(id)) throw new Error(`Unknown source "${id}" in --fault; sources are ${[...known].join(', ')}.`);
        if (!FAULT_MODES.includes(mode as FaultMode)) throw new Error(`Unknown fault "${mode}"; modes are ${FAULT_MODES.join(', ')}.`);
        faults[id as SourceId] = { mode: mode as FaultMode };
      }
    } else if (arg.startsWith('--wan=')) {
      parseWan(arg.slice('--wan='.length), known, wan);
    } else if (arg === '--profiles' || arg.startsWith('--profiles=')) {
      parseProfiles(arg === '--profiles' ? (rest.shift() ?? '') : arg.slice('--profiles='.length), known, profiles);
    } else {
      throw new Error(`Unknown argument "${arg}".`);
    }
  }
  return { help, open, faults, profiles, wan, bundles: loads.map((value) => readBundleArg(value, known)) };
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message} Run with --help for usage.`);
    process.exit(2);
  }
  const { help, open, faults, bundles, profiles, wan } = args;
  if (help) {
    console.log(USAGE);
    return;
  }
  const world = await startSandbox({ openSources: open, faults, bundles, profiles, log: (line) => console.log(line) });
  for (const { source, file } of bundles) console.log(`load   ${file} into ${source}`);
  world.setShaping(wan);
  for (const [id, link] of Object.entries(wan)) console.log(`wan    ${id} ${link.rttMs} ms round trip, ${link.mbitPerS} Mbit/s`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    world.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log('sandbox ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

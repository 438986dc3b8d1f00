/**
 * The wide-area links of the WAN scenarios: where clinicians are, each source is somewhere else.
 * Round trips as measured from a hospital desk over HSCN: the GP practice's system in a nearby
 * data centre, the acute trust's across the region, the mental-health trust's behind a slower
 * link; 20 Mbit/s is a modest share of a site's link. The authorization server is shaped too, as
 * a national identity service would be, though a look-up with a live token never reaches it.
 */
import type { LinkShape } from '../sandbox/link-shaper';
import type { ShapedLink } from '../sandbox/world';

export const WAN_LINKS: Readonly<Record<ShapedLink, LinkShape>> = {
  gp: { rttMs: 30, mbitPerS: 20 },
  acute: { rttMs: 60, mbitPerS: 20 },
  mh: { rttMs: 120, mbitPerS: 20 },
  auth: { rttMs: 30, mbitPerS: 20 },
};

/** `gp 30 ms / acute 60 ms / mh 120 ms RTT, 20 Mbit/s` for a scenario's description. */
export function describeLinks(links: Readonly<Partial<Record<ShapedLink, LinkShape>>>): string {
  const entries = Object.entries(links).filter(([id]) => id !== 'auth');
  const rates = [...new Set(entries.map(([, l]) => l.mbitPerS))];
  return `${entries.map(([id, l]) => `${id} ${l.rttMs} ms`).join(' / ')} RTT, ${rates.join('/')} Mbit/s, gzip`;
}

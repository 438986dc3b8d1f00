/**
 * The physical floor of a look-up over a shaped WAN: what no client, however clever, could beat
 * against these servers on these links.
 *
 * For one source: RTT × the fewest sequential rounds its record needs + the server's own time for
 * the record + the record's bytes at the link's bandwidth. For a look-up: the slowest source's
 * floor, since the sources are asked side by side.
 *
 * Fewest sequential rounds: one round can carry the patient search and every search's first page
 * (one batch whose entries search by `patient.identifier=<system>|<nhs>`, chained); each further
 * page of the longest series is one more round, because `next` links are opaque and can only be
 * followed one after another. A source that does not know the patient still costs its one round.
 * The token round is not counted: the clinician signs in once at the start of a shift and the
 * access token lives in memory, so a look-up reaches the token endpoint only to refresh an expired
 * token, which no measured look-up does (the bench checks the auth server saw no request).
 * The capability statement is not counted either: it can travel beside the first round.
 *
 * Server time and bytes are those of our own cold look-ups (medians): the server's work and the
 * bytes for the requests the product makes; transfer follows the server's time because the
 * sandbox, like most FHIR servers, builds a Bundle before it sends it. Transfer is added whole:
 * a client that asks for the next page from a page's head overlaps them, so a paged record's
 * floor is high by up to all but its last page's transfer. The parts are kept to say so.
 */

export interface SourceFloorInput {
  readonly rttMs: number;
  readonly mbitPerS: number;
  /** Fewest sequential rounds (see fewestRounds). */
  readonly rounds: number;
  /** The server's busy time for the record, ms. */
  readonly serverMs: number;
  /** Bytes of the record on the wire. */
  readonly bytes: number;
}

export interface SourceFloor extends SourceFloorInput {
  readonly transferMs: number;
  readonly floorMs: number;
}

/** One source's floor, with its parts. */
export function sourceFloor(input: SourceFloorInput): SourceFloor {
  const transferMs = (input.bytes * 8) / (input.mbitPerS * 1000);
  return { ...input, transferMs, floorMs: input.rttMs * input.rounds + input.serverMs + transferMs };
}

export interface LookupFloor {
  readonly floorMs: number;
  /** The source whose floor is the look-up's. */
  readonly slowest: string;
  readonly sources: Readonly<Record<string, SourceFloor>>;
}

/** The look-up's floor: the slowest source's. @throws Error when there is no source */
export function lookupFloor(sources: Readonly<Record<string, SourceFloorInput>>): LookupFloor {
  const floors = Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, sourceFloor(s)]));
  const slowest = Object.entries(floors).sort((a, b) => b[1].floorMs - a[1].floorMs)[0];
  if (!slowest) throw new Error('a look-up floor needs at least one source');
  return { floorMs: slowest[1].floorMs, slowest: slowest[0], sources: floors };
}

/**
 * Fewest sequential rounds for one source's record.
 * @param totals - how many matches each of the record's searches has (empty: patient not known there)
 * @param maxPageSize - the largest page the server gives
 */
export function fewestRounds(totals: readonly number[], maxPageSize: number): number {
  const extraPages = totals.map((t) => Math.max(0, Math.ceil(t / maxPageSize) - 1));
  return 1 + Math.max(0, ...extraPages);
}

/** `acute 60×7 + 180 + 2,400 = 3,000 ms` for a table note. */
export function describeFloor(id: string, f: SourceFloor): string {
  const r = (v: number) => Math.round(v).toLocaleString('en-GB');
  return `${id} ${f.rttMs}×${f.rounds} + ${r(f.serverMs)} + ${r(f.transferMs)} = ${r(f.floorMs)} ms`;
}

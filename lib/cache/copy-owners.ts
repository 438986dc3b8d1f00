/**
 * Whose a saved copy is. Clinicians share workstations (generic logins, tap-and-go smartcards,
 * Citrix sessions): a copy fetched under Dr A's sign-in must never be drawn for Dr B, nor for
 * anyone once Dr A has signed out. Each copy records, for every source it came from, who was
 * signed in there; it is drawn only while that same user holds a session at every one of them.
 */

/** For each source a saved copy came from: the user signed in there when it was fetched. */
export type CopyOwners = Readonly<Record<string, string>>;

/** A saved summary with the users it belongs to, sealed together. */
export interface OwnedCopy<T> {
  readonly summary: T;
  readonly owners: CopyOwners;
}

export type CopyAccess =
  /** Every source it came from has a session of the user who fetched it. */
  | { readonly kind: 'shown' }
  /** Its user is not signed in to these sources (yet): not drawn until they are. */
  | { readonly kind: 'withheld'; readonly sources: readonly string[] }
  /** Another user is signed in to one of its sources, or it names no owner: never drawn. */
  | { readonly kind: 'not-yours' };

/**
 * Whether a saved copy may be drawn for the users signed in now.
 * @param users - per source, the user holding a session there now (undefined: none)
 */
export function copyAccess(owners: CopyOwners | undefined, users: Readonly<Record<string, string | undefined>>): CopyAccess {
  if (!owners || Object.keys(owners).length === 0) return { kind: 'not-yours' };
  const withheld: string[] = [];
  for (const [sourceId, owner] of Object.entries(owners)) {
    const user = users[sourceId];
    if (user === undefined) withheld.push(sourceId);
    else if (user !== owner) return { kind: 'not-yours' };
  }
  return withheld.length > 0 ? { kind: 'withheld', sources: withheld } : { kind: 'shown' };
}

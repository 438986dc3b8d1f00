import { describe, expect, it } from 'vitest';
import { copyAccess } from '@/lib/cache/copy-owners';

const A = 'https://auth.example Practitioner/a';
const B = 'https://auth.example Practitioner/b';

describe('whose a saved copy is', () => {
  it('is drawn while its user holds a session at every source it came from', () => {
    expect(copyAccess({ gp: A, acute: A }, { gp: A, acute: A, mh: undefined })).toEqual({ kind: 'shown' });
  });

  it('is withheld, naming the sources, while its user is not signed in to all of them', () => {
    expect(copyAccess({ gp: A, mh: A }, { gp: A, mh: undefined })).toEqual({ kind: 'withheld', sources: ['mh'] });
    expect(copyAccess({ gp: A }, {})).toEqual({ kind: 'withheld', sources: ['gp'] });
  });

  it('is never drawn for another user, even one signed in to every source', () => {
    expect(copyAccess({ gp: A, acute: A }, { gp: B, acute: B })).toEqual({ kind: 'not-yours' });
    expect(copyAccess({ gp: A, acute: A }, { gp: A, acute: B })).toEqual({ kind: 'not-yours' });
  });

  it('is never drawn when it names no owner (saved before copies were owned)', () => {
    expect(copyAccess(undefined, { gp: A })).toEqual({ kind: 'not-yours' });
    expect(copyAccess({}, { gp: A })).toEqual({ kind: 'not-yours' });
  });
});

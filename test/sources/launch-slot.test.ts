import { describe, expect, it } from 'vitest';
import { memoryStore } from '@/lib/sources/key-value-store';
import { dropLaunchSession, launchSlot, settleLaunchSession } from '@/lib/sources/launch-slot';
import { storedState } from '@/lib/sources/smart-storage';
import type { SourceConfig } from '@/lib/sources/source-config';

const ACUTE: SourceConfig = { id: 'acute', name: 'Acute', fhirBaseUrl: 'https://fhir.acute.example/r4', auth: 'smart', clientId: 'fhirside', identifierSystems: [], pageSize: 100, timeoutMs: 15_000 };

/** A signed-in slot as fhirclient leaves it: SMART_KEY names the state key. */
async function signedIn(store: ReturnType<typeof memoryStore>, slot: string, token: string) {
  await store.set(`smart:${slot}:SMART_KEY`, 'k1');
  await store.set(`smart:${slot}:k1`, { serverUrl: ACUTE.fhirBaseUrl, tokenResponse: { access_token: token } });
}

describe('the EHR launch session slot', () => {
  it('is not the source\'s own slot, nor any source\'s', () => {
    expect(launchSlot(ACUTE).id).not.toBe('acute');
    expect(launchSlot(ACUTE).id).not.toMatch(/^[a-z0-9-]+$/);
  });

  it('never replaces the standing session of the source', async () => {
    const store = memoryStore();
    await signedIn(store, 'acute', 'standing');
    await signedIn(store, launchSlot(ACUTE).id, 'launch');
    await settleLaunchSession(store, ACUTE);
    expect((await storedState(store, 'acute'))?.tokenResponse?.access_token).toBe('standing');
    expect(await storedState(store, launchSlot(ACUTE).id)).toBeUndefined();
  });

  it('becomes the source\'s session where it had none', async () => {
    const store = memoryStore();
    await signedIn(store, launchSlot(ACUTE).id, 'launch');
    await settleLaunchSession(store, ACUTE);
    expect((await storedState(store, 'acute'))?.tokenResponse?.access_token).toBe('launch');
    expect(await storedState(store, launchSlot(ACUTE).id)).toBeUndefined();
  });

  it('an unconfirmed launch is forgotten without touching the source', async () => {
    const store = memoryStore();
    await signedIn(store, 'acute', 'standing');
    await signedIn(store, launchSlot(ACUTE).id, 'launch');
    await dropLaunchSession(store, ACUTE);
    expect(await store.keys()).toEqual(['smart:acute:SMART_KEY', 'smart:acute:k1']);
  });
});

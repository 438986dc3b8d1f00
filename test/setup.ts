// Every unit test gets a real IndexedDB implementation in memory and a fresh fake browser.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

// The clinician's settings database starts empty in every test, like the fake browser's storage.
beforeEach(async () => {
  await new Promise((resolve, reject) => {
    const deleting = indexedDB.deleteDatabase('fhirside-settings');
    deleting.onsuccess = resolve;
    deleting.onerror = () => reject(deleting.error);
  });
});

// fhirclient falls back to isomorphic-webcrypto where `globalThis.crypto` is missing; every
// context fhirside runs in has WebCrypto, so the fallback is replaced by the platform's own.
export default globalThis.crypto;

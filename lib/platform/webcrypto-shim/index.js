// See package.json: the platform's own WebCrypto, in the shape fhirclient expects.
module.exports = { default: globalThis.crypto };

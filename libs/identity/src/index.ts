export * from './enrollment-token.js';
export * from './pki-layout.js';
export * from './admission-proof.js';
export * from './signed-request.js';

export * from './errors.js';
export * from './pki.js';
export * from './signature.js';
export * from './e2e.js';
export * from './pem.js';

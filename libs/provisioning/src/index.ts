export * from './pki-bootstrap.js';
export * from './provision.js';

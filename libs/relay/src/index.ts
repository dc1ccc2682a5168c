export * from './ports.js';
export * from './envelope-codec.js';
export * from './checks.js';
export * from './hub-verifier.js';
export * from './sender.js';
export * from './receiver.js';
export * from './trust.js';
export * from './stamp.js';

export * from './channel.js';
export * from './codec.js';
export * from './types.js';
export * from './he.js';
export * from './tee-symmetric.js';
export * from './tee-symmetric-he-result.js';

export * from './lease.js';
export * from './receipt.js';

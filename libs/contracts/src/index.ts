export * from './proto.js';
export * from './topics.js';
export * from './reason-codes.js';

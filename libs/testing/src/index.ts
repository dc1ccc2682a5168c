export * from './network.js';
export * from './topology.js';
export * from './jobs.js';

export * from './network.js';
export * from './topology.js';

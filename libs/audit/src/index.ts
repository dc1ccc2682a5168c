export * from './canonical-json.js';
export * from './chain.js';
export * from './postgres-audit-log.js';

export * from './embedded-postgres.js';
export * from './data-source.js';
export * from './dead-letters.js';

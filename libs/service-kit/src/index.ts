export * from './http-errors.js';
export * from './admin.guard.js';
export * from './bus-factory.js';
export * from './bootstrap.js';
export * from './run.js';

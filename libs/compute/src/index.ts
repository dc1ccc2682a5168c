export * from './codes.js';
export * from './program.js';
export * from './plain.js';
export * from './feasibility.js';
export * from './table.js';
export * from './he-evaluate.js';

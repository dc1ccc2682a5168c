export * from './selector.js';
export * from './calibration.js';
export * from './strategies/index.js';
export * from './workloads/index.js';
export * from './resources.js';
export * from './joint/index.js';

export * from './codes.js';
export * from './errors.js';
export * from './limits.js';
export * from './types.js';
export * from './validate.js';
export {
  CAPABILITY_BITS,
  CLASS_COUNT,
  RESOURCE_CLASSES,
  capabilitiesOf,
  className,
  classIndex,
  classLevel,
  classMask,
  parseResourceClass,
  type ResourceClass,
} from './resource-class.js';
export { hashSnapshot, checkSnapshot } from './snapshot.js';
export { applyCommand, type MarketCommand, type MarketResult } from './commands.js';
export { NaiveOrderBook } from './naive-book.js';
export { OrderBook } from './order-book.js';

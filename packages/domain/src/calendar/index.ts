export * from './errors.js';
export * from './dates.js';
export * from './holidays.js';
export * from './recurrence.js';
export * from './cadence.js';

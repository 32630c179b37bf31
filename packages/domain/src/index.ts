export * from './credit-code.js';
export * from './id-number.js';
export * from './masking.js';
export * from './password.js';
export * from './contact.js';
export * from './roles.js';
export * from './regions.js';

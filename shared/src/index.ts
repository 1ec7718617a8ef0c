export * from './roles.js';
export * from './errors.js';
export * from './api.js';
export * from './phone.js';
export * from './credit-code.js';
export * from './time.js';

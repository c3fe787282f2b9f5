export * from './types';
export * from './ruleTable';
export * from './phoneNumber';
export * from './validators';
export { violation } from './violation';

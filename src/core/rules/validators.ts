// The single-object validators, split by resource. Each returns RuleViolation[] with paths relative to its input.
export * from './accountRules';
export * from './numberRules';
export * from './relationshipRules';
export * from './networkRules';
export * from './gatewayRules';
export * from './tagRules';

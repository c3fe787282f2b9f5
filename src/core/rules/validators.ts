// The rule functions, split by what they check. Each rule id is raised in exactly one of these modules
// (test/unit/core/rules.oneMessage.test.ts checks that); config files, the CLI and the emulator only place findings.
export * from './accountRules';
export * from './numberRules';
export * from './relationshipRules';
export * from './networkRules';
export * from './gatewayRules';
export * from './tagRules';
export * from './schemaRules';
export * from './testLineRules';
export * from './planRules';
export * from './migrationRules';
export * from './csvRules';
export * from './liveRules';

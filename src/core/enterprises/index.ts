// Pure logic of the Enterprises view and its commands: grouping, display text, relationship and account rules.
export * from './accountDisplay';
export * from './accountFromRequest';
export * from './civicAddressDisplay';
export * from './links';
export * from './markdown';
export * from './provisioningStatus';
export * from './relationshipGroups';
export * from './relationshipUpdate';
export * from './requestDisplay';

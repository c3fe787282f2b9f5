// Pure logic of the Enterprises view and its commands: grouping and display text. The account and relationship forms'
// rules (./accountFromRequest, ./relationshipUpdate) are imported on their own, with import(): they bring the rule
// table, which activation does not load.
export * from './accountDisplay';
export * from './civicAddressDisplay';
export * from './links';
export * from './markdown';
export * from './provisioningStatus';
export * from './relationshipGroups';
export * from './requestDisplay';

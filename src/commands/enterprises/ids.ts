// Command ids of the Enterprises view, in one place for package.json, the nodes that link to them and the tests.
export const ENTERPRISE_COMMANDS = {
  refresh: 'acg.enterprises.refresh',
  updateRelationship: 'acg.enterprises.updateRelationship',
  createAccount: 'acg.enterprises.createAccount',
  showNumbers: 'acg.enterprises.showNumbers',
  copyTenantId: 'acg.enterprises.copyTenantId',
  goToAccount: 'acg.enterprises.goToAccount',
  goToRequest: 'acg.enterprises.goToRequest',
} as const;

export const ENTERPRISES_VIEW_ID = 'acg.enterprises';

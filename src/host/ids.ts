// Every command id, view id and context key, in one module below all faces: views link rows to commands, commands
// focus views, and neither may import the other. package.json contributes the same ids; test/unit/commandIds.test.ts
// fails when the two drift apart, and the command table must have a handler for each (its type says so).

export const COMMANDS = {
  // Account and cloud
  signIn: 'acg.signIn',
  signOut: 'acg.signOut',
  selectTenant: 'acg.selectTenant',
  selectSubscriptions: 'acg.selectSubscriptions',
  selectCloud: 'acg.selectCloud',
  accountMenu: 'acg.accountMenu',
  showLog: 'acg.showLog',
  openAuditLog: 'acg.openAuditLog',
  openSettings: 'acg.openSettings',
  // Gateways
  refreshGateways: 'acg.gateways.refresh',
  copyDomain: 'acg.gateways.copyDomain',
  copyProvisioningApiUrl: 'acg.gateways.copyProvisioningApiUrl',
  copyManagedIdentity: 'acg.gateways.copyManagedIdentity',
  openInPortal: 'acg.gateways.openInPortal',
  openOverview: 'acg.gateways.openOverview',
  viewProperties: 'acg.gateways.viewProperties',
  addTestLine: 'acg.gateways.addTestLine',
  deleteTestLine: 'acg.gateways.deleteTestLine',
  runOnboardingChecks: 'acg.gateways.runOnboardingChecks',
  selectGateway: 'acg.selectGateway',
  // Every tree
  retry: 'acg.tree.retry',
  loadMore: 'acg.tree.loadMore',
  // Enterprises
  refreshEnterprises: 'acg.enterprises.refresh',
  updateRelationship: 'acg.enterprises.updateRelationship',
  createAccount: 'acg.enterprises.createAccount',
  showNumbers: 'acg.enterprises.showNumbers',
  copyTenantId: 'acg.enterprises.copyTenantId',
  goToAccount: 'acg.enterprises.goToAccount',
  goToRequest: 'acg.enterprises.goToRequest',
  manageRequests: 'acg.enterprises.manageRequests',
  openAccount: 'acg.enterprises.openAccount',
  // Numbers
  refreshNumbers: 'acg.numbers.refresh',
  filterNumbers: 'acg.numbers.filter',
  clearNumberFilter: 'acg.numbers.clearFilter',
  showGatewayNumbers: 'acg.numbers.showGateway',
  copyNumbers: 'acg.numbers.copy',
  showNumberDetails: 'acg.numbers.showDetails',
  deleteNumbers: 'acg.numbers.delete',
  findNumber: 'acg.numbers.find',
  manageNumbers: 'acg.numbers.manage',
  createNumbers: 'acg.numbers.create',
  editNumbers: 'acg.numbers.edit',
  importNumbersCsv: 'acg.numbers.importCsv',
  // Configuration files
  convertCsvToPlan: 'acg.config.convertCsvToPlan',
  generatePowerShell: 'acg.config.generatePowerShell',
  validateWorkspace: 'acg.config.validateWorkspace',
  splitPlan: 'acg.config.splitPlan',
  splitCsv: 'acg.config.splitCsv',
  planProvisioning: 'acg.config.plan',
  applyProvisioningPlan: 'acg.config.apply',
  resumeProvisioningApply: 'acg.config.resume',
} as const;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey];

export const VIEWS = {
  gateways: 'acg.gateways',
  enterprises: 'acg.enterprises',
  numbers: 'acg.numbers',
} as const;

/** Context keys for `when` clauses in package.json. */
export const CONTEXT_KEYS = {
  signedIn: 'acg.signedIn',
  gatewaySelected: 'acg.gatewaySelected',
  numbersFiltered: 'acg.numbers.filtered',
  // The walkthrough's steps complete on these (package.json contributes.walkthroughs, completionEvents onContext:…).
  onboardingRan: 'acg.onboarding.ran',
  onboardingDeploymentPassed: 'acg.onboarding.deploymentPassed',
  onboardingEntraPassed: 'acg.onboarding.entraPassed',
  onboardingOperatorConnectPassed: 'acg.onboarding.operatorConnectPassed',
  onboardingTeamsPhoneMobilePassed: 'acg.onboarding.teamsPhoneMobilePassed',
  onboardingGoLivePassed: 'acg.onboarding.goLivePassed',
} as const;

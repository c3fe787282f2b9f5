// The service clients: ARM (gateways, test lines), the Provisioning API of one gateway, and Microsoft Graph. Each
// takes the one HttpPipeline and the selected cloud's endpoints.
export { ArmClient } from './arm';
export type { ArmClientOptions, CreateTestLineOptions, GatewayEdit, ListGatewaysOptions, NewTestLine, SubscriptionGateways } from './arm';
export type { ArmPollingOptions, LroCallOptions, OperationProgress } from './armLro';
export { gatewayDomainOf, gatewayRefOf, gatewayResourceId, parseGatewayId, parseTestLineName } from './armIds';
export { ProvisioningClient } from './provisioning';
export { MISSING_PROVISIONING_ROLE } from './provisioningRoleCheck';
export { DEFAULT_PROVISIONING_SCOPE } from './provisioningTypes';
export type { ConditionalOptions, CreateOptions, DeleteAccountOptions, ProvisioningClientOptions, ProvisioningListOptions, RelationshipUpdate, WithEtag, WriteOptions } from './provisioningTypes';
export type { BatchProgress, BatchRunOptions } from './provisioningBatches';
export { GraphClient } from './graph';
export type { GraphClientOptions, GraphListOptions, IdentityAssignments, OnboardingDirectoryQuery, OnboardingDirectoryState, Outcome } from './graph';
export { GRAPH_BATCH_LIMIT, batchAnswerError } from './graphBatch';
export { checkOnboardingWrite, type GraphWriteRequest } from './graphWrites';
export { PROJECT_SYNERGY_APP_ID, PROVISIONING_APP_ID } from './graphQueries';
export type * from './graphTypes';
export { collectPages, type ListPage, type ListPages } from './paging';
export { DEFAULT_RESEND, type ResendPolicy } from './resend';
export type { CallOptions } from './options';

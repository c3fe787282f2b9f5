// The HTTP layer's public surface: clients import from here.
export type * from './types';
export { isAuditedWrite, type WriteAuditRecord, type WriteAuditSink } from './audit';
export { createPipeline, DEFAULT_PROVISIONING_FAILOVER_DELAY_MS, DEFAULT_PROVISIONING_REQUESTS_PER_MINUTE, DEFAULT_PROVISIONING_WINDOW_MS, DEFAULT_TIMEOUT_MS, USER_AGENT, type DisposableHttpPipeline } from './pipeline';
export { allowedHostsForCloud, isLoopbackHost, isProvisioningApiHost } from './hosts';
export { ifMatchHeaders, ifNoneMatchHeaders, repeatabilityHeaders, type RepeatabilityHeaders } from './headers';
export { collect, collectAll, pageByNextLink, pageBySkip, readPage, type Collected, type Page, type SkipPagingOptions } from './paging';
export { graphPermissionFor, IP_NOT_ALLOWED_MESSAGE, mapHttpError, mapTransportError, parseServiceError, SERVICE_NAMES, type HttpErrorInput, type ServiceErrorBody, type TransportErrorInput } from './errorMapping';
export { redact, redactHeaders, redactUrl } from './redact';
export { backoffDelayMs, DEFAULT_RETRY, isRetryableStatus, isSafeToRepeat, isTransientNetworkError, parseHttpDate, parseRetryAfterMs } from './retryPolicy';
export { SlidingWindowLimiter, type LimiterSlot } from './limiter';
export { cancelledError, sleep } from './abort';
export { SYSTEM_CLOCK, type Clock } from './clock';

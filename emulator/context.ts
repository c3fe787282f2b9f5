// What every service module receives: the shared state and the cross-cutting machinery.
import type { FaultInjector } from './faults';
import type { SlidingWindowLimiter } from './rateLimit';
import type { EmulatorState } from './state';
import type { TokenService } from './tokens';

export interface RuntimeConfig {
  /** How long a written object stays `pending` before it becomes `synced` (or `failed`). */
  syncDelayMs: number;
  /** How long a long-running ARM operation stays InProgress. */
  armOperationDelayMs: number;
  /** Device codes are approved automatically after this many ms; undefined means only through /devicelogin. */
  deviceCodeAutoApproveMs: number | undefined;
  /** Page size of ARM list operations (small values exercise `nextLink` paging with few gateways). */
  armPageSize: number;
  /**
   * Replication lag of app role assignments, counted in reads (not time): a new assignment is left out of this many
   * listings that would include it. 0 (the default) shows it at once.
   */
  appRoleAssignmentLagReads: number;
}

export interface ServiceContext {
  readonly state: EmulatorState;
  readonly tokens: TokenService;
  readonly faults: FaultInjector;
  readonly limiter: SlidingWindowLimiter;
  readonly config: RuntimeConfig;
  /** Call after every change to state; saves to the state file when one was given (debounced). */
  persist(): void;
  /** Current time; a seam for tests that need to move time. */
  now(): number;
  log(line: string): void;
}

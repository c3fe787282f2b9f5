// ARM long-running operations: after a PUT, poll the Azure-AsyncOperation URL until the operation is terminal; after
// a DELETE, poll the Location URL until it stops answering 202 (the final-state-via of each operation in the spec).
// Waits honour Retry-After, capped so that a slow answer never stalls a user for minutes between polls.
import type { AsyncOperationStatus } from '../../core/models';
import { AcgError } from '../errors';
import type { HttpPipeline, PipelineResponse } from '../http/types';
import { sleep, throwIfAborted } from '../http/abort';
import { parseRetryAfterMs } from '../http/retryPolicy';
import { redact } from '../http/redact';
import type { CallOptions } from './options';

export interface ArmPollingOptions {
  /** Wait between polls when ARM sends no Retry-After. Default 2,000 ms. */
  defaultDelayMs?: number;
  /** Longest wait between two polls, also capping Retry-After. Default 60,000 ms. */
  maxDelayMs?: number;
  /** Give up (AcgError `timeout`) after this long. Default 30 minutes: gateway updates take a while. */
  timeoutMs?: number;
}

export interface OperationProgress {
  /** What is happening now, for a progress notification. */
  message: string;
  /** The status ARM reported on the last poll, when polling. */
  status?: AsyncOperationStatus['status'];
  elapsedMs: number;
}

export interface LroCallOptions extends CallOptions {
  onProgress?: (progress: OperationProgress) => void;
}

interface PollContext extends LroCallOptions {
  pipeline: HttpPipeline;
  scopes: string[];
  operation: string;
  polling: Required<ArmPollingOptions>;
  startedAt: number;
}

export const DEFAULT_ARM_POLLING: Required<ArmPollingOptions> = { defaultDelayMs: 2000, maxDelayMs: 60_000, timeoutMs: 30 * 60_000 };

const TERMINAL = new Set<AsyncOperationStatus['status']>(['Succeeded', 'Failed', 'Canceled']);

export function startPolling(pipeline: HttpPipeline, scopes: string[], operation: string, polling: Required<ArmPollingOptions>, options: LroCallOptions): PollContext {
  return { pipeline, scopes, operation, polling, startedAt: Date.now(), ...options };
}

export function report(ctx: PollContext, message: string, status?: AsyncOperationStatus['status']): void {
  ctx.onProgress?.({ message, ...(status === undefined ? {} : { status }), elapsedMs: Date.now() - ctx.startedAt });
}

async function waitBeforePoll(ctx: PollContext, response: PipelineResponse): Promise<void> {
  if (Date.now() - ctx.startedAt > ctx.polling.timeoutMs) {
    throw new AcgError({
      kind: 'timeout',
      message: `${ctx.operation} did not finish within ${Math.round(ctx.polling.timeoutMs / 60_000)} minutes. It may still complete: refresh later.`,
      service: 'arm',
      operation: ctx.operation,
    });
  }
  const asked = parseRetryAfterMs(response.headers) ?? ctx.polling.defaultDelayMs;
  await sleep(Math.min(asked, ctx.polling.maxDelayMs), ctx.abortSignal, ctx.operation);
}

function poll<T>(ctx: PollContext, url: string): Promise<PipelineResponse<T>> {
  throwIfAborted(ctx.abortSignal, ctx.operation);
  return ctx.pipeline.send<T>({ method: 'GET', url, service: 'arm', operation: `check the progress of ${ctx.operation}`, scopes: ctx.scopes, abortSignal: ctx.abortSignal });
}

/**
 * Polls an Azure-AsyncOperation URL until Succeeded; Failed and Canceled become AcgErrors carrying ARM's own code
 * and message, since that is what tells the user which property was refused.
 */
export async function pollAsyncOperation(ctx: PollContext, url: string, first: PipelineResponse): Promise<AsyncOperationStatus> {
  let previous = first;
  for (;;) {
    await waitBeforePoll(ctx, previous);
    const response = await poll<AsyncOperationStatus>(ctx, url);
    const status = response.body?.status;
    report(ctx, `${ctx.operation}: ${status ?? 'waiting'}`, status);
    if (status !== undefined && TERMINAL.has(status)) return finish(ctx, response.body);
    previous = response;
  }
}

function finish(ctx: PollContext, result: AsyncOperationStatus): AsyncOperationStatus {
  if (result.status === 'Succeeded') return result;
  // The operation's answer is service text that becomes an error message: redacted like every other (errorMapping).
  const reason = redact(result.error?.message ?? 'ARM gave no reason.');
  throw new AcgError({
    kind: result.status === 'Canceled' ? 'cancelled' : 'unexpected',
    message: `${ctx.operation} ${result.status === 'Canceled' ? 'was canceled' : 'failed'}: ${reason}`,
    code: result.error?.code === undefined ? undefined : redact(result.error.code),
    service: 'arm',
    operation: ctx.operation,
    details: (result.error?.details ?? []).map((d) => ({ code: redact(d.code), message: redact(d.message), ...(d.target === undefined ? {} : { target: redact(d.target) }) })),
  });
}

/** Polls a Location URL: 202 means still running; 200 or 204 means done. */
export async function pollLocation(ctx: PollContext, url: string, first: PipelineResponse): Promise<void> {
  let previous = first;
  for (;;) {
    await waitBeforePoll(ctx, previous);
    const response = await poll(ctx, url);
    if (response.status !== 202) {
      report(ctx, `${ctx.operation}: done`);
      return;
    }
    report(ctx, `${ctx.operation}: in progress`);
    previous = response;
  }
}

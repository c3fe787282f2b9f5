// Graph JSON batching: up to 20 requests per `$batch` call (API.md §4), so larger sets go in chunks. Inner answers
// can be 429 or 5xx on their own while the outer call succeeds; those are sent again (in a new batch, after the
// longest Retry-After they asked for) a few times before their answer is handed back as it is.
import { AcgError } from '../errors';
import { sleep } from '../http/abort';
import { mapHttpError } from '../http/errorMapping';
import { isRetryableStatus, parseRetryAfterMs } from '../http/retryPolicy';
import type { GraphBatchRequest, GraphBatchResponse } from './graphTypes';

export const GRAPH_BATCH_LIMIT = 20;
const INNER_ROUNDS = 3;
const INNER_DEFAULT_WAIT_MS = 1000;
const INNER_MAX_WAIT_MS = 30_000;

/** Sends one `$batch` call (≤20 requests) and returns its answers. */
export type SendBatch = (requests: GraphBatchRequest[]) => Promise<GraphBatchResponse[]>;

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

export function chunkRequests(requests: readonly GraphBatchRequest[], operation: string): GraphBatchRequest[][] {
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw new AcgError({ kind: 'badRequest', message: `Not sent: batch request id '${r.id}' is used twice.`, service: 'graph', operation });
    ids.add(r.id);
  }
  const chunks: GraphBatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += GRAPH_BATCH_LIMIT) chunks.push(requests.slice(i, i + GRAPH_BATCH_LIMIT));
  // dependsOn only works inside one $batch call.
  for (const chunk of chunks) {
    const inChunk = new Set(chunk.map((r) => r.id));
    const stray = chunk.find((r) => (r.dependsOn ?? []).some((d) => !inChunk.has(d)));
    if (stray) {
      throw new AcgError({
        kind: 'badRequest',
        message: `Not sent: batch request '${stray.id}' depends on a request outside its group of ${GRAPH_BATCH_LIMIT}; keep dependent requests together.`,
        service: 'graph',
        operation,
      });
    }
  }
  return chunks;
}

/** Runs every request, ≤20 per call, answers in the order of `requests`. */
export async function runBatch(requests: readonly GraphBatchRequest[], send: SendBatch, operation: string, abortSignal?: AbortSignal): Promise<GraphBatchResponse[]> {
  const answers = new Map<string, GraphBatchResponse>();
  for (const chunk of chunkRequests(requests, operation)) {
    let pending = chunk;
    for (let round = 1; pending.length > 0; round++) {
      const responses = await send(pending);
      for (const response of responses) answers.set(response.id, response);
      // Requests that others depend on are not resent alone: their dependants would lose the link.
      const dependedOn = new Set(pending.flatMap((r) => r.dependsOn ?? []));
      const again = pending.filter((r) => {
        const status = answers.get(r.id)?.status ?? 0;
        return isRetryableStatus(status) && !dependedOn.has(r.id) && (r.dependsOn ?? []).length === 0;
      });
      if (again.length === 0 || round >= INNER_ROUNDS) break;
      const waits = again.map((r) => parseRetryAfterMs(lowerKeys(answers.get(r.id)?.headers)) ?? INNER_DEFAULT_WAIT_MS);
      await sleep(Math.min(Math.max(...waits), INNER_MAX_WAIT_MS), abortSignal, operation);
      pending = again;
    }
  }
  return requests.map((r) => answers.get(r.id) ?? { id: r.id, status: 0, body: undefined });
}

/** The AcgError for a failed inner answer (through THE error mapper), or undefined for a 2xx. */
export function batchAnswerError(request: GraphBatchRequest, response: GraphBatchResponse, graphBase: string, operation: string): AcgError | undefined {
  if (response.status >= 200 && response.status < 300) return undefined;
  if (response.status === 0) {
    return new AcgError({ kind: 'unexpected', message: `Microsoft Graph gave no answer for batch request '${request.id}' while trying to ${operation}.`, service: 'graph', operation });
  }
  return mapHttpError({
    status: response.status,
    headers: lowerKeys(response.headers),
    body: response.body,
    text: response.body === undefined ? '' : JSON.stringify(response.body),
    service: 'graph',
    operation,
    method: request.method,
    url: new URL(`${graphBase}/v1.0${request.url.startsWith('/') ? '' : '/'}${request.url}`),
  });
}

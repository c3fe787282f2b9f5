// The Graph SDK's last (and only) middleware: instead of calling fetch, it hands each request to OUR HttpPipeline,
// so Graph traffic gets the same host allowlist, token handling, retries, logging and error mapping as ARM and the
// Provisioning API. Type-only imports: loading this file does not load the SDK.
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { AcgError, isAcgError } from '../errors';
import type { HttpMethod, HttpPipeline } from '../http/types';

const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'HEAD'];

/**
 * Per-request options, attached with `request.middlewareOptions([call])`. The SDK turns any thrown error into a
 * GraphError that keeps only the message, so the middleware parks our AcgError here for the client to rethrow.
 */
export class GraphCall implements MiddlewareOptions {
  error: AcgError | undefined;

  constructor(
    readonly operation: string,
    readonly abortSignal: AbortSignal | undefined,
    /** Named in a 403 when Graph's answer does not say which permission is missing. */
    readonly requiredPermission?: string,
    /** A POST that changes nothing (a $batch of GETs): the audit log leaves it out. */
    readonly readOnly = false,
  ) {}
}

/** The DOM's HeadersInit, spelled through Node's global Headers: host code is compiled without the DOM lib. */
type HeadersInit = ConstructorParameters<typeof Headers>[0];

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers) {
    const out: Record<string, string> = {};
    headers.forEach((value, key) => {
      out[key] = value;
    });
    return out;
  }
  if (Array.isArray(headers)) return Object.fromEntries(headers.map(([k, v]) => [k, v]));
  // Node's typing of a header record also allows several values per name; HTTP joins them with a comma.
  const entries: [string, string | readonly string[]][] = Object.entries(headers);
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? v : v.join(', ')]));
}

export class PipelineMiddleware implements Middleware {
  constructor(
    private readonly pipeline: HttpPipeline,
    private readonly scopes: string[],
  ) {}

  async execute(context: Context): Promise<void> {
    const call = context.middlewareControl?.getMiddlewareOptions(GraphCall) as GraphCall | undefined;
    const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
    const options = context.options ?? {};
    const method = METHODS.find((m) => m === (options.method ?? 'GET').toUpperCase()) ?? 'GET';
    // The SDK serialises JSON bodies to strings and sets Content-Type; strings pass through the pipeline unchanged.
    const body = typeof options.body === 'string' ? options.body : undefined;
    try {
      const response = await this.pipeline.send({
        method,
        url: url.toString(),
        service: 'graph',
        operation: call?.operation ?? `${method} ${url.pathname}`,
        headers: headerRecord(options.headers),
        scopes: this.scopes,
        ...(body === undefined ? {} : { body }),
        ...(call?.abortSignal ? { abortSignal: call.abortSignal } : {}),
        ...(call?.requiredPermission ? { requiredPermission: call.requiredPermission } : {}),
        ...(call?.readOnly ? { readOnly: true } : {}),
      });
      const empty = response.text === '' || response.status === 204 || response.status === 304;
      context.response = new Response(empty ? null : response.text, { status: response.status, headers: response.headers });
    } catch (error) {
      if (call && isAcgError(error)) call.error = error;
      throw error;
    }
  }
}

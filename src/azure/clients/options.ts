// Options every client operation takes.

export interface CallOptions {
  /** Cancels the operation: waits end at once and the call rejects with AcgError `cancelled`. */
  abortSignal?: AbortSignal;
}

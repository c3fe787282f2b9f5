// The requests of an apply that are on their way at once. Number batches of one group (same account, same operation)
// may overlap, up to a maximum; a step of another group, or of none (an account, a relationship), waits until nothing
// is in flight, so that the plan's order holds wherever it matters. A request's failure is kept, not thrown at once:
// the run stops launching, lets every request already on its way settle (each journals its own answer), then stops.
export class SendWindow {
  private readonly pending = new Set<Promise<void>>();
  private group: string | undefined;
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly max: number) {}

  /** Waits until a step of `group` (undefined: a step that overlaps nothing) may go, or until a request failed. */
  async makeRoom(group: string | undefined): Promise<void> {
    const alone = group === undefined || group !== this.group;
    while (this.pending.size > 0 && this.failure === undefined && (alone || this.pending.size >= this.max)) await Promise.race(this.pending);
  }

  /** A request now on its way, and the group it belongs to. */
  add(sending: Promise<void>, group: string | undefined): void {
    this.group = group;
    const tracked: Promise<void> = sending
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits until nothing is in flight, whatever the outcomes. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.race(this.pending);
  }

  /** The first failure of a request that went out, if any: the run stops on it. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

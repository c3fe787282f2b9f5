// Which subscriptions the views show, kept per cloud and tenant in globalState (not synced: it belongs to a sign-in on
// this machine). Undefined means "all", so subscriptions created later appear on their own.
import * as vscode from 'vscode';
import { notSignedInError } from '../azure/errors';
import type { SignIn } from './signIn';
import type { SessionState } from './sessionStore';

const FILTER_KEY = 'acg.subscriptionFilter';

export interface SubscriptionFilter {
  /** The ids to show for the current sign-in; undefined: all of them (or not signed in). */
  current(): readonly string[] | undefined;
  /** Keeps `ids` for the current sign-in; undefined shows all. */
  set(ids: readonly string[] | undefined): Promise<void>;
  readonly onDidChange: vscode.Event<readonly string[] | undefined>;
}

export class StoredSubscriptionFilter implements SubscriptionFilter, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly string[] | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly signIn: Pick<SignIn, 'state'>,
  ) {}

  current(): readonly string[] | undefined {
    const state = this.signIn.state;
    if (!state) return undefined;
    const ids = this.all()[scopeOf(state)];
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined;
  }

  async set(ids: readonly string[] | undefined): Promise<void> {
    const state = this.signIn.state;
    if (!state) throw notSignedInError();
    const scope = scopeOf(state);
    const others = Object.entries(this.all()).filter(([key]) => key !== scope);
    await this.memento.update(FILTER_KEY, Object.fromEntries(ids === undefined ? others : [...others, [scope, [...ids]]]));
    this.changed.fire(ids);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private all(): Record<string, unknown> {
    const value = this.memento.get<unknown>(FILTER_KEY);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }
}

function scopeOf(state: SessionState): string {
  return `${state.cloud}|${state.authorityHost}|${state.tenantId ?? ''}`;
}

// Update relationship status, for the requests the person selected (read again with their ETags when the form
// opened): the status, the reason or reference checked live by the host's rule, the exact change of every request,
// then Apply (the host confirms in a modal and writes each with If-Match), progress with Stop, and one result per
// request: a conflict (someone changed it meanwhile) says so and offers to reload it, never overwriting it.
import { button, dropdown, textField } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { escapeTarget } from '../../shared/browser/focus';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { PresentedError } from '../../shared/protocol';
import {
  describeRelationshipChange,
  RELATIONSHIP_LABELS,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_STATUSES_NEEDING_REASON,
  type RelationshipStatus,
  type RequestResult,
  type RequestRow,
  type RequestsProtocol,
} from '../protocol';

export interface UpdateFormEvents {
  /** The rows the service returned after the writes: the grid shows them at once. */
  updated(rows: readonly RequestRow[]): void;
  close(): void;
  /** Read these requests again and show the form for them (after a conflict). */
  reload(tenantIds: readonly string[]): void;
  error(presented: PresentedError): void;
}

const OUTCOME_ICONS = { updated: 'pass', conflict: 'warning', failed: 'error', notSent: 'circle-slash' } as const;

export class UpdateForm {
  readonly element = h('section', { class: 'form card', id: 'update-form', attrs: { 'aria-labelledby': 'update-title' } });
  private status: RelationshipStatus;
  private comment = '';
  private readonly problem = h('p', { class: 'field-problem', id: 'comment-problem', attrs: { 'aria-live': 'polite' } });
  private readonly commentLabel = h('span', {});
  private readonly preview = h('ul', { class: 'preview', id: 'update-preview' });
  private readonly footer = h('div', { class: 'form-actions' });
  private check: AbortController | undefined;

  constructor(
    private readonly rpc: RpcClient<RequestsProtocol>,
    private readonly rows: readonly RequestRow[],
    private readonly events: UpdateFormEvents,
  ) {
    const statuses = new Set(rows.map((r) => r.relationship));
    const [only] = [...statuses];
    this.status = statuses.size === 1 && RELATIONSHIP_STATUSES.some((s) => s === only) ? (only as RelationshipStatus) : RELATIONSHIP_STATUSES[0];
    const choices = RELATIONSHIP_STATUSES.map((s) => ({ value: s, label: `${RELATIONSHIP_LABELS[s]}${needsReason(s) ? ' (reason required)' : ''}` }));
    const select = dropdown('', choices, { labelledBy: 'status-label', value: this.status, onChange: (value) => {
      const status = RELATIONSHIP_STATUSES.find((s) => s === value);
      if (status) this.setStatus(status);
    } });
    select.id = 'status-choice';
    const comment = textField('', { placeholder: 'e.g. a ticket number', describedBy: 'comment-problem', onInput: (value) => this.setComment(value) });
    comment.id = 'comment-field';
    comment.replaceChildren(this.commentLabel);
    this.element.append(
      h('h2', { id: 'update-title' }, codicon('edit'), ` Update relationship status: ${rows.length} request${rows.length === 1 ? '' : 's'}`),
      h('div', { class: 'field' }, h('label', { id: 'status-label' }, 'New relationship status'), select),
      h('div', { class: 'field' }, comment, this.problem),
      h('h3', {}, 'Exact change'),
      this.preview,
      this.footer,
    );
    this.setStatus(this.status);
  }

  /** Focus the first field (the form just opened). */
  focus(): void {
    this.element.querySelector<HTMLElement>('#status-choice')?.focus();
  }

  progress(done: number, total: number): void {
    const text = this.footer.querySelector('.progress-text');
    if (text) text.textContent = `Written ${done} of ${total}…`;
  }

  private setStatus(status: RelationshipStatus): void {
    this.status = status;
    this.commentLabel.textContent = needsReason(status) ? 'Reason (required)' : 'Ticket or reference (optional)';
    this.changed();
  }

  private setComment(value: string): void {
    this.comment = value;
    this.changed();
  }

  private changed(): void {
    const comment = this.comment.trim();
    this.preview.replaceChildren(...this.rows.map((row) => h('li', {}, describeRelationshipChange(row, { status: this.status, ...(comment ? { comment } : {}) }))));
    this.renderActions();
    this.check?.abort();
    const check = new AbortController();
    this.check = check;
    this.rpc.request('checkRelationship', { status: this.status, comment: this.comment }, { signal: check.signal }).then(
      ({ problem }) => {
        this.problem.textContent = problem ?? '';
        this.element.classList.toggle('invalid', problem !== undefined);
      },
      (error: unknown) => {
        if (!(error instanceof RpcCancelled)) this.problem.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  }

  private renderActions(): void {
    const count = this.rows.length;
    this.footer.replaceChildren(
      button(`Update ${count} request${count === 1 ? '' : 's'}…`, { appearance: 'primary', icon: 'check', onClick: () => void this.apply() }),
      escapeTarget(button('Cancel', { onClick: () => this.events.close() })),
    );
  }

  private async apply(): Promise<void> {
    const stop = button('Stop', { icon: 'debug-stop', title: 'Stop after the request being written', onClick: () => void this.rpc.request('stopUpdate', {}) });
    this.footer.replaceChildren(h('span', { class: 'progress-text', attrs: { 'aria-live': 'polite' } }, 'Waiting for confirmation…'), stop);
    try {
      const outcome = await this.rpc.request('applyUpdate', { tenantIds: this.rows.map((r) => r.tenantId), status: this.status, comment: this.comment });
      if (!outcome.confirmed) {
        this.renderActions();
        return;
      }
      this.showResults(outcome.results);
    } catch (error) {
      this.renderActions();
      if (error instanceof RpcError) this.events.error(error.presented);
    }
  }

  private showResults(results: readonly RequestResult[]): void {
    const count = (outcome: RequestResult['outcome']): number => results.filter((r) => r.outcome === outcome).length;
    const conflicts = results.filter((r) => r.outcome === 'conflict').map((r) => r.tenantId);
    const updated = results.flatMap((r) => (r.row ? [r.row] : []));
    const summary = [`${count('updated')} updated`, count('conflict') ? `${count('conflict')} changed meanwhile (not overwritten)` : '', count('failed') ? `${count('failed')} failed` : '', count('notSent') ? `${count('notSent')} not sent` : '']
      .filter(Boolean)
      .join(' · ');
    this.element.replaceChildren(
      h('h2', { id: 'update-title' }, codicon('checklist'), ' Results'),
      h('p', { class: 'results-summary', attrs: { role: 'status' } }, summary),
      h(
        'ul',
        { class: 'results', id: 'update-results' },
        // An update's message is its change, which starts with the company; the others say why, after it.
        ...results.map((r) => h('li', { class: `result result-${r.outcome}` }, codicon(OUTCOME_ICONS[r.outcome]), h('span', {}, ...(r.outcome === 'updated' ? [r.message] : [h('strong', {}, r.company), ` — ${r.message}`])))),
      ),
      h(
        'div',
        { class: 'form-actions' },
        conflicts.length ? button(`Reload ${conflicts.length} changed request${conflicts.length === 1 ? '' : 's'}`, { appearance: 'primary', icon: 'refresh', onClick: () => this.events.reload(conflicts) }) : null,
        escapeTarget(button('Done', { appearance: conflicts.length ? 'secondary' : 'primary', onClick: () => this.events.close() })),
      ),
    );
    // The results change the grid at once; Done only closes the form.
    this.events.updated(updated);
    this.element.querySelector<HTMLElement>('.form-actions vscode-button')?.focus();
  }
}

function needsReason(status: RelationshipStatus): boolean {
  return RELATIONSHIP_STATUSES_NEEDING_REASON.includes(status);
}

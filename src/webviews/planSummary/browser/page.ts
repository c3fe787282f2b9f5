// The plan summary page: counts, the time estimate, samples of each kind of change (field before → after), the Apply…
// button, and after an apply its outcome (done / failed / drift with reasons) with Resume while something is left.
import type { PresentedError } from '../../shared/protocol';
import { button } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { redrawKeepingFocus } from '../../shared/browser/focus';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { ApplyOutcomeView, ChangeGroupView, PlanSummaryProtocol, PlanSummaryView } from '../protocol';

type Rpc = RpcClient<PlanSummaryProtocol>;

const ACTION_ICON = { create: 'diff-added', update: 'diff-modified', delete: 'diff-removed' } as const;
const OUTCOME_ICON = { running: 'sync', done: 'pass', failed: 'error', drift: 'warning', cancelled: 'circle-slash' } as const;

export class PlanSummaryPage {
  private readonly error = h('div', { attrs: { 'aria-live': 'assertive' } });
  private shown: PlanSummaryView | undefined;
  /** A button's request is with the host (its modal may be open): no second one until it answers. */
  private asking = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
  ) {}

  async start(): Promise<void> {
    this.root.classList.add('loading');
    this.root.replaceChildren(h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } }));
    try {
      this.render(await this.rpc.request('load', {}));
    } catch (error) {
      this.showError(error);
    }
  }

  /** Draws the view; the button that had focus keeps it, or the heading takes it while both buttons are disabled. */
  render(view: PlanSummaryView): void {
    this.shown = view;
    redrawKeepingFocus(this.root, () => this.draw(view), () => this.root.querySelector<HTMLElement>('#plan-actions vscode-button:not([disabled])') ?? this.root.querySelector<HTMLElement>('h1'));
  }

  private draw(view: PlanSummaryView): void {
    this.root.classList.toggle('loading', view.outcome?.state === 'running');
    this.error.replaceChildren();
    this.root.replaceChildren(
      h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } }),
      this.header(view),
      this.error,
      ...(view.outcome ? [outcomeBox(view.outcome, this.asking, () => void this.ask('resume'))] : []),
      counts(view),
      ...(view.hasChanges ? [h('p', { class: 'estimate' }, codicon('watch'), ` Estimated apply time: ${view.estimate} `, h('span', { class: 'muted' }, `(${view.estimateDetail})`))] : []),
      h('p', { class: 'muted' }, view.prune ? 'prune is on: numbers and accounts the file does not list are deleted.' : 'prune is off: nothing is deleted.'),
      ...view.groups.map(group),
    );
  }

  private header(view: PlanSummaryView): HTMLElement {
    const busy = view.outcome?.state === 'running' || this.asking;
    const apply = button('Apply…', { appearance: 'primary', icon: 'play', title: 'Apply this plan (asks first)', onClick: () => void this.ask('apply') });
    const replan = button('Plan Again', { icon: 'refresh', title: 'Read the live state again and plan', onClick: () => void this.ask('replan') });
    apply.id = 'apply';
    replan.id = 'plan-again';
    if (!view.hasChanges || busy) apply.setAttribute('disabled', '');
    if (busy) replan.setAttribute('disabled', '');
    return h(
      'header',
      { class: 'page-header' },
      h('div', { class: 'title-icon' }, codicon('diff')),
      // The heading can hold focus (not in the Tab order) for the moment an apply disables both buttons.
      h('div', { class: 'title-text' }, h('h1', { attrs: { tabindex: '-1' } }, `Plan · ${view.fileName}`), h('p', { class: 'subtitle muted' }, `against ${view.gateway} · live state read ${new Date(view.liveReadAt).toLocaleString()}`)),
      h('div', { class: 'toolbar', id: 'plan-actions', attrs: { role: 'toolbar', 'aria-label': 'Plan actions' } }, replan, apply),
    );
  }

  private async ask(method: 'apply' | 'resume' | 'replan'): Promise<void> {
    if (this.asking) return;
    this.error.replaceChildren();
    const pressed = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement.id : '';
    this.asking = true;
    this.redrawShown();
    let failure: { readonly error: unknown } | undefined;
    try {
      await this.rpc.request(method, {});
    } catch (error) {
      failure = { error };
    }
    this.asking = false;
    // Disabling the pressed button parked focus on the heading: a keyboard user who left it there gets the button back.
    const parked = !document.activeElement || document.activeElement === document.body || document.activeElement.tagName === 'H1';
    this.redrawShown();
    const again = pressed ? this.root.querySelector<HTMLElement>(`#${CSS.escape(pressed)}:not([disabled])`) : null;
    if (parked && again) again.focus();
    if (failure) this.showError(failure.error);
  }

  private redrawShown(): void {
    if (this.shown) this.render(this.shown);
  }

  private showError(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    this.root.classList.remove('loading');
    const presented: PresentedError = error instanceof RpcError ? error.presented : { message: String(error), actions: [] };
    const actions = presented.actions.map((a) => button(a.title, { onClick: () => void this.rpc.request('runAction', { id: a.id }).catch(() => undefined) }));
    this.error.replaceChildren(
      h('div', { class: 'message error', attrs: { role: 'alert' } }, codicon('error'), h('div', { class: 'message-text' }, h('span', { class: 'message-title' }, presented.message), presented.detail ? h('span', { class: 'message-detail' }, presented.detail) : null, actions.length ? h('div', { class: 'message-actions' }, ...actions) : null)),
    );
    if (!this.root.contains(this.error)) this.root.append(this.error);
  }
}

function counts(view: PlanSummaryView): HTMLElement {
  const cell = (label: string, value: number, icon: string, kind: string) =>
    h('div', { class: `count ${kind}`, attrs: { role: 'group', 'aria-label': `${value} ${label}` } }, h('span', { class: 'count-value' }, codicon(icon), ` ${value.toLocaleString()}`), h('span', { class: 'count-label muted' }, label));
  return h(
    'section',
    { class: 'counts', attrs: { 'aria-label': view.summary } },
    cell('to create', view.counts.create, ACTION_ICON.create, 'create'),
    cell('to update', view.counts.update, ACTION_ICON.update, 'update'),
    cell('to delete', view.counts.delete, ACTION_ICON.delete, 'delete'),
    cell('unchanged', view.counts.noop, 'check', 'noop'),
  );
}

function group(view: ChangeGroupView): HTMLElement {
  const more = view.total - view.samples.length;
  return h(
    'section',
    { class: `group ${view.action}` },
    h('h2', {}, codicon(ACTION_ICON[view.action]), ` ${view.title} `, h('span', { class: 'muted' }, `(${view.total.toLocaleString()})`)),
    h(
      'ul',
      { class: 'samples' },
      ...view.samples.map((sample) =>
        h(
          'li',
          {},
          h('span', { class: 'subject' }, sample.subject),
          sample.fields.length === 0
            ? null
            : h('ul', { class: 'fields' }, ...sample.fields.map((f) => h('li', {}, h('div', { class: 'path' }, f.path), h('div', { class: 'values' }, h('span', { class: 'before' }, f.before), h('span', { class: 'arrow', attrs: { 'aria-label': 'becomes' } }, ' → '), h('span', { class: 'after' }, f.after))))),
        ),
      ),
    ),
    more > 0 ? h('p', { class: 'muted' }, `… and ${more.toLocaleString()} more (the diff view shows every one).`) : null,
  );
}

function outcomeBox(outcome: ApplyOutcomeView, asking: boolean, resume: () => void): HTMLElement {
  const resumeButton = outcome.canResume && outcome.state !== 'running' ? button('Resume', { appearance: 'primary', icon: 'debug-continue', title: 'Continue this apply from its journal', onClick: resume }) : null;
  if (resumeButton) {
    resumeButton.id = 'resume';
    if (asking) resumeButton.setAttribute('disabled', '');
  }
  return h(
    'section',
    { class: `outcome ${outcome.state}`, attrs: { role: 'status', 'aria-live': 'polite' } },
    h('h2', {}, codicon(OUTCOME_ICON[outcome.state]), ` ${outcome.headline}`),
    outcome.stoppedBy ? h('p', {}, `Stopped by: ${outcome.stoppedBy}`) : null,
    outcome.problems.length
      ? h('ul', { class: 'problems' }, ...outcome.problems.map((p) => h('li', { class: p.outcome }, codicon(p.outcome === 'failed' ? 'error' : 'warning'), ' ', h('code', {}, p.changeId), `: ${p.message}`)))
      : null,
    outcome.moreProblems > 0 ? h('p', { class: 'muted' }, `… and ${outcome.moreProblems} more (the journal has every one).`) : null,
    outcome.notStarted + outcome.inFlight > 0 && outcome.state !== 'running' ? h('p', {}, `${outcome.notStarted} not started${outcome.inFlight ? `, ${outcome.inFlight} sent with no answer` : ''}.`) : null,
    outcome.journal ? h('p', { class: 'muted journal' }, `Journal: ${outcome.journal}`) : null,
    resumeButton ? h('p', { class: 'resume-hint' }, 'Resume here, or later with Communications Gateway: Resume Apply… in the palette: it continues from the journal, and nothing done is done twice.') : null,
    resumeButton,
  );
}

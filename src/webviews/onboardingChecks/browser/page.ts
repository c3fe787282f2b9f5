// The Onboarding Checks page: the checks grouped by stage, each row updated as its result streams in, Run All, Export
// Report…, and a live region that announces each finished check. It keeps which gateway it shows with setState so VS
// Code can restore the panel after a reload. Every action is a request the host validates; fixes are confirmed by
// VS Code's own modal dialog, never here.
import { button } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import { errorView } from '../../shared/browser/section';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import type { PresentedError } from '../../shared/protocol';
import { statusCount, type CheckRow, type CheckStage, type CheckStatus, type LastRun, type OnboardingChecksProtocol, type OnboardingChecksState, type PanelIdentity } from '../protocol';
import { checkRow, STATUS_TEXT, statusOf, type RowActions, type RowView } from './checkRow';

type Rpc = RpcClient<OnboardingChecksProtocol>;

interface Entry {
  readonly id: string;
  title: string;
  stage: CheckStage;
  manual: boolean;
  row?: CheckRow;
  running: boolean;
  /** Undefined until the person toggles it: failures start folded out, so their evidence shows. */
  expanded?: boolean;
  note?: RowView['note'];
  results?: number;
}

const COUNTED: readonly CheckStatus[] = ['fail', 'error', 'warn', 'manual', 'pass', 'skipped'];

export class OnboardingPage {
  private readonly title = h('h1', {}, 'Onboarding checks');
  private readonly subtitle = h('p', { class: 'subtitle' }, '');
  private readonly status = h('p', { class: 'updated muted', attrs: { 'aria-live': 'polite' } });
  /** Announces each finished check to screen readers (the rows change silently). */
  private readonly announcer = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'false', id: 'announcer' } });
  private readonly banner = h('div', { class: 'banner' });
  private readonly counts = h('p', { class: 'counts', attrs: { 'aria-label': 'Results by status' } });
  private readonly stagesRoot = h('div', { class: 'stages' });
  private readonly progress = h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } });
  private readonly entries = new Map<string, Entry>();
  private stages: PanelIdentity['stages'] = [];
  private identity: PanelIdentity | undefined;
  private finishedAt: string | undefined;
  private runningAll = false;
  private readonly actions: RowActions = {
    fix: (row) => void this.fix(row),
    rerun: (id) => void this.rerun(id),
    mark: (id, done) => void this.mark(id, done),
    copy: (id, index, label) => void this.copy(id, index, label),
    openSource: (id) => this.rpc.request('openSource', { checkId: id }).catch((error: unknown) => this.showError(error)),
    toggle: (id, expanded) => {
      const entry = this.entries.get(id);
      if (!entry) return;
      entry.expanded = expanded;
      this.renderRow(id);
    },
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    const runAll = button('Run All', { appearance: 'primary', icon: 'run-all', title: 'Run every check of this gateway again', onClick: () => void this.runAll() });
    const exportReport = button('Export Report…', { icon: 'export', title: 'Save the results as a Markdown report', onClick: () => void this.exportReport() });
    root.replaceChildren(
      this.progress,
      h(
        'header',
        { class: 'page-header' },
        h('div', { class: 'title-icon' }, codicon('checklist')),
        h('div', { class: 'title-text' }, this.title, this.subtitle),
        h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Onboarding check actions' } }, runAll, exportReport),
      ),
      this.status,
      this.counts,
      this.banner,
      this.stagesRoot,
      this.announcer,
    );
    rpc.onNotification('started', ({ checkIds }) => this.onStarted(checkIds));
    rpc.onNotification('result', ({ row }) => this.onResult(row));
    rpc.onNotification('finished', ({ checkIds, finishedAt, error }) => this.onFinished(checkIds, finishedAt, error));
  }

  async start(): Promise<void> {
    try {
      const identity = await this.rpc.request('identity', {});
      this.identity = identity;
      const state: OnboardingChecksState = { gatewayId: identity.gatewayId, gatewayName: identity.gatewayName };
      this.api.setState(state);
      this.title.textContent = `Onboarding checks`;
      this.subtitle.textContent = `${identity.gatewayName} · every step of the onboarding guides, checked`;
      document.title = `${identity.gatewayName} onboarding checks`;
      this.stages = identity.stages;
      // The registry's order; results that streamed in before this answer keep their state.
      const streamed = new Map(this.entries);
      this.entries.clear();
      for (const check of identity.checks) {
        const known = streamed.get(check.id);
        this.entries.set(check.id, { ...known, id: check.id, title: check.title, stage: check.stage, manual: check.manual, running: known?.running ?? false });
      }
      for (const [id, entry] of streamed) if (!this.entries.has(id)) this.entries.set(id, entry);
      const last: LastRun = await this.rpc.request('lastRun', {});
      for (const row of last.rows) this.setRow(row, false);
      this.finishedAt = last.finishedAt;
      if (last.running) this.onStarted(null);
      this.renderAll();
      this.updateStatus();
    } catch (error) {
      this.showError(error);
    }
  }

  private async runAll(): Promise<void> {
    this.banner.replaceChildren();
    // The rows turn to "Running…" when the host says the run started (it may join a run already in flight).
    await this.rpc.request('runAll', {}).catch((error: unknown) => this.showError(error));
  }

  private async rerun(checkId: string): Promise<void> {
    // What a fix did stays shown; an earlier failure of this row goes.
    if (this.entries.get(checkId)?.note?.tone === 'error') this.setNote(checkId, undefined);
    await this.rpc.request('rerun', { checkId }).catch((error: unknown) => this.setNote(checkId, { text: presented(error).message, tone: 'error' }));
  }

  private async fix(row: CheckRow): Promise<void> {
    if (!row.fix) return;
    this.setNote(row.id, { text: 'Waiting for your confirmation in VS Code…', tone: 'info' });
    try {
      const report = await this.rpc.request('fix', { checkId: row.id, writes: row.fix.writes.map((w) => w.key) });
      if (!report.applied) {
        this.setNote(row.id, { text: 'Not applied: nothing was written.', tone: 'info' });
        this.announce(`${row.title}: fix not applied.`);
        return;
      }
      const parts = [
        report.written.length > 0 ? `Wrote ${report.written.length}: ${report.written.join('; ')}.` : 'Nothing needed writing.',
        report.alreadyDone.length > 0 ? `Already done: ${report.alreadyDone.join('; ')}.` : '',
        report.notConfirmed.length > 0 ? `Not written (not confirmed): ${report.notConfirmed.join('; ')}.` : '',
        report.failed.length > 0 ? `Refused: ${report.failed.join('; ')}.` : '',
        report.status ? `Now: ${STATUS_TEXT[report.status]}.` : '',
      ];
      const text = parts.filter(Boolean).join(' ');
      this.setNote(row.id, { text, tone: report.failed.length > 0 ? 'error' : 'info' });
      this.announce(`${row.title}: ${text}`);
    } catch (error) {
      if (error instanceof RpcCancelled) return;
      this.setNote(row.id, { text: presented(error).message, tone: 'error' });
    }
  }

  private async mark(checkId: string, done: boolean): Promise<void> {
    await this.rpc.request('setMark', { checkId, done }).catch((error: unknown) => this.setNote(checkId, { text: presented(error).message, tone: 'error' }));
  }

  private async copy(checkId: string, index: number, label: string): Promise<void> {
    try {
      await this.rpc.request('copy', { checkId, index });
      this.status.textContent = `Copied ${label}.`;
    } catch (error) {
      this.showError(error);
    }
  }

  private async exportReport(): Promise<void> {
    try {
      const { savedTo } = await this.rpc.request('exportReport', {});
      if (savedTo) this.status.textContent = `Report saved to ${savedTo}.`;
    } catch (error) {
      this.showError(error);
    }
  }

  // ---- The stream ----------------------------------------------------------------------------------------------------

  private onStarted(checkIds: readonly string[] | null): void {
    if (checkIds === null) {
      this.runningAll = true;
      this.banner.replaceChildren();
      for (const entry of this.entries.values()) {
        entry.running = true;
        entry.note = undefined;
      }
      this.root.classList.add('loading');
      this.root.setAttribute('aria-busy', 'true');
    } else {
      for (const id of checkIds) {
        const entry = this.entries.get(id);
        if (entry) entry.running = true;
      }
    }
    this.renderAll();
    this.updateStatus();
  }

  private onResult(row: CheckRow): void {
    this.setRow(row, true);
    this.renderStage(row.stage);
    this.updateStatus();
    this.announce(`${row.title}: ${STATUS_TEXT[row.status]}. ${row.summary}`);
  }

  private onFinished(_checkIds: readonly string[] | null, finishedAt: string, error: PresentedError | undefined): void {
    for (const entry of this.entries.values()) entry.running = false;
    this.runningAll = false;
    this.finishedAt = finishedAt;
    this.root.classList.remove('loading');
    this.root.removeAttribute('aria-busy');
    if (error) this.showPresented(error);
    this.renderAll();
    this.updateStatus();
    if (!error) this.announce(`Checks finished. ${this.countsText()}`);
  }

  private setRow(row: CheckRow, fromStream: boolean): void {
    const entry = this.entries.get(row.id) ?? { id: row.id, title: row.title, stage: row.stage, manual: row.manual, running: false };
    entry.row = row;
    entry.title = row.title;
    entry.stage = row.stage;
    entry.manual = row.manual;
    entry.running = false;
    entry.results = (entry.results ?? 0) + 1;
    if (fromStream && entry.note?.tone === 'error') entry.note = undefined;
    this.entries.set(row.id, entry);
  }

  private setNote(checkId: string, note: RowView['note']): void {
    const entry = this.entries.get(checkId);
    if (!entry) return;
    entry.note = note;
    this.renderRow(checkId);
  }

  // ---- Drawing -------------------------------------------------------------------------------------------------------

  private renderAll(): void {
    const order = [...this.stages.map((s) => s.id), ...new Set([...this.entries.values()].map((e) => e.stage).filter((stage) => !this.stages.some((s) => s.id === stage)))];
    this.stagesRoot.replaceChildren(...order.map((stage) => this.stageSection(stage)).filter((section): section is HTMLElement => section !== undefined));
  }

  private renderStage(stage: CheckStage): void {
    const section = this.stageSection(stage);
    const existing = this.stagesRoot.querySelector(`section[data-stage="${stage}"]`);
    if (section && existing) this.keepFocus(existing, () => existing.replaceWith(section));
    else this.renderAll();
  }

  private renderRow(checkId: string): void {
    const entry = this.entries.get(checkId);
    const existing = [...this.stagesRoot.querySelectorAll<HTMLElement>('li.check')].find((li) => li.dataset.checkId === checkId);
    if (!entry || !existing) return;
    this.keepFocus(existing, () => existing.replaceWith(checkRow(this.view(entry), this.actions)));
  }

  private stageSection(stage: CheckStage): HTMLElement | undefined {
    const entries = [...this.entries.values()].filter((e) => e.stage === stage);
    if (entries.length === 0) return undefined;
    const title = this.stages.find((s) => s.id === stage)?.title ?? stage;
    const headingId = `stage-${stage}`;
    const states = entries.map((e) => statusOf(e));
    const failed = states.filter((s) => s === 'fail' || s === 'error').length;
    const passed = states.filter((s) => s === 'pass').length;
    const summary = states.includes('running') ? 'Checking…' : `${passed} of ${entries.length} passed${failed > 0 ? ` · ${failed} failed` : ''}`;
    return h(
      'section',
      { class: 'card stage', attrs: { 'aria-labelledby': headingId, 'data-stage': stage } },
      h('div', { class: 'section-header' }, h('h2', { id: headingId }, title), h('span', { class: `stage-summary${failed > 0 ? ' attention' : ''}` }, summary)),
      h('ul', { class: 'checks' }, ...entries.map((entry) => checkRow(this.view(entry), this.actions))),
    );
  }

  private view(entry: Entry): RowView {
    const state = statusOf(entry);
    const expanded = entry.expanded ?? (state === 'fail' || state === 'error');
    return { id: entry.id, title: entry.title, manual: entry.manual, ...(entry.row ? { row: entry.row } : {}), running: entry.running, expanded, results: entry.results ?? 0, ...(entry.note ? { note: entry.note } : {}) };
  }

  /** Redraws `element` and puts focus back on the same control of the new one (keyboard users keep their place). */
  private keepFocus(element: Element, redraw: () => void): void {
    const active = document.activeElement;
    const row = active instanceof HTMLElement && element.contains(active) ? active.closest<HTMLElement>('li.check') : null;
    const action = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-action]')?.dataset.action : undefined;
    redraw();
    if (!row?.dataset.checkId || !action) return;
    const again = [...this.stagesRoot.querySelectorAll<HTMLElement>('li.check')].find((li) => li.dataset.checkId === row.dataset.checkId);
    again?.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
  }

  private updateStatus(): void {
    this.counts.replaceChildren(
      ...COUNTED.flatMap((state) => {
        const count = [...this.entries.values()].filter((e) => !e.running && e.row?.status === state).length;
        return count > 0 ? [h('span', { class: `count status-${state}` }, statusCount(state, count))] : [];
      }),
    );
    if (this.runningAll) {
      const done = [...this.entries.values()].filter((e) => !e.running).length;
      this.status.textContent = `Checking ${this.identity?.gatewayName ?? 'the gateway'}… ${done} of ${this.entries.size} done`;
    } else if (this.finishedAt) {
      this.status.textContent = `Last run ${new Date(this.finishedAt).toLocaleString()}`;
    } else {
      this.status.textContent = 'Not run yet: Run All checks every step.';
    }
  }

  private countsText(): string {
    return [...this.counts.childNodes].map((n) => n.textContent).join(', ');
  }

  private announce(text: string): void {
    // One node per announcement: a polite live region reads additions; old ones go so the region stays small.
    this.announcer.append(h('p', {}, text));
    while (this.announcer.childElementCount > 5) this.announcer.firstElementChild?.remove();
  }

  private showError(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    this.showPresented(presented(error));
  }

  private showPresented(error: PresentedError): void {
    const runAction = (id: string): void => void this.rpc.request('runAction', { id }).catch((e: unknown) => this.showError(e));
    this.banner.replaceChildren(errorView(error, { runAction, retry: () => void this.runAll() }, 'Run All'));
  }
}

function presented(error: unknown): PresentedError {
  if (error instanceof RpcError) return error.presented;
  return { message: error instanceof Error ? error.message : String(error), actions: [] };
}

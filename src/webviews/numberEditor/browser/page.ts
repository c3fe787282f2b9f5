// The Number editor page: create (a paste area with a live preview of every entry's E.164 form), edit (the numbers'
// current values, changed fields only) or import a CSV (every finding listed before anything is sent). The write is
// confirmed by VS Code's modal dialog (the host asks); here: progress with Cancel, then each number's status, live,
// from pending to synced or failed.
import { button } from '../../shared/browser/components';
import { append, codicon, h } from '../../shared/browser/dom';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import { textArea } from '../../shared/browser/components';
import type { PresentedError } from '../../shared/protocol';
import type { CsvPreview, EditedNumber, EditorIdentity, NumberDraft, EditorSetup, NumberEditorProtocol, NumberEditorState, NumberStatusRow, PastedNumbers, WriteReport } from '../protocol';
import { NumberForm } from './form';

type Rpc = RpcClient<NumberEditorProtocol>;

const STATUS_ICONS: Readonly<Record<NumberStatusRow['status'], string>> = { pending: 'loading', synced: 'pass', failed: 'error', notSent: 'circle-slash', deleted: 'trash' };
/** Typing pauses this long before the preview asks the host: UI pacing, not synchronisation. */
const PREVIEW_DELAY_MS = 150;

export class NumberEditorPage {
  private identity: EditorIdentity | undefined;
  private form: NumberForm | undefined;
  private text = '';
  private previewTimer: ReturnType<typeof setTimeout> | undefined;
  private check: AbortController | undefined;
  private readonly heading = h('h1', {}, 'Numbers');
  private readonly subtitle = h('p', { class: 'subtitle muted' });
  private readonly body = h('div', { class: 'body' });
  private readonly preview = h('div', { class: 'preview', attrs: { 'aria-live': 'polite' } });
  private readonly actions = h('div', { class: 'actions' });
  private readonly progress = h('div', { class: 'write-progress', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly result = h('section', { class: 'result', attrs: { 'aria-label': 'Result' } });
  private readonly error = h('div', { class: 'error-box', attrs: { role: 'alert' } });
  private readonly statusCells = new Map<string, HTMLElement>();
  /** Edit mode: the rows of "Current values", by number, redrawn as each write and status change says. */
  private readonly currentRows = new Map<string, HTMLTableRowElement>();
  private submit: HTMLElement | undefined;

  constructor(
    root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    rpc.onNotification('progress', (p) => this.showProgress(`Batch ${p.batch} of ${p.batches}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} numbers sent`, p.done / p.total));
    rpc.onNotification('status', ({ rows, numbers }) => {
      this.updateStatuses(rows);
      if (numbers) this.updateCurrent(numbers);
    });
    rpc.onNotification('refresh', () => void this.load());
    root.replaceChildren(h('header', { class: 'page-header' }, h('div', { class: 'title-icon' }, codicon('symbol-number')), h('div', {}, this.heading, this.subtitle)), this.error, this.body, this.result);
  }

  async start(): Promise<void> {
    try {
      this.identity = await this.rpc.request('identity', {});
      const { mode, gatewayId, gatewayName, gatewayDomain, account, telephoneNumbers } = this.identity;
      const state: NumberEditorState = { mode, gatewayId, gatewayName, gatewayDomain, account, telephoneNumbers: [...telephoneNumbers] };
      this.api.setState(state);
      this.heading.textContent = mode === 'create' ? 'Create numbers' : mode === 'importCsv' ? 'Import numbers from CSV' : telephoneNumbers.length === 1 ? `Edit ${telephoneNumbers[0]}` : `Edit ${telephoneNumbers.length} numbers`;
      this.subtitle.textContent = `Account ${account} on ${gatewayName}`;
    } catch (error) {
      this.showError(error);
      return;
    }
    await this.load();
  }

  private async load(): Promise<void> {
    const identity = this.identity;
    if (!identity) return;
    this.body.replaceChildren(h('p', { class: 'muted' }, codicon('loading'), ' Reading the account’s services, capability plans and civic addresses…'));
    let setup: EditorSetup;
    try {
      setup = await this.rpc.request('setup', {});
    } catch (error) {
      this.body.replaceChildren();
      this.showError(error);
      return;
    }
    this.error.replaceChildren();
    if (identity.mode === 'importCsv') return this.renderImport();
    this.form = new NumberForm(setup, setup.edit?.start, setup.edit?.mixed ?? [], () => void this.refreshChecks());
    const parts: HTMLElement[] = [];
    if (identity.mode === 'create') {
      const paste = textArea('Numbers, in any format: one per line, or separated by commas, semicolons or tabs', {
        id: 'paste',
        rows: 6,
        placeholder: '+44 20 7946 0101\n0044-20-7946-0102\n(020) 7946 0103',
        onInput: (value) => this.onPaste(value),
      });
      parts.push(h('section', { class: 'paste', attrs: { 'aria-label': 'Numbers to create' } }, paste, h('p', { class: 'hint muted' }, setup.defaultCountry ? `National numbers are read as ${setup.defaultCountry} (setting acg.numbers.defaultCountry).` : 'National numbers need a country code, or the setting acg.numbers.defaultCountry.'), this.preview));
    } else if (setup.edit) {
      this.currentRows.clear();
      parts.push(editedTable(setup.edit.numbers, setup.edit.missing, this.currentRows));
    }
    this.submit = button(identity.mode === 'create' ? 'Create Numbers…' : 'Apply Changes…', { appearance: 'primary', icon: identity.mode === 'create' ? 'add' : 'save', onClick: () => void this.write() });
    this.submit.id = 'submit';
    this.actions.replaceChildren(this.submit);
    parts.push(h('section', { attrs: { 'aria-label': 'Settings' } }, h('h2', {}, 'Settings'), this.form.element), this.actions, this.progress);
    this.body.replaceChildren(...parts);
    await this.refreshChecks();
  }

  private onPaste(value: string): void {
    this.text = value;
    if (this.previewTimer) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => void this.renderPreview(), PREVIEW_DELAY_MS);
  }

  private async renderPreview(): Promise<void> {
    try {
      const pasted = await this.rpc.request('preview', { text: this.text });
      this.preview.replaceChildren(...previewTable(pasted));
      await this.refreshChecks();
    } catch (error) {
      this.showError(error);
    }
  }

  private async refreshChecks(): Promise<void> {
    const form = this.form;
    if (!form) return;
    this.check?.abort();
    const check = new AbortController();
    this.check = check;
    try {
      form.showFindings(await this.rpc.request('check', { text: this.text, draft: draftParams(form.value) }, { signal: check.signal }));
    } catch (error) {
      if (!(error instanceof RpcCancelled)) this.showError(error);
    }
  }

  private async write(): Promise<void> {
    const form = this.form;
    const identity = this.identity;
    if (!form || !identity) return;
    await this.run(() => (identity.mode === 'create' ? this.rpc.request('create', { text: this.text, draft: draftParams(form.value) }) : this.rpc.request('edit', { draft: draftParams(form.value), touched: form.touched })));
  }

  private async run(write: () => Promise<WriteReport>): Promise<void> {
    this.error.replaceChildren();
    const cancel = button('Cancel', { icon: 'stop-circle', title: 'Stop after the batch on its way', onClick: () => void this.rpc.request('cancelWrite', {}) });
    cancel.id = 'cancel-write';
    this.showProgress('Waiting for your confirmation…', 0, cancel);
    // Disabling the button takes focus from it (to the body): a keyboard user who pressed it gets it back after.
    const hadFocus = this.submit !== undefined && document.activeElement === this.submit;
    this.submit?.setAttribute('disabled', '');
    try {
      const report = await write();
      this.progress.replaceChildren();
      this.showResult(report);
      if (report.numbers) this.updateCurrent(report.numbers);
    } catch (error) {
      this.progress.replaceChildren();
      this.showError(error);
    } finally {
      this.submit?.removeAttribute('disabled');
      if (hadFocus && (!document.activeElement || document.activeElement === document.body)) this.submit?.focus();
    }
  }

  private showProgress(text: string, share: number, cancel?: HTMLElement): void {
    const bar = h('progress', { attrs: { max: '100', value: String(Math.round(share * 100)), 'aria-label': 'Write progress' } });
    const existingCancel = cancel ?? this.progress.querySelector('#cancel-write');
    this.progress.replaceChildren(bar, h('span', {}, text));
    append(this.progress, existingCancel ?? undefined);
  }

  private showResult(report: WriteReport): void {
    this.statusCells.clear();
    const rows = report.rows.map((row) => {
      const cell = h('td', { class: `status ${row.status}` });
      this.statusCells.set(row.telephoneNumber, cell);
      renderStatus(cell, row);
      return h('tr', {}, h('td', { class: 'number' }, row.telephoneNumber), cell);
    });
    this.result.replaceChildren();
    append(
      this.result,
      h('h2', {}, report.sent ? 'Result' : 'Not sent'),
      h('p', { class: report.cancelled ? 'warning-text' : '' }, report.message),
      rows.length > 0 ? h('table', { class: 'grid', attrs: { 'aria-label': 'Status of each number' } }, h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Number'), h('th', { attrs: { scope: 'col' } }, 'Status'))), h('tbody', {}, ...rows)) : undefined,
    );
    this.result.scrollIntoView?.({ block: 'nearest' });
  }

  private updateStatuses(rows: readonly NumberStatusRow[]): void {
    for (const row of rows) {
      const cell = this.statusCells.get(row.telephoneNumber);
      if (cell) renderStatus(cell, row);
    }
  }

  private updateCurrent(numbers: readonly EditedNumber[]): void {
    for (const n of numbers) {
      const row = this.currentRows.get(n.telephoneNumber);
      if (!row) continue;
      const fresh = editedRow(n);
      row.replaceWith(fresh);
      this.currentRows.set(n.telephoneNumber, fresh);
    }
  }

  private renderImport(): void {
    const pick = button('Choose CSV File…', { appearance: 'primary', icon: 'folder-opened', onClick: () => void this.pickCsv() });
    pick.id = 'pick-csv';
    this.body.replaceChildren(h('p', {}, 'A CSV in the Number Management Portal’s format, up to 10,000 rows. Every finding is listed before anything is sent.'), h('div', { class: 'actions' }, pick), this.preview, this.actions, this.progress);
  }

  private async pickCsv(): Promise<void> {
    try {
      const preview = await this.rpc.request('pickCsv', {});
      if (!preview) return;
      this.preview.replaceChildren(...csvPreview(preview));
      this.submit = button(`Import ${preview.accounts.reduce((n, a) => n + a.numbers, 0).toLocaleString('en-US')} Numbers…`, { appearance: 'primary', icon: 'cloud-upload', onClick: () => void this.run(() => this.rpc.request('importCsv', {})) });
      if (preview.errors > 0) this.submit.setAttribute('disabled', '');
      this.actions.replaceChildren(this.submit);
    } catch (error) {
      this.showError(error);
    }
  }

  private showError(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    const presented: PresentedError = error instanceof RpcError ? error.presented : { message: error instanceof Error ? error.message : String(error), actions: [] };
    this.error.replaceChildren();
    append(
      this.error,
      h('p', {}, codicon('error'), ` ${presented.message}`),
      presented.detail ? h('pre', { class: 'detail' }, presented.detail) : undefined,
      ...presented.actions.map((a) => button(a.title, { onClick: () => void this.rpc.request('runAction', { id: a.id }).catch((e: unknown) => this.showError(e)) })),
    );
  }
}

function renderStatus(cell: HTMLElement, row: NumberStatusRow): void {
  cell.className = `status ${row.status}`;
  const label = row.status === 'notSent' ? 'not sent' : row.status;
  cell.replaceChildren(codicon(STATUS_ICONS[row.status]), ` ${label}`);
  append(cell, row.error ? h('span', { class: 'muted' }, ` — ${row.error}`) : undefined);
}

function previewTable(pasted: PastedNumbers): HTMLElement[] {
  if (pasted.entries.length === 0) return [];
  const summary = [`${pasted.numbers.length.toLocaleString('en-US')} to create`, pasted.changed ? `${pasted.changed} reformatted` : '', pasted.invalid ? `${pasted.invalid} invalid` : '', pasted.duplicates ? `${pasted.duplicates} repeated` : ''].filter(Boolean).join(' · ');
  const shown = pasted.entries.slice(0, 500);
  return [
    h('p', { class: 'summary' }, summary, pasted.tooMany ? h('span', { class: 'warning-text' }, ` ${pasted.tooMany}`) : undefined),
    h(
      'table',
      { class: 'grid', attrs: { 'aria-label': 'Preview of the pasted numbers' } },
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Pasted'), h('th', { attrs: { scope: 'col' } }, 'E.164'), h('th', { attrs: { scope: 'col' } }, 'Note'))),
      h('tbody', {}, ...shown.map((e) => {
        const kind = e.duplicateOf !== undefined ? 'duplicate' : e.problem ? 'invalid' : e.changed ? 'changed' : 'same';
        const icon = kind === 'invalid' ? 'error' : kind === 'duplicate' ? 'copy' : kind === 'changed' ? 'arrow-right' : 'check';
        return h('tr', { class: kind }, h('td', {}, e.input), h('td', { class: 'number' }, e.e164 ?? '—'), h('td', {}, codicon(icon), ` ${e.problem ?? (e.changed ? 'reformatted' : 'as pasted')}`));
      })),
    ),
    pasted.entries.length > shown.length ? h('p', { class: 'muted' }, `… and ${(pasted.entries.length - shown.length).toLocaleString('en-US')} more`) : undefined,
  ].flatMap((x): HTMLElement[] => (x ? [x] : []));
}

function editedRow(n: EditedNumber): HTMLTableRowElement {
  return h('tr', { attrs: { 'data-number': n.telephoneNumber } }, h('td', { class: 'number' }, n.telephoneNumber), h('td', { class: 'current-status' }, n.status ?? ''), h('td', {}, n.services), h('td', { class: 'current-header' }, n.customSipHeader ?? '(none)'));
}

function editedTable(numbers: readonly EditedNumber[], missing: readonly string[], rows: Map<string, HTMLTableRowElement>): HTMLElement {
  const body = numbers.map((n) => {
    const row = editedRow(n);
    rows.set(n.telephoneNumber, row);
    return row;
  });
  return h(
    'section',
    { class: 'current-values', attrs: { 'aria-label': 'Numbers being edited' } },
    h('h2', {}, 'Current values'),
    h('table', { class: 'grid', attrs: { 'aria-label': 'Current values' } }, h('thead', {}, h('tr', {}, ...['Number', 'Status', 'Services', 'Custom SIP header'].map((t) => h('th', { attrs: { scope: 'col' } }, t)))), h('tbody', {}, ...body)),
    missing.length > 0 ? h('p', { class: 'warning-text' }, `Not found, left out: ${missing.join(', ')}`) : undefined,
  );
}

function csvPreview(preview: CsvPreview): HTMLElement[] {
  const accounts = preview.accounts.map((a) => `${a.account}: ${a.numbers.toLocaleString('en-US')}`).join(', ') || 'no numbers';
  return [
    h('p', { class: 'summary' }, `${preview.fileName}: ${preview.rows.toLocaleString('en-US')} rows (${accounts}); ${preview.findings.length} findings, ${preview.errors} errors.`),
    preview.errors > 0 ? h('p', { class: 'warning-text' }, 'Nothing is sent while the file has errors.') : h('p', {}, 'No errors: the file can be imported.'),
    preview.findings.length > 0
      ? h('table', { class: 'grid', attrs: { 'aria-label': 'Findings' } }, h('thead', {}, h('tr', {}, ...['Line', 'Rule', 'Finding'].map((t) => h('th', { attrs: { scope: 'col' } }, t)))), h('tbody', {}, ...preview.findings.map((f) => h('tr', { class: f.severity }, h('td', {}, String(f.line)), h('td', {}, f.ruleId), h('td', {}, codicon(f.severity === 'error' ? 'error' : 'warning'), ` ${f.message}`)))))
      : h('p', {}, 'No findings.'),
  ];
}

/** The form's value as the request takes it (the schema's arrays are mutable). */
function draftParams(draft: NumberDraft): Omit<NumberDraft, 'capabilities'> & { capabilities: NumberDraft['capabilities'][number][] } {
  return { ...draft, capabilities: [...draft.capabilities] };
}

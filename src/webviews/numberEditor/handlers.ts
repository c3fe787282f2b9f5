// The Number editor's host-side request handlers. Free of `vscode`, so mocha drives them against the emulator. The
// page sends text and form values only; the numbers, the patch and every finding are rebuilt here with the core, a
// write is confirmed in VS Code's modal dialog, and the status follow-up takes over once the write is done.
import { collectPages } from '../../azure/clients/paging';
import type { WithEtag } from '../../azure/clients/provisioningTypes';
import { AcgError } from '../../azure/errors';
import { readNumbers } from '../../azure/numbers/numberReads';
import { editNumber, editNumbers, saveNumbers, type SaveManyResult } from '../../azure/numbers/numberWrites';
import type { NumberResource, TeamsCapabilityPlans } from '../../core/models';
import { civicAddressNames, NO_ADDRESS_NAMES, type CivicAddressNames } from '../../core/numbers/civicAddressNames';
import { addressChoices, checkDraft, checkNumbers, emergencyAddressRule, numbersFromDraft, serviceChoices, usageChoices, type DraftFinding, type NumberDraft } from '../../core/numbers/numberDraft';
import { numberServiceKeys, serviceShortName } from '../../core/numbers/numberDisplay';
import { applyPatch, editStart, isEmptyPatch, numberDiff, patchFromDraft, type PatchField } from '../../core/numbers/numberPatch';
import { createConfirmation, editConfirmation, conflictConfirmation } from '../../core/numbers/numberWriteSummary';
import { normalizeCountry } from '../../core/numbers/numberLookup';
import { parsePastedNumbers } from '../../core/numbers/pastedNumbers';
import { ErrorActions } from '../shared/errorActions';
import type { NotificationMethod, NotificationOf } from '../shared/protocol';
import type { RequestHandlers } from '../shared/rpcHost';
import type { NumberEditorDeps } from './deps';
import { csvImport, type CsvImport } from './csvImport';
import type { EditedNumber, EditorMode, EditorSetup, NumberEditorProtocol, NumberStatusRow, WriteReport } from './protocol';

export type Notify = <N extends NotificationMethod<NumberEditorProtocol>>(method: N, data: NotificationOf<NumberEditorProtocol, N>) => void;

export interface NumberEditorTarget {
  readonly mode: EditorMode;
  readonly gatewayId: string;
  readonly gatewayName: string;
  readonly gatewayDomain: string;
  readonly account: string;
  readonly telephoneNumbers: readonly string[];
}

/** Rounds of "Reload and Re-apply" before the editor asks the person to open it again. */
const CONFLICT_ROUNDS = 5;

function statusRow(n: NumberResource): NumberStatusRow {
  const error = n.serviceProvisioningErrors?.[0]?.message;
  return { telephoneNumber: n.telephoneNumber, status: n.serviceProvisioningStatus ?? 'pending', ...(error ? { error } : {}) };
}

/** A number's row of the edit mode's "Current values" table. */
function editedNumber(n: NumberResource): EditedNumber {
  return {
    telephoneNumber: n.telephoneNumber,
    ...(n.serviceProvisioningStatus ? { status: n.serviceProvisioningStatus } : {}),
    services: numberServiceKeys(n).map(serviceShortName).join(', '),
    ...(n.configuration?.customSipHeader ? { customSipHeader: n.configuration.customSipHeader } : {}),
  };
}

function refuse(message: string): AcgError {
  return new AcgError({ kind: 'badRequest', message });
}

function firstError(findings: readonly DraftFinding[]): string | undefined {
  return findings.find((f) => f.severity === 'error')?.message;
}

export class NumberEditorHandlers {
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<NumberEditorProtocol>;
  /** Edit mode: the numbers as last read (with the ETag of a single one). */
  private editing: WithEtag<NumberResource>[] = [];
  private csv: CsvImport | undefined;
  /** The account's civic addresses by id (from the setup), so the confirmation names them. */
  private addressNames: CivicAddressNames = NO_ADDRESS_NAMES;
  /** The write in progress: cancelWrite stops it between batches. */
  private stopWrite: AbortController | undefined;
  private readonly subscription: { dispose(): unknown };

  constructor(
    private readonly deps: NumberEditorDeps,
    readonly target: NumberEditorTarget,
    private readonly notify: Notify,
  ) {
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    this.subscription = deps.onDidChangeNumbers((change) => {
      if (change.gatewayId.toLowerCase() !== target.gatewayId.toLowerCase() || change.account !== target.account) return;
      const rows = [...change.upserted.map(statusRow), ...change.deleted.map((telephoneNumber): NumberStatusRow => ({ telephoneNumber, status: 'deleted' }))];
      // Edit mode: the numbers being edited as written or settled, so "Current values" is never the values before the save.
      const edited = target.mode === 'edit' ? change.upserted.filter((n) => target.telephoneNumbers.includes(n.telephoneNumber)).map(editedNumber) : [];
      if (rows.length > 0) notify('status', { rows, ...(edited.length > 0 ? { numbers: edited } : {}) });
    });
    this.handlers = {
      identity: () => ({ mode: target.mode, gatewayId: target.gatewayId, gatewayName: target.gatewayName, gatewayDomain: target.gatewayDomain, account: target.account, telephoneNumbers: target.telephoneNumbers }),
      setup: (_p, { signal }) => this.setup(signal),
      preview: ({ text }) => parsePastedNumbers(text, this.defaultCountry()),
      check: ({ text, draft }) => this.check(text, draft),
      create: ({ text, draft }, { signal }) => this.create(text, draft, signal),
      edit: ({ draft, touched }, { signal }) => this.edit(draft, touched, signal),
      pickCsv: async () => {
        const picked = await deps.prompts.pickCsv();
        if (!picked) return undefined;
        this.csv = await csvImport(picked.name, picked.text, target.account, this.defaultCountry());
        return this.csv.preview;
      },
      importCsv: (_p, { signal }) => this.importCsv(signal),
      cancelWrite: () => this.stopWrite?.abort(),
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private defaultCountry(): string | undefined {
    return normalizeCountry(this.deps.defaultCountry());
  }

  private async setup(signal: AbortSignal): Promise<EditorSetup> {
    const client = await this.deps.provisioning(this.target.gatewayDomain);
    const options = { abortSignal: signal };
    const account = (await client.getAccount(this.target.account, options)).resource;
    const services = serviceChoices(account);
    const teams = services.some((s) => s.teams);
    const [plans, addresses] = await Promise.all([
      teams ? client.getTeamsCapabilityPlans(this.target.account, options) : Promise.resolve<TeamsCapabilityPlans>({ capabilityPlans: [] }),
      teams ? collectPages(client.listCivicAddresses(this.target.account, options)) : Promise.resolve([]),
    ]);
    const usages = Object.fromEntries(services.map((s) => [s.key, usageChoices(s.key, plans)]));
    this.addressNames = civicAddressNames(addresses);
    const defaultCountry = this.defaultCountry();
    const base = { services, usages, addresses: addressChoices(addresses), emergencyRule: emergencyAddressRule(), ...(defaultCountry ? { defaultCountry } : {}) };
    if (this.target.mode !== 'edit') return base;
    const asked = this.target.telephoneNumbers;
    this.editing =
      asked.length === 1
        ? [await client.getNumber(this.target.account, asked[0], options)]
        : (await readNumbers(client, this.target.account, asked, signal)).map((resource) => ({ resource }));
    const found = new Set(this.editing.map((e) => e.resource.telephoneNumber));
    const start = editStart(this.editing.map((e) => e.resource));
    return {
      ...base,
      edit: {
        numbers: this.editing.map(({ resource }) => editedNumber(resource)),
        start: start.draft,
        mixed: start.mixed,
        missing: asked.filter((n) => !found.has(n)),
      },
    };
  }

  private check(text: string, draft: NumberDraft): readonly DraftFinding[] {
    if (this.target.mode === 'edit') {
      return checkNumbers(this.editing.map((e) => applyPatch(e.resource, patchFromDraft(editStart([e.resource]), draft, ['customSipHeader']))));
    }
    const pasted = parsePastedNumbers(text, this.defaultCountry());
    return checkDraft(this.target.account, pasted.numbers, draft);
  }

  private async create(text: string, draft: NumberDraft, stop: AbortSignal): Promise<WriteReport> {
    if (this.target.mode !== 'create') throw refuse('This editor does not create numbers.');
    const pasted = parsePastedNumbers(text, this.defaultCountry());
    if (pasted.numbers.length === 0) throw refuse('Paste at least one valid number first.');
    const problem = firstError(checkDraft(this.target.account, pasted.numbers, draft));
    if (problem) throw refuse(`Nothing was sent: ${problem}`);
    const numbers = numbersFromDraft(this.target.account, pasted.numbers, draft);
    const confirmation = createConfirmation(this.target.account, numbers, this.addressNames);
    if (!(await this.deps.prompts.confirm(confirmation.message, confirmation.detail, confirmation.confirmLabel))) return notSent();
    const client = await this.deps.provisioning(this.target.gatewayDomain);
    return this.report(await saveNumbers(client, this.target.account, numbers, this.writeOptions(stop)), 'created');
  }

  private async edit(draft: NumberDraft, touched: readonly PatchField[], stop: AbortSignal): Promise<WriteReport> {
    if (this.target.mode !== 'edit' || this.editing.length === 0) throw refuse('Open the numbers to edit first.');
    const patch = patchFromDraft(editStart(this.editing.map((e) => e.resource)), draft, touched);
    if (isEmptyPatch(patch)) throw refuse('Nothing changed: change a field first.');
    const client = await this.deps.provisioning(this.target.gatewayDomain);
    if (this.editing.length === 1) {
      let current = this.editing[0];
      for (let round = 0; round < CONFLICT_ROUNDS; round++) {
        const next = applyPatch(current.resource, patch);
        const problem = firstError(checkNumbers([next]));
        if (problem) throw refuse(`Nothing was sent: ${problem}`);
        if (round === 0) {
          const confirmation = editConfirmation(this.target.account, [next.telephoneNumber], patch);
          if (!(await this.deps.prompts.confirm(confirmation.message, confirmation.detail, confirmation.confirmLabel))) return notSent();
        }
        const outcome = await editNumber(client, current, patch, stop);
        if (outcome.kind === 'saved') {
          this.editing = [outcome.number];
          return this.report({ written: [outcome.number.resource], notWritten: [], cancelled: false }, 'changed');
        }
        // Reload and re-apply: the new diff against the number as it is now, asked again.
        const again = conflictConfirmation(next.telephoneNumber, numberDiff(current.resource, outcome.fresh.resource), numberDiff(outcome.fresh.resource, applyPatch(outcome.fresh.resource, patch)));
        this.editing = [outcome.fresh];
        if (!(await this.deps.prompts.confirm(again.message, again.detail, again.confirmLabel))) return notSent('Not changed: the number had changed since it was read, and you kept it as it is now.');
        current = outcome.fresh;
      }
      throw refuse(`${current.resource.telephoneNumber} keeps changing under the edit: open it again.`);
    }
    const telephoneNumbers = this.editing.map((e) => e.resource.telephoneNumber);
    const problem = firstError(checkNumbers(this.editing.map((e) => applyPatch(e.resource, patch))));
    if (problem) throw refuse(`Nothing was sent: ${problem}`);
    const confirmation = editConfirmation(this.target.account, telephoneNumbers, patch);
    if (!(await this.deps.prompts.confirm(confirmation.message, confirmation.detail, confirmation.confirmLabel))) return notSent();
    // The role first, then a fresh read: the patch goes onto the numbers as they are now, not as the form opened them.
    await client.checkWriteAccess('saveNumbers', { abortSignal: stop });
    const fresh = await readNumbers(client, this.target.account, telephoneNumbers, stop);
    return this.report(await editNumbers(client, this.target.account, fresh, patch, this.writeOptions(stop)), 'changed');
  }

  private async importCsv(stop: AbortSignal): Promise<WriteReport> {
    const csv = this.csv;
    if (!csv) throw refuse('Pick a CSV file first.');
    if (csv.preview.errors > 0) throw refuse(`Nothing was sent: ${csv.preview.fileName} has ${csv.preview.errors} error${csv.preview.errors === 1 ? '' : 's'}. Fix them and pick the file again.`);
    const numbers = csv.numbers.filter((n) => n.accountName === this.target.account);
    if (numbers.length === 0) throw refuse(`${csv.preview.fileName} has no numbers for ${this.target.account}.`);
    const confirmation = createConfirmation(this.target.account, numbers, this.addressNames);
    if (!(await this.deps.prompts.confirm(confirmation.message.replace(/^Create/, 'Import'), confirmation.detail, 'Import'))) return notSent();
    const client = await this.deps.provisioning(this.target.gatewayDomain);
    return this.report(await saveNumbers(client, this.target.account, numbers, this.writeOptions(stop)), 'imported');
  }

  /** Stops between batches on cancelWrite, or when the panel goes (the request's own signal). */
  private writeOptions(gone: AbortSignal): Parameters<typeof saveNumbers>[3] {
    this.stopWrite = new AbortController();
    return { stop: AbortSignal.any([gone, this.stopWrite.signal]), onProgress: (p) => this.notify('progress', p) };
  }

  private report(result: SaveManyResult, verb: string): WriteReport {
    if (result.written.length > 0) {
      const { gatewayId, gatewayDomain, account } = this.target;
      void this.deps.follow({ gatewayId, gatewayDomain, account }, result.written);
    }
    const rows = [...result.written.map(statusRow), ...result.notWritten.map((telephoneNumber): NumberStatusRow => ({ telephoneNumber, status: 'notSent' }))];
    const edited = this.target.mode === 'edit' ? result.written.map(editedNumber) : [];
    const done = `${result.written.length.toLocaleString('en-US')} ${result.written.length === 1 ? 'number' : 'numbers'} ${verb}`;
    const message = result.failure
      ? `${done}; then a batch failed and ${result.notWritten.length.toLocaleString('en-US')} were not sent: ${result.failure.message}`
      : result.cancelled
        ? `Cancelled between batches: ${done}, ${result.notWritten.length.toLocaleString('en-US')} not sent.`
        : `${done}. Their status follows here as the service takes them.`;
    return { sent: true, message, rows, cancelled: result.cancelled, ...(edited.length > 0 ? { numbers: edited } : {}) };
  }
}

function notSent(message = 'Nothing was sent.'): WriteReport {
  return { sent: false, message, rows: [], cancelled: false };
}

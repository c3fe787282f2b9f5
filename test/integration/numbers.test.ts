// The Numbers view inside a real VS Code (code-server), against the emulator: paging through the production gateway
// (over 100,000 numbers) one page at a time, the service-side filter, item text and tooltips, and every context action
// (Copy, Show Details, Delete with its confirmation, batches and re-check) run as the menus run them, with nodes from
// the provider. Deletes happen on the lab gateway, in an account the tests create, so no other test's data changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { NumberResource } from '../../src/core/models';
import type { NumbersChange } from '../../src/host/numberChanges';
import type { TreeNode } from '../../src/views/tree';
import { GATEWAY_LAB, GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { READER, TreeWalker, activateInEmulator, byLabel, clientOf, endScript, leaveEmulator, run, script, selectionOf, signInAs, until } from './enterprises.helpers';

const PAGE_SIZE = 'acg.numbers.pageSize';
const DELETE_ACCOUNT = 'Numbers-View-Test';

interface DeleteResult {
  gone: { telephoneNumber: string }[];
  remaining: { telephoneNumber: string }[];
}

describe('Numbers view against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  const tree = new TreeWalker(() => api.numbers.provider);

  async function root(): Promise<TreeNode> {
    const [node] = await tree.children();
    assert.ok(node, 'the scope row');
    return node;
  }

  async function rows(): Promise<TreeNode[]> {
    return tree.children(await root());
  }

  async function numberRows(): Promise<TreeNode[]> {
    const all = await rows();
    const items = await Promise.all(all.map((n) => tree.item(n)));
    return all.filter((_, i) => items[i].contextValue === 'acgNumber');
  }

  async function setPageSize(size: number | undefined): Promise<void> {
    await vscode.workspace.getConfiguration().update(PAGE_SIZE, size, vscode.ConfigurationTarget.Global);
  }

  async function show(accountName?: string): Promise<void> {
    await api.numbers.show(accountName ? { kind: 'account', accountName } : { kind: 'gateway' });
  }

  before(async () => {
    api = await activateInEmulator();
    await signInAs({ method: 'sandbox' });
    await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    await setPageSize(50);
  });

  afterEach(() => endScript());

  after(async () => {
    await setPageSize(undefined);
    await leaveEmulator(api);
  });

  describe('paging', () => {
    it("lists the whole gateway's numbers one page at a time, with the count and Load more…", async () => {
      await run('acg.numbers.showGateway');
      const all = await rows();
      const scope = await tree.item(await root());
      assert.equal(scope.label, 'contoso-prod-gw (all accounts)');
      assert.match(String(scope.description), /^50 of 100,0\d\d$/);
      assert.equal(all.length, 51);
      const last = await tree.item(all[50]);
      assert.match(String(last.label), /^Load more… \(50 of 100,0\d\d remaining\)$/);
      assert.equal(last.command?.command, 'acg.tree.loadMore');
      assert.match(String((await tree.item(all[0])).description), /^[A-Za-z-]+ · /, 'the gateway-wide list names the account');
    });

    it('Load more… appends the next page and keeps the rows already shown', async () => {
      const before = (await rows()).slice(0, 50).map((n) => n.id);
      const loadMore = (await rows())[50];
      const command = (await tree.item(loadMore)).command!;
      await run(command.command, ...(command.arguments ?? []));
      await until('the second page', async () => (await rows()).length === 101);
      assert.deepEqual((await rows()).slice(0, 50).map((n) => n.id), before);
      assert.match(String((await tree.item(await root())).description), /^100 of /);
    });

    it("shows Northwind-Bulk's 100,000 numbers starting with one page", async () => {
      await show('Northwind-Bulk');
      assert.equal((await numberRows()).length, 50);
      assert.equal((await tree.item(await root())).description, '50 of 100,000');
      assert.equal(api.numbers.view.description, 'Northwind-Bulk');
    });

    it('reveals a number under its account row (TreeView.reveal with getParent)', async () => {
      const node = (await numberRows())[7];
      await api.numbers.reveal(node);
      await until('the number to be selected', () => api.numbers.view.selection[0]?.id === node.id);
    });

    it('reads the first page again on Refresh, and takes its size from acg.numbers.pageSize', async () => {
      const loadMore = (await rows())[50];
      const command = (await tree.item(loadMore)).command!;
      await run(command.command, ...(command.arguments ?? []));
      await until('two pages', async () => (await numberRows()).length === 100);
      await run('acg.numbers.refresh');
      await until('one page again', async () => (await numberRows()).length === 50);
      await setPageSize(20);
      await until('pages of 20', async () => (await numberRows()).length === 20);
      await setPageSize(50);
      await until('pages of 50', async () => (await numberRows()).length === 50);
    });
  });

  describe('items and filter', () => {
    it('filters on the service side by prefix and status; the description shows the filter', async () => {
      await show();
      const shown = await run<TreeNode>('acg.numbers.filter', { status: 'failed' });
      assert.ok(shown);
      assert.equal(api.numbers.view.description, 'filter: failed');
      const failed = await Promise.all((await numberRows()).map((n) => tree.item(n)));
      assert.equal(failed.length, 8);
      for (const item of failed) assert.match(String(item.description), /· failed$/);
      assert.equal((await rows()).length, 8, 'everything fits on one page: no Load more…');

      const recorded = script(api, {
        picks: [byLabel(/Number prefix/)],
        inputs: [
          (options) => {
            assert.match(options.validateInput?.('+44abc') as string, /digits/);
            assert.equal(options.validateInput?.('44 20'), undefined, 'spaces and a missing + are fine');
            return '44';
          },
        ],
      });
      await run('acg.numbers.filter');
      assert.equal(recorded.quickPicks[0].items.find((i) => /Provisioning status/.test(i.label))?.description, 'failed');
      assert.deepEqual(api.numbers.filter, { prefix: '+44', status: 'failed' });
      assert.equal(api.numbers.view.description, 'filter: +44… · failed');
      assert.deepEqual((await Promise.all((await numberRows()).map((n) => tree.label(n)))).sort(), ['+441134960004', '+442030000050']);
    });

    it("shows services, usage, capabilities, assignment and status; a failed number's errors in its tooltip", async () => {
      await run('acg.numbers.filter', { prefix: '+442030000050' });
      const [node] = await numberRows();
      const item = await tree.item(node);
      assert.equal(item.label, '+442030000050');
      assert.equal(item.description, 'Northwind-Bulk · OC · user · in/out · assigned · failed');
      assert.deepEqual([(item.iconPath as vscode.ThemeIcon).id, ((item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id], ['error', 'errorForeground']);
      const tooltip = await tree.tooltip(node);
      assert.match(tooltip, /\*\*Provisioning status:\*\* \$\(error\) failed/);
      assert.match(tooltip, /`NumberAlreadyAcquired`: Microsoft Teams rejected \\\+442030000050/);
      assert.match(tooltip, /\*\*Custom SIP header:\*\* northwind-traders/);
    });

    it('filters on the service (Teams Phone Mobile) page by page, and clears the filter', async () => {
      await run('acg.numbers.filter', { service: 'teamsPhoneMobile' });
      const items = await Promise.all((await numberRows()).map((n) => tree.item(n)));
      assert.ok(items.length > 0);
      for (const item of items) assert.match(String(item.description), /· TPM · /);
      await run('acg.numbers.clearFilter');
      assert.deepEqual(api.numbers.filter, {});
      assert.equal(api.numbers.view.description, undefined);
      assert.equal((await numberRows()).length, 50);
    });

    it('Copy copies the clicked number, or every selected one', async () => {
      const recorded = script(api);
      const [a, b] = await numberRows();
      const one = await run<string>('acg.numbers.copy', a, [a]);
      const two = await run<string>('acg.numbers.copy', b, [a, b]);
      assert.equal(one, await tree.label(a));
      assert.equal(two, `${await tree.label(a)}\n${await tree.label(b)}`);
      assert.deepEqual(recorded.clipboard, [one, two]);
    });

    it('Show Number Details opens the number, read fresh, as read-only JSON', async () => {
      const [node] = await numberRows();
      const editor = await run<vscode.TextEditor>('acg.numbers.showDetails', node);
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, 'acg-details');
      assert.equal(editor.document.languageId, 'json');
      const body = JSON.parse(editor.document.getText()) as NumberResource & { '@etag'?: string };
      assert.equal(body.telephoneNumber, await tree.label(node));
      assert.ok(body['@etag']);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('Delete Number (in an account of the lab gateway made for the test)', () => {
    const numbers = Array.from({ length: 125 }, (_, i) => `+1555010${String(i).padStart(4, '0')}`);

    before(async () => {
      await api.host.selection.select(selectionOf(api, GATEWAY_LAB));
      const client = await clientOf(api, GATEWAY_LAB);
      await client.createOrReplaceAccount({ name: DELETE_ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: false } } });
      await client.createOrUpdateNumbersInBatches(
        DELETE_ACCOUNT,
        numbers.map((telephoneNumber) => ({
          telephoneNumber,
          accountName: DELETE_ACCOUNT,
          serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'assigned', configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } },
        })),
      );
      await setPageSize(200);
      await show(DELETE_ACCOUNT);
      await until('the test numbers', async () => (await numberRows()).length === 125);
    });

    after(async () => {
      await setPageSize(50);
      await (await clientOf(api, GATEWAY_LAB)).deleteAccount(DELETE_ACCOUNT, { deleteNumbers: true }).catch(() => undefined);
      await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
    });

    async function exists(telephoneNumber: string): Promise<boolean> {
      const client = await clientOf(api, GATEWAY_LAB);
      return client.getNumber(DELETE_ACCOUNT, telephoneNumber).then(
        () => true,
        () => false,
      );
    }

    it('asks in a modal dialog that says what will change; Cancel deletes nothing', async () => {
      const [first] = await numberRows();
      const recorded = script(api, { warnings: [undefined] });
      assert.equal(await run('acg.numbers.delete', first, [first]), undefined);
      const [dialog] = recorded.warnings;
      assert.equal(dialog.message, `Delete number ${numbers[0]} from account ${DELETE_ACCOUNT}?`);
      assert.equal(dialog.options.modal, true);
      assert.match(dialog.options.detail ?? '', /assigned to a Teams app or auto attendant, which stops working/);
      assert.deepEqual(dialog.items, ['Delete Number']);
      assert.equal(recorded.progress.length, 0);
      assert.ok(await exists(numbers[0]));
    });

    it('deletes one number, re-checks that it is gone, reports it and drops the row; an open Numbers panel is told', async () => {
      const [first] = await numberRows();
      const recorded = script(api, { warnings: ['Delete Number'] });
      const told: NumbersChange[] = [];
      const listening = api.host.numberChanges.onDidChange((change) => told.push(change));
      const result = await Promise.resolve(run<DeleteResult>('acg.numbers.delete', first, [first])).finally(() => listening.dispose());
      assert.deepEqual(result?.gone.map((n) => n.telephoneNumber), [numbers[0]]);
      const lab = selectionOf(api, GATEWAY_LAB);
      assert.deepEqual(
        told.map((c) => ({ gatewayId: c.gatewayId, gatewayDomain: c.gatewayDomain, account: c.account, deleted: c.deleted, reason: c.reason })),
        [{ gatewayId: lab.id, gatewayDomain: lab.domain, account: DELETE_ACCOUNT, deleted: [numbers[0]], reason: 'delete' }],
      );
      assert.deepEqual(recorded.info, [`Deleted ${numbers[0]}.`]);
      assert.ok(recorded.progress[0].reports.includes('checking: 1 of 1 gone'));
      assert.equal(await exists(numbers[0]), false);
      await until('the row to go', async () => (await numberRows()).length === 124);
    });

    it('deletes a multi-selection with one :deleteNumbers request per 100 numbers', async () => {
      const selected = (await numberRows()).slice(0, 110);
      const recorded = script(api, { warnings: ['Delete 110 Numbers'] });
      const result = await run<DeleteResult>('acg.numbers.delete', selected[5], selected);
      assert.equal(result?.gone.length, 110);
      assert.equal(result?.remaining.length, 0);
      assert.match(recorded.warnings[0].options.detail ?? '', /Sent as 2 requests of at most 100 numbers/);
      assert.deepEqual(recorded.progress[0].reports.filter((r) => r.startsWith('request')), ['request 1 of 2…', 'request 2 of 2…']);
      assert.deepEqual(recorded.info, ['Deleted 110 numbers.']);
      await until('the rows to go', async () => (await numberRows()).length === 14);
      assert.equal(await (await clientOf(api, GATEWAY_LAB)).countNumbers(DELETE_ACCOUNT), 14);
    });

    it('as the reader principal, Delete is refused before sending, naming the role, and the number stays', async () => {
      await signInAs(READER);
      try {
        await show(DELETE_ACCOUNT);
        const [node] = await numberRows();
        const telephoneNumber = await tree.label(node);
        const recorded = script(api, { warnings: ['Delete Number'] });
        assert.equal(await run('acg.numbers.delete', node, [node]), undefined);
        assert.equal(recorded.progress.length, 1, 'refused inside the progress');
        // The role pre-flight: the token's roles say the reader holds ProvisioningAPI.Read only.
        assert.match(recorded.errors[0].message, /^Deleting numbers needs ProvisioningAPI\.Delete \(or ProvisioningAPI\.Admin\); .* holds ProvisioningAPI\.Read\. Nothing was sent\./);
        assert.equal(recorded.errors[0].items[0], 'Run Onboarding Checks…');
        assert.ok(await exists(telephoneNumber));
      } finally {
        await signInAs({ method: 'sandbox' });
      }
    });

    it('a page that fails to load shows an error row with Retry below the pages already shown', async () => {
      await setPageSize(5);
      await show(DELETE_ACCOUNT);
      await until('the first page of 5', async () => (await numberRows()).length === 5);
      // The account disappears between two pages: the next page is a 404.
      await (await clientOf(api, GATEWAY_LAB)).deleteAccount(DELETE_ACCOUNT, { deleteNumbers: true });
      const loadMore = (await rows())[5];
      const command = (await tree.item(loadMore)).command!;
      await run(command.command, ...(command.arguments ?? []));
      await until('the error row', async () => (await tree.item((await rows()).at(-1)!)).contextValue === 'acgError');
      const all = await rows();
      assert.equal(all.length, 6, 'the 5 numbers stay, then the error');
      assert.deepEqual(await tree.labels(all[5]), ['Retry']);
    });
  });

  describe('a multi-request delete cancelled between requests, then Open Audit Log', () => {
    const CANCEL_ACCOUNT = 'Numbers-Cancel-Test';
    const numbers = Array.from({ length: 110 }, (_, i) => `+1555020${String(i).padStart(4, '0')}`);

    before(async () => {
      await api.host.selection.select(selectionOf(api, GATEWAY_LAB));
      const client = await clientOf(api, GATEWAY_LAB);
      await client.createOrReplaceAccount({ name: CANCEL_ACCOUNT, serviceDetails: { teamsOperatorConnect: { enabled: true, syncEnabled: false } } });
      await client.createOrUpdateNumbersInBatches(
        CANCEL_ACCOUNT,
        numbers.map((telephoneNumber) => ({
          telephoneNumber,
          accountName: CANCEL_ACCOUNT,
          serviceDetails: { teamsOperatorConnect: { enabled: true, assignmentStatus: 'unassigned', configuration: { usage: 'FirstPartyAppAssignment', choosableCapabilities: ['InboundCalling'] } } },
        })),
      );
      await setPageSize(200);
      await show(CANCEL_ACCOUNT);
      await until('the test numbers', async () => (await numberRows()).length === 110);
    });

    after(async () => {
      await setPageSize(50);
      await (await clientOf(api, GATEWAY_LAB)).deleteAccount(CANCEL_ACCOUNT, { deleteNumbers: true }).catch(() => undefined);
      await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('stops before the second request and says what was done', async () => {
      const selected = await numberRows();
      // Cancel as the second request is announced: the first (100 numbers) has been answered, the second not sent.
      const recorded = script(api, { warnings: ['Delete 110 Numbers'], cancelProgressOn: /request 2 of 2/ });
      const result = await run<DeleteResult & { cancelledBetweenRequests?: { sent: unknown[]; inFlight: unknown[]; notSent: unknown[] } }>('acg.numbers.delete', selected[0], selected);
      const where = result?.cancelledBetweenRequests;
      assert.deepEqual([where?.sent.length, where?.inFlight.length, where?.notSent.length], [100, 0, 10]);
      assert.equal(recorded.warnings[1].message, 'Cancelled: 100 of 110 numbers were sent for deletion; 10 numbers were not touched. Refresh the Numbers view to see the result.');
      assert.equal(await (await clientOf(api, GATEWAY_LAB)).countNumbers(CANCEL_ACCOUNT), 10, 'the second request was never sent');
    });

    it('Open Audit Log shows the delete just made, read-only, with its request ids and no token', async () => {
      const editor = await run<vscode.TextEditor>('acg.openAuditLog');
      assert.ok(editor, 'the log opened');
      assert.equal(editor.document.uri.scheme, 'acg-audit', 'a virtual document: it cannot be saved back');
      const lines = editor.document.getText().trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const deletes = lines.filter((l) => l.operation === `delete 100 numbers from ${CANCEL_ACCOUNT}`);
      assert.equal(deletes.length, 1);
      const [entry] = deletes;
      assert.equal(entry.result, 'succeeded');
      assert.equal(entry.status, 204);
      assert.equal(entry.method, 'POST');
      assert.equal((entry.target as { numbers: string[] }).numbers.length, 100);
      assert.match(String(entry.repeatabilityRequestId), /^[0-9a-f-]{36}$/);
      assert.match(String(entry.clientRequestId), /^[0-9a-f-]{36}$/);
      assert.ok(entry.who, 'who made it');
      // Earlier in this run, the reader's refused delete: recorded, never sent.
      assert.ok(lines.some((l) => l.result === 'notSent' && l.errorCode === 'MissingProvisioningRole'));
      // The header, a bearer token, a JWT or a sandbox secret; not the word itself (ARM's AuthorizationFailed code is data).
      assert.doesNotMatch(editor.document.getText(), /"authorization"\s*:|\bbearer\s|eyJ[A-Za-z0-9_-]{10,}|sandbox-(operator|reader)-secret/i);
    });
  });
});

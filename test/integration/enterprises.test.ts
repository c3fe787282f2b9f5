// The Enterprises view inside a real VS Code (code-server), against the emulator's demo tenant: the tree as the
// provider serves it to VS Code, and every context action run as a menu runs it, with a node from the provider as the
// argument and the prompts scripted (api.host.ui). Error paths: 403 as the reader principal, a bad
// name (validation rejects, nothing is sent), a stale ETag, cancel, and a failing list shown as a row.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcgExtensionApi } from '../../src/extension';
import type { AccountResource, RequestForInformationResource } from '../../src/core/models';
import type { TreeNode } from '../../src/views/tree';
import { GATEWAY_PRODUCTION } from '../../emulator/seed/ids';
import { SEED_TENANT_IDS } from '../../emulator/seed/provisioning';
import {
  READER,
  TreeWalker,
  activateInEmulator,
  byLabel,
  clientOf,
  endScript,
  leaveEmulator,
  run,
  script,
  selectionOf,
  signInAs,
  until,
} from './enterprises.helpers';

const MUNSON = SEED_TENANT_IDS.munson;
const MUNSON_COMPANY = "Munson's Pickles and Preserves Farm";

describe('Enterprises view against the emulator', function () {
  this.timeout(60_000);
  let api: AcgExtensionApi;
  const tree = new TreeWalker(() => api.enterprises.provider);

  async function rfi(tenantId: string): Promise<RequestForInformationResource> {
    return (await (await clientOf(api, GATEWAY_PRODUCTION)).getRequestForInformation(tenantId)).resource;
  }

  async function gatewayRoot(): Promise<TreeNode> {
    return tree.path('contoso-prod-gw');
  }

  async function groupCounts(): Promise<[string, string][]> {
    const folder = await tree.child(await gatewayRoot(), 'Requests for information');
    const groups = await tree.children(folder);
    return Promise.all(groups.map(async (g) => [await tree.label(g), String((await tree.item(g)).description)] as [string, string]));
  }

  async function requestNode(group: string, company: string): Promise<TreeNode> {
    return tree.path('contoso-prod-gw', 'Requests for information', group, company);
  }

  async function accountNode(name: string): Promise<TreeNode> {
    return tree.path('contoso-prod-gw', 'Accounts', name);
  }

  /** Where Munson's request is now (its group changes as the tests update it). */
  async function munsonNode(): Promise<TreeNode> {
    const node = await api.enterprises.findRequest(MUNSON);
    assert.ok(node, 'Munson is listed');
    return node;
  }

  before(async () => {
    api = await activateInEmulator();
    if (api.host.signIn.signedIn) await api.host.signIn.signOut();
    await api.host.selection.select(undefined);
  });

  afterEach(() => endScript());

  after(async () => {
    await leaveEmulator(api);
  });

  describe('the tree', () => {
    it('is empty (the welcome content shows) until signed in and a gateway is selected', async () => {
      assert.deepEqual(await tree.children(), []);
      await signInAs({ method: 'sandbox' });
      assert.deepEqual(await tree.children(), []);
      await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
      await until('the gateway row', async () => (await tree.children()).length === 1);
      assert.deepEqual(await tree.labels(), ['contoso-prod-gw']);
      assert.deepEqual(await tree.labels(await gatewayRoot()), ['Requests for information', 'Accounts']);
    });

    it('groups requests for information by relationship status, "No status yet" first, with counts', async () => {
      assert.deepEqual(await groupCounts(), [
        ['No status yet', '1'],
        ['Consent acknowledged', '2'],
        ['Customer contacted', '3'],
        ['Agreement signed', '17'],
        ['Consent declined', '1'],
        ['Contract terminated', '1'],
      ]);
    });

    it('shows company, consent status and countries; tenant id, contacts and relationship in a Markdown tooltip', async () => {
      const fabrikam = await requestNode('Agreement signed', 'Fabrikam, Inc.');
      const item = await tree.item(fabrikam);
      assert.equal(item.description, 'active · US, CA · → Fabrikam-Finance');
      assert.equal(item.contextValue, 'acgRequest.linked');
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      const tooltip = await tree.tooltip(fabrikam);
      assert.match(tooltip, new RegExp(SEED_TENANT_IDS.fabrikam));
      assert.match(tooltip, /Dana Whitfield · dana\.whitfield@fabrikam\.example/);
      assert.match(tooltip, /\*\*Consent status:\*\* active/);
      const litware = await tree.item(await requestNode('Agreement signed', 'Litware, Inc.'));
      assert.equal((litware.iconPath as vscode.ThemeIcon).id, 'debug-pause', 'suspended consent');
      const munson = await tree.item(await requestNode('No status yet', MUNSON_COMPANY));
      assert.equal(munson.contextValue, 'acgRequest', 'no account yet: Create Account is offered, Go to Account is not');
      assert.equal(munson.collapsibleState, vscode.TreeItemCollapsibleState.None);
      const fineArt = await tree.item(await requestNode('Agreement signed', 'School of Fine Art'));
      assert.equal((fineArt.iconPath as vscode.ThemeIcon).id, 'error', 'a failed sync shows as an error');
      assert.match(await tree.tooltip(await requestNode('Agreement signed', 'School of Fine Art')), /TeamsOperatorConnectApiError/);
    });

    it('shows accounts with services, sync, number counts and provisioning status; a failed one with its errors', async () => {
      const describe = async (name: string): Promise<string> => String((await tree.item(await accountNode(name))).description);
      assert.equal(await describe('Fabrikam-Finance'), 'OC 6, TPM 2 · sync on');
      assert.equal(await describe('Northwind-Bulk'), 'OC 100,000 · sync on');
      assert.equal(await describe('Wingtip-Toys'), 'OC 4 · sync off');
      assert.equal(await describe('Relecloud'), 'OC 2, Zoom 2 · sync on');
      const litware = await accountNode('Litware-Inc');
      const item = await tree.item(litware);
      assert.match(String(item.description), /failed$/);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
      assert.match(await tree.tooltip(litware), /`TeamsConsentNotActive`: Microsoft Teams rejected the request/);
      assert.equal(item.contextValue, 'acgAccount.linked');
      assert.equal((await tree.item(await accountNode('Southridge-Video'))).contextValue, 'acgAccount', 'Direct Routing only: no request to link to');
    });

    it("lists an account's civic addresses (read-only) with locations, ELIN and validation status", async () => {
      const addresses = await tree.path('contoso-prod-gw', 'Accounts', 'Fabrikam-Finance', 'Civic addresses');
      assert.equal((await tree.item(addresses)).description, 'read-only');
      const rows = await tree.children(addresses);
      const items = await Promise.all(rows.map((r) => tree.item(r)));
      assert.deepEqual(items.map((i) => [i.label, i.description]), [
        ['Fabrikam campus, building 4', '15010 NE 36th St, Redmond WA 98052, US · validated · 2 locations'],
        ['Fabrikam Seattle sales office', '400 Broad St, Seattle WA 98109, US · not validated · 1 location'],
      ]);
      assert.equal((items[1].iconPath as vscode.ThemeIcon).id, 'warning');
      const locations = await Promise.all((await tree.children(rows[0])).map((r) => tree.item(r)));
      assert.deepEqual(locations.map((i) => [i.label, i.description]), [
        ['Main lobby', 'ELIN 4255550199 · default'],
        ['Building 4, floor 2', 'ELIN 4255550198'],
      ]);
    });

    it('keeps ids across a refresh (so VS Code keeps what was expanded)', async () => {
      const before = (await tree.children(await tree.path('contoso-prod-gw', 'Accounts'))).map((n) => n.id);
      await run('acg.enterprises.refresh');
      await until('the accounts again', async () => (await tree.children(await tree.path('contoso-prod-gw', 'Accounts'))).length === before.length);
      assert.deepEqual((await tree.children(await tree.path('contoso-prod-gw', 'Accounts'))).map((n) => n.id), before);
    });

    it('shows a failing list as an error row with Retry, not a notification', async () => {
      await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION, 'nosuchgw.commsgw.azure.com'));
      try {
        await until('the new gateway row', async () => (await tree.labels())[0] === 'contoso-prod-gw' && (await tree.item((await tree.children())[0])).description === 'provapi.nosuchgw.commsgw.azure.com');
        const folder = await tree.child(await gatewayRoot(), 'Requests for information');
        const [error] = await tree.children(folder);
        const item = await tree.item(error);
        assert.equal(item.contextValue, 'acgError');
        assert.deepEqual(await tree.labels(error), ['Retry']);
      } finally {
        await api.host.selection.select(selectionOf(api, GATEWAY_PRODUCTION));
      }
      await until('the groups again', async () => (await groupCounts()).length === 6);
    });
  });

  describe('links and copies', () => {
    it('Go to Account reveals the account of a request (from its row and its context menu)', async () => {
      const fabrikam = await requestNode('Agreement signed', 'Fabrikam, Inc.');
      const [link] = await tree.children(fabrikam);
      const command = (await tree.item(link)).command;
      assert.equal(command?.command, 'acg.enterprises.goToAccount');
      const account = await run<TreeNode>(command.command, ...(command.arguments ?? []));
      assert.equal(account?.id, (await accountNode('Fabrikam-Finance')).id);
      await until('the account to be selected', () => api.enterprises.view.selection[0]?.id === account?.id);
    });

    it('Go to Request for Information reveals the consent of an account’s tenant', async () => {
      const account = await accountNode('Woodgrove-Bank');
      const link = await tree.child(account, 'Go to Request for Information');
      const command = (await tree.item(link)).command;
      const request = await run<TreeNode>(command!.command, ...(command!.arguments ?? []));
      assert.equal(request?.id, (await requestNode('Agreement signed', 'Woodgrove Bank')).id);
      await until('the request to be selected', () => api.enterprises.view.selection[0]?.id === request?.id);
    });

    it('Copy Tenant ID copies from a request and from an account', async () => {
      const recorded = script(api);
      assert.equal(await run('acg.enterprises.copyTenantId', await requestNode('Agreement signed', 'Adatum Corporation')), SEED_TENANT_IDS.adatum);
      assert.equal(await run('acg.enterprises.copyTenantId', await accountNode('Adatum-Corp')), SEED_TENANT_IDS.adatum);
      assert.deepEqual(recorded.clipboard, [SEED_TENANT_IDS.adatum, SEED_TENANT_IDS.adatum]);
    });
  });

  describe('Update Relationship Status', () => {
    it('offers the five statuses, takes an optional reference (≤64, checked as typed), sends it with If-Match and moves the request', async () => {
      const recorded = script(api, {
        picks: [byLabel('Customer contacted')],
        inputs: [
          (options) => {
            assert.match(options.validateInput?.('x'.repeat(65)) as string, /at most 64/);
            assert.equal(options.validateInput?.(''), undefined, 'optional for Customer contacted');
            return 'CRM-4711';
          },
        ],
      });
      const updated = await run<RequestForInformationResource>('acg.enterprises.updateRelationship', await munsonNode());
      assert.equal(updated?.customerRelationship?.status, 'CustomerContacted');
      assert.deepEqual(recorded.quickPicks[0].items.map((i) => i.label), ['Consent acknowledged', 'Customer contacted', 'Agreement signed', 'Consent declined', 'Contract terminated']);
      assert.equal(recorded.progress.length, 1);
      const stored = await rfi(MUNSON);
      assert.deepEqual([stored.customerRelationship?.status, stored.customerRelationship?.comment], ['CustomerContacted', 'CRM-4711']);
      await until('the request in its new group', async () => (await groupCounts())[0][1] === '0');
      assert.deepEqual((await groupCounts()).slice(0, 3), [['No status yet', '0'], ['Consent acknowledged', '2'], ['Customer contacted', '4']]);
      assert.equal(api.enterprises.view.selection[0]?.id, (await munsonNode()).id, 'revealed in its new group');
    });

    it('requires a reason for Consent declined: the input box refuses an empty or 65-character reason, and nothing is sent', async () => {
      const recorded = script(api, {
        picks: [byLabel('Consent declined')],
        inputs: [
          (options) => {
            assert.match(options.prompt ?? '', /Required/);
            assert.match(options.validateInput?.('  ') as string, /needs a reason/);
            assert.match(options.validateInput?.('r'.repeat(65)) as string, /65 characters: at most 64/);
            assert.equal(options.validateInput?.('r'.repeat(64)), undefined);
            // Automation can answer past the validation: the command checks again and sends nothing.
            return '';
          },
        ],
      });
      assert.equal(await run('acg.enterprises.updateRelationship', await munsonNode()), undefined);
      assert.equal(recorded.progress.length, 0, 'nothing was sent');
      assert.equal((await rfi(MUNSON)).customerRelationship?.status, 'CustomerContacted');
    });

    it('sends Contract terminated with its reason', async () => {
      script(api, { picks: [byLabel('Contract terminated')], inputs: [() => 'Ended at customer request (CT-99)'] });
      const updated = await run<RequestForInformationResource>('acg.enterprises.updateRelationship', await munsonNode());
      assert.deepEqual(updated?.customerRelationship && [updated.customerRelationship.status, updated.customerRelationship.comment], ['ContractTerminated', 'Ended at customer request (CT-99)']);
    });

    it('refuses to overwrite a change made meanwhile (If-Match with the ETag it read)', async () => {
      const recorded = script(api, {
        picks: [
          async (items) => {
            // Someone else changes the relationship while the quick pick is open.
            await (await clientOf(api, GATEWAY_PRODUCTION)).updateCustomerRelationship(MUNSON, { status: 'AgreementSigned', comment: 'signed elsewhere' });
            return byLabel('Consent acknowledged')(items);
          },
        ],
        inputs: [() => 'late'],
      });
      assert.equal(await run('acg.enterprises.updateRelationship', await munsonNode()), undefined);
      assert.equal(recorded.progress.length, 1, 'sent once, refused with 412');
      assert.equal((await rfi(MUNSON)).customerRelationship?.comment, 'signed elsewhere');
    });

    it('changes nothing when the quick pick or the input box is cancelled', async () => {
      const before = await rfi(MUNSON);
      script(api, { picks: [() => undefined] });
      assert.equal(await run('acg.enterprises.updateRelationship', await munsonNode()), undefined);
      const recorded = script(api, { picks: [byLabel('Agreement signed')], inputs: [() => undefined] });
      assert.equal(await run('acg.enterprises.updateRelationship', await munsonNode()), undefined);
      assert.equal(recorded.progress.length, 0);
      assert.deepEqual((await rfi(MUNSON)).customerRelationship, before.customerRelationship);
    });

    it('asks which request with a quick pick when started from the command palette', async () => {
      const recorded = script(api, { picks: [byLabel('Bellows College'), byLabel('Customer contacted')], inputs: [() => 'Call 2025-02-01'] });
      const updated = await run<RequestForInformationResource>('acg.enterprises.updateRelationship');
      assert.equal(updated?.customerRelationship?.status, 'CustomerContacted');
      assert.equal(recorded.quickPicks[0].items.length, 25, 'every request of the gateway');
    });
  });

  describe('Create Account from Request', () => {
    it('rejects a bad name in the input box and sends nothing when one gets past it', async () => {
      const recorded = script(api, {
        inputs: [
          (options) => {
            assert.equal(options.value, 'Munson-s-Pickles-and-Preserves-Farm', 'suggested from the company');
            assert.match(options.validateInput?.('bad name!') as string, /contains spaces '!'/);
            assert.match(options.validateInput?.('Fabrikam-Finance') as string, /already exists/);
            assert.equal(options.validateInput?.('Munson-Pickles'), undefined);
            return 'bad name!';
          },
        ],
        pickMany: [(items) => items.filter((i) => i.picked)],
        picks: [byLabel('Sync with Microsoft Teams')],
      });
      assert.equal(await run('acg.enterprises.createAccount', await munsonNode()), undefined);
      assert.equal(recorded.progress.length, 0, 'nothing was sent');
      const accounts = await api.host.enterprises.current()!.data.accounts();
      assert.ok(!accounts.some((a) => a.name === 'bad name!'));
    });

    it('changes nothing when the services pick is cancelled', async () => {
      const recorded = script(api, { inputs: [() => 'Munson-Pickles'], pickMany: [() => undefined] });
      assert.equal(await run('acg.enterprises.createAccount', await munsonNode()), undefined);
      assert.equal(recorded.progress.length, 0);
    });

    it('creates the account with the Teams tenant of the request, the chosen services and sync, then reveals it', async () => {
      const recorded = script(api, {
        inputs: [() => 'Munson-Pickles'],
        pickMany: [
          (items) => {
            assert.deepEqual(items.map((i) => [i.label, i.picked]), [['Operator Connect (OC)', true], ['Teams Phone Mobile (TPM)', false], ['Zoom Phone Cloud Peering', false]]);
            return items.slice(0, 2);
          },
        ],
        picks: [byLabel('Do not sync')],
      });
      const created = await run<AccountResource>('acg.enterprises.createAccount', await munsonNode());
      assert.equal(created?.name, 'Munson-Pickles');
      assert.equal(recorded.progress.length, 1);
      const stored = (await (await clientOf(api, GATEWAY_PRODUCTION)).getAccount('Munson-Pickles')).resource;
      assert.equal(stored.serviceDetails?.teamsTenantId?.toLowerCase(), MUNSON.toLowerCase());
      assert.deepEqual([stored.serviceDetails?.teamsOperatorConnect?.syncEnabled, stored.serviceDetails?.teamsPhoneMobile?.enabled], [false, true]);
      const accountId = (await accountNode('Munson-Pickles')).id;
      await until('the new account to be selected', () => api.enterprises.view.selection[0]?.id === accountId);
      // The request now links to it, both ways.
      assert.equal((await tree.item(await munsonNode())).contextValue, 'acgRequest.linked');
      assert.equal((await tree.item(await accountNode('Munson-Pickles'))).contextValue, 'acgAccount.linked');
    });
  });

  describe('Show Numbers', () => {
    it('sets the Numbers view to the account and shows its first page', async () => {
      const root = await run<TreeNode>('acg.enterprises.showNumbers', await accountNode('Fabrikam-Finance'));
      assert.ok(root);
      const numbers = api.numbers;
      assert.deepEqual(numbers.scope, { kind: 'account', accountName: 'Fabrikam-Finance' });
      assert.equal(numbers.view.description, 'Fabrikam-Finance');
      const rows = await numbers.provider.getChildren(root);
      assert.equal(rows.length, 8);
    });

    it('asks which account with a quick pick when started from the command palette', async () => {
      script(api, { picks: [byLabel('Woodgrove-Bank')] });
      await run('acg.enterprises.showNumbers');
      assert.deepEqual(api.numbers.scope, { kind: 'account', accountName: 'Woodgrove-Bank' });
    });
  });

  describe('as the read-only principal', () => {
    before(async () => {
      await signInAs(READER);
      await until('the tree for the reader', async () => (await tree.children()).length === 1);
    });

    after(async () => {
      await signInAs({ method: 'sandbox' });
    });

    it('reads the tree, but Update Relationship Status is refused before sending (role pre-flight) and nothing changes', async () => {
      const before = await rfi(SEED_TENANT_IDS.bellows);
      const recorded = script(api, { picks: [byLabel('Agreement signed')], inputs: [() => 'not allowed'] });
      assert.equal(await run('acg.enterprises.updateRelationship', await requestNode('Customer contacted', 'Bellows College')), undefined);
      assert.equal(recorded.progress.length, 1, 'refused inside the progress');
      assert.match(recorded.errors[0]?.message ?? '', /^Updating a relationship status needs ProvisioningAPI\.Write \(or ProvisioningAPI\.Admin\); .* holds ProvisioningAPI\.Read\./);
      assert.deepEqual((await rfi(SEED_TENANT_IDS.bellows)).customerRelationship, before.customerRelationship);
    });

    it('Create Account from Request is refused before sending (role pre-flight) and no account appears', async () => {
      const recorded = script(api, { inputs: [() => 'Reader-Made'], pickMany: [(items) => items.slice(0, 1)], picks: [byLabel('Sync with Microsoft Teams')] });
      assert.equal(await run('acg.enterprises.createAccount', await requestNode('Consent acknowledged', 'Proseware, Inc.')), undefined);
      assert.match(recorded.errors[0]?.message ?? '', /^Creating accounts needs ProvisioningAPI\.Write \(or ProvisioningAPI\.Admin\)/);
      assert.deepEqual(recorded.errors[0]?.items.slice(0, 1), ['Run Onboarding Checks…']);
      const names = (await api.host.enterprises.current()!.data.accounts()).map((a) => a.name);
      assert.ok(!names.includes('Reader-Made'));
    });
  });
});

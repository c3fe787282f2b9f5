// Integration tests: the real extension in a real VS Code (code-server here, desktop VS Code through
// npm run test:desktop). They check what package.json promises against what the running extension provides.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, nextEvent } from './helpers';

const CONTAINER_ID = 'acg';

interface Contributes {
  commands?: { command: string; title: string; category?: string }[];
  viewsContainers?: { activitybar?: { id: string; title: string }[] };
  views?: Record<string, { id: string; name: string }[]>;
  configuration?: { properties?: Record<string, { scope?: string }> };
}

function contributesOf(extension: vscode.Extension<unknown>): Contributes {
  const packageJSON = extension.packageJSON as { contributes?: Contributes };
  assert.ok(packageJSON.contributes, 'package.json has contributes');
  return packageJSON.contributes;
}

describe('Azure Communications Gateway Tools', () => {
  let extension: vscode.Extension<unknown>;
  let contributes: Contributes;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is loaded`);
    await found.activate();
    extension = found;
    contributes = contributesOf(found);
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
    console.log(`    (VS Code ${vscode.version}, ${vscode.env.appName}, ui ${vscode.UIKind[vscode.env.uiKind]})`);
  });

  it('registers every command contributed in package.json', async () => {
    const contributed = (contributes.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
      'contributed but not registered',
    );
  });

  it('contributes the Communications Gateway container and opens it', async () => {
    const container = contributes.viewsContainers?.activitybar?.find((c) => c.id === CONTAINER_ID);
    assert.equal(container?.title, 'Communications Gateway');
    await vscode.commands.executeCommand(`workbench.view.extension.${CONTAINER_ID}`);
  });

  describe('views', () => {
    const expected = [
      ['acg.gateways', 'Gateways'],
      ['acg.enterprises', 'Enterprises'],
      ['acg.numbers', 'Numbers'],
    ] as const;
    for (const [id, name] of expected) {
      it(`opens the ${name} view (${id})`, async () => {
        const view = contributes.views?.[CONTAINER_ID]?.find((v) => v.id === id);
        assert.equal(view?.name, name);
        await vscode.commands.executeCommand(`${id}.focus`);
      });
    }
  });

  it('shows its log output channel "Communications Gateway" with acg.showLog', async () => {
    const isOurLog = (document: vscode.TextDocument): boolean =>
      document.uri.scheme === 'output' && document.uri.path.includes('Communications Gateway');
    const opened = vscode.workspace.textDocuments.find(isOurLog)
      ? Promise.resolve(vscode.workspace.textDocuments.find(isOurLog)!)
      : nextEvent(vscode.workspace.onDidOpenTextDocument, isOurLog, 'the log channel to open', 10_000);
    await vscode.commands.executeCommand('acg.showLog');
    const document = await opened;
    // The channel is a LogOutputChannel backed by a file: its first line is the activation message.
    if (!document.getText().includes('Activated')) {
      await nextEvent(
        vscode.workspace.onDidChangeTextDocument,
        (change) => change.document === document && document.getText().includes('Activated'),
        'the activation message in the log',
        10_000,
      );
    }
    assert.match(document.getText(), /\[info\] Activated \(/);
  });

  it('keeps acg.cloud application-scoped and acg.emulator.url machine-scoped', () => {
    const properties = contributes.configuration?.properties ?? {};
    assert.equal(properties['acg.cloud']?.scope, 'application');
    assert.equal(properties['acg.emulator.url']?.scope, 'machine');
  });
});

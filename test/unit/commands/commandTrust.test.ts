// Issue 13 §4: in an untrusted workspace only reading features run. Every writing command of the one command table is
// hidden by its package.json `when` clauses and refused at run time by guardWrites; a reading command is neither.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardWrites, WRITING_COMMANDS } from '../../../src/commands/commandTrust';
import type { CommandContext, CommandHandler } from '../../../src/commands/context';
import { COMMANDS, type CommandKey } from '../../../src/host/ids';

const root = join(__dirname, '..', '..', '..');
interface MenuEntry {
  command?: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; keybindings?: MenuEntry[] };
  capabilities: { untrustedWorkspaces: { supported: unknown } };
};
const KEYS = Object.keys(COMMANDS) as CommandKey[];
const WRITES = KEYS.filter((key) => WRITING_COMMANDS.has(key));
const READS = KEYS.filter((key) => !WRITING_COMMANDS.has(key));

/** Every place a command shows up: each menu's entries, and keybindings. */
function entriesOf(id: string): { where: string; when: string | undefined }[] {
  const menus = Object.entries(manifest.contributes.menus).flatMap(([where, entries]) => entries.filter((e) => e.command === id).map((e) => ({ where, when: e.when })));
  const keys = (manifest.contributes.keybindings ?? []).filter((e) => e.command === id).map((e) => ({ where: 'keybindings', when: e.when }));
  return [...menus, ...keys];
}

/** True when the clause cannot hold in an untrusted workspace (a top-level `isWorkspaceTrusted &&` conjunct, or false). */
const requiresTrust = (when: string | undefined): boolean => when === 'false' || (when !== undefined && !when.includes('||') && /(^|&&)\s*isWorkspaceTrusted\s*(&&|$)/.test(when));

describe('workspace trust: only reading features run in an untrusted workspace (issue 13 §4)', () => {
  it('package.json declares limited support for untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('the service-writing commands are the ones classified as writes', () => {
    // The commands known to change a service; a new one is classified when it is added to the table (the type insists).
    for (const key of ['addTestLine', 'deleteTestLine', 'updateRelationship', 'createAccount', 'deleteNumbers', 'createNumbers', 'editNumbers', 'importNumbersCsv', 'applyProvisioningPlan', 'resumeProvisioningApply'] as const) {
      assert.ok(WRITING_COMMANDS.has(key), key);
    }
    for (const key of ['refreshGateways', 'openOverview', 'planProvisioning', 'validateWorkspace', 'signIn', 'manageNumbers'] as const) assert.ok(!WRITING_COMMANDS.has(key), key);
  });

  for (const key of WRITES) {
    it(`${COMMANDS[key]} (writes) is hidden from the palette and every menu while the workspace is untrusted`, () => {
      const entries = entriesOf(COMMANDS[key]);
      assert.ok(entries.some((e) => e.where === 'commandPalette'), `${COMMANDS[key]}: a commandPalette entry (without one the palette always shows it)`);
      for (const entry of entries) assert.ok(requiresTrust(entry.when), `${COMMANDS[key]} in ${entry.where}: when "${entry.when ?? ''}" does not require isWorkspaceTrusted`);
    });
  }

  it('a reading command stays available: no trust clause on Refresh, Open Gateway Overview or Plan', () => {
    for (const key of ['refreshGateways', 'openOverview', 'planProvisioning'] as const) {
      for (const entry of entriesOf(COMMANDS[key])) assert.ok(!/isWorkspaceTrusted/.test(entry.when ?? ''), `${COMMANDS[key]} in ${entry.where}`);
    }
    assert.ok(READS.every((key) => entriesOf(COMMANDS[key]).every((e) => !/isWorkspaceTrusted/.test(e.when ?? ''))), 'no reading command needs trust');
  });

  describe('guardWrites, the run-time guard the command table wraps every handler with', () => {
    const ran: CommandKey[] = [];
    const handlers = Object.fromEntries(KEYS.map((key) => [key, (() => (ran.push(key), 'ran')) as CommandHandler])) as { [K in CommandKey]: CommandHandler };
    const ctx = {} as CommandContext;

    it('untrusted: every writing command is refused without running, every reading command runs', async () => {
      ran.length = 0;
      const refused: CommandContext[] = [];
      const guarded = guardWrites(handlers, () => false, (c) => (refused.push(c), 'refused'));
      for (const key of KEYS) assert.equal(await guarded[key](ctx), WRITING_COMMANDS.has(key) ? 'refused' : 'ran', key);
      assert.deepEqual(ran, READS);
      assert.equal(refused.length, WRITES.length);
    });

    it('trusted: everything runs, and trust is asked at run time (granting it later takes effect)', async () => {
      ran.length = 0;
      let trusted = false;
      const guarded = guardWrites(handlers, () => trusted, () => 'refused');
      assert.equal(await guarded.deleteNumbers(ctx), 'refused');
      trusted = true;
      for (const key of KEYS) assert.equal(await guarded[key](ctx), 'ran', key);
      assert.deepEqual(ran, KEYS);
    });

    it('the command table registers the guarded handlers', () => {
      const table = readFileSync(join(root, 'src', 'commands', 'registerCommands.ts'), 'utf8');
      assert.match(table, /const handlers = guardWrites\(COMMAND_HANDLERS, \(\) => vscode\.workspace\.isTrusted,/);
      assert.match(table, /const handler = handlers\[key\];/);
    });
  });
});

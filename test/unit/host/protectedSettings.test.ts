// Issue 13 §4: a workspace setting cannot redirect an endpoint or authority, nor turn on sign-in. Two layers, each
// tested: package.json scopes every such setting "application" or "machine" (VS Code keeps those out of workspace and
// folder settings), and the host reads them through protectedSettingValue, which ignores workspace and folder values.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROTECTED_SETTINGS, protectedSettingValue, type SettingInspector } from '../../../src/host/protectedSettings';

const root = join(__dirname, '..', '..', '..');
interface SettingSchema {
  scope?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations?: string[] } };
};
const SETTINGS = manifest.contributes.configuration.properties;

/** Words that make a setting one that could redirect a token or start a sign-in. */
const SENSITIVE = /url|uri\b|endpoint|authority|\bhost|cloud|emulator|tenant|sign[- ]?in|signin|client ?id|\bscope\b|secret|credential/i;

/**
 * Settings whose text mentions such a word but that cannot redirect or sign in, each with why. Each must also be a
 * restricted configuration (VS Code ignores its workspace value until the workspace is trusted) and default off.
 */
const NOT_REDIRECTING: Readonly<Record<string, string>> = {
  'acg.config.liveChecks': 'turns on read-only checks of plan files against the cloud already chosen in user settings, after the user signed in',
};

const sensitiveSettings = (): string[] =>
  Object.entries(SETTINGS)
    .filter(([key, schema]) => SENSITIVE.test(key) || SENSITIVE.test(`${schema.description ?? ''} ${schema.markdownDescription ?? ''}`))
    .map(([key]) => key);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('settings: a workspace cannot redirect an endpoint or turn on sign-in (issue 13 §4)', () => {
  it('every setting about a URL, endpoint, authority, cloud, emulator, tenant, client id, scope or sign-in is application- or machine-scoped', () => {
    const found = sensitiveSettings();
    assert.ok(found.includes('acg.cloud') && found.includes('acg.emulator.url'), `the keyword net catches the known ones (found ${found.join(', ')})`);
    for (const key of found) {
      if (key in NOT_REDIRECTING) continue;
      assert.ok(['application', 'machine'].includes(SETTINGS[key].scope ?? 'window'), `${key} is scoped "${SETTINGS[key].scope ?? 'window'}": a workspace could set it`);
    }
  });

  it('the few exempt settings cannot redirect: restricted in untrusted workspaces and off by default', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const key of Object.keys(NOT_REDIRECTING)) {
      assert.ok(key in SETTINGS, `${key} still exists`);
      assert.ok(restricted.includes(key), `${key} is a restricted configuration`);
      assert.equal(SETTINGS[key].default, false, `${key} is off by default`);
    }
  });

  it('the host reads exactly those settings through protectedSettingValue', () => {
    const scoped = sensitiveSettings().filter((key) => !(key in NOT_REDIRECTING));
    assert.deepEqual([...PROTECTED_SETTINGS].map((key) => `acg.${key}`).sort(), scoped.sort());
  });

  it('no module reads a protected setting with get() (which would merge a workspace value)', () => {
    const keys = PROTECTED_SETTINGS.map((key) => key.replace('.', '\\.')).join('|');
    const direct = new RegExp(`\\.get\\s*(<[^>]*>)?\\(\\s*['"\`](acg\\.)?(${keys})['"\`]`);
    for (const file of tsFiles(join(root, 'src'))) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), direct, `${relative(root, file)} reads a protected setting with get()`);
    }
  });

  describe('protectedSettingValue, with a configuration whose workspace value differs', () => {
    const fake = (values: { defaultValue?: unknown; globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }): SettingInspector => ({
      inspect: () => values,
    });
    const workspace = { workspaceValue: 'https://evil.example.com', workspaceFolderValue: 'https://evil.example.com/folder' };

    for (const key of PROTECTED_SETTINGS) {
      it(`${key}: the workspace and folder values are ignored; the user value, else the default, counts`, () => {
        assert.equal(protectedSettingValue(fake({ defaultValue: 'default', ...workspace }), key), 'default');
        assert.equal(protectedSettingValue(fake({ defaultValue: 'default', globalValue: 'user', ...workspace }), key), 'user');
        assert.equal(protectedSettingValue(fake({ ...workspace }), key), undefined);
      });
    }

    it('a workspace cannot turn on sign-in: sandbox.autoSignIn true in the workspace reads as the default (false)', () => {
      assert.equal(protectedSettingValue(fake({ defaultValue: false, workspaceValue: true, workspaceFolderValue: true }), 'sandbox.autoSignIn'), false);
    });

    it('a user value of false is kept (not mistaken for unset)', () => {
      assert.equal(protectedSettingValue(fake({ defaultValue: true, globalValue: false, workspaceValue: true }), 'sandbox.autoSignIn'), false);
    });
  });
});

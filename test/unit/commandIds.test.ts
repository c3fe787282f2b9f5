// The ids in src/host/ids.ts and the contributions in package.json are the same set: a command with a handler but no
// contribution cannot be found in the palette, and a contribution without a handler fails when clicked. (That every id
// has a handler is the command table's type: it does not compile otherwise.)
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../../src/host/ids';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs?: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const ids: string[] = Object.values(COMMANDS);

describe('command ids and package.json', () => {
  it('contributes exactly the commands of the id module', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, [...ids].sort());
  });

  it('gives every command a title and the Communications Gateway category, so the palette finds it', () => {
    const bad = manifest.contributes.commands.filter((c) => c.category !== 'Communications Gateway' || !c.title.trim()).map((c) => c.command);
    assert.deepEqual(bad, []);
  });

  it('refers only to known commands from menus and welcome views', () => {
    const known = new Set(ids);
    const fromMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((e) => e.command));
    const fromWelcome = manifest.contributes.viewsWelcome.flatMap((w) => [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.deepEqual([...fromMenus, ...fromWelcome].filter((id) => !known.has(id)), []);
  });

  it('contributes the views of the id module, and uses only its context keys for them', () => {
    const views = Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id));
    assert.deepEqual([...views].sort(), Object.values(VIEWS).sort());
    const keys = new Set(Object.values(CONTEXT_KEYS));
    const used = [...JSON.stringify(manifest.contributes).matchAll(/\bacg\.(?:signedIn|gatewaySelected|numbers\.filtered|[a-zA-Z]+Selected)\b/g)].map((m) => m[0]);
    assert.deepEqual(used.filter((key) => !keys.has(key as (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS])), []);
  });

  it('links walkthrough steps only to known commands, completes them only on known context keys or commands, and ships their media', () => {
    const known = new Set(ids);
    const keys = new Set<string>(Object.values(CONTEXT_KEYS));
    const steps = (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps);
    assert.ok(steps.length >= 5, 'the onboarding walkthrough has its steps');
    const linked = steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.ok(linked.includes(COMMANDS.runOnboardingChecks));
    assert.deepEqual(linked.filter((id) => !known.has(id)), []);
    const events = steps.flatMap((s) => s.completionEvents ?? []);
    const bad = events.filter((event) => {
      const [kind, value] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
      return !((kind === 'onContext' && keys.has(value)) || (kind === 'onCommand' && known.has(value)));
    });
    assert.deepEqual(bad, []);
    assert.deepEqual(steps.filter((s) => !s.media.markdown || !existsSync(join(__dirname, '..', '..', s.media.markdown))).map((s) => s.id), []);
  });
});

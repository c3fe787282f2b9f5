// One sample of bench:activation, in a fresh process so that nothing is cached: require the bundle (load and parse)
// and run activate() against the stand-in for `vscode`, then print the two times as JSON. Bundled to plain JS before
// it runs, so no TypeScript loader sits between Node and the bundle being timed.
import { createRequire } from 'node:module';
import { fakeExtensionContext, installFakeVscode } from '../../test/support/fakeVscode';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: node activateOnce.js <bundle.js>');
const fake = installFakeVscode();
const start = process.hrtime.bigint();
const extension = createRequire(__filename)(bundle) as { activate(context: unknown): unknown };
const required = process.hrtime.bigint();
extension.activate(fakeExtensionContext());
const activated = process.hrtime.bigint();
fake.restore();
const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;
process.stdout.write(`${JSON.stringify({ requireMs: ms(start, required), activateMs: ms(required, activated), lazyLoaded: fake.loaded.filter((f) => /[\\/]lazy[\\/]/.test(f)).length })}\n`);
// Activation may leave timers or listeners behind (as it would in VS Code); the sample is taken.
process.exit(0);

// A stand-in for the `vscode` module, for loading and activating the built extension in plain Node: the activation
// test proves on the real bundle that activation loads none of the lazy bundles, and bench:activation times it. Every
// property is a callable, constructible stub that returns another stub, so any API the extension calls at activation
// answers something harmless; nothing here pretends to behave like VS Code beyond that.
import { readFileSync } from 'node:fs';
import Module from 'node:module';

type Stub = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

function makeStub(): Stub {
  const target = function stub(): void {} as unknown as Stub;
  const handler: ProxyHandler<Stub> = {
    get: (_target, key) => {
      // Template strings and string concatenation ask for a primitive.
      if (key === Symbol.toPrimitive) return () => 'stub';
      if (key === 'then') return undefined; // not a thenable: `await stub` must not hang
      if (key === Symbol.iterator) return function* empty(): Generator<never> {};
      return proxy;
    },
    // Assignments (item.text = …) are accepted and forgotten.
    set: () => true,
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy = new Proxy(target, handler);
  return proxy;
}

/** The module: a plain object whose own properties are the real API's top-level names, each a stub, as the real
 * `vscode` object is (esbuild's `import * as vscode` copies its own properties). */
function makeModule(): Record<string, unknown> {
  const stub = makeStub();
  const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...declarations.matchAll(/^\s{1,4}export (?:namespace|class|enum|function|const|let) (\w+)/gm)].map((m) => m[1]));
  return Object.fromEntries([...names].map((name) => [name, stub]));
}

interface Loader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

export interface FakeVscode {
  /** Every file `require` loaded since install (absolute paths, in order). */
  readonly loaded: string[];
  restore(): void;
}

/** Makes `require('vscode')` return the stub and records what else is required. */
export function installFakeVscode(): FakeVscode {
  const loader = Module as unknown as Loader;
  const original = loader._load;
  const vscode = makeModule();
  const loaded: string[] = [];
  loader._load = function load(request: string, parent: unknown, isMain: boolean): unknown {
    if (request === 'vscode') return vscode;
    const parentModule = parent as { filename?: string } | undefined;
    if (request.startsWith('.') && parentModule?.filename) loaded.push(Module.createRequire(parentModule.filename).resolve(request));
    return original.call(this, request, parent, isMain);
  };
  return {
    loaded,
    restore: () => {
      loader._load = original;
    },
  };
}

class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : defaultValue) as T | undefined;
  }
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
  setKeysForSync(): void {}
}

/** An ExtensionContext with real subscriptions and mementos (stubs for the rest). */
export function fakeExtensionContext(): { subscriptions: { dispose(): unknown }[]; [key: string]: unknown } {
  const stub = makeStub();
  return {
    subscriptions: [],
    globalState: new MemoryMemento(),
    workspaceState: new MemoryMemento(),
    secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: stub },
    extensionUri: stub,
    extensionPath: __dirname,
    asAbsolutePath: (relative: string) => relative,
    extension: stub,
    logUri: stub,
    globalStorageUri: stub,
    storageUri: undefined,
    extensionMode: 3,
  };
}

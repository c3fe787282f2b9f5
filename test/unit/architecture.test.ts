// The layering rules of DESIGN.md, checked on the source text: core ← azure ← host ← faces (views, webviews, commands,
// diagnostics, cli), wired in extension.ts. ESLint enforces the vscode part too; this test fails even when lint is
// skipped, and covers what lint does not: which layer may import which, what a webview's browser code may reach, and
// that the CLI's whole import closure stays free of 'vscode'.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..', '..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** The repository-relative file a relative specifier points at ('src/host/ui.ts'), or undefined for a package. */
export function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split(sep).join('/');
  }
  return relative(root, base).split(sep).join('/');
}

interface Edge {
  from: string;
  specifier: string;
  /** Repository-relative target for relative imports; undefined for packages. */
  to: string | undefined;
}

function edgesOf(layer: string): Edge[] {
  return sourceFiles(join(root, layer)).flatMap((file) => {
    const from = relative(root, file).split(sep).join('/');
    return importsOf(readFileSync(file, 'utf8')).map((specifier) => ({ from, specifier, to: resolveSpecifier(file, specifier) }));
  });
}

function show(edges: Edge[]): string[] {
  return edges.map((e) => `${e.from} imports '${e.specifier}'`);
}

const inLayer = (layer: string) => (edge: Edge): boolean => edge.to !== undefined && (edge.to === `${layer}.ts` || edge.to.startsWith(`${layer}/`));
const FACES = ['src/views', 'src/webviews', 'src/commands', 'src/diagnostics', 'src/cli'];
const anyFace = (edge: Edge): boolean => FACES.some((face) => inLayer(face)(edge)) || edge.to === 'src/extension.ts';
/** Modules that define tree node types (commands may use these to recognise the row they were run on). */
const TREE_NODE_MODULE = /^src\/views\/(?:.+\/)?(?:\w+Nodes?|treeNode)\.ts$/;
/** Browser code of a webview: its app.ts and browser/ folder, and the shared browser modules. */
const isBrowserCode = (file: string): boolean => /^src\/webviews\/[^/]+\/(app\.ts$|browser\/)/.test(file);

describe('architecture', () => {
  it('finds imports of every form (so the checks below can fail)', () => {
    assert.deepEqual(importsOf(`import * as vscode from 'vscode';\nconst x = require("vscode");\nconst y = await import('vscode');\nexport { a } from './b';\nimport './c';`), ['vscode', 'vscode', 'vscode', './b', './c']);
  });

  it('resolves relative imports to files (so the layer checks below can fail)', () => {
    assert.equal(resolveSpecifier(join(root, 'src/commands/registerCommands.ts'), '../host/ids'), 'src/host/ids.ts');
    assert.equal(resolveSpecifier(join(root, 'src/views/statusBar.ts'), './tree'), 'src/views/tree/index.ts');
    assert.equal(resolveSpecifier(join(root, 'src/views/statusBar.ts'), 'vscode'), undefined);
    assert.ok(TREE_NODE_MODULE.test('src/views/numbers/numberNodes.ts') && TREE_NODE_MODULE.test('src/views/tree/treeNode.ts'));
    assert.ok(!TREE_NODE_MODULE.test('src/views/numbers/numbersView.ts'));
  });

  for (const layer of ['src/core', 'src/azure']) {
    it(`${layer} does not import vscode`, () => {
      assert.deepEqual(show(edgesOf(layer).filter((e) => e.specifier === 'vscode')), []);
    });
  }

  it('src/core does no I/O and does not reach up into azure, host or the faces', () => {
    const io = /^(node:)?(fs|fs\/promises|http|https|net|tls|dgram|child_process|dns|worker_threads)$/;
    const upward = (e: Edge): boolean => inLayer('src/azure')(e) || inLayer('src/host')(e) || anyFace(e);
    assert.deepEqual(show(edgesOf('src/core').filter((e) => io.test(e.specifier) || upward(e))), []);
  });

  it('src/azure does not reach up into host or the faces', () => {
    assert.deepEqual(show(edgesOf('src/azure').filter((e) => inLayer('src/host')(e) || anyFace(e))), []);
  });

  it('src/host imports no face', () => {
    assert.deepEqual(show(edgesOf('src/host').filter(anyFace)), []);
  });

  it('views never import commands, diagnostics or webviews', () => {
    const other = (e: Edge): boolean => inLayer('src/commands')(e) || inLayer('src/diagnostics')(e) || inLayer('src/webviews')(e) || inLayer('src/cli')(e);
    assert.deepEqual(show(edgesOf('src/views').filter(other)), []);
  });

  it('diagnostics and webviews import neither views nor commands (nor each other)', () => {
    const forbidden = (e: Edge): boolean => inLayer('src/views')(e) || inLayer('src/commands')(e) || inLayer('src/cli')(e);
    assert.deepEqual(show(edgesOf('src/diagnostics').filter((e) => forbidden(e) || inLayer('src/webviews')(e))), []);
    assert.deepEqual(show(edgesOf('src/webviews').filter((e) => forbidden(e) || inLayer('src/diagnostics')(e))), []);
  });

  it('commands import from views only tree node types, and no other face', () => {
    const bad = (e: Edge): boolean =>
      (inLayer('src/views')(e) && !TREE_NODE_MODULE.test(e.to ?? '')) || inLayer('src/diagnostics')(e) || inLayer('src/webviews')(e) || inLayer('src/cli')(e);
    assert.deepEqual(show(edgesOf('src/commands').filter(bad)), []);
  });

  it("a webview's browser code imports only its protocol, its own and shared browser code, and the shared protocol", () => {
    const allowed = (e: Edge): boolean => {
      if (e.to === undefined) return false; // no packages: the component library comes through shared/browser
      const panel = /^src\/webviews\/([^/]+)\//.exec(e.from)?.[1];
      return (
        e.to.startsWith('src/webviews/shared/browser/') ||
        e.to.startsWith(`src/webviews/${panel}/browser/`) ||
        e.to === 'src/webviews/shared/protocol.ts' ||
        e.to === `src/webviews/${panel}/protocol.ts`
      );
    };
    const edges = edgesOf('src/webviews').filter((e) => isBrowserCode(e.from));
    assert.ok(edges.length > 10, 'the browser code is found');
    const toolkitImporters = edges.filter((e) => e.to === undefined && e.from !== 'src/webviews/shared/browser/components.ts');
    assert.deepEqual(show(edges.filter((e) => !allowed(e) && !(e.to === undefined && e.from === 'src/webviews/shared/browser/components.ts'))), []);
    assert.deepEqual(show(toolkitImporters), []);
  });

  it("the CLI's whole import closure is free of 'vscode' (it runs in plain Node)", () => {
    const seen = new Set<string>();
    const reachesVscode: string[] = [];
    const stack = ['src/cli/main.ts'];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
        if (specifier === 'vscode') reachesVscode.push(file);
        const to = resolveSpecifier(join(root, file), specifier);
        if (to?.endsWith('.ts')) stack.push(to);
      }
    }
    assert.ok(seen.size > 5, 'the walk follows imports');
    assert.deepEqual(reachesVscode, []);
  });

  it('every command is registered by the command table, and command files show nothing except through the Ui', () => {
    const registering = sourceFiles(join(root, 'src'))
      .filter((file) => /registerCommand\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split(sep).join('/'));
    assert.deepEqual(registering, ['src/commands/registerCommands.ts']);
    const direct = sourceFiles(join(root, 'src/commands')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/vscode\.window\.(show\w+|withProgress|createQuickPick|createInputBox)/g)].map((m) => `${relative(root, file)}: ${m[0]}`),
    );
    assert.deepEqual(direct, []);
  });
});

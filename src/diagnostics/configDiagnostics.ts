// Live diagnostics for configuration files: one engine session per open document, validated on open and, debounced,
// on change; cleared on close. Offline only: the engine reads the text it is given and nothing else. The engine loads
// on the first configuration document (not at activation); once loaded, validation runs synchronously as before.
import * as vscode from 'vscode';
import type { ConfigDiagnostic, ConfigKind, ConfigValidationSession } from '../core/config';
import { configKindOf } from '../core/config/kinds';
import { loadConfigEngine, type ConfigEngine } from '../core/config/load';
import { messageOf } from '../host/presentError';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './convert';
import { liveChecksEnabled, noLiveChecks, type LiveConfigChecker } from './liveChecks';
import { DiskText } from './textPositions';

/** How long typing must pause before a document is validated again. Long enough to skip most keystrokes of a burst,
 * short enough to feel live. */
export const VALIDATION_DEBOUNCE_MS = 300;

/** What the code action provider needs: the engine's findings for exactly this version of the document. */
export interface ValidatedDocument {
  readonly kind: ConfigKind;
  readonly version: number;
  readonly findings: readonly ConfigDiagnostic[];
}

/** How the live phase of one validation ended: `off` when the setting is off (nothing asked), `checked` with the
 * findings shown, `superseded` when a newer edit or a close made the answer moot, `failed` (logged). */
export interface LiveCheckDone {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly outcome: 'off' | 'checked' | 'superseded' | 'failed';
  readonly findings: number;
}

interface DocumentState {
  readonly kind: ConfigKind;
  /** Incremental: re-validating after a small edit reuses what did not change. Created with the first run. */
  session?: ConfigValidationSession;
  timer?: NodeJS.Timeout;
  /** Bumped by every cancel: a run still waiting for the engine to load gives up when it changed meanwhile. */
  generation: number;
  /** Cancelled when a newer edit (or close) makes the running validation pointless. */
  pending?: vscode.CancellationTokenSource;
  validated?: ValidatedDocument;
}

export class ConfigDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly states = new Map<string, DocumentState>();
  /** Files the workspace command validated from disk: closing one of them puts its saved state back. */
  private readonly fromWorkspaceRun = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Set once the engine has loaded (see {@link loadConfigEngine}). */
  private engine?: ConfigEngine;
  /** Fires after a document's diagnostics were published (tests and the workspace command listen). */
  readonly onDidValidate = this.changed.event;
  private readonly liveDone = new vscode.EventEmitter<LiveCheckDone>();
  /** Fires when a validation's live phase is over, so a test can assert "no live findings" after they had a chance. */
  readonly onDidFinishLiveCheck = this.liveDone.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly liveChecker: LiveConfigChecker = noLiveChecks,
    private readonly debounceMs = VALIDATION_DEBOUNCE_MS,
  ) {}

  /**
   * Starts listening, and validates the documents that were open before the extension activated. `liveContextChanged`
   * fires when what live checks compare against changed (sign-in, tenant, cloud, gateway): open documents are checked
   * again at once instead of at the next edit.
   */
  start(liveContextChanged?: vscode.Event<unknown>): this {
    if (liveContextChanged) this.disposables.push(liveContextChanged(() => this.revalidateOpen()));
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.validateNow(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.dropFromDisk(uri))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('acg.config.liveChecks')) this.revalidateOpen();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.validateNow(document);
    return this;
  }

  /**
   * The engine's findings for the document as it is now. Validates at once when the last run is older than the
   * document (an edit within the debounce window), so that quick fixes never apply offsets of an older text. Waits
   * only for the engine to load (the first time); the validation itself is synchronous.
   */
  async current(document: vscode.TextDocument): Promise<ValidatedDocument | undefined> {
    const state = this.stateFor(document);
    if (!state) return undefined;
    if (state.validated?.version === document.version) return state.validated;
    const engine = this.engine ?? (await this.loadEngine());
    if (this.states.get(document.uri.toString()) !== state || document.isClosed) return undefined;
    if (state.validated?.version !== document.version) this.runWith(engine, document, state);
    return state.validated;
  }

  /** Publishes results of a file read from disk by the workspace command (no TextDocument, no session). */
  publishFromDisk(uri: vscode.Uri, text: string, kind: ConfigKind): Promise<number> {
    return this.publishDiskText(new DiskText(uri, text), kind);
  }

  private revalidateOpen(): void {
    for (const document of vscode.workspace.textDocuments) if (this.states.has(document.uri.toString())) this.schedule(document);
  }

  private async publishDiskText(file: DiskText, kind: ConfigKind): Promise<number> {
    const key = file.uri.toString();
    this.fromWorkspaceRun.add(key);
    // An open document's live state (possibly unsaved) wins over what is on disk.
    if (this.states.has(key)) return this.collection.get(file.uri)?.length ?? 0;
    const engine = this.engine ?? (await this.loadEngine());
    // Opened while the engine loaded: the live state rules.
    if (this.states.has(key)) return this.collection.get(file.uri)?.length ?? 0;
    const diagnostics = engine.validateConfig(kind, file.text).map((finding) => toDiagnostic(file, finding));
    this.collection.set(file.uri, diagnostics);
    this.changed.fire(file.uri);
    return diagnostics.length;
  }

  private stateFor(document: vscode.TextDocument): DocumentState | undefined {
    const key = document.uri.toString();
    const existing = this.states.get(key);
    if (existing) return existing;
    // Output channels, git's originals and other virtual documents never get diagnostics.
    if (document.uri.scheme === 'output' || document.uri.scheme === 'git') return undefined;
    const kind = configKindOf(document.fileName);
    if (!kind) return undefined;
    const state: DocumentState = { kind, generation: 0 };
    this.states.set(key, state);
    return state;
  }

  private validateNow(document: vscode.TextDocument): void {
    const state = this.stateFor(document);
    if (!state) return;
    this.cancelPending(state);
    this.run(document, state);
  }

  private schedule(document: vscode.TextDocument): void {
    const state = this.stateFor(document);
    if (!state) return;
    this.cancelPending(state);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.run(document, state);
    }, this.debounceMs);
  }

  /** Stops a scheduled run and cancels a running one: its result would describe an older text. */
  private cancelPending(state: DocumentState): void {
    state.generation++;
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    state.pending?.cancel();
    state.pending?.dispose();
    state.pending = undefined;
  }

  private loadEngine(): Promise<ConfigEngine> {
    return loadConfigEngine().then((engine) => (this.engine = engine));
  }

  /** Validates now when the engine is loaded; else once it is, unless a newer edit, a close or dispose came first. */
  private run(document: vscode.TextDocument, state: DocumentState): void {
    if (this.engine) {
      this.runWith(this.engine, document, state);
      return;
    }
    const generation = state.generation;
    const key = document.uri.toString();
    this.loadEngine().then(
      (engine) => {
        if (state.generation !== generation || this.states.get(key) !== state || document.isClosed) return;
        this.runWith(engine, document, state);
      },
      (error: unknown) => this.log.error(`Loading the configuration engine failed: ${messageOf(error)}`),
    );
  }

  private runWith(engine: ConfigEngine, document: vscode.TextDocument, state: DocumentState): void {
    const version = document.version;
    const text = document.getText();
    let findings: readonly ConfigDiagnostic[];
    try {
      state.session ??= new engine.ConfigValidationSession(state.kind);
      // A new untitled file is empty until someone types or a command fills it (convert, PowerShell): "a value is
      // expected" at that moment is noise, and would flash in Problems until the debounced run after the fill.
      findings = document.isUntitled && text.trim() === '' ? [] : state.session.update(text);
    } catch (error) {
      // The engine should never throw; if it does, say so once in the log rather than on every keystroke.
      this.log.error(`Validating ${document.uri.toString(true)} failed: ${messageOf(error)}`);
      return;
    }
    state.validated = { kind: state.kind, version, findings };
    const diagnostics = findings.map((finding) => toDiagnostic(document, finding));
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document.uri);
    if (liveChecksEnabled(document)) void this.addLiveFindings(document, state, version, diagnostics);
    else this.liveDone.fire({ uri: document.uri, version, outcome: 'off', findings: 0 });
  }

  /** The seam for checks against the service; the default checker adds nothing. */
  private async addLiveFindings(
    document: vscode.TextDocument,
    state: DocumentState,
    version: number,
    offline: vscode.Diagnostic[],
  ): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    state.pending = source;
    let done: Pick<LiveCheckDone, 'outcome' | 'findings'> = { outcome: 'superseded', findings: 0 };
    try {
      const live = await this.liveChecker.check(document, source.token);
      if (source.token.isCancellationRequested || document.isClosed || document.version !== version) return;
      done = { outcome: 'checked', findings: live.length };
      if (live.length === 0) return;
      this.collection.set(document.uri, [...offline, ...live]);
      this.changed.fire(document.uri);
    } catch (error) {
      if (!source.token.isCancellationRequested) {
        done = { outcome: 'failed', findings: 0 };
        this.log.warn(`Live checks for ${document.uri.toString(true)} failed: ${messageOf(error)}`);
      }
    } finally {
      if (state.pending === source) state.pending = undefined;
      source.dispose();
      this.liveDone.fire({ uri: document.uri, version, ...done });
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (!state) return;
    this.cancelPending(state);
    this.states.delete(key);
    this.collection.delete(document.uri);
    this.changed.fire(document.uri);
    // A file the workspace command reported stays in the Problems view, as saved on disk.
    if (this.fromWorkspaceRun.has(key)) void this.revalidateFromDisk(document.uri, state.kind);
  }

  private async revalidateFromDisk(uri: vscode.Uri, kind: ConfigKind): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (this.states.has(uri.toString())) return; // reopened meanwhile: the live state rules
      await this.publishDiskText(new DiskText(uri, new TextDecoder().decode(bytes)), kind);
    } catch {
      this.dropFromDisk(uri);
    }
  }

  private dropFromDisk(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    for (const key of [...this.fromWorkspaceRun]) {
      if (key !== uri.toString() && !key.startsWith(prefix)) continue;
      this.fromWorkspaceRun.delete(key);
      if (!this.states.has(key)) this.collection.delete(vscode.Uri.parse(key));
    }
  }

  dispose(): void {
    for (const state of this.states.values()) this.cancelPending(state);
    this.states.clear();
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
    this.liveDone.dispose();
    this.collection.dispose();
  }
}

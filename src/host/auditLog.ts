// The extension's audit log (issue 11, "Audit log"): every ARM, Provisioning API and Graph write the extension makes,
// one JSON line each, in the extension's global storage. The pipeline builds the records (src/azure/http/audit.ts) and
// calls the sink installed here; this part adds who is signed in when the token did not say, writes the file
// (auditLogFile.ts, loaded with the services bundle, which every write needs anyway) and shows it read-only: a virtual
// document, so the editor cannot save changes back into the log.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { WriteAuditRecord, WriteAuditSink } from '../azure/http/audit';
import type { AuditLogFile } from './auditLogFile';
import type { Ui } from './ui';

export const AUDIT_SCHEME = 'acg-audit';
export const AUDIT_LOG_FILE_NAME = 'audit.jsonl';

export interface AuditLog {
  /** What the pipeline is given (buildServices installs it). */
  readonly sink: WriteAuditSink;
  /** The file on disk (at 10 MB it becomes audit.1.jsonl beside it, replacing the previous one). */
  readonly path: string;
  /** Opens the log read-only, showing its latest lines; undefined (and a message) while nothing is recorded yet. */
  open(): Promise<vscode.TextEditor | undefined>;
  /** Resolves when every write so far is on disk. */
  flush(): Promise<void>;
}

export class HostAuditLog implements AuditLog, vscode.Disposable {
  readonly sink: WriteAuditSink;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  /** Loaded on the first write or open: activation does no work for the log. */
  private writer: Promise<AuditLogFile> | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    signedInAs: () => string | undefined,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly ui: Pick<Ui, 'showTextDocument' | 'showInformationMessage'>,
  ) {
    // The token names the caller almost always; an opaque token does not, and then the signed-in account does.
    // Records keep their order: each waits on the same promise, and its callbacks run in the order they were added.
    this.sink = {
      record: (entry: WriteAuditRecord) => {
        const line = entry.who ? entry : { ...entry, ...whoOf(signedInAs()) };
        this.file().then(
          (file) => file.record(line),
          (error: unknown) => this.log.warn(`Could not record a write in the audit log: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
    };
    this.registration = vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: async () => (await this.read()) ?? '',
    });
  }

  get path(): string {
    return vscode.Uri.joinPath(this.storage, AUDIT_LOG_FILE_NAME).fsPath;
  }

  async flush(): Promise<void> {
    if (this.writer) await (await this.writer).flush();
  }

  async open(): Promise<vscode.TextEditor | undefined> {
    await this.flush();
    if ((await this.read()) === undefined) {
      void this.ui.showInformationMessage(`No writes have been recorded yet. The audit log will be ${this.path}.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(this.uri());
    // JSON Lines where VS Code knows the language; plain text otherwise (JSON mode would flag every second line).
    const language = (await vscode.languages.getLanguages()).includes('jsonl') ? 'jsonl' : 'plaintext';
    const shown = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
    // Already open: show the lines written since.
    this.changed.fire(this.uri());
    return this.ui.showTextDocument(shown, { preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  private file(): Promise<AuditLogFile> {
    this.writer ??= import('./auditLogFile').then(
      ({ AuditLogFile }) =>
        new AuditLogFile(this.path, {
          onError: (message) => this.log.warn(message),
          onAppended: () => {
            const uri = this.uri().toString();
            if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) this.changed.fire(this.uri());
          },
        }),
    );
    return this.writer;
  }

  private uri(): vscode.Uri {
    return vscode.Uri.from({ scheme: AUDIT_SCHEME, path: `/${AUDIT_LOG_FILE_NAME}` });
  }

  private async read(): Promise<string | undefined> {
    try {
      return await readFile(this.path, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function whoOf(account: string | undefined): Partial<WriteAuditRecord> {
  return account ? { who: account } : {};
}

// The extension's audit log (issue 11, "Audit log"): every ARM, Provisioning API and Graph write the extension makes,
// one JSON line each, in the extension's global storage. The pipeline builds the records (src/azure/http/audit.ts) and
// calls the sink installed here; this part adds who is signed in when the token did not say, writes the file
// (auditLogFile.ts) and shows it read-only: a virtual document, so the editor cannot save changes back into the log.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { WriteAuditRecord, WriteAuditSink } from '../azure/http/audit';
import { AUDIT_LOG_FILE_NAME, AuditLogFile } from './auditLogFile';
import type { Ui } from './ui';

export const AUDIT_SCHEME = 'acg-audit';

export interface AuditLog {
  /** What the pipeline is given (buildServices installs it). */
  readonly sink: WriteAuditSink;
  /** The file on disk, and the one that holds the lines before the last rotation. */
  readonly path: string;
  readonly previousPath: string;
  /** Opens the log read-only, showing its latest lines; undefined (and a message) while nothing is recorded yet. */
  open(): Promise<vscode.TextEditor | undefined>;
  /** Resolves when every write so far is on disk. */
  flush(): Promise<void>;
}

export class HostAuditLog implements AuditLog, vscode.Disposable {
  readonly sink: WriteAuditSink;
  private readonly file: AuditLogFile;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly uri = vscode.Uri.from({ scheme: AUDIT_SCHEME, path: `/${AUDIT_LOG_FILE_NAME}` });
  private readonly registration: vscode.Disposable;

  constructor(
    storageDirectory: string,
    signedInAs: () => string | undefined,
    log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly ui: Pick<Ui, 'showTextDocument' | 'showInformationMessage'>,
  ) {
    this.file = new AuditLogFile(vscode.Uri.joinPath(vscode.Uri.file(storageDirectory), AUDIT_LOG_FILE_NAME).fsPath, {
      onError: (message) => log.warn(message),
      onAppended: () => {
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === this.uri.toString())) this.changed.fire(this.uri);
      },
    });
    // The token names the caller almost always; an opaque token does not, and then the signed-in account does.
    this.sink = { record: (entry: WriteAuditRecord) => this.file.record(entry.who ? entry : { ...entry, ...whoOf(signedInAs()) }) };
    this.registration = vscode.workspace.registerTextDocumentContentProvider(AUDIT_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: async () => (await this.read()) ?? '',
    });
  }

  get path(): string {
    return this.file.path;
  }

  get previousPath(): string {
    return this.file.previousPath;
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  async open(): Promise<vscode.TextEditor | undefined> {
    await this.flush();
    if ((await this.read()) === undefined) {
      void this.ui.showInformationMessage(`No writes have been recorded yet. The audit log will be ${this.path}.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(this.uri);
    // JSON Lines where VS Code knows the language; plain text otherwise (JSON mode would flag every second line).
    const language = (await vscode.languages.getLanguages()).includes('jsonl') ? 'jsonl' : 'plaintext';
    if (document.languageId !== language) await vscode.languages.setTextDocumentLanguage(document, language);
    this.changed.fire(this.uri);
    return this.ui.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  private async read(): Promise<string | undefined> {
    try {
      return await readFile(this.file.path, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function whoOf(account: string | undefined): Partial<WriteAuditRecord> {
  return account ? { who: account } : {};
}

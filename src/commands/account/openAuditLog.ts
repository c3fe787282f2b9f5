// "Open Audit Log": every write the extension made (ARM, Provisioning API, Graph), one JSON line each, read-only in
// an editor. Returns the editor (integration tests read it), or undefined while nothing has been recorded.
import type * as vscode from 'vscode';
import type { CommandContext } from '../context';

export function openAuditLog(ctx: CommandContext): Promise<vscode.TextEditor | undefined> {
  return ctx.host.auditLog.open();
}

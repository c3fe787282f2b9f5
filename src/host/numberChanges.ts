// What the extension wrote to (or learned about) a gateway's numbers, told once to everyone who shows numbers: the
// Numbers panel, the number editor and the Numbers tree. A write fires 'write'; the status follow-up fires 'status' as
// each number settles from pending to synced or failed; a delete fires 'delete'. Nobody has to press Refresh.
import * as vscode from 'vscode';
import type { NumberResource } from '../core/models';

export interface NumbersChange {
  /** ARM resource id of the gateway (SelectedGateway.id). */
  readonly gatewayId: string;
  /** Its Provisioning API domain, what services.provisioning(domain) takes. */
  readonly gatewayDomain: string;
  readonly account: string;
  /** The numbers as last written or read, with their serviceProvisioningStatus. */
  readonly upserted: readonly NumberResource[];
  /** E.164 numbers that no longer exist. */
  readonly deleted: readonly string[];
  readonly reason: 'write' | 'status' | 'delete';
}

export class NumberChanges implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<NumbersChange>();
  readonly onDidChange: vscode.Event<NumbersChange> = this.emitter.event;

  fire(change: NumbersChange): void {
    if (change.upserted.length === 0 && change.deleted.length === 0) return;
    this.emitter.fire(change);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

// The clients of the current sign-in, built on first use and rebuilt after any sign-in change. The builder
// (buildServices.ts) is loaded with import(): the pipeline, the clients and the SDKs they reach live in a bundle of
// their own, so activation never parses them.
import type * as vscode from 'vscode';
import type { AzureClients } from '../azure/azureClients';
import type { WriteAuditSink } from '../azure/http/audit';
import { notSignedInError } from '../azure/errors';
import type { SignIn } from './signIn';

/** The clients of one sign-in (src/azure/azureClients.ts builds them for the extension and the CLI alike); the
 * provisioning scope comes from `acg.provisioningApi.scope`. */
export type AcgServices = AzureClients;

/** What faces see: the clients of whoever is signed in now. */
export interface Services {
  /** Rejects with AcgError 'notSignedIn' while signed out. */
  get(): Promise<AcgServices>;
}

export class LazyServices implements Services, vscode.Disposable {
  private building: Promise<AcgServices> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly signIn: SignIn,
    private readonly log: vscode.LogOutputChannel,
    /** Every pipeline built here records its writes through this (the audit log). */
    private readonly audit?: WriteAuditSink,
    /** Asked before every write: a reason refuses it (Restricted Mode). */
    private readonly writeRefusal?: () => string | undefined,
  ) {
    // Every change (account, tenant, cloud, token scopes) means other tokens: never reuse a pipeline across one.
    this.subscription = signIn.onDidChange(() => this.drop());
  }

  get(): Promise<AcgServices> {
    if (!this.signIn.signedIn) return Promise.reject(notSignedInError());
    if (!this.building) {
      const cloud = this.signIn.cloud;
      const scoped = this.signIn.scoped();
      const building = import('./buildServices').then((m) => m.buildServices({ cloud, scoped, log: this.log, ...(this.audit ? { audit: this.audit } : {}), ...(this.writeRefusal ? { writeRefusal: this.writeRefusal } : {}) }));
      // A failed build is not cached: the next call tries again.
      building.catch(() => {
        if (this.building === building) this.building = undefined;
      });
      this.building = building;
    }
    return this.building;
  }

  dispose(): void {
    this.subscription.dispose();
    this.drop();
  }

  /** Forgets the pipeline and clients (closing pooled connections), so the next use builds them for the new state. */
  private drop(): void {
    const old = this.building;
    this.building = undefined;
    old?.then((services) => services.pipeline.dispose(), () => undefined);
  }
}

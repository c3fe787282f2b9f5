// The pipeline and clients of one sign-in. Loaded through `import()` by Services (services.ts), so nothing here (and
// nothing the clients pull in) is on the activation path. The builder itself is src/azure's, shared with the CLI.
import type * as vscode from 'vscode';
import type { CloudEndpoints } from '../core/clouds';
import type { ScopedCredential } from '../azure/auth/scopedCredential';
import { createAzureClients } from '../azure/azureClients';
import type { WriteAuditSink } from '../azure/http/audit';
import type { AcgServices } from './services';

export interface ServicesInput {
  cloud: CloudEndpoints;
  scoped: ScopedCredential;
  log: vscode.LogOutputChannel;
  /** The audit log's sink: every write the pipeline makes is recorded. */
  audit?: WriteAuditSink;
  /** Asked before every write: a reason refuses it before anything is sent (Restricted Mode). */
  writeRefusal?: () => string | undefined;
}

export function buildServices({ cloud, scoped, log, audit, writeRefusal }: ServicesInput): AcgServices {
  return createAzureClients({ cloud, scoped, logger: log, ...(audit ? { audit } : {}), ...(writeRefusal ? { writeRefusal } : {}) });
}

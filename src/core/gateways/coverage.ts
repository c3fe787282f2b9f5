// The shape of a gateway's test line coverage, and the one question the tree asks of it, without the checks that compute
// it (./testLineCoverage, which needs the E.164 rules and so libphonenumber-js). The views import this at activation
// and load ./testLineCoverage only when they read a gateway's test lines.
import type { DeploymentKind, VerifiedService } from '../config/model';

export interface ServiceCoverage {
  service: VerifiedService;
  /** OC or TPM. */
  prefix: string;
  /** Automated lines counted for this service (by name: OC… / TPM…). */
  automated: number;
  required: number;
  /** How many more are needed (0 when enough). */
  missing: number;
}

export interface InvalidTestLineNumber {
  name: string;
  phoneNumber: string;
  problem: string;
}

export interface TestLineCoverage {
  deployment: DeploymentKind;
  required: number;
  /** One entry per verified service the gateway runs (OC, TPM); Direct Routing needs no test lines. */
  services: ServiceCoverage[];
  invalidNumbers: InvalidTestLineNumber[];
  /** Human sentences, one per problem; empty when all is well. */
  warnings: string[];
}

export function hasCoverageWarnings(coverage: TestLineCoverage): boolean {
  return coverage.warnings.length > 0;
}

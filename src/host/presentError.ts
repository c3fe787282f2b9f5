// The one way any face shows a failure: the command wrapper's notification, a tree's error row, a webview's error
// banner and the CLI's stderr all call presentError and render what it returns. No 'vscode' here, so the CLI (and
// plain unit tests) use the very same function.
import { isAcgError, WRITE_REFUSED, type AcgError, type AcgErrorKind } from '../azure/errors';
import { COMMANDS } from './ids';

/** What a face can offer next to the message. `command` is how VS Code performs it; the CLI prints `hint`. */
export interface ErrorAction {
  readonly id: 'signIn' | 'retry' | 'showLog' | 'onboardingChecks' | 'manageTrust';
  readonly title: string;
  readonly command?: string;
  /** Arguments for `command` (e.g. which gateway); faces that cannot pass them run the command without. */
  readonly args?: readonly unknown[];
  /** How to do the same outside VS Code (the CLI). */
  readonly hint?: string;
}

export interface PresentedError {
  /** One sentence a person can act on. */
  readonly message: string;
  /** What support needs (service, status, code, the missing role, request ids); undefined when there is nothing. */
  readonly detail?: string;
  readonly actions: readonly ErrorAction[];
  /** The message and the detail on one line, for the log. */
  readonly logLine: string;
  /** Nothing to show: the person cancelled. Faces log it and stay quiet. */
  readonly cancelled: boolean;
  readonly kind: AcgErrorKind | 'error';
}

const SIGN_IN: ErrorAction = { id: 'signIn', title: 'Sign In…', command: COMMANDS.signIn, hint: 'sign in (az login, or the AZURE_* environment variables) and run it again' };
const SIGN_IN_DIFFERENTLY: ErrorAction = { ...SIGN_IN, title: 'Sign In Differently…', hint: 'sign in with an identity that holds the role' };
const RETRY: ErrorAction = { id: 'retry', title: 'Retry', hint: 'run it again' };
const SHOW_LOG: ErrorAction = { id: 'showLog', title: 'Show Log', command: COMMANDS.showLog };
const MANAGE_TRUST: ErrorAction = { id: 'manageTrust', title: 'Manage Workspace Trust', command: 'workbench.trust.manage', hint: 'trust the workspace in VS Code' };

/** What `acg.gateways.runOnboardingChecks` accepts from an error action: the gateway the refused write was for. */
export interface OnboardingChecksFor {
  readonly gatewayDomain: string;
}

/** A missing ProvisioningAPI role is an onboarding step ("People who manage numbers hold a ProvisioningAPI user
 * role"), and the checks can assign it: offer them, for the gateway when the error knows it. */
function onboardingChecks(gateway: string | undefined): ErrorAction {
  const target: OnboardingChecksFor | undefined = gateway ? { gatewayDomain: gateway } : undefined;
  return {
    id: 'onboardingChecks',
    title: 'Run Onboarding Checks…',
    command: COMMANDS.runOnboardingChecks,
    ...(target ? { args: [target] } : {}),
    hint: 'run `acg check` for the gateway: it shows who holds which ProvisioningAPI role, and `--fix` can assign one',
  };
}

/** Failures that may pass by themselves: offering Retry makes sense. */
const TRANSIENT: ReadonlySet<AcgErrorKind> = new Set(['throttled', 'timeout', 'network', 'unavailable']);

export function presentError(error: unknown): PresentedError {
  if (isCancellation(error)) {
    return { message: 'Cancelled.', actions: [], logLine: 'cancelled', cancelled: true, kind: 'cancelled' };
  }
  if (!isAcgError(error)) {
    const message = sentence(messageOf(error));
    return { message, actions: [SHOW_LOG], logLine: message, cancelled: false, kind: 'error' };
  }
  const message = sentence(messageFor(error));
  const detail = detailOf(error);
  return {
    message,
    ...(detail ? { detail } : {}),
    actions: actionsFor(error),
    logLine: detail ? `${message} (${detail.replace(/\n/g, '; ')})` : message,
    cancelled: false,
    kind: error.kind,
  };
}

/** The text of anything thrown: an Error's message, otherwise its string form. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return String(error);
  } catch {
    return 'An unknown error occurred.';
  }
}

function isCancellation(error: unknown): boolean {
  // vscode.CancellationError's name is 'Canceled'; an AbortSignal's reason is an 'AbortError'.
  return isAcgError(error, 'cancelled') || (error instanceof Error && (error.name === 'Canceled' || error.name === 'AbortError'));
}

function messageFor(error: AcgError): string {
  const text = error.message.trim();
  switch (error.kind) {
    case 'forbidden':
      return error.requiredRole && !text.includes(error.requiredRole) ? `${withStop(text)} Missing role: ${error.requiredRole}.` : text;
    case 'throttled':
      return `${withStop(text)} ${retryWhen(error.retryAfterMs)}`;
    default:
      return text;
  }
}

function retryWhen(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return 'Try again in a minute.';
  const seconds = Math.ceil(retryAfterMs / 1000);
  return seconds < 90 ? `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` : `Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

function actionsFor(error: AcgError): ErrorAction[] {
  if (error.kind === 'notSignedIn') return [SIGN_IN];
  if (error.code === WRITE_REFUSED) return [MANAGE_TRUST];
  if (error.kind === 'forbidden' && error.service === 'provisioning') return [onboardingChecks(error.gateway), SIGN_IN_DIFFERENTLY, SHOW_LOG];
  if (error.kind === 'forbidden') return [SIGN_IN_DIFFERENTLY, SHOW_LOG];
  if (TRANSIENT.has(error.kind)) return [RETRY, SHOW_LOG];
  return [SHOW_LOG];
}

const SERVICE_NAMES: Readonly<Record<NonNullable<AcgError['service']>, string>> = {
  arm: 'Azure Resource Manager',
  provisioning: 'Provisioning API',
  graph: 'Microsoft Graph',
  entra: 'Microsoft Entra ID',
};

function detailOf(error: AcgError): string | undefined {
  const lines: string[] = [];
  const where = [error.service && SERVICE_NAMES[error.service], error.status !== undefined ? `HTTP ${error.status}` : undefined, error.code].filter(Boolean);
  if (where.length > 0) lines.push(where.join(' · '));
  if (error.requiredRole) lines.push(`Required role: ${error.requiredRole}`);
  for (const detail of error.details.slice(0, 5)) lines.push(`${detail.code}: ${detail.message}${detail.target ? ` (${detail.target})` : ''}`);
  if (error.requestId) lines.push(`Request id: ${error.requestId}`);
  if (error.clientRequestId) lines.push(`Client request id: ${error.clientRequestId}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? 'Something went wrong, with no message.' : trimmed;
}

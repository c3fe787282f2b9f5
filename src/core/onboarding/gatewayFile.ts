// What the workspace says about a gateway: an `*.acg-gateway.json` for it names the services being set up
// (properties.platforms) and the integration-test numbers, which the checks compare with the gateway's platforms and
// test lines. The CLI hands in the files of its working folder, the extension those of the workspace; both read the
// same way here.
import { parseJsonDocument } from '../config/json/document';
import type { GatewayRef } from '../models';
import { COMMUNICATIONS_PLATFORMS, type CommunicationsPlatform } from '../models/arm';
import type { IntegrationNumbers, OnboardingData } from './types';

export interface GatewayFileText {
  /** As shown to people: relative to the working folder or the workspace. */
  readonly path: string;
  readonly text: string;
}

export interface GatewayFileContext {
  readonly intendedPlatforms?: OnboardingData['intendedPlatforms'];
  readonly integrationNumbers?: readonly IntegrationNumbers[];
  /** The files that describe the gateway. */
  readonly files: readonly string[];
  /** Gateway files that are not JSON at all (skipped; their diagnostics say why). */
  readonly unreadable: readonly string[];
}

/** The context from every gateway file that describes `ref`; the first file that names platforms decides them. */
export function gatewayFileContext(files: readonly GatewayFileText[], ref: GatewayRef): GatewayFileContext {
  const used: string[] = [];
  const unreadable: string[] = [];
  let intendedPlatforms: OnboardingData['intendedPlatforms'] | undefined;
  const integrationNumbers: IntegrationNumbers[] = [];
  for (const file of files) {
    const document = parseJsonDocument(file.text);
    if (document.syntaxErrors.length > 0) {
      unreadable.push(file.path);
      continue;
    }
    const found = contextOfGatewayDocument(document.value, ref, file.path);
    if (!found) continue;
    used.push(file.path);
    intendedPlatforms ??= found.intendedPlatforms;
    if (found.integrationNumbers.numbers.length > 0) integrationNumbers.push(found.integrationNumbers);
  }
  return { ...(intendedPlatforms ? { intendedPlatforms } : {}), ...(used.length > 0 ? { integrationNumbers } : {}), files: used, unreadable };
}

/** The platforms and integration numbers of one parsed gateway file, when it describes `ref`; undefined otherwise. */
export function contextOfGatewayDocument(
  value: unknown,
  ref: GatewayRef,
  file: string,
): { intendedPlatforms?: OnboardingData['intendedPlatforms']; integrationNumbers: IntegrationNumbers } | undefined {
  if (!isRecord(value)) return undefined;
  const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  if (!same(value.subscriptionId, ref.subscriptionId) || !same(value.resourceGroup, ref.resourceGroupName) || !same(value.name, ref.name)) return undefined;
  const properties = isRecord(value.properties) ? value.properties : {};
  const platforms = Array.isArray(properties.platforms)
    ? properties.platforms.filter((p): p is CommunicationsPlatform => (COMMUNICATIONS_PLATFORMS as readonly unknown[]).includes(p))
    : undefined;
  const byService = isRecord(value.integrationTestNumbers) ? value.integrationTestNumbers : {};
  const numbers = Object.values(byService).flatMap((list) => (Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : []));
  return {
    ...(platforms ? { intendedPlatforms: { platforms, source: file } } : {}),
    integrationNumbers: { file, numbers },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

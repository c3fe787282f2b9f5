// What the working folder says about the gateway: an `*.acg-gateway.json` for it names the services being set up
// (properties.platforms) and the integration-test numbers, which the checks compare with the gateway's test lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_GLOBS } from '../core/config/kinds';
import { parseJsonDocument } from '../core/config/json/document';
import type { GatewayRef } from '../core/models';
import { COMMUNICATIONS_PLATFORMS, type CommunicationsPlatform } from '../core/models/arm';
import type { IntegrationNumbers, OnboardingData } from '../core/onboarding/types';
import { expandGlob } from './glob';

export interface GatewayFileContext {
  readonly intendedPlatforms?: OnboardingData['intendedPlatforms'];
  readonly integrationNumbers?: readonly IntegrationNumbers[];
  /** The files used, workspace-relative, for the note on stderr. */
  readonly files: readonly string[];
  /** Gateway files that are not JSON at all (skipped). */
  readonly unreadable: readonly string[];
}

/** The context from every `*.acg-gateway.json` under `cwd` that describes the gateway `ref`. */
export function gatewayFileContext(cwd: string, ref: GatewayRef): GatewayFileContext {
  const files: string[] = [];
  const unreadable: string[] = [];
  let intendedPlatforms: OnboardingData['intendedPlatforms'] | undefined;
  const integrationNumbers: IntegrationNumbers[] = [];
  for (const file of expandGlob(CONFIG_FILE_GLOBS.gateway, cwd)) {
    let value: unknown;
    try {
      const document = parseJsonDocument(readFileSync(join(cwd, file), 'utf8'));
      if (document.syntaxErrors.length > 0) throw new Error('syntax');
      value = document.value;
    } catch {
      unreadable.push(file);
      continue;
    }
    const found = contextOfGatewayDocument(value, ref, file);
    if (!found) continue;
    files.push(file);
    intendedPlatforms ??= found.intendedPlatforms;
    if (found.integrationNumbers.numbers.length > 0) integrationNumbers.push(found.integrationNumbers);
  }
  return { ...(intendedPlatforms ? { intendedPlatforms } : {}), ...(files.length > 0 ? { integrationNumbers } : {}), files, unreadable };
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

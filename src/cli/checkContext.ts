// The working folder's `*.acg-gateway.json` files, read for core's gatewayFileContext (src/core/onboarding/gatewayFile.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_GLOBS } from '../core/config/kinds';
import type { GatewayRef } from '../core/models';
import { gatewayFileContext, type GatewayFileContext, type GatewayFileText } from '../core/onboarding/gatewayFile';
import { expandGlob } from './glob';

export type { GatewayFileContext } from '../core/onboarding/gatewayFile';

/** The context from every `*.acg-gateway.json` under `cwd` that describes the gateway `ref`. */
export function workingFolderGatewayContext(cwd: string, ref: GatewayRef): GatewayFileContext {
  const texts: GatewayFileText[] = [];
  const unreadable: string[] = [];
  for (const path of expandGlob(CONFIG_FILE_GLOBS.gateway, cwd)) {
    try {
      texts.push({ path, text: readFileSync(join(cwd, path), 'utf8') });
    } catch {
      unreadable.push(path);
    }
  }
  const context = gatewayFileContext(texts, ref);
  return { ...context, unreadable: [...unreadable, ...context.unreadable] };
}

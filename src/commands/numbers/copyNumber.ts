// "Copy" on numbers: the selected telephone numbers, one per line, as E.164.
import type { EnterpriseCommandDeps } from '../enterprises/deps';
import { numberTargets } from './targets';

export async function copyNumbers(deps: EnterpriseCommandDeps, argument: unknown, selected: unknown): Promise<string> {
  const text = numberTargets(deps, argument, selected)
    .map((n) => n.number.telephoneNumber)
    .join('\n');
  await deps.prompts.writeClipboard(text);
  return text;
}

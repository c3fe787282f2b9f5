// Splitting a plan that holds more numbers than a file should (ACG-PLAN-001). Parts keep the plan's header fields;
// an account appears in every part that holds some of its numbers; accounts without numbers and the relationship
// changes stay in the first part, so applying all parts does exactly what the whole plan did, except that the parts
// never carry `prune` (deletes need the whole list of an account's numbers, which no single part has).
import { isRecord } from '../../rules/violation';
import { parseJsonDocument } from '../json/document';
import type { SplitPart } from '../types';
import { PLAN_SPLIT_MAX_NUMBERS } from './planGlobal';
import { planToText } from './format';

export { PLAN_SPLIT_MAX_NUMBERS };

/**
 * The parts of a plan with at most `maxNumbers` numbers each. A plan that fits, or that is not a readable plan,
 * comes back as one part holding its original text.
 */
export function splitPlan(planText: string, maxNumbers: number = PLAN_SPLIT_MAX_NUMBERS): SplitPart[] {
  const whole: SplitPart[] = [{ fileSuffix: '', text: planText }];
  if (!Number.isInteger(maxNumbers) || maxNumbers < 1) throw new RangeError(`maxNumbers must be a whole number of at least 1, not ${maxNumbers}.`);
  const doc = parseJsonDocument(planText);
  const root = doc.value;
  if (doc.syntaxErrors.length > 0 || !isRecord(root) || !Array.isArray(root['accounts'])) return whole;
  const accounts = root['accounts'] as unknown[];
  const total = accounts.reduce<number>((sum, a) => sum + (isRecord(a) && Array.isArray(a['numbers']) ? a['numbers'].length : 0), 0);
  if (total <= maxNumbers) return whole;

  // prune stays behind: applying one part would delete the numbers the other parts list for the same account.
  const { accounts: _accounts, relationships, prune: _prune, ...header } = root;
  const partCount = Math.ceil(total / maxNumbers);
  const parts: Record<string, unknown>[] = Array.from({ length: partCount }, () => ({ ...header, accounts: [] as unknown[] }));
  let placed = 0;
  accounts.forEach((account) => {
    if (!isRecord(account)) return;
    const { numbers, ...fields } = account;
    const list = Array.isArray(numbers) ? numbers : [];
    if (list.length === 0) {
      (parts[0]['accounts'] as unknown[]).push(account);
      return;
    }
    for (let from = 0; from < list.length; ) {
      const part = Math.floor(placed / maxNumbers);
      const room = maxNumbers - (placed % maxNumbers);
      const slice = list.slice(from, from + room);
      (parts[part]['accounts'] as unknown[]).push({ ...fields, numbers: slice });
      from += slice.length;
      placed += slice.length;
    }
  });
  if (relationships !== undefined) parts[0]['relationships'] = relationships;
  return parts.map((part, index) => ({ fileSuffix: index === 0 ? '' : `.part${index + 1}`, text: planToText(part) }));
}

// A whole plan: the global part, every number (fast path first), and duplicates across accounts.
import { under, type Finding } from '../json/findings';
import { duplicateFindings, numberKey } from './duplicates';
import { checkPlanNumber } from './numberCheck';
import { planGlobalFindings } from './planGlobal';

export function planFindings(root: unknown, fallbackCountry?: string): Finding[] {
  const { findings, slots } = planGlobalFindings(root, fallbackCountry);
  const all = [...findings];
  const keys = slots.map((slot, account) => {
    const numbers = slot?.numbers;
    if (!slot || !numbers) return undefined;
    const listKeys = new Array<string | undefined>(numbers.length);
    for (let index = 0; index < numbers.length; index++) {
      const n = numbers[index];
      listKeys[index] = numberKey(n);
      const found = checkPlanNumber(n, slot.ctx);
      if (found.length === 0) continue;
      const prefix = ['accounts', account, 'numbers', index];
      for (const f of found) all.push(under(prefix, f));
    }
    return listKeys;
  });
  all.push(...duplicateFindings(slots, keys));
  return all;
}

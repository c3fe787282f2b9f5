// ACG-NUM-014 across a whole plan: a number appears once, in one account. Numbers are compared in E.164 form
// (canonicalNumber), so "+44 20 7946 0000" repeats "+442079460000"; already-clean numbers skip libphonenumber.
import { repeatedNumber } from '../../rules/numberRules';
import { canonicalNumber } from '../../rules/phoneNumber';
import { isRecord } from '../../rules/violation';
import { fromViolation, type Finding } from '../json/findings';
import type { AccountSlot } from './planGlobal';

/** The comparison key of a plan entry's number (E.164 form), when it has one. */
export function numberKey(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  const tel = entry['telephoneNumber'];
  return typeof tel === 'string' ? canonicalNumber(tel) : undefined;
}

/** Keys per account (undefined where an account has no list), as {@link duplicateFindings} takes them. */
export type AccountKeys = readonly (readonly (string | undefined)[] | undefined)[];

/** The keys that occur more than once. One hash operation per number: most plans have no duplicates at all. */
function repeatedKeys(keys: AccountKeys): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const list of keys) {
    if (!list) continue;
    for (const key of list) {
      if (key === undefined) continue;
      const before = seen.size;
      seen.add(key);
      if (seen.size === before) repeated.add(key);
    }
  }
  return repeated;
}

function sameEntry(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One finding per repeat, at the repeat, with the first occurrence as related information and a fix that removes
 * the repeat (preferred when both entries are identical, so nothing is lost). `repeated` may be passed when the
 * caller already knows which keys repeat (the incremental session counts them).
 */
export function duplicateFindings(slots: readonly (AccountSlot | undefined)[], keys: AccountKeys, repeated: ReadonlySet<string> = repeatedKeys(keys)): Finding[] {
  const found: Finding[] = [];
  if (repeated.size === 0) return found;
  const first = new Map<string, { account: number; index: number }>();
  keys.forEach((list, account) => {
    if (!list) return;
    for (let index = 0; index < list.length; index++) {
      const key = list[index];
      if (key === undefined || !repeated.has(key)) continue;
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, { account, index });
        continue;
      }
      const numbers = slots[account]?.numbers;
      const entry = numbers?.[index];
      const tel = isRecord(entry) ? String(entry['telephoneNumber']) : key;
      const sameAccount = seen.account === account;
      const earlier = slots[seen.account]?.numbers?.[seen.index];
      const firstTel = isRecord(earlier) ? String(earlier['telephoneNumber']) : key;
      const at = (a: number, i: number) => ['accounts', a, 'numbers', i, 'telephoneNumber'];
      const repeat = repeatedNumber(tel, at(account, index), { path: at(seen.account, seen.index), value: firstTel });
      found.push(
        fromViolation(repeat, [], [
          {
            kind: 'removeElement',
            title: 'Remove this duplicate number',
            path: ['accounts', account, 'numbers', index],
            preferred: sameAccount && sameEntry(earlier, entry),
          },
        ]),
      );
    }
  });
  return found;
}

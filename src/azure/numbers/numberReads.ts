// Reading a set of numbers of one account as they are now: what the editor shows before an edit and what the status
// follow-up reads as numbers settle. A few are read one GET each (the pipeline paces them); many are read with one
// listing of their common prefix when that listing is not much larger than the set (a 1,000-number paste costs a
// page or two, not 1,000 requests of a 100-per-minute budget).
import { PROVISIONING_MAX_PAGE_SIZE } from '../../core/limits';
import type { NumberResource } from '../../core/models';
import type { ProvisioningClient } from '../clients/provisioning';
import { isAcgError } from '../errors';

export type NumberReader = Pick<ProvisioningClient, 'getNumber' | 'listNumbers' | 'countNumbers'>;

/** Up to this many numbers are read one by one. */
const SINGLE_READS_MAX = 20;
/** A listing is used when it holds at most this many times the numbers asked for. */
const LISTING_SLACK = 3;

export function commonPrefix(numbers: readonly string[]): string {
  if (numbers.length === 0) return '';
  let prefix = numbers[0];
  for (const n of numbers) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The numbers that exist, as the service has them now (a missing one is left out). */
export async function readNumbers(client: NumberReader, account: string, telephoneNumbers: readonly string[], signal?: AbortSignal): Promise<NumberResource[]> {
  const options = signal ? { abortSignal: signal } : {};
  const wanted = new Set(telephoneNumbers);
  if (telephoneNumbers.length > SINGLE_READS_MAX) {
    const prefix = commonPrefix(telephoneNumbers);
    const filter = `startswith(telephoneNumber,'${prefix.replace(/'/g, "''")}')`;
    if (prefix.length > 1 && (await client.countNumbers(account, { filter, ...options })) <= LISTING_SLACK * telephoneNumbers.length) {
      const found: NumberResource[] = [];
      for await (const page of client.listNumbers(account, { filter, maxpagesize: PROVISIONING_MAX_PAGE_SIZE, ...options })) {
        found.push(...page.items.filter((n) => wanted.has(n.telephoneNumber)));
      }
      return found;
    }
  }
  const read = await Promise.all(
    telephoneNumbers.map(async (telephoneNumber) => {
      try {
        return (await client.getNumber(account, telephoneNumber, options)).resource;
      } catch (error) {
        if (isAcgError(error, 'notFound')) return undefined;
        throw error;
      }
    }),
  );
  return read.filter((n): n is NumberResource => n !== undefined);
}

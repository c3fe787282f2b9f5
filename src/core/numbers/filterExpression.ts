// The Numbers view's filter (numberFilter.ts) written as text, for `acg export --filter` and any other face that takes
// it typed: `prefix=+4420`, `service=OC`, `status=failed`, or the bare value (`+4420`, `OC`, `failed`), several in one
// argument separated by commas (a prefix may hold spaces: `prefix=+44 20`). Each field may be given once; the result is the same NumberFilter the tree
// builds from its pickers, so a filter means the same thing in every face.
import { SERVICE_PROVISIONING_STATUSES, type ServiceProvisioningStatus } from '../models';
import { NUMBER_SERVICES, type NumberServiceKey } from './numberDisplay';
import { normalizePrefix, validatePrefix, type NumberFilter } from './numberFilter';

export type FilterExpressionResult = { readonly ok: true; readonly filter: NumberFilter } | { readonly ok: false; readonly message: string };

type Field = keyof NumberFilter;

const SERVICE_WORDS = NUMBER_SERVICES.map((s) => s.short).join(', ');

/** A service by its short name (OC, TPM, DR, Zoom, AOCP) or its key (teamsOperatorConnect), case-insensitive. */
export function serviceFromText(text: string): NumberServiceKey | undefined {
  const lower = text.trim().toLowerCase();
  return NUMBER_SERVICES.find((s) => s.short.toLowerCase() === lower || s.key.toLowerCase() === lower)?.key;
}

function statusFromText(text: string): ServiceProvisioningStatus | undefined {
  const lower = text.trim().toLowerCase();
  return SERVICE_PROVISIONING_STATUSES.find((s) => s === lower);
}

/** Which field a bare value is: a number prefix starts with + or a digit; otherwise a service or a status word. */
function fieldOfBare(value: string): Field | undefined {
  if (/^[+\d]/.test(value)) return 'prefix';
  if (serviceFromText(value)) return 'service';
  if (statusFromText(value)) return 'status';
  return undefined;
}

/** Every expression of every `--filter` given, as one filter; a field given twice is a mistake, not an "or". */
export function parseFilterExpressions(texts: readonly string[]): FilterExpressionResult {
  const found: { prefix?: string; service?: NumberServiceKey; status?: ServiceProvisioningStatus } = {};
  for (const text of texts) {
    for (const term of text.split(',').map((t) => t.trim()).filter((t) => t !== '')) {
      const eq = term.indexOf('=');
      const key = eq >= 0 ? term.slice(0, eq).trim().toLowerCase() : undefined;
      const value = eq >= 0 ? term.slice(eq + 1).trim() : term;
      const field = key ?? fieldOfBare(value);
      if (field === undefined) {
        return fail(`'${term}' is not a filter: give prefix=<+digits>, service=<${SERVICE_WORDS}> or status=<${SERVICE_PROVISIONING_STATUSES.join('|')}>.`);
      }
      if (field !== 'prefix' && field !== 'service' && field !== 'status') return fail(`unknown filter field '${key ?? field}': the fields are prefix, service and status.`);
      if (found[field] !== undefined) return fail(`the filter gives ${field} twice ('${term}'): give each of prefix, service and status at most once.`);
      if (value === '') return fail(`${field}= needs a value.`);
      if (field === 'prefix') {
        const problem = validatePrefix(value);
        if (problem) return fail(`prefix '${value}': ${problem}`);
        found.prefix = normalizePrefix(value);
      } else if (field === 'service') {
        const service = serviceFromText(value);
        if (!service) return fail(`service '${value}' is not one of ${SERVICE_WORDS}.`);
        found.service = service;
      } else {
        const status = statusFromText(value);
        if (!status) return fail(`status '${value}' is not one of ${SERVICE_PROVISIONING_STATUSES.join(', ')}.`);
        found.status = status;
      }
    }
  }
  return {
    ok: true,
    filter: {
      ...(found.prefix !== undefined ? { prefix: found.prefix } : {}),
      ...(found.service !== undefined ? { service: found.service } : {}),
      ...(found.status !== undefined ? { status: found.status } : {}),
    },
  };
}

function fail(message: string): FilterExpressionResult {
  return { ok: false, message };
}

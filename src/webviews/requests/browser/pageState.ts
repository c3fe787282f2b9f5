// What the page keeps with setState: the gateway (the serializer restores the panel from it; the host checks it), and
// the filters, the selection and the focused request (the page restores them). Read back defensively: a state saved
// by another version, or a damaged one, gives the defaults rather than an error.
import { ALL, CONSENT_FILTER_KEYS, NO_FILTER, RELATIONSHIP_FILTER_KEYS, type RequestFilter } from '../protocol';

export interface PageState {
  readonly gatewayId?: string;
  readonly gatewayName?: string;
  readonly filter: RequestFilter;
  /** Lower-cased tenant ids. */
  readonly selected: readonly string[];
  readonly focused?: string;
}

const MAX_TEXT = 200;
const MAX_SELECTED = 1000;

export function readPageState(saved: unknown): PageState {
  const record = isRecord(saved) ? saved : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 1024 ? value : undefined);
  const f = isRecord(record.filter) ? record.filter : {};
  const filter: RequestFilter = {
    relationship: RELATIONSHIP_FILTER_KEYS.find((key) => key === f.relationship) ?? ALL,
    consent: CONSENT_FILTER_KEYS.find((key) => key === f.consent) ?? ALL,
    country: short(f.country) ?? NO_FILTER.country,
    company: short(f.company) ?? NO_FILTER.company,
    text: short(f.text) ?? NO_FILTER.text,
  };
  const selected = Array.isArray(record.selected) ? record.selected.filter((id): id is string => typeof id === 'string' && id.length <= 64).slice(0, MAX_SELECTED) : [];
  const gatewayId = text(record.gatewayId);
  const gatewayName = text(record.gatewayName);
  const focused = short(record.focused);
  return { ...(gatewayId ? { gatewayId } : {}), ...(gatewayName ? { gatewayName } : {}), filter, selected, ...(focused ? { focused } : {}) };
}

function short(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_TEXT ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

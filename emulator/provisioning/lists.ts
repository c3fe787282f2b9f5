// Which fields each list can filter on, and how a number filter becomes a NumberQuery that the number store can
// answer by arithmetic (key ranges, whole accounts, whole generated blocks) instead of scanning 100,000 numbers.
import type { ServiceProvisioningStatus } from '../../src/core/models';
import type { FieldSpec, Filter } from './filter';
import type { NumberQuery } from './numberStore';

export const ACCOUNT_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  name: {},
  correlationId: {},
  serviceProvisioningStatus: {},
  'serviceDetails/teamsTenantId': { caseInsensitive: true },
};

/** Numbers filter on the fields the store can plan without materialising every number. */
export const NUMBER_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  telephoneNumber: {},
  accountName: {},
  serviceProvisioningStatus: {},
};

export const RFI_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  tenantId: { caseInsensitive: true },
  id: { caseInsensitive: true },
  accountName: {},
  status: {},
  productContext: {},
  operatorId: { caseInsensitive: true },
  'customerRelationship/status': {},
  serviceProvisioningStatus: {},
};

export const CIVIC_ADDRESS_FILTER_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { caseInsensitive: true },
  country: {},
  stateOrProvince: {},
  cityOrTown: {},
  postalOrZipCode: {},
  companyName: {},
  description: {},
  validationStatus: {},
};

/** The NumberQuery for a filter, or undefined when the filter can match nothing. */
export function numberQuery(filter: Filter): NumberQuery | undefined {
  let from: string | undefined;
  let to: string | undefined;
  const accountTests: ((name: string) => boolean)[] = [];
  const statusTests: ((status: ServiceProvisioningStatus) => boolean)[] = [];
  for (const clause of filter) {
    if (typeof clause.value !== 'string') return undefined;
    const value = clause.value;
    if (clause.field === 'telephoneNumber') {
      // All keys are ASCII, so '\uffff' sorts after every key with the prefix and '\u0000' right after the exact key.
      const lo = value;
      const hi = clause.op === 'eq' ? `${value}\u0000` : `${value}\uffff`;
      from = from === undefined || lo > from ? lo : from;
      to = to === undefined || hi < to ? hi : to;
    } else if (clause.field === 'accountName') {
      accountTests.push(clause.op === 'eq' ? (name) => name === value : (name) => name.startsWith(value));
    } else {
      statusTests.push(clause.op === 'eq' ? (status) => status === value : (status) => status.startsWith(value));
    }
  }
  if (from !== undefined && to !== undefined && from >= to) return undefined;
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(accountTests.length ? { account: (name: string) => accountTests.every((t) => t(name)) } : {}),
    ...(statusTests.length ? { status: (status: ServiceProvisioningStatus) => statusTests.every((t) => t(status)) } : {}),
  };
}

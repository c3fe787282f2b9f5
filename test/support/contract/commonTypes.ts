// STAND-IN, NOT A COPY. The 2023-09-01 ARM swagger refers to the shared ARM "common-types" documents
// (`../../../../../common-types/resource-management/v3/types.json` and `v4/managedidentity.json`), which are not among
// the spec files in ../shared/specs. Contract tests still need a schema for every `$ref`, so this module supplies a
// small, hand-written equivalent of exactly the definitions and parameters that swagger refers to, written from the
// public description of ARM's common types (Resource, TrackedResource, systemData, ErrorResponse/ErrorDetail, Sku,
// OperationListResult, ManagedServiceIdentity, and the api-version / subscriptionId / resourceGroupName parameters).
// Descriptions are left out on purpose. When the real common-types files are present next to the specs (at the path
// the `$ref`s name), they are used instead and this stand-in is ignored (see `specs.ts`).
//
// It also holds stand-in schemas for the few emulator operations that are not in the Microsoft.VoiceServices swagger
// but are part of ARM: the subscriptions list/get, and the asynchronous-operation status resource that
// `Azure-AsyncOperation` points at (ARM's "OperationStatusResult").

type Json = Record<string, unknown>;

const readOnlyString: Json = { type: 'string', readOnly: true };

/** Stand-in for `common-types/resource-management/v3/types.json` (only what voiceservices.json refers to). */
const V3_DEFINITIONS: Json = {
  Resource: {
    type: 'object',
    properties: {
      id: readOnlyString,
      name: readOnlyString,
      type: readOnlyString,
      systemData: { $ref: '#/definitions/systemData', readOnly: true },
    },
    'x-ms-azure-resource': true,
  },
  TrackedResource: {
    type: 'object',
    properties: {
      tags: { type: 'object', additionalProperties: { type: 'string' }, 'x-ms-mutability': ['read', 'create', 'update'] },
      location: { type: 'string', 'x-ms-mutability': ['read', 'create'] },
    },
    required: ['location'],
    allOf: [{ $ref: '#/definitions/Resource' }],
  },
  ProxyResource: { type: 'object', allOf: [{ $ref: '#/definitions/Resource' }] },
  systemData: {
    type: 'object',
    readOnly: true,
    properties: {
      createdBy: { type: 'string' },
      createdByType: { $ref: '#/definitions/createdByType' },
      createdAt: { type: 'string', format: 'date-time' },
      lastModifiedBy: { type: 'string' },
      lastModifiedByType: { $ref: '#/definitions/createdByType' },
      lastModifiedAt: { type: 'string', format: 'date-time' },
    },
  },
  createdByType: {
    type: 'string',
    enum: ['User', 'Application', 'ManagedIdentity', 'Key'],
    'x-ms-enum': { name: 'createdByType', modelAsString: true },
  },
  ErrorResponse: {
    type: 'object',
    properties: { error: { $ref: '#/definitions/ErrorDetail' } },
  },
  ErrorDetail: {
    type: 'object',
    properties: {
      code: readOnlyString,
      message: readOnlyString,
      target: readOnlyString,
      details: { type: 'array', readOnly: true, items: { $ref: '#/definitions/ErrorDetail' }, 'x-ms-identifiers': ['message', 'target'] },
      additionalInfo: { type: 'array', readOnly: true, items: { $ref: '#/definitions/ErrorAdditionalInfo' }, 'x-ms-identifiers': [] },
    },
  },
  ErrorAdditionalInfo: {
    type: 'object',
    properties: { type: readOnlyString, info: { type: 'object', readOnly: true } },
  },
  OperationListResult: {
    type: 'object',
    properties: {
      value: { type: 'array', readOnly: true, items: { $ref: '#/definitions/Operation' }, 'x-ms-identifiers': ['name'] },
      nextLink: { type: 'string', readOnly: true },
    },
  },
  Operation: {
    type: 'object',
    properties: {
      name: readOnlyString,
      isDataAction: { type: 'boolean', readOnly: true },
      display: {
        type: 'object',
        properties: { provider: readOnlyString, resource: readOnlyString, operation: readOnlyString, description: readOnlyString },
      },
      origin: {
        type: 'string',
        readOnly: true,
        enum: ['user', 'system', 'user,system'],
        'x-ms-enum': { name: 'Origin', modelAsString: true },
      },
      actionType: {
        type: 'string',
        readOnly: true,
        enum: ['Internal'],
        'x-ms-enum': { name: 'ActionType', modelAsString: true },
      },
    },
  },
  Sku: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      tier: { $ref: '#/definitions/SkuTier' },
      size: { type: 'string' },
      family: { type: 'string' },
      capacity: { type: 'integer', format: 'int32' },
    },
    required: ['name'],
  },
  SkuTier: {
    type: 'string',
    enum: ['Free', 'Basic', 'Standard', 'Premium'],
    'x-ms-enum': { name: 'SkuTier', modelAsString: false },
  },
};

export const COMMON_TYPES_V3: Json = {
  swagger: '2.0',
  info: { title: 'Stand-in for ARM common types v3 (hand-written for contract tests)', version: '3.0' },
  paths: {},
  definitions: V3_DEFINITIONS,
  parameters: {
    ApiVersionParameter: { name: 'api-version', in: 'query', required: true, type: 'string', minLength: 1 },
    SubscriptionIdParameter: { name: 'subscriptionId', in: 'path', required: true, type: 'string', minLength: 1 },
    ResourceGroupNameParameter: {
      name: 'resourceGroupName',
      in: 'path',
      required: true,
      type: 'string',
      pattern: '^[-\\w\\._\\(\\)]+$',
      minLength: 1,
      maxLength: 90,
      'x-ms-parameter-location': 'method',
    },
  },
};

/** Stand-in for `common-types/resource-management/v4/managedidentity.json` (only what voiceservices.json refers to). */
export const MANAGED_IDENTITY_V4: Json = {
  swagger: '2.0',
  info: { title: 'Stand-in for ARM managed identity common types v4 (hand-written for contract tests)', version: '4.0' },
  paths: {},
  definitions: {
    UserAssignedIdentities: {
      type: 'object',
      additionalProperties: { $ref: '#/definitions/UserAssignedIdentity', 'x-nullable': true },
    },
    UserAssignedIdentity: {
      type: 'object',
      properties: {
        principalId: { type: 'string', format: 'uuid', readOnly: true },
        clientId: { type: 'string', format: 'uuid', readOnly: true },
      },
    },
    ManagedServiceIdentityType: {
      type: 'string',
      enum: ['None', 'SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned'],
      'x-ms-enum': { name: 'ManagedServiceIdentityType', modelAsString: true },
    },
    ManagedServiceIdentity: {
      type: 'object',
      properties: {
        principalId: { type: 'string', format: 'uuid', readOnly: true },
        tenantId: { type: 'string', format: 'uuid', readOnly: true },
        type: { $ref: '#/definitions/ManagedServiceIdentityType' },
        userAssignedIdentities: { $ref: '#/definitions/UserAssignedIdentities' },
      },
      required: ['type'],
    },
  },
};

/** Which stand-in answers a common-types URL, by its last path segments; undefined when we have none. */
export function commonTypesStandIn(url: string): Json | undefined {
  const normalized = url.replace(/\\/g, '/');
  if (/\/common-types\/resource-management\/v3\/types\.json$/i.test(normalized)) return COMMON_TYPES_V3;
  if (/\/common-types\/resource-management\/v4\/managedidentity\.json$/i.test(normalized)) return MANAGED_IDENTITY_V4;
  return undefined;
}

const str = { type: 'string' };
const tags = { type: 'object', additionalProperties: { type: 'string' } };

/**
 * Microsoft.Resources definitions for the generic endpoints the emulator serves around its gateways. The spec files are
 * not in ../shared/specs; the field lists are those of Azure/azure-rest-api-specs
 * specification/resources/resource-manager/Microsoft.Resources/stable/2025-04-01/resources.json (ResourceGroup,
 * ResourceGroupProperties, ResourceGroupListResult, GenericResourceExpanded, ResourceListResult, Provider,
 * ProviderResourceType) and .../stable/2022-12-01/subscriptions.json (Location, LocationMetadata, PairedRegion,
 * LocationListResult). `additionalProperties: false` makes each list complete: a field ARM does not define is an error.
 */
const MICROSOFT_RESOURCES_DEFINITIONS: Json = {
  ResourceGroup: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id: str,
      name: str,
      type: str,
      properties: { type: 'object', additionalProperties: false, properties: { provisioningState: str } },
      location: str,
      managedBy: str,
      tags,
    },
    required: ['location'],
  },
  ResourceGroupListResult: {
    type: 'object',
    additionalProperties: false,
    properties: { value: { type: 'array', items: { $ref: '#/definitions/ResourceGroup' } }, nextLink: str },
  },
  GenericResourceExpanded: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id: str,
      name: str,
      type: str,
      location: str,
      extendedLocation: { type: 'object', properties: { name: str, type: str } },
      tags,
      plan: { type: 'object' },
      properties: { type: 'object' },
      kind: str,
      managedBy: str,
      sku: { type: 'object', properties: { name: str, tier: str, size: str, family: str, model: str, capacity: { type: 'integer' } } },
      identity: { type: 'object', properties: { principalId: str, tenantId: str, type: str, userAssignedIdentities: { type: 'object' } } },
      createdTime: { type: 'string', format: 'date-time' },
      changedTime: { type: 'string', format: 'date-time' },
      provisioningState: str,
    },
  },
  ResourceListResult: {
    type: 'object',
    additionalProperties: false,
    properties: { value: { type: 'array', items: { $ref: '#/definitions/GenericResourceExpanded' } }, nextLink: str },
  },
  ProviderResourceType: {
    type: 'object',
    additionalProperties: false,
    properties: {
      resourceType: str,
      locations: { type: 'array', items: str },
      locationMappings: { type: 'array' },
      aliases: { type: 'array' },
      apiVersions: { type: 'array', items: str },
      defaultApiVersion: str,
      zoneMappings: { type: 'array' },
      apiProfiles: { type: 'array' },
      capabilities: str,
      properties: { type: 'object', additionalProperties: str },
    },
  },
  Provider: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id: str,
      namespace: str,
      registrationState: str,
      registrationPolicy: str,
      resourceTypes: { type: 'array', items: { $ref: '#/definitions/ProviderResourceType' } },
      providerAuthorizationConsentState: { type: 'string', enum: ['NotSpecified', 'Required', 'NotRequired', 'Consented'] },
    },
  },
  PairedRegion: { type: 'object', additionalProperties: false, properties: { name: str, id: str, subscriptionId: str } },
  LocationMetadata: {
    type: 'object',
    additionalProperties: false,
    properties: {
      regionType: { type: 'string', enum: ['Physical', 'Logical'] },
      regionCategory: { type: 'string', enum: ['Recommended', 'Extended', 'Other'] },
      geography: str,
      geographyGroup: str,
      longitude: str,
      latitude: str,
      physicalLocation: str,
      pairedRegion: { type: 'array', items: { $ref: '#/definitions/PairedRegion' } },
      homeLocation: str,
    },
  },
  Location: {
    type: 'object',
    additionalProperties: false,
    properties: {
      id: str,
      subscriptionId: str,
      name: str,
      type: { type: 'string', enum: ['Region', 'EdgeZone'] },
      displayName: str,
      regionalDisplayName: str,
      metadata: { $ref: '#/definitions/LocationMetadata' },
      availabilityZoneMappings: { type: 'array' },
    },
  },
  // subscriptions.json 2022-12-01 does not page the locations list: LocationListResult has `value` only.
  LocationListResult: {
    type: 'object',
    additionalProperties: false,
    properties: { value: { type: 'array', items: { $ref: '#/definitions/Location' } } },
  },
};

/**
 * Stand-in schemas (JSON Schema, draft-04 style) for ARM operations the emulator serves that are not in
 * voiceservices.json. Subscriptions follow Microsoft.Resources/subscriptions (2022-12-01); the operation status
 * follows ARM's asynchronous-operation contract (`status` is required; terminal values Succeeded, Failed, Canceled).
 */
export const ARM_EXTRA_DEFINITIONS: Json = {
  Subscription: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      subscriptionId: { type: 'string' },
      displayName: { type: 'string' },
      tenantId: { type: 'string' },
      state: { type: 'string', enum: ['Enabled', 'Warned', 'PastDue', 'Disabled', 'Deleted'] },
      subscriptionPolicies: {
        type: 'object',
        properties: {
          locationPlacementId: { type: 'string' },
          quotaId: { type: 'string' },
          spendingLimit: { type: 'string', enum: ['On', 'Off', 'CurrentPeriodOff'] },
        },
      },
      authorizationSource: { type: 'string' },
      managedByTenants: { type: 'array', items: { type: 'object', properties: { tenantId: { type: 'string' } } } },
      tags: { type: 'object', additionalProperties: { type: 'string' } },
    },
    required: ['id', 'subscriptionId', 'displayName', 'state'],
  },
  SubscriptionListResult: {
    type: 'object',
    properties: {
      value: { type: 'array', items: { $ref: '#/definitions/Subscription' } },
      nextLink: { type: 'string' },
    },
    required: ['value'],
  },
  // Microsoft.Resources TenantListResult (api-version 2022-12-01), the fields a tenant picker reads.
  TenantListResult: {
    type: 'object',
    properties: {
      value: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            tenantId: { type: 'string', format: 'uuid' },
            tenantCategory: { type: 'string', enum: ['Home', 'ProjectedBy', 'ManagedBy'] },
            displayName: { type: 'string' },
            defaultDomain: { type: 'string' },
            domains: { type: 'array', items: { type: 'string' } },
            tenantType: { type: 'string' },
          },
          required: ['id', 'tenantId'],
        },
      },
      nextLink: { type: 'string' },
    },
    required: ['value'],
  },
  OperationStatusResult: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      resourceId: { type: 'string' },
      name: { type: 'string' },
      status: { type: 'string', minLength: 1 },
      percentComplete: { type: 'number', minimum: 0, maximum: 100 },
      startTime: { type: 'string', format: 'date-time' },
      endTime: { type: 'string', format: 'date-time' },
      operations: { type: 'array', items: { $ref: '#/definitions/OperationStatusResult' } },
      error: { $ref: '#/definitions/ErrorDetail' },
    },
    required: ['status'],
  },
  ErrorDetail: V3_DEFINITIONS.ErrorDetail,
  ErrorAdditionalInfo: V3_DEFINITIONS.ErrorAdditionalInfo,
  ErrorResponse: V3_DEFINITIONS.ErrorResponse,  ...MICROSOFT_RESOURCES_DEFINITIONS,
};

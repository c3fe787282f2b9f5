// Gateways and test lines (ARM Microsoft.VoiceServices 2023-09-01): rules that need only the one resource.
import {
  COMMUNICATIONS_PLATFORMS,
  DOMAIN_NAME_LABEL_SCOPES,
  E911_TYPES,
  TEAMS_CODECS,
  TEST_LINE_PURPOSES,
} from '../models/arm';
import { validateCidr, validateIpv4Address } from './networkRules';
import { validateTelephoneNumber } from './phoneNumber';
import { validateTags } from './tagRules';
import { checkAllowed, checkBoolean, checkEnum, checkEnumList, missing, wrongType } from './schemaRules';
import type { RuleViolation, ValuePath } from './types';
import { badCharacters, isRecord, recastNumberFindings, show, violation } from './violation';

export type DeploymentKind = 'lab' | 'production';

export interface GatewayValidationOptions {
  /** Lab deployments have one service location, production two; unknown accepts either. */
  readonly deployment?: DeploymentKind;
  /** Where `props` sits in the checked document; findings are reported under it. */
  readonly path?: ValuePath;
}

const RESOURCE_NAME = /^[a-zA-Z0-9-]{3,24}$/;
/** RFC 3261 `token`: what a SIP header name may contain. */
const SIP_TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;
const EMERGENCY_DIAL_STRING = /^\d{1,15}$/;
const SERVICE_LOCATION_COUNT: Record<DeploymentKind, number> = { lab: 1, production: 2 };

/** Names of gateways and test lines. */
export function validateResourceName(value: unknown, path: ValuePath = []): RuleViolation[] {
  if (value === undefined || value === null) return [missing(path, 'The name')];
  if (typeof value !== 'string') return [wrongType(path, 'a string', value)];
  if (RESOURCE_NAME.test(value)) return [];
  const bad = badCharacters(value, /[a-zA-Z0-9-]/);
  const text =
    bad !== ''
      ? `Name ${show(value)} contains ${bad}: use only letters, digits and -.`
      : `Name ${show(value)} has ${value.length} characters: use 3 to 24.`;
  return [violation('ACG-GW-001', path, text)];
}

function optionalList(value: unknown, path: ValuePath, validateItem: (item: unknown, itemPath: ValuePath) => RuleViolation[]): RuleViolation[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [wrongType(path, 'an array', value)];
  return value.flatMap((item, index) => validateItem(item, [...path, index]));
}

function validateRegionProperties(value: unknown, path: ValuePath): RuleViolation[] {
  if (value === undefined) return [missing(path)];
  if (!isRecord(value)) return [wrongType(path, 'an object', value)];
  const operators = value['operatorAddresses'];
  const operatorsPath = [...path, 'operatorAddresses'];
  const found =
    operators === undefined || (Array.isArray(operators) && operators.length === 0)
      ? [violation('ACG-GW-009', operatorsPath, 'List at least one operator IPv4 address for this service location in operatorAddresses.')]
      : optionalList(operators, operatorsPath, validateIpv4Address);
  return [
    ...found,
    ...optionalList(value['esrpAddresses'], [...path, 'esrpAddresses'], validateIpv4Address),
    ...optionalList(value['allowedSignalingSourceAddressPrefixes'], [...path, 'allowedSignalingSourceAddressPrefixes'], validateCidr),
    ...optionalList(value['allowedMediaSourceAddressPrefixes'], [...path, 'allowedMediaSourceAddressPrefixes'], validateCidr),
  ];
}

function validateServiceLocation(value: unknown, path: ValuePath): RuleViolation[] {
  if (!isRecord(value)) return [wrongType(path, 'an object', value)];
  const name = value['name'];
  const nameFindings =
    name === undefined ? [missing([...path, 'name'], 'The region name')] : typeof name === 'string' ? [] : [wrongType([...path, 'name'], 'a string', name)];
  return [...nameFindings, ...validateRegionProperties(value['primaryRegionProperties'], [...path, 'primaryRegionProperties'])];
}

function validateServiceLocations(value: unknown, path: ValuePath, deployment: DeploymentKind | undefined): RuleViolation[] {
  if (value === undefined) return [missing(path)];
  if (!Array.isArray(value)) return [wrongType(path, 'an array', value)];
  const found: RuleViolation[] = [];
  const expected = deployment === undefined ? [1, 2] : [SERVICE_LOCATION_COUNT[deployment]];
  if (!expected.includes(value.length)) {
    const wanted = deployment === undefined ? '1 (lab) or 2 (production)' : `${expected[0]} for a ${deployment} deployment`;
    found.push(violation('ACG-GW-008', path, `${value.length} service locations: use ${wanted}.`));
  }
  const seen = new Set<string>();
  value.forEach((location, index) => {
    found.push(...validateServiceLocation(location, [...path, index]));
    const name = isRecord(location) && typeof location['name'] === 'string' ? location['name'].toLowerCase() : undefined;
    if (name === undefined) return;
    if (seen.has(name)) {
      found.push(violation('ACG-GW-008', [...path, index, 'name'], `Region ${show(name)} is listed twice: the two service locations must be in different regions.`));
    }
    seen.add(name);
  });
  return found;
}

function looksLikeUsRegion(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return /^us/.test(compact) || /us\d?(euap)?$/.test(compact);
}

function validateEmergency(props: Record<string, unknown>, path: ValuePath): RuleViolation[] {
  const e911 = props['e911Type'];
  const e911Path = [...path, 'e911Type'];
  if (e911 === undefined) return [missing(e911Path)];
  const found = checkEnum('ACG-GW-005', e911, E911_TYPES, e911Path, 'e911Type');
  if (e911 !== 'DirectToEsrp') return found;
  const platforms = Array.isArray(props['platforms']) ? props['platforms'] : [];
  if (!platforms.includes('OperatorConnect') && !platforms.includes('TeamsPhoneMobile')) {
    found.push(violation('ACG-GW-006', e911Path, 'DirectToEsrp needs the OperatorConnect or TeamsPhoneMobile platform: add one, or set e911Type to Standard.'));
  }
  const locations = Array.isArray(props['serviceLocations']) ? props['serviceLocations'] : [];
  locations.forEach((location, index) => {
    const name = isRecord(location) ? location['name'] : undefined;
    if (typeof name === 'string' && !looksLikeUsRegion(name)) {
      found.push(
        violation('ACG-GW-007', [...path, 'serviceLocations', index, 'name'], `DirectToEsrp is US only, but ${show(name)} does not look like a US region.`),
      );
    }
  });
  return found;
}

function validatePlatforms(value: unknown, path: ValuePath): RuleViolation[] {
  if (value === undefined) return [missing(path)];
  if (Array.isArray(value) && value.length === 0) {
    return [violation('ACG-GW-002', path, 'platforms is empty: list at least one of OperatorConnect, TeamsPhoneMobile or TeamsDirectRouting.')];
  }
  return checkEnumList('ACG-GW-003', value, COMMUNICATIONS_PLATFORMS, path, 'platform');
}

function validateDialStrings(value: unknown, path: ValuePath): RuleViolation[] {
  const seen = new Set<string>();
  return optionalList(value, path, (item, itemPath) => {
    if (typeof item !== 'string') return [wrongType(itemPath, 'a string', item)];
    if (!EMERGENCY_DIAL_STRING.test(item)) {
      return [violation('ACG-GW-012', itemPath, `Emergency dial string ${show(item)} must be 1 to 15 digits, such as 911.`)];
    }
    if (seen.has(item)) return [violation('ACG-GW-012', itemPath, `Emergency dial string ${item} is listed twice: list it once.`)];
    seen.add(item);
    return [];
  });
}

function validateMobileSettings(props: Record<string, unknown>, path: ValuePath): RuleViolation[] {
  const found = [...checkBoolean(props, 'onPremMcpEnabled', path, false), ...checkBoolean(props, 'integratedMcpEnabled', path, false)];
  if (props['onPremMcpEnabled'] === true && props['integratedMcpEnabled'] === true) {
    found.push(
      violation('ACG-GW-013', [...path, 'integratedMcpEnabled'], 'Both integratedMcpEnabled and onPremMcpEnabled are true: a Mobile Control Point is integrated or on-premises, not both.'),
    );
  }
  const pilot = props['teamsVoicemailPilotNumber'];
  const pilotPath = [...path, 'teamsVoicemailPilotNumber'];
  const mobile = Array.isArray(props['platforms']) && props['platforms'].includes('TeamsPhoneMobile');
  if (pilot !== undefined) {
    found.push(...recastNumberFindings(validateTelephoneNumber(pilot, pilotPath), 'ACG-GW-014'));
  } else if (mobile) {
    found.push(violation('ACG-GW-014', pilotPath, 'TeamsPhoneMobile is enabled: set teamsVoicemailPilotNumber, the E.164 number of the voicemail IVR.'));
  }
  return found;
}

function validateApiBridge(value: unknown, path: ValuePath): RuleViolation[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [wrongType(path, 'an object', value)];
  const state = value['configureApiBridge'];
  return [
    ...(state === undefined ? [] : checkAllowed(state, ['enabled', 'disabled'], [...path, 'configureApiBridge'], 'configureApiBridge value')),
    ...optionalList(value['allowedAddressPrefixes'], [...path, 'allowedAddressPrefixes'], validateCidr),
  ];
}

/** The gateway's custom SIP header (ACG-GW-017): one name, a SIP token; numbers then carry its value. */
function validateCustomSipHeaders(value: unknown, path: ValuePath): RuleViolation[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [wrongType(path, 'an object', value)];
  const headersPath = [...path, 'headers'];
  return optionalList(value['headers'], headersPath, (header, at) => {
    if (!isRecord(header)) return [wrongType(at, 'an object with a name', header)];
    const name = header['name'];
    const found =
      name === undefined
        ? [missing([...at, 'name'])]
        : typeof name !== 'string'
          ? [wrongType([...at, 'name'], 'a string', name)]
          : SIP_TOKEN.test(name)
            ? []
            : [violation('ACG-GW-017', [...at, 'name'], `SIP header name ${show(name)} is not a SIP token: use letters, digits and -, for example x-contoso-account.`)];
    const extra = at[at.length - 1] !== 0;
    if (extra) {
      found.push(violation('ACG-GW-017', at, 'The gateway takes one custom SIP header name; numbers then carry its value (customSipHeader): remove the extra header.'));
    }
    return found;
  });
}

/** Checks a gateway's `properties` object on its own. Cross-resource rules (test line counts) live elsewhere. */
export function validateGatewayProperties(props: unknown, opts: GatewayValidationOptions = {}): RuleViolation[] {
  const path = opts.path ?? [];
  if (!isRecord(props)) return [wrongType(path, 'an object', props)];
  const connectivity = props['connectivity'];
  const codecs = props['codecs'];
  const scope = props['autoGeneratedDomainNameLabelScope'];
  return [
    ...validateServiceLocations(props['serviceLocations'], [...path, 'serviceLocations'], opts.deployment),
    ...(connectivity === undefined
      ? [missing([...path, 'connectivity'])]
      : checkAllowed(connectivity, ['PublicAddress'], [...path, 'connectivity'], 'connectivity')),
    ...(codecs === undefined ? [missing([...path, 'codecs'])] : checkEnumList('ACG-GW-004', codecs, TEAMS_CODECS, [...path, 'codecs'], 'codec')),
    ...validatePlatforms(props['platforms'], [...path, 'platforms']),
    ...validateEmergency(props, path),
    ...validateDialStrings(props['emergencyDialStrings'], [...path, 'emergencyDialStrings']),
    ...validateMobileSettings(props, path),
    ...validateApiBridge(props['apiBridge'], [...path, 'apiBridge']),
    ...validateCustomSipHeaders(props['customSipHeaders'], [...path, 'customSipHeaders']),
    ...(scope === undefined
      ? []
      : checkAllowed(scope, DOMAIN_NAME_LABEL_SCOPES, [...path, 'autoGeneratedDomainNameLabelScope'], 'domain name label scope')),
  ];
}

/**
 * ACG-TL-002: a test line's (or an integration test number's) phone number, checked like a Provisioning API number
 * but as a warning, since ARM's own contract for it is looser.
 */
export function validateTestLineNumber(value: unknown, path: ValuePath = []): RuleViolation[] {
  return recastNumberFindings(validateTelephoneNumber(value, path), 'ACG-TL-002');
}

/** Checks an ARM TestLine body. Paths are relative to `resource`, under `path`. */
export function validateTestLine(resource: unknown, path: ValuePath = []): RuleViolation[] {
  if (!isRecord(resource)) return [wrongType(path, 'a test line object', resource)];
  const found = [
    ...(resource['name'] === undefined ? [] : validateResourceName(resource['name'], [...path, 'name'])),
    ...validateTags(resource['tags'], [...path, 'tags']),
  ];
  const props = resource['properties'];
  const propsPath = [...path, 'properties'];
  if (props === undefined) return [...found, missing(propsPath)];
  if (!isRecord(props)) return [...found, wrongType(propsPath, 'an object', props)];
  const purpose = props['purpose'];
  return [
    ...found,
    ...validateTestLineNumber(props['phoneNumber'], [...propsPath, 'phoneNumber']),
    ...(purpose === undefined
      ? [missing([...propsPath, 'purpose'])]
      : checkEnum('ACG-TL-001', purpose, TEST_LINE_PURPOSES, [...propsPath, 'purpose'], 'test line purpose')),
  ];
}

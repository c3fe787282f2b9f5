// ARM resource ids of gateways and test lines. The parsing lives in src/core/ids.ts (the emulator uses it too); these
// names stay here for the views and commands that import them from this module.
export { gatewayDomainOf, gatewayRefOf, gatewayResourceId, parseGatewayId, parseTestLineName } from '../../core/ids';

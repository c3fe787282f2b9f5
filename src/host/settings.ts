// The settings sign-in reads, in one place. All of them are application- or machine-scoped (package.json), so a
// workspace can never choose where tokens go or which app they are for; they are also read through
// protectedSettingValue, which ignores workspace and folder values, so that holds even if a scope were loosened.
import * as vscode from 'vscode';
import { DEFAULT_EMULATOR_URL, getCloud, isCloudName, type CloudEndpoints, type CloudName } from '../core/clouds';
import { DEFAULT_PROVISIONING_SCOPE } from '../azure/auth/scopedCredential';
import { isGuid } from '../azure/auth/tenant';
import { protectedSettingValue, type ProtectedSetting } from './protectedSettings';

const SECTION = 'acg';
/** Same rule as the setting's `pattern`: VS Code shows the pattern but still hands us whatever was typed. */
const LOOPBACK_HTTPS = /^https:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function protectedValue(key: ProtectedSetting): unknown {
  return protectedSettingValue(config(), key);
}

/** The cloud in effect. The setting is application-scoped, so only user settings can move it. */
export function currentCloudName(): CloudName {
  const value = protectedValue('cloud');
  return isCloudName(value) ? value : 'AzureCloud';
}

/** The emulator URL, if it is https on loopback; otherwise the default, so tokens never leave the machine. */
export function emulatorUrl(): string {
  const value = protectedValue('emulator.url');
  return typeof value === 'string' && LOOPBACK_HTTPS.test(value.trim()) ? value.trim() : DEFAULT_EMULATOR_URL;
}

export function currentCloud(): CloudEndpoints {
  return getCloud(currentCloudName(), emulatorUrl());
}

/** `acg.auth.clientId`: the operator's own Entra app, used for VS Code sessions and device code. */
export function configuredClientId(): string | undefined {
  const value = protectedValue('auth.clientId');
  return typeof value === 'string' && isGuid(value) ? value.trim() : undefined;
}

/** `acg.provisioningApi.scope`: not published by Microsoft (API.md §2), hence a setting. */
export function provisioningScope(): string {
  const value = protectedValue('provisioningApi.scope');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_PROVISIONING_SCOPE;
}

/** `acg.sandbox.autoSignIn`: machine-scoped, written only by `npm start` into the sandbox's own user settings. */
export function sandboxAutoSignIn(): boolean {
  return protectedValue('sandbox.autoSignIn') === true;
}

/** True when a change touches where tokens go, which signs out of the old cloud. */
export function affectsCloud(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.cloud`) || event.affectsConfiguration(`${SECTION}.emulator.url`);
}

/** True when a change touches which token is asked for, which rebuilds credentials and clients. */
export function affectsScopes(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.auth.clientId`) || event.affectsConfiguration(`${SECTION}.provisioningApi.scope`);
}

/** `acg.numbers.pageSize`: numbers per page in the Numbers view (clamped by the view to what the service honours). */
export const NUMBERS_PAGE_SIZE_SETTING = `${SECTION}.numbers.pageSize`;

export function numbersPageSize(): unknown {
  return vscode.workspace.getConfiguration().get<unknown>(NUMBERS_PAGE_SIZE_SETTING);
}

/** `acg.numbers.defaultCountry`: the country (ISO 3166 alpha-2) of numbers typed without a country code. */
export const NUMBERS_DEFAULT_COUNTRY_SETTING = `${SECTION}.numbers.defaultCountry`;

export function numbersDefaultCountry(): unknown {
  return vscode.workspace.getConfiguration().get<unknown>(NUMBERS_DEFAULT_COUNTRY_SETTING);
}

import * as vscode from 'vscode';
import { CLOUD_NAMES, getCloud, isCloudName, type CloudName } from '../core/clouds';

const CLOUD_SETTING = 'cloud';

/** The cloud in effect. The setting is application-scoped, so only user settings can move it. */
export function currentCloudName(): CloudName {
  const value = vscode.workspace.getConfiguration('acg').get<unknown>(CLOUD_SETTING);
  return isCloudName(value) ? value : 'AzureCloud';
}

export async function selectCloud(log: vscode.LogOutputChannel): Promise<CloudName | undefined> {
  const current = currentCloudName();
  const emulatorUrl = vscode.workspace.getConfiguration('acg').get<string>('emulator.url');
  const picked = await vscode.window.showQuickPick(
    CLOUD_NAMES.map((name) => {
      const cloud = getCloud(name, emulatorUrl);
      return {
        label: cloud.displayName,
        description: name === current ? 'current' : undefined,
        detail: `Resource Manager ${cloud.resourceManager} · sign-in ${cloud.authorityHost}`,
        name,
      };
    }),
    { title: 'Select Cloud', placeHolder: 'Which Azure cloud do your gateways live in?' },
  );
  if (!picked || picked.name === current) return picked?.name;
  await vscode.workspace.getConfiguration('acg').update(CLOUD_SETTING, picked.name, vscode.ConfigurationTarget.Global);
  log.info(`Cloud set to ${picked.name}`);
  return picked.name;
}

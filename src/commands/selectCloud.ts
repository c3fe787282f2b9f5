import * as vscode from 'vscode';
import { CLOUD_NAMES, getCloud, isCloudName, type CloudName } from '../core/clouds';
import type { AuthSession } from '../auth/session';
import { currentCloudName, emulatorUrl } from '../auth/settings';

const CLOUD_SETTING = 'cloud';

export { currentCloudName } from '../auth/settings';

/**
 * Picks the cloud (or takes its name from automation). Writing the application-scoped setting is all this does: the
 * session listens for the change and signs out of the old cloud, so the two can never disagree.
 */
export async function selectCloud(log: vscode.LogOutputChannel, session: AuthSession, argument?: unknown): Promise<CloudName | undefined> {
  const current = currentCloudName();
  let name: CloudName | undefined;
  if (argument !== undefined) {
    if (!isCloudName(argument)) throw new Error(`Select Cloud: '${String(argument)}' is not one of ${CLOUD_NAMES.join(', ')}.`);
    name = argument;
  } else {
    const picked = await vscode.window.showQuickPick(
      CLOUD_NAMES.map((cloudName) => {
        const cloud = getCloud(cloudName, emulatorUrl());
        return {
          label: cloud.displayName,
          description: cloudName === current ? 'current' : undefined,
          detail: `Resource Manager ${cloud.resourceManager} · sign-in ${cloud.authorityHost}`,
          name: cloudName,
        };
      }),
      { title: 'Select Cloud', placeHolder: 'Which Azure cloud do your gateways live in?' },
    );
    name = picked?.name;
    if (name && name !== current && session.state) {
      const ok = await vscode.window.showWarningMessage(
        `Switching to ${getCloud(name, emulatorUrl()).displayName} signs ${session.state.account} out of ${session.cloud.displayName}.`,
        { modal: true },
        'Switch Cloud',
      );
      if (!ok) return undefined;
    }
  }
  if (!name || name === current) return name;
  await vscode.workspace.getConfiguration('acg').update(CLOUD_SETTING, name, vscode.ConfigurationTarget.Global);
  log.info(`Cloud set to ${name}`);
  return name;
}

// "Select Cloud…": picks the cloud (or takes its name from automation). Writing the application-scoped setting is all
// this does: sign-in listens for the change and signs out of the old cloud, so the two can never disagree.
import * as vscode from 'vscode';
import { CLOUD_NAMES, getCloud, isCloudName, type CloudName } from '../../core/clouds';
import { AcgError } from '../../azure/errors';
import { currentCloudName, emulatorUrl } from '../../host/settings';
import type { CommandContext } from '../context';

export async function selectCloud(ctx: CommandContext, argument?: unknown): Promise<CloudName | undefined> {
  const { signIn, ui, log } = ctx.host;
  const current = currentCloudName();
  let name: CloudName | undefined;
  if (argument !== undefined) {
    if (!isCloudName(argument)) throw new AcgError({ kind: 'badRequest', message: `Select Cloud: '${String(argument)}' is not one of ${CLOUD_NAMES.join(', ')}.` });
    name = argument;
  } else {
    const picked = await ui.showQuickPick(
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
    if (name && name !== current && signIn.state) {
      const ok = await ui.showWarningMessage(
        `Switching to ${getCloud(name, emulatorUrl()).displayName} signs ${signIn.state.account} out of ${signIn.cloud.displayName}.`,
        { modal: true },
        'Switch Cloud',
      );
      if (!ok) return undefined;
    }
  }
  if (!name || name === current) return name;
  await vscode.workspace.getConfiguration('acg').update('cloud', name, vscode.ConfigurationTarget.Global);
  log.info(`Cloud set to ${name}`);
  return name;
}

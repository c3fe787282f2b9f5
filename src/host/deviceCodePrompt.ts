// The device-code step as a notification: where VS Code's own provider cannot finish (code-server, remote, sovereign
// clouds without a browser), the person opens the page anywhere and types the code.
import * as vscode from 'vscode';
import type { DeviceCodePrompt } from '../azure/auth/credentialFactory';
import type { Ui } from './ui';

const COPY_AND_OPEN = 'Copy & Open';
const COPY = 'Copy Code';

export function showDeviceCode(prompt: DeviceCodePrompt, log: vscode.LogOutputChannel, ui: Pick<Ui, 'showInformationMessage' | 'writeClipboard' | 'openExternal'>): void {
  // The code is single-use and short-lived, and useless without the person's password: fine to log for support.
  log.info(`Device code sign-in: enter ${prompt.userCode} at ${prompt.verificationUri}`);
  void Promise.resolve(ui.showInformationMessage(`To sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode}.`, COPY_AND_OPEN, COPY)).then(async (choice) => {
    if (!choice) return;
    await ui.writeClipboard(prompt.userCode);
    if (choice === COPY_AND_OPEN) await ui.openExternal(vscode.Uri.parse(prompt.verificationUri));
  });
}

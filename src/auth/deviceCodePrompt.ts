// The device-code step as a notification: where VS Code's own provider cannot finish (code-server, remote, sovereign
// clouds without a browser), the person opens the page anywhere and types the code.
import * as vscode from 'vscode';
import type { DeviceCodePrompt } from '../azure/auth/credentialFactory';

const COPY_AND_OPEN = 'Copy & Open';
const COPY = 'Copy Code';

export function showDeviceCode(prompt: DeviceCodePrompt, log: vscode.LogOutputChannel): void {
  // The code is single-use and short-lived, and useless without the person's password: fine to log for support.
  log.info(`Device code sign-in: enter ${prompt.userCode} at ${prompt.verificationUri}`);
  void vscode.window
    .showInformationMessage(`To sign in, open ${prompt.verificationUri} and enter the code ${prompt.userCode}.`, COPY_AND_OPEN, COPY)
    .then(async (choice) => {
      if (!choice) return;
      await vscode.env.clipboard.writeText(prompt.userCode);
      if (choice === COPY_AND_OPEN) await vscode.env.openExternal(vscode.Uri.parse(prompt.verificationUri));
    });
}

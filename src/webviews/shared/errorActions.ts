// The buttons of errors shown in a webview run commands, and a webview must not be able to run just any command: a
// page compromised through the data it renders could otherwise reach every command of every extension. So the host
// remembers each action it presented to this panel, and runs only those.
import type { PresentedError } from './protocol';

export class ErrorActions {
  private readonly offered = new Set<string>();

  constructor(
    private readonly presentError: (error: unknown) => PresentedError,
    private readonly executeCommand: (id: string) => PromiseLike<unknown>,
  ) {}

  /** The injected presenter, recording the actions it offers. Pass this to the panel's RpcHost. */
  readonly present = (error: unknown): PresentedError => {
    const presented = this.presentError(error);
    for (const action of presented.actions) this.offered.add(action.id);
    return presented;
  };

  async run(id: string): Promise<void> {
    if (!this.offered.has(id)) throw new Error(`"${id}" is not an action this page offered.`);
    await this.executeCommand(id);
  }
}

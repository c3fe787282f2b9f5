// The integration run's setup, on the runner's side (Node, outside VS Code): what the extension host needs before it
// starts. This is where the emulator the tests talk to is started: return its settings as `env` (for example the
// emulator URL and NODE_EXTRA_CA_CERTS for its CA file) and stop it in `dispose`. code-server passes `env` on to the
// extension host. The current tests need no emulator, so the setup is empty.
import type { BeforeRun } from '../runner';

export const integrationSetup: BeforeRun = () => ({});

// Run in a child process with NODE_EXTRA_CA_CERTS pointing at the emulator's CA, exactly as a real caller would:
//   node --import tsx test/support/getToken.ts <secret|devicecode> <authorityHost> <tenantId> <clientId> <scope> [secret]
// Prints the decoded claims of the access token as JSON on the last line.
import { ClientSecretCredential, DeviceCodeCredential } from '@azure/identity';

async function main(): Promise<void> {
  const [kind, authorityHost, tenantId, clientId, scope, secret] = process.argv.slice(2);
  const common = { authorityHost, disableInstanceDiscovery: true };
  const credential =
    kind === 'secret'
      ? new ClientSecretCredential(tenantId, clientId, secret ?? '', common)
      : new DeviceCodeCredential({ ...common, tenantId, clientId, userPromptCallback: (info) => console.error(`prompt: ${info.message}`) });
  const token = await credential.getToken(scope);
  if (!token) throw new Error('no token');
  const payload = JSON.parse(Buffer.from(token.token.split('.')[1], 'base64url').toString('utf8')) as unknown;
  console.log(JSON.stringify({ expiresOnTimestamp: token.expiresOnTimestamp, claims: payload }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
});

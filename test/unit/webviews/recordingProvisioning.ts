// A Provisioning API client for the fuzz tests that records every method called on it and answers only the ones a
// test scripts (any other call fails the request loudly): what a malformed message must never reach.
import type { ProvisioningClient } from '../../../src/azure/clients';
import type { AcgServices } from '../../../src/host/services';

export type ScriptedAnswers = Readonly<Record<string, (...args: unknown[]) => unknown>>;

export interface RecordingProvisioning {
  readonly client: ProvisioningClient;
  /** The services of a sign-in whose provisioning(domain) is `client` (nothing else is there). */
  readonly services: AcgServices;
  /** Every method called, by name, in order. */
  readonly calls: string[];
}

export function recordingProvisioning(answers: ScriptedAnswers): RecordingProvisioning {
  const calls: string[] = [];
  const client = new Proxy(
    {},
    {
      get: (_target, property) => {
        // Not a thenable, so `await client` is the client.
        if (typeof property !== 'string' || property === 'then') return undefined;
        return (...args: unknown[]) => {
          calls.push(property);
          const answer = answers[property];
          if (!answer) throw new Error(`The fake Provisioning API has no answer for ${property}.`);
          return answer(...args);
        };
      },
    },
  ) as ProvisioningClient;
  const services = { provisioning: () => client } as unknown as AcgServices;
  return { client, services, calls };
}

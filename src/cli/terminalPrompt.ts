// The confirmation acg apply asks for, on the terminal: only when stdin is one (in CI there is nobody to answer, and
// apply refuses rather than wait or guess).
import { createInterface } from 'node:readline/promises';
import type { ConfirmPrompt } from './applyRun';

export function terminalPrompt(signal?: AbortSignal): ConfirmPrompt | undefined {
  if (process.stdin.isTTY !== true) return undefined;
  return {
    async ask(question: string): Promise<string> {
      // The question goes to stderr, so stdout carries the plan and the summary only.
      const reader = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await reader.question(question, signal ? { signal } : {});
      } finally {
        reader.close();
      }
    },
  };
}

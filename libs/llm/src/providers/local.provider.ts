import { ModelRequiredError } from '../errors.ts';
import { runLocalTask } from '../local/run.ts';
import type { Completion, CompletionRequest, LlmProvider } from '../types.ts';

/** The id and model name of the built-in local engine. */
export const LOCAL_PROVIDER_ID = 'local';

function run(request: CompletionRequest): Completion {
  if (request.localTask === undefined) throw new ModelRequiredError('a free-form prompt');
  const result = runLocalTask(request.localTask, request.outputSchema?.schema);
  return {
    text: JSON.stringify(result.output),
    output: result.output,
    usage: { inputTokens: result.tokens, outputTokens: 0 },
    costUsd: 0,
    model: LOCAL_PROVIDER_ID,
    provider: LOCAL_PROVIDER_ID,
  };
}

/**
 * The local engine behind the provider interface: it serves a request's `localTask` (no network, no key,
 * no cost) and refuses free-form prompts, which only a language model can answer honestly.
 */
export function localProvider(): LlmProvider {
  return {
    id: LOCAL_PROVIDER_ID,
    type: 'local',
    model: LOCAL_PROVIDER_ID,
    // A throw inside the executor becomes the rejection.
    complete: (request) => new Promise((resolve) => resolve(run(request))),
  };
}

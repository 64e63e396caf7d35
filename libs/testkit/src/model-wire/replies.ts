/** Responses in the shapes the providers really send (recorded shapes, values chosen per test). */

/** An OpenAI (and Azure, Gemini, Ollama, vLLM) chat.completion with `content` and token usage. */
export function chatCompletion(content: string, model: string, usage = { prompt: 120, completion: 30 }) {
  return {
    id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
    object: 'chat.completion',
    created: 1741569952,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_06737a9306',
  };
}

/** OpenAI's error body, e.g. for 429 or 500. */
export function openAiError(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

/** An Anthropic message whose content is one forced `tool_use` block. */
export function anthropicToolUse(
  name: string,
  input: unknown,
  model: string,
  usage = { input: 472, output: 89 },
) {
  return {
    id: 'msg_01Aq9w938a90dw8q',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name, input }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: {
      input_tokens: usage.input,
      output_tokens: usage.output,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      service_tier: 'standard',
    },
  };
}

/** An Anthropic message with plain text content. */
export function anthropicText(text: string, model: string, usage = { input: 25, output: 12 }) {
  return {
    ...anthropicToolUse('unused', {}, model, usage),
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
  };
}

/** Anthropic's error body, e.g. 529 overloaded_error. */
export function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

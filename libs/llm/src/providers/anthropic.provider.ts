/**
 * Anthropic's Messages API through the official `@anthropic-ai/sdk`. Structured output uses tool use: one
 * tool whose `input_schema` is the requested schema, with `tool_choice` forcing it, so the reply arrives as
 * the tool's `input` object. The SDK's own retries are off; the resilience layer retries.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { AnthropicSettings } from '../config.ts';
import { costOf, type Completion, type CompletionRequest, type LlmProvider } from '../types.ts';

/** Output tokens asked for when a request sets no limit (the Messages API requires one). */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

function messagesBody(model: string, request: CompletionRequest): MessageCreateParamsNonStreaming {
  // System turns go into `system`; the conversation itself alternates user and assistant.
  const system = request.messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const body: MessageCreateParamsNonStreaming = {
    model: request.model ?? model,
    max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: request.messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content })),
  };
  if (system !== '') body.system = system;
  // This Messages API version takes no sampling parameters, so `temperature` is not sent.
  const schema = request.outputSchema;
  if (schema !== undefined) {
    body.tools = [
      {
        name: schema.name,
        description: schema.description ?? 'Return the result as the input of this tool.',
        input_schema: schema.schema as Anthropic.Tool.InputSchema,
      },
    ];
    body.tool_choice = { type: 'tool', name: schema.name };
  }
  return body;
}

/** A provider over Anthropic's Messages API. */
export function anthropicProvider(settings: AnthropicSettings, timeoutMs: number): LlmProvider {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    maxRetries: 0,
    // A backstop only: the resilience layer's timeout fires first and aborts through the signal.
    timeout: timeoutMs + 1000,
  });
  return {
    id: settings.id,
    type: 'anthropic',
    model: settings.model,
    async complete(request: CompletionRequest): Promise<Completion> {
      const response = await client.messages.create(messagesBody(settings.model, request), {
        signal: request.signal,
      });
      const usage = { inputTokens: response.usage.input_tokens, outputTokens: response.usage.output_tokens };
      const toolUse = response.content.find(
        (block) => block.type === 'tool_use' && block.name === request.outputSchema?.name,
      );
      const text = response.content
        .map((block) => (block.type === 'text' ? block.text : ''))
        .join('')
        .trim();
      const completion: Completion = {
        text: toolUse?.type === 'tool_use' ? JSON.stringify(toolUse.input) : text,
        usage,
        costUsd: costOf(usage, settings.price),
        model: response.model,
        provider: settings.id,
      };
      if (toolUse?.type === 'tool_use') completion.output = toolUse.input;
      return completion;
    },
  };
}

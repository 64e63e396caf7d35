import { type Agent, type Graph } from '@dagwright/workflow';

// A small made-up catalog for the planner's unit tests (a library and a kitchen, domains no benchmark
// uses), built from terse field lists so each test reads as the statement it plans.

type FieldSpec =
  string | { name: string; type?: string; format?: string; items?: string; description?: string };

function schema(fields: readonly FieldSpec[], required: readonly string[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const spec of fields) {
    const field = typeof spec === 'string' ? { name: spec } : spec;
    properties[field.name] = {
      type: field.type ?? 'string',
      ...(field.format === undefined ? {} : { format: field.format }),
      ...(field.items === undefined ? {} : { items: { type: field.items } }),
      description: field.description ?? field.name,
    };
  }
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

/** Builds a catalog agent from a compact description; every input listed in `required` is required. */
export function agent(
  id: string,
  name: string,
  description: string,
  capabilities: readonly string[],
  inputs: readonly FieldSpec[],
  required: readonly string[],
  outputs: readonly FieldSpec[],
): Agent {
  return {
    id,
    name,
    description,
    kind: 'tool',
    capabilities: [...capabilities],
    domains: ['test'],
    inputSchema: schema(inputs, required),
    outputSchema: schema(
      outputs,
      outputs.map((o) => (typeof o === 'string' ? o : o.name)),
    ),
    costPerCall: 0.001,
    avgLatencyMs: 200,
    implementation: {},
  };
}

/** A library and kitchen catalog with look-alike agents to tell apart. */
export const CATALOG: readonly Agent[] = [
  agent(
    'fetch-catalog-entry',
    'Library Catalog Lookup',
    'Looks up a book in the library catalog by its ISBN and returns title, author and blurb.',
    ['lookup-book', 'read-catalog'],
    ['isbn'],
    ['isbn'],
    ['title', 'author', { name: 'blurb', description: 'Back-cover text of the book.' }],
  ),
  agent(
    'summarize-book-blurb',
    'Blurb Summarizer',
    'Condenses a book blurb or review text into two sentences. Not for recipes.',
    ['summarize-text'],
    [{ name: 'text', description: 'Text to condense.' }],
    ['text'],
    [{ name: 'summary', description: 'Two-sentence summary.' }],
  ),
  agent(
    'translate-passage',
    'Passage Translator',
    'Translates a passage into a target language. It must be told the target language.',
    ['translate-text'],
    [
      { name: 'text', description: 'Text to translate.' },
      { name: 'targetLanguage', description: 'ISO 639-1 code.' },
    ],
    ['text', 'targetLanguage'],
    [{ name: 'translatedText', description: 'The translation.' }],
  ),
  agent(
    'scale-recipe',
    'Recipe Scaler',
    'Scales the ingredient quantities of a recipe to a number of servings.',
    ['scale-recipe', 'adjust-servings'],
    [
      { name: 'recipe', type: 'object' },
      { name: 'servings', type: 'integer' },
    ],
    ['recipe', 'servings'],
    [{ name: 'recipe', type: 'object', description: 'The scaled recipe.' }],
  ),
  agent(
    'fetch-recipe',
    'Recipe Box Reader',
    'Reads a saved recipe by its name from the recipe box and returns its ingredients and steps.',
    ['read-recipe', 'fetch-recipe'],
    ['recipeName'],
    ['recipeName'],
    [{ name: 'recipe', type: 'object', description: 'Ingredients and steps.' }],
  ),
  agent(
    'build-shopping-list',
    'Shopping List Builder',
    'Turns the ingredients of a recipe into a grouped shopping list.',
    ['make-list', 'plan-shopping'],
    [{ name: 'recipe', type: 'object' }],
    ['recipe'],
    [{ name: 'items', type: 'array', items: 'object', description: 'Items to buy.' }],
  ),
  agent(
    'send-email',
    'Mailer',
    'Sends an email to one or more addresses.',
    ['send-email', 'notify-recipient'],
    [
      { name: 'to', type: 'array', items: 'string' },
      'subject',
      { name: 'body', description: 'Email body text.' },
    ],
    ['to', 'subject', 'body'],
    ['messageId'],
  ),
  agent(
    'post-chat-message',
    'Chat Poster',
    'Posts a message to a team chat channel such as #kitchen.',
    ['post-message', 'notify-team'],
    ['channel', { name: 'text', description: 'Message text.' }],
    ['channel', 'text'],
    ['messageId'],
  ),
  agent(
    'place-grocery-order',
    'Grocery Orderer',
    'Places an order with the grocery delivery service for a list of items.',
    ['order-groceries', 'buy-items'],
    [{ name: 'items', type: 'array', items: 'object' }],
    ['items'],
    ['orderId'],
  ),
];

/** Whether some path of edges leads from one block to another. */
export function reaches(graph: Graph, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = graph.edges.filter((e) => e.from === from).map((e) => e.to);
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...graph.edges.filter((e) => e.from === next).map((e) => e.to));
  }
  return false;
}

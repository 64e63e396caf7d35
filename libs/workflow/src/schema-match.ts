import { simplePath } from './expressions.ts';
import { type ValidationIssue, issue, pointer } from './issues.ts';
import { type Agent, type Block, type Edge, type JsonSchema } from './model.ts';

// Static check that each block gets the input its schema requires, following the assembly rule
// of `assembleInput`. Only the top level of schemas is compared (`required`, `properties`, `type`);
// anything it cannot read (no schema, `$ref`, `allOf`, ...) is taken to provide or accept anything,
// so the check never rejects a graph that could work.

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
const JSON_TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** One field a predecessor provides: its JSON types (undefined: unknown), its producer, the edge that carries it. */
interface Provided {
  types: Set<JsonType> | undefined;
  schema: JsonSchema | undefined;
  from: string;
  path: string;
}

/** What a block's output (or assembled input) holds: `open` when it may hold anything. */
interface Shape {
  open: boolean;
  fields: Map<string, Provided[]>;
}

/** The graph facts schema matching needs; built by `validateGraph` from the checks before it. */
export interface MatchContext {
  /** Blocks with unique ids, with their index in `graph.nodes`, in topological order. */
  ordered: readonly { block: Block; index: number }[];
  /** Edges between existing blocks, with their index in `graph.edges`. */
  edges: readonly { edge: Edge; index: number }[];
  agents: ReadonlyMap<string, Agent>;
  /** Pointers of schemas already reported invalid; they are ignored here. */
  invalidSchemas: ReadonlySet<string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(schema: unknown): Set<JsonType> | undefined {
  if (!isRecord(schema)) return undefined;
  const declared = typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (!Array.isArray(declared)) return undefined;
  const types = declared.filter((t): t is JsonType => typeof t === 'string' && JSON_TYPES.has(t));
  return types.length > 0 ? new Set(types) : undefined;
}

function compatible(source: Set<JsonType>, target: Set<JsonType>): boolean {
  for (const type of source) {
    if (target.has(type) || (type === 'integer' && target.has('number'))) return true;
  }
  return false;
}

const OPAQUE = ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'not'];

/** The fields an output schema declares; non-object outputs land under the block id (see assembleInput). */
function shapeOfOutput(schema: JsonSchema, blockId: string): Shape {
  const types = typesOf(schema);
  if (types !== undefined && !types.has('object')) {
    return { open: false, fields: new Map([[blockId, [{ types, schema, from: blockId, path: '' }]]]) };
  }
  if (OPAQUE.some((keyword) => keyword in schema) || !isRecord(schema.properties)) {
    return { open: true, fields: new Map() };
  }
  const fields = new Map<string, Provided[]>();
  for (const [name, property] of Object.entries(schema.properties)) {
    const sub = isRecord(property) ? property : undefined;
    fields.set(name, [{ types: typesOf(sub), schema: sub, from: blockId, path: '' }]);
  }
  return { open: false, fields };
}

/** Follows a simple path through nested `properties`; undefined when the schema does not say. */
function resolve(provided: Provided, rest: readonly string[]): Provided {
  let schema = provided.schema;
  for (const name of rest) {
    const properties = schema === undefined ? undefined : schema.properties;
    const next = isRecord(properties) ? properties[name] : undefined;
    schema = isRecord(next) ? next : undefined;
  }
  return { ...provided, schema, types: typesOf(schema) };
}

function add(shape: Shape, field: string, provided: Provided): void {
  const list = shape.fields.get(field) ?? [];
  list.push(provided);
  shape.fields.set(field, list);
}

/** Checks every block's effective input schema against what its predecessors provide. */
export function matchSchemas(context: MatchContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const outputs = new Map<string, Shape>();
  const byTarget = new Map<string, { edge: Edge; index: number }[]>();
  for (const entry of context.edges) {
    const list = byTarget.get(entry.edge.to) ?? [];
    list.push(entry);
    byTarget.set(entry.edge.to, list);
  }
  // A block's own schema wins over its agent's; an invalid own schema (already reported) counts as none.
  const effective = (own: JsonSchema | undefined, path: string, fallback: JsonSchema | undefined) =>
    own === undefined ? fallback : context.invalidSchemas.has(path) ? undefined : own;

  for (const { block, index } of context.ordered) {
    const agent = block.agentId === undefined ? undefined : context.agents.get(block.agentId);
    const incoming = byTarget.get(block.id) ?? [];

    // 1. What the incoming edges provide, by the assembly rule.
    const input: Shape = { open: incoming.length === 0, fields: new Map() };
    for (const { edge, index: edgeIndex } of incoming) {
      const source = outputs.get(edge.from) ?? { open: true, fields: new Map<string, Provided[]>() };
      if (edge.mapping === undefined) {
        input.open ||= source.open;
        const at = pointer('edges', edgeIndex);
        for (const [field, list] of source.fields) {
          for (const provided of list) add(input, field, { ...provided, path: at });
        }
        continue;
      }
      for (const [field, expression] of Object.entries(edge.mapping)) {
        const at = pointer('edges', edgeIndex, 'mapping', field);
        const unknown: Provided = { types: undefined, schema: undefined, from: edge.from, path: at };
        const path = simplePath(expression);
        const head = path?.[0];
        const found = head === undefined ? undefined : source.fields.get(head)?.at(-1);
        if (path !== undefined && found === undefined && !source.open) {
          issues.push(
            issue('SCHEMA_MISMATCH', at, `the output of "${edge.from}" has no property "${head ?? ''}"`),
          );
        }
        const known = found === undefined || path === undefined ? undefined : resolve(found, path.slice(1));
        add(input, field, known === undefined ? unknown : { ...known, path: at });
      }
    }

    // 2. The block's effective input schema: its own, else its agent's.
    const inputPath = pointer('nodes', index, block.inputSchema === undefined ? 'agentId' : 'inputSchema');
    const inputSchema = effective(block.inputSchema, inputPath, agent?.inputSchema);
    if (inputSchema !== undefined && incoming.length > 0) {
      const required = Array.isArray(inputSchema.required) ? inputSchema.required : [];
      for (const field of required) {
        if (typeof field !== 'string' || input.open || input.fields.has(field)) continue;
        const from = incoming.map(({ edge }) => `"${edge.from}"`).join(', ');
        issues.push(
          issue(
            'SCHEMA_MISMATCH',
            inputPath,
            `block "${block.id}" requires input property "${field}", which none of its predecessors (${from}) provides`,
          ),
        );
      }
      const properties = isRecord(inputSchema.properties) ? inputSchema.properties : {};
      for (const [field, list] of input.fields) {
        const expected = typesOf(properties[field]);
        if (expected === undefined) continue;
        for (const provided of list) {
          if (provided.types === undefined || compatible(provided.types, expected)) continue;
          const got = [...provided.types].join('|');
          const want = [...expected].join('|');
          issues.push(
            issue(
              'SCHEMA_MISMATCH',
              provided.path,
              `"${field}" from "${provided.from}" is ${got}, but block "${block.id}" expects ${want}`,
            ),
          );
        }
      }
    }

    // 3. The block's effective output: its own schema, its agent's, or (condition, delay) its input.
    const outputPath = pointer('nodes', index, 'outputSchema');
    const outputSchema = effective(block.outputSchema, outputPath, agent?.outputSchema);
    if (outputSchema !== undefined) outputs.set(block.id, shapeOfOutput(outputSchema, block.id));
    else if (block.type === 'condition' || block.type === 'delay') outputs.set(block.id, input);
    else outputs.set(block.id, { open: true, fields: new Map() });
  }
  return issues;
}

import { validateGraph, type Agent, type Graph, type ValidationIssue } from '@dagwright/workflow';

/** A graph after validation and the repairs it needed. */
export interface Checked {
  graph: Graph;
  issues: ValidationIssue[];
  repairs: string[];
  /** Fields a repair takes from the run input. */
  inputFields: string[];
}

const REQUIRED_FIELD = /requires input property "([^"]+)"/;

/**
 * Validates `graph` and repairs what can be repaired without guessing: a required input no predecessor
 * provides is taken from the run's input (`$input.<field>`), which the caller then has to supply.
 * Returns the remaining issues (empty when valid).
 */
export function validateAndRepair(graph: Graph, catalog: ReadonlyMap<string, Agent>, rounds = 2): Checked {
  let current = graph;
  const repairs: string[] = [];
  const inputFields: string[] = [];
  for (let round = 0; ; round++) {
    const result = validateGraph(current, catalog);
    if (result.ok) return { graph: result.graph, issues: [], repairs, inputFields };
    const fixed = round < rounds ? fromRunInput(current, result.errors, catalog) : undefined;
    if (fixed === undefined || fixed.repairs.length === 0)
      return { graph: current, issues: result.errors, repairs, inputFields };
    current = fixed.graph;
    repairs.push(...fixed.repairs);
    inputFields.push(...fixed.fields);
  }
}

/** A field name as a JSONata path step: as it is when it is an identifier, else in backticks. */
function jsonataName(field: string): string {
  return /^[A-Za-z_]\w*$/.test(field) ? field : `\`${field}\``;
}

/** The properties a block's output declares, when its schema lists them. */
function outputFields(
  graph: Graph,
  blockId: string,
  catalog: ReadonlyMap<string, Agent>,
): string[] | undefined {
  const block = graph.nodes.find((n) => n.id === blockId);
  const schema =
    block?.outputSchema ??
    (block?.agentId === undefined ? undefined : catalog.get(block.agentId)?.outputSchema);
  const properties = schema?.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : undefined;
}

function fromRunInput(
  graph: Graph,
  issues: readonly ValidationIssue[],
  catalog: ReadonlyMap<string, Agent>,
): { graph: Graph; repairs: string[]; fields: string[] } {
  const edges = graph.edges.map((e) => ({ ...e, ...(e.mapping ? { mapping: { ...e.mapping } } : {}) }));
  const repairs: string[] = [];
  const fields: string[] = [];
  for (const found of issues) {
    const field = REQUIRED_FIELD.exec(found.message)?.[1];
    const index = /^\/nodes\/(\d+)\//.exec(found.path)?.[1];
    if (found.code !== 'SCHEMA_MISMATCH' || field === undefined || index === undefined) continue;
    const block = graph.nodes[Number(index)];
    const incoming = edges.filter((e) => e.to === block?.id);
    const edge = incoming.find((e) => e.mapping !== undefined) ?? incoming[0];
    if (block === undefined || edge === undefined) continue;
    if (edge.mapping === undefined) {
      // A mapping narrows the edge to its fields: keep every field the source declares, then add the missing one.
      const fields = outputFields(graph, edge.from, catalog);
      if (fields === undefined) continue;
      edge.mapping = Object.fromEntries(fields.map((f) => [f, jsonataName(f)]));
    }
    edge.mapping[field] = `$input.${jsonataName(field)}`;
    repairs.push(`"${block.id}" takes "${field}" from the run input`);
    fields.push(field);
  }
  return { graph: { ...graph, edges }, repairs, fields };
}

import { type ExpressionLimits, type MappingBindings, applyMapping, setField } from './expressions.ts';
import { type Edge } from './model.ts';

/** An incoming edge that fired, with the output of its source block. */
export interface Contribution {
  edge: Edge;
  output: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds a non-root block's input from the edges that fired into it, in graph edge order:
 * an edge with a `mapping` sets just its mapped fields (each expression evaluated over the
 * source's output); an edge without one spreads the source's output into the input, or, when
 * that output is not an object, sets it under the source block's id. Later edges overwrite
 * earlier ones. Mapping expressions see the run's input as `$input`. Schema matching in
 * `validateGraph` reasons about inputs by exactly this rule.
 */
export async function assembleInput(
  contributions: readonly Contribution[],
  limits: ExpressionLimits = {},
  bindings: MappingBindings = {},
): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const { edge, output } of contributions) {
    let fields: Record<string, unknown>;
    if (edge.mapping !== undefined) fields = await applyMapping(edge.mapping, output, limits, bindings);
    else if (isPlainObject(output)) fields = output;
    else fields = { [edge.from]: output };
    for (const [field, value] of Object.entries(fields)) setField(input, field, value);
  }
  return input;
}

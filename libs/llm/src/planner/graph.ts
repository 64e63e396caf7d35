import { type Agent, type Block, type Edge, type Graph, validateGraph } from '@dagwright/workflow';
import { type Approval } from './approval.ts';
import { type Entity } from './entities.ts';
import { type FieldInfo, shapeOf, typesCompatible } from './fields.ts';
import { type Step } from './select.ts';
import { type Binding, type Wiring } from './wire.ts';

// Builds the workflow graph from the wiring: one agent block per step, a human block per approval,
// and edge mappings wherever a step's required input does not arrive under its own name. A value the
// statement gives goes into the suggested run input and reaches the step as `$input.<field>`.

/** The graph and what the run should be started with. */
export interface Built {
  graph: Graph;
  suggestedInput: Record<string, unknown>;
  /** Inputs no step or statement value provides: the run input must carry them. */
  runInputs: string[];
  notes: string[];
}

/** How the graph is to run. */
export interface BuildOptions {
  executionMode: Graph['executionMode'];
  errorHandling?: Graph['errorHandling'];
  agents: readonly Agent[];
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function path(name: string): string {
  return SIMPLE_NAME.test(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

/** A JSONata expression that turns `source` into something `target` accepts. */
function convert(source: FieldInfo, target: FieldInfo): string {
  const p = path(source.name);
  if (typesCompatible(source, target)) return p;
  if (target.type === 'array') return `[${p}]`;
  if (target.type === 'string') return `$string(${p})`;
  if (target.type === 'number' || target.type === 'integer') return `$number(${p})`;
  if (target.type === 'boolean') return `$boolean(${p})`;
  if (target.type === 'object') return `{"${source.name.replace(/"/g, '')}": ${p}}`;
  return `$string(${p})`;
}

function valueFor(field: FieldInfo, entity: Entity): unknown {
  const raw = entity.value;
  let value: unknown = raw;
  if ((field.type === 'number' || field.type === 'integer') && typeof raw === 'string') {
    const n = Number(raw.replace(/[^\d.-]/g, ''));
    value = Number.isFinite(n) ? n : raw;
  }
  if (field.type === 'string' && typeof raw === 'number') value = String(raw);
  if (field.type === 'array') value = [value];
  return value;
}

/** Graph helpers over plain ids. */
function reaches(edges: readonly Edge[], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const seen = new Set<string>();
  const stack = [from];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(out.get(next) ?? []));
  }
  return false;
}

/** Builds and validates the graph of a plan. */
export function buildGraph(wiring: Wiring, approvals: readonly Approval[], options: BuildOptions): Built {
  const notes: string[] = [];
  const suggestedInput: Record<string, unknown> = {};
  const runInputs: string[] = [];
  // One block per chosen agent, named by the agent's id.
  const idOf = (step: Step): string => step.agent.id;
  const used = new Set(wiring.order.map(idOf));
  const nodes: Block[] = wiring.order.map((s) => ({
    id: idOf(s),
    name: s.agent.name.slice(0, 200) || s.agent.id,
    type: 'agent',
    agentId: s.agent.id,
  }));
  const edges: Edge[] = wiring.links.map((l) => ({ from: idOf(l.from), to: idOf(l.to) }));
  const bindingsOf = new Map<string, Binding[]>(
    wiring.links.map((l) => [`${idOf(l.from)}>${idOf(l.to)}`, l.bindings]),
  );

  // 1. Human approvals: after what they review, before what they hold back.
  for (const [n, approval] of approvals.entries()) {
    let id = n === 0 ? 'approval' : `approval-${n + 1}`;
    while (used.has(id)) id = `${id}-h`;
    used.add(id);
    const guards = approval.guards.map(idOf);
    let after = approval.after.map(idOf);
    if (after.length === 0) {
      // Nothing named: the person looks at what was done just before they were mentioned.
      const earlier = wiring.order.filter(
        (s) => s.position < approval.clause.start && !approval.guards.includes(s),
      );
      const last = earlier.at(-1);
      if (last !== undefined) after = [idOf(last)];
    }
    if (after.length === 0) {
      after = [
        ...new Set(edges.filter((e) => guards.includes(e.to) && !guards.includes(e.from)).map((e) => e.from)),
      ];
    }
    // Never review something that itself waits for the approval.
    after = after.filter((a) => !guards.some((g) => g === a || reaches(edges, g, a)));
    const minimal = guards.filter((g) => !guards.some((o) => o !== g && reaches(edges, o, g)));
    nodes.push({
      id,
      name: 'Human approval',
      type: 'human',
      config: { prompt: `Approve before continuing: ${approval.prompt}`.slice(0, 32_000) },
    });
    for (const a of after) edges.push({ from: a, to: id });
    for (const g of minimal) edges.push({ from: id, to: g });
  }

  // 2. Mappings: each agent block gets its required inputs by name, by mapping, or from the run input.
  const agentsById = new Map(options.agents.map((a) => [a.id, a]));
  for (const step of wiring.order) {
    const id = idOf(step);
    const shape = shapeOf(step.agent);
    const incoming = edges.filter((e) => e.to === id);
    const fromStep = (e: Edge): Agent | undefined => {
      const node = nodes.find((b) => b.id === e.from);
      return node?.agentId === undefined ? undefined : agentsById.get(node.agentId);
    };
    for (const edge of incoming) {
      const source = fromStep(edge);
      if (source === undefined) continue;
      const bindings = bindingsOf.get(`${edge.from}>${id}`) ?? [];
      const outputs = shapeOf(source).outputs;
      const clash = outputs.some((o) => {
        const target = shape.inputs.find((f) => f.name === o.name);
        return target !== undefined && !typesCompatible(o, target);
      });
      const renamed = bindings.some(
        (b) =>
          b.whole === true ||
          (b.source !== undefined && (b.source.name !== b.field.name || !typesCompatible(b.source, b.field))),
      );
      if (!clash && !renamed) continue;
      const mapping: Record<string, string> = {};
      for (const o of outputs) {
        const target = shape.inputs.find((f) => f.name === o.name);
        if (target !== undefined && typesCompatible(o, target)) mapping[target.name] = path(o.name);
      }
      for (const b of bindings) {
        if (b.whole === true) mapping[b.field.name] = '$';
        else if (b.source !== undefined) mapping[b.field.name] = convert(b.source, b.field);
      }
      if (Object.keys(mapping).length > 0) edge.mapping = mapping;
      else edge.mapping = { [shape.inputs[0]?.name ?? 'input']: '$' };
    }
    const provided = new Set<string>();
    for (const edge of incoming) {
      if (edge.mapping !== undefined) for (const key of Object.keys(edge.mapping)) provided.add(key);
      else
        for (const o of shapeOf(fromStep(edge) ?? step.agent).outputs)
          if (fromStep(edge) !== undefined) provided.add(o.name);
    }
    const fromStatement = wiring.inputs.get(step) ?? [];
    for (const field of shape.inputs.filter((f) => f.required)) {
      if (provided.has(field.name)) continue;
      const binding = fromStatement.find((b) => b.field.name === field.name);
      let key = field.name;
      if (binding?.entity !== undefined) {
        const value = valueFor(field, binding.entity);
        let n = 2;
        while (key in suggestedInput && JSON.stringify(suggestedInput[key]) !== JSON.stringify(value))
          key = `${field.name}${n++}`;
        suggestedInput[key] = value;
      } else if (!runInputs.includes(field.name)) runInputs.push(field.name);
      if (incoming.length === 0) continue;
      const carrier =
        incoming.find((e) => e.mapping !== undefined) ??
        incoming.find((e) => fromStep(e) !== undefined) ??
        incoming[0];
      if (carrier === undefined) continue;
      if (carrier.mapping === undefined) {
        const source = fromStep(carrier);
        const mapping: Record<string, string> = {};
        for (const o of source === undefined ? [] : shapeOf(source).outputs) {
          const target = shape.inputs.find((f) => f.name === o.name);
          if (target !== undefined && typesCompatible(o, target)) mapping[target.name] = path(o.name);
        }
        // A human block passes the reviewer's answer; the step still needs its data.
        if (source === undefined) {
          for (const other of incoming.filter((e) => e !== carrier && e.mapping === undefined)) {
            for (const o of shapeOf(fromStep(other) ?? step.agent).outputs)
              if (fromStep(other) !== undefined) provided.add(o.name);
          }
        }
        carrier.mapping = mapping;
      }
      carrier.mapping[field.name] = `$input.${path(key)}`;
      provided.add(field.name);
    }
  }

  const graph: Graph = {
    nodes,
    edges,
    executionMode: options.executionMode,
    ...(options.errorHandling === undefined ? {} : { errorHandling: options.errorHandling }),
  };
  repair(graph, options.agents, notes);
  return { graph, suggestedInput, runInputs, notes };
}

/** Fixes what validation still finds: a required input no edge provides gets it from the run input. */
function repair(graph: Graph, agents: readonly Agent[], notes: string[]): void {
  for (let round = 0; round < 4; round++) {
    const result = validateGraph(graph, agents);
    if (result.ok) return;
    let fixed = false;
    for (const issue of result.errors) {
      const required = /requires input property "([^"]+)"/.exec(issue.message);
      const node = /^\/nodes\/(\d+)/.exec(issue.path);
      const field = required?.[1];
      if (field !== undefined && node !== null) {
        const block = graph.nodes[Number(node[1])];
        const edge = graph.edges.find((e) => e.to === block?.id);
        if (edge !== undefined) {
          edge.mapping = { ...(edge.mapping ?? {}), [field]: `$input.${path(field)}` };
          fixed = true;
        }
        continue;
      }
      const edgeAt = /^\/edges\/(\d+)(?:\/mapping\/(.+))?$/.exec(issue.path);
      if (issue.code === 'SCHEMA_MISMATCH' && edgeAt !== null) {
        const edge = graph.edges[Number(edgeAt[1])];
        if (edge === undefined) continue;
        const field = edgeAt[2]?.replace(/~1/g, '/').replace(/~0/g, '~');
        if (field !== undefined && edge.mapping !== undefined) edge.mapping[field] = `$string($)`;
        else if (edge.mapping === undefined) edge.mapping = {};
        fixed = true;
        continue;
      }
      notes.push(`unrepaired: ${issue.code} at ${issue.path}: ${issue.message}`);
    }
    if (!fixed) return;
  }
  const final = validateGraph(graph, agents);
  if (!final.ok)
    for (const issue of final.errors)
      notes.push(`unrepaired: ${issue.code} at ${issue.path}: ${issue.message}`);
}

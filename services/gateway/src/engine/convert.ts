import type { Agent__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Agent';
import type { AiMetadata } from '@dagwright/contracts/generated/dagwright/engine/v1/AiMetadata';
import type { GetRunLogsResponse__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/GetRunLogsResponse';
import type { Run__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Run';
import type { Workflow__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Workflow';
import type { AgentT, PutAgentBodyT } from '../schemas/agent.schemas.ts';
import type { RunLogsT, RunT } from '../schemas/run.schemas.ts';
import type { AiMetadataT, WorkflowT } from '../schemas/workflow.schemas.ts';

// The engine carries graphs, schemas and data as JSON text; the REST API shows real JSON. Text from the
// engine was serialised by it, so a parse failure would be a bug there: it shows as null, not as a 500.
function json(text: string, fallback: unknown = null): unknown {
  if (text === '') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

const orNull = (text: string) => (text === '' ? null : text);
const asObject = (text: string) => json(text, {}) as Record<string, unknown>;
const asArray = (text: string) => {
  const value = json(text, []);
  return Array.isArray(value) ? (value as unknown[]) : [];
};

/** AI metadata as the engine takes it. */
export function aiMetadataToProto(meta: AiMetadataT | undefined): AiMetadata | undefined {
  if (meta === undefined) return undefined;
  return {
    generationMethod: meta.generationMethod,
    confidence: meta.confidence,
    optimizationHistoryJson: JSON.stringify(meta.optimizationHistory ?? []),
    testResultsJson: JSON.stringify(meta.testResults ?? []),
    feedbackDataJson: JSON.stringify(meta.feedbackData ?? []),
  };
}

/** A workflow as the REST API shows it. */
export function toWorkflow(w: Workflow__Output): WorkflowT {
  const meta = w.aiMetadata;
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    version: w.version,
    graph: asObject(w.graphJson),
    aiMetadata:
      meta === null || meta.generationMethod === ''
        ? null
        : {
            generationMethod: meta.generationMethod as AiMetadataT['generationMethod'],
            confidence: meta.confidence,
            optimizationHistory: asArray(meta.optimizationHistoryJson),
            testResults: asArray(meta.testResultsJson),
            feedbackData: asArray(meta.feedbackDataJson),
          },
    tags: w.tags,
    createdBy: w.createdBy,
    createdAt: orNull(w.createdAt),
    updatedAt: orNull(w.updatedAt),
  };
}

/** An agent as the engine takes it. */
export function agentToProto(id: string, a: PutAgentBodyT) {
  return {
    id,
    name: a.name,
    description: a.description,
    kind: a.kind,
    capabilities: a.capabilities,
    domains: a.domains,
    inputSchemaJson: JSON.stringify(a.inputSchema),
    outputSchemaJson: JSON.stringify(a.outputSchema),
    costPerCall: a.costPerCall,
    avgLatencyMs: String(a.avgLatencyMs),
    model: a.model ?? '',
    implementationJson: JSON.stringify(a.implementation ?? {}),
  };
}

/** An agent as the REST API shows it. */
export function toAgent(a: Agent__Output): AgentT {
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    kind: a.kind === 'tool' ? 'tool' : 'agentic',
    capabilities: a.capabilities,
    domains: a.domains,
    inputSchema: asObject(a.inputSchemaJson),
    outputSchema: asObject(a.outputSchemaJson),
    costPerCall: a.costPerCall,
    avgLatencyMs: Number(a.avgLatencyMs),
    ...(a.model === '' ? {} : { model: a.model }),
    implementation: asObject(a.implementationJson),
    updatedAt: orNull(a.updatedAt),
  };
}

/** A run as the REST API shows it. */
export function toRun(r: Run__Output): RunT {
  return {
    id: r.id,
    workflowId: r.workflowId,
    workflowVersion: r.workflowVersion,
    status: r.status,
    input: json(r.inputJson, {}),
    output: json(r.outputJson),
    blocks: r.blocks.map((b) => ({
      blockId: b.blockId,
      status: b.status,
      attempts: b.attempts,
      startedAt: orNull(b.startedAt),
      finishedAt: orNull(b.finishedAt),
      output: json(b.outputJson),
      error: orNull(b.error),
    })),
    error: orNull(r.error),
    totalCost: r.totalCost,
    totalTokens: Number(r.totalTokens),
    createdAt: orNull(r.createdAt),
    startedAt: orNull(r.startedAt),
    finishedAt: orNull(r.finishedAt),
    createdBy: r.createdBy,
  };
}

/** A run's execution log as the REST API shows it. */
export function toRunLogs(logs: GetRunLogsResponse__Output): RunLogsT {
  return {
    blocks: logs.blocks.map((b) => ({
      blockId: b.blockId,
      type: b.type,
      status: b.status,
      attempts: b.attempts.map((a) => ({
        attempt: a.attempt,
        startedAt: orNull(a.startedAt),
        finishedAt: orNull(a.finishedAt),
        durationMs: Number(a.durationMs),
        input: json(a.inputJson),
        output: json(a.outputJson),
        error: orNull(a.error),
        cost: a.cost,
        tokens: Number(a.tokens),
        model: orNull(a.model),
      })),
    })),
  };
}

/** The next-page token as REST shows it (null on the last page). */
export function nextToken(page: { nextPageToken: string } | null): string | null {
  return page === null || page.nextPageToken === '' ? null : page.nextPageToken;
}

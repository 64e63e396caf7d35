import type { Workflow__Output } from '@dagwright/contracts/generated/dagwright/engine/v1/Workflow';
import { UserError, type CallContext } from '@dagwright/kit';
import { aiMetadataToProto } from '../engine/convert.ts';
import type { EngineClient } from '../engine/engine-client.ts';
import type { UpdateWorkflowBodyT } from '../schemas/workflow.schemas.ts';

/** How often an update that keeps omitted fields is retried when another update slipped in between. */
const ATTEMPTS = 3;

const isVersionMismatch = (error: unknown) => error instanceof UserError && error.code === 'VERSION_MISMATCH';

/**
 * PUT /workflows/{id}: stores the body as the next version. Fields the body omits (`tags`, `description`)
 * keep the current version's values, as `aiMetadata` does in the engine; sending them (`[]`, `""`) clears
 * them. The engine's request cannot say "unchanged" for them (an empty list is all proto3 can send), so the
 * current version is read first and the update is made on top of exactly that version; if another update
 * lands in between and the caller gave no `expectedVersion`, it is redone on the newer one.
 */
export async function updateWorkflow(
  engine: EngineClient,
  ctx: CallContext,
  id: string,
  body: UpdateWorkflowBodyT,
): Promise<Workflow__Output> {
  const write = (current: Workflow__Output | undefined) =>
    engine.call(
      'updateWorkflow',
      {
        id,
        name: body.name,
        description: body.description ?? current?.description ?? '',
        graphJson: JSON.stringify(body.graph),
        tags: body.tags ?? current?.tags ?? [],
        expectedVersion: body.expectedVersion ?? current?.version ?? 0,
        aiMetadata: aiMetadataToProto(body.aiMetadata),
      },
      ctx,
    );
  if (body.tags !== undefined && body.description !== undefined) return write(undefined);
  for (let attempt = 1; ; attempt++) {
    const current = await engine.call('getWorkflow', { id, version: 0 }, ctx);
    try {
      return await write(current);
    } catch (error) {
      if (body.expectedVersion !== undefined || attempt >= ATTEMPTS || !isVersionMismatch(error)) throw error;
    }
  }
}

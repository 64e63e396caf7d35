import { Type, type Static } from 'typebox';
import { Id, JsonObject, JsonValue, PageQuery, Timestamp } from './common.ts';

const RunStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('waiting_human'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

/** The state of one block of a run. */
export const BlockState = Type.Object({
  blockId: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  output: JsonValue,
  error: Type.Union([Type.String(), Type.Null()]),
});

/** A run of a pinned workflow version. */
export const Run = Type.Object({
  id: Type.String(),
  workflowId: Type.String(),
  workflowVersion: Type.Integer(),
  status: Type.String(),
  input: JsonValue,
  output: JsonValue,
  blocks: Type.Array(BlockState),
  error: Type.Union([Type.String(), Type.Null()]),
  totalCost: Type.Number(),
  totalTokens: Type.Integer(),
  createdAt: Timestamp,
  startedAt: Timestamp,
  finishedAt: Timestamp,
  createdBy: Type.String(),
});

/** Body of POST /workflows/{id}/execute. */
export const ExecuteBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the latest' })),
    input: Type.Optional(JsonObject),
  },
  { additionalProperties: false },
);

/** Query of GET /runs. */
export const ListRunsQuery = Type.Object(
  { ...PageQuery, workflowId: Type.Optional(Id), status: Type.Optional(RunStatus) },
  { additionalProperties: false },
);

/** Body of POST /runs/{id}/resume: the answer to a human block. */
export const ResumeBody = Type.Object(
  {
    blockId: Id,
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    input: Type.Optional(JsonObject),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

/** Body of POST /runs/{id}/cancel. */
export const CancelBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

/** One attempt of a block in the execution log. */
const LogAttempt = Type.Object({
  attempt: Type.Integer(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  durationMs: Type.Integer(),
  input: JsonValue,
  output: JsonValue,
  error: Type.Union([Type.String(), Type.Null()]),
  cost: Type.Number(),
  tokens: Type.Integer(),
  model: Type.Union([Type.String(), Type.Null()]),
});

/** The execution log of a run, per block. */
export const RunLogs = Type.Object({
  blocks: Type.Array(
    Type.Object({
      blockId: Type.String(),
      type: Type.String(),
      status: Type.String(),
      attempts: Type.Array(LogAttempt),
    }),
  ),
});

/** Headers of the event stream: where to resume. */
export const EventStreamHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
});

/** Query of the run event stream: a stream ticket (browsers), and where to resume when no header can say it. */
export const EventStreamQuery = Type.Object(
  {
    ticket: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'single-use ticket from POST …/events/ticket (for EventSource)',
      }),
    ),
    lastEventId: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,15}$', description: 'as the Last-Event-ID header; the header wins' }),
    ),
  },
  { additionalProperties: false },
);

/** A stream ticket as issued. */
export const StreamTicket = Type.Object({
  ticket: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  /** The stream's URL with the ticket, for `new EventSource(url)`. */
  url: Type.String(),
});

/** Types of the run schemas. */
export type RunT = Static<typeof Run>;
export type RunLogsT = Static<typeof RunLogs>;

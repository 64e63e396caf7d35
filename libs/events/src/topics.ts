/** Kafka topics of §3; the record key is always the client id. */
export const Topics = {
  workflowCreated: 'dagwright.workflow.created',
  workflowExecuted: 'dagwright.workflow.executed',
  optimizationSuggested: 'dagwright.optimization.suggested',
  feedbackReceived: 'dagwright.feedback.received',
} as const;

/** A topic name of the platform. */
export type Topic = (typeof Topics)[keyof typeof Topics];

/** Every platform topic, for creation at start-up. */
export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** The CloudEvents `type` published on each topic (the same string: one event type per topic). */
export const EventTypes = Topics;

// Original file: dagwright/events/v1/events.proto

import type { BlockMetrics as _dagwright_events_v1_BlockMetrics, BlockMetrics__Output as _dagwright_events_v1_BlockMetrics__Output } from '../../../dagwright/events/v1/BlockMetrics.ts';
import type { Long } from '@grpc/proto-loader';

/**
 * Topic dagwright.workflow.executed, type dagwright.workflow.executed: a run reached a terminal state.
 */
export interface WorkflowExecuted {
  'runId'?: (string);
  'workflowId'?: (string);
  'workflowVersion'?: (number);
  /**
   * "succeeded", "failed" or "cancelled".
   */
  'status'?: (string);
  'startedAt'?: (string);
  'finishedAt'?: (string);
  'durationMs'?: (number | string | Long);
  'totalCost'?: (number | string);
  'totalTokens'?: (number | string | Long);
  'blocks'?: (_dagwright_events_v1_BlockMetrics)[];
  'error'?: (string);
}

/**
 * Topic dagwright.workflow.executed, type dagwright.workflow.executed: a run reached a terminal state.
 */
export interface WorkflowExecuted__Output {
  'runId': (string);
  'workflowId': (string);
  'workflowVersion': (number);
  /**
   * "succeeded", "failed" or "cancelled".
   */
  'status': (string);
  'startedAt': (string);
  'finishedAt': (string);
  'durationMs': (string);
  'totalCost': (number);
  'totalTokens': (string);
  'blocks': (_dagwright_events_v1_BlockMetrics__Output)[];
  'error': (string);
}

// Original file: dagwright/engine/v1/engine.proto

import type { BlockState as _dagwright_engine_v1_BlockState, BlockState__Output as _dagwright_engine_v1_BlockState__Output } from '../../../dagwright/engine/v1/BlockState.ts';
import type { Long } from '@grpc/proto-loader';

export interface Run {
  'id'?: (string);
  'workflowId'?: (string);
  'workflowVersion'?: (number);
  /**
   * "queued", "running", "waiting_human", "succeeded", "failed" or "cancelled".
   */
  'status'?: (string);
  'inputJson'?: (string);
  'outputJson'?: (string);
  'blocks'?: (_dagwright_engine_v1_BlockState)[];
  'error'?: (string);
  'totalCost'?: (number | string);
  'totalTokens'?: (number | string | Long);
  'createdAt'?: (string);
  'startedAt'?: (string);
  'finishedAt'?: (string);
  'createdBy'?: (string);
}

export interface Run__Output {
  'id': (string);
  'workflowId': (string);
  'workflowVersion': (number);
  /**
   * "queued", "running", "waiting_human", "succeeded", "failed" or "cancelled".
   */
  'status': (string);
  'inputJson': (string);
  'outputJson': (string);
  'blocks': (_dagwright_engine_v1_BlockState__Output)[];
  'error': (string);
  'totalCost': (number);
  'totalTokens': (string);
  'createdAt': (string);
  'startedAt': (string);
  'finishedAt': (string);
  'createdBy': (string);
}

// Original file: dagwright/events/v1/events.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Per-block figures of one run, as the optimizer and the learning service read them.
 */
export interface BlockMetrics {
  'blockId'?: (string);
  'type'?: (string);
  'agentId'?: (string);
  /**
   * "succeeded", "failed", "skipped" or "cancelled".
   */
  'status'?: (string);
  'durationMs'?: (number | string | Long);
  'attempts'?: (number);
  'cost'?: (number | string);
  'tokens'?: (number | string | Long);
  'model'?: (string);
  'error'?: (string);
}

/**
 * Per-block figures of one run, as the optimizer and the learning service read them.
 */
export interface BlockMetrics__Output {
  'blockId': (string);
  'type': (string);
  'agentId': (string);
  /**
   * "succeeded", "failed", "skipped" or "cancelled".
   */
  'status': (string);
  'durationMs': (string);
  'attempts': (number);
  'cost': (number);
  'tokens': (string);
  'model': (string);
  'error': (string);
}

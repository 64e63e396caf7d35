// Original file: dagwright/engine/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface RunEvent {
  'runId'?: (string);
  'sequence'?: (number | string | Long);
  /**
   * "run" or "block".
   */
  'kind'?: (string);
  'blockId'?: (string);
  'status'?: (string);
  'at'?: (string);
  'detailJson'?: (string);
}

export interface RunEvent__Output {
  'runId': (string);
  'sequence': (string);
  /**
   * "run" or "block".
   */
  'kind': (string);
  'blockId': (string);
  'status': (string);
  'at': (string);
  'detailJson': (string);
}

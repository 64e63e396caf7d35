// Original file: dagwright/engine/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface StreamRunEventsRequest {
  'id'?: (string);
  /**
   * Events with a larger sequence number only (0 = from the beginning).
   */
  'afterSequence'?: (number | string | Long);
}

export interface StreamRunEventsRequest__Output {
  'id': (string);
  /**
   * Events with a larger sequence number only (0 = from the beginning).
   */
  'afterSequence': (string);
}

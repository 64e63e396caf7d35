// Original file: dagwright/engine/v1/engine.proto


export interface BlockState {
  'blockId'?: (string);
  /**
   * "pending", "running", "succeeded", "failed", "skipped", "waiting_human" or "cancelled".
   */
  'status'?: (string);
  'attempts'?: (number);
  'startedAt'?: (string);
  'finishedAt'?: (string);
  'outputJson'?: (string);
  'error'?: (string);
}

export interface BlockState__Output {
  'blockId': (string);
  /**
   * "pending", "running", "succeeded", "failed", "skipped", "waiting_human" or "cancelled".
   */
  'status': (string);
  'attempts': (number);
  'startedAt': (string);
  'finishedAt': (string);
  'outputJson': (string);
  'error': (string);
}

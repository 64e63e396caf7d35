// Original file: dagwright/engine/v1/engine.proto


export interface CancelRunRequest {
  'id'?: (string);
  'reason'?: (string);
}

export interface CancelRunRequest__Output {
  'id': (string);
  'reason': (string);
}

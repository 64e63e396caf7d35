// Original file: dagwright/engine/v1/engine.proto


export interface GetRunRequest {
  'id'?: (string);
}

export interface GetRunRequest__Output {
  'id': (string);
}

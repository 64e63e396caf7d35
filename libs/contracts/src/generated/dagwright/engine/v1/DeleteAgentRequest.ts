// Original file: dagwright/engine/v1/engine.proto


export interface DeleteAgentRequest {
  'id'?: (string);
}

export interface DeleteAgentRequest__Output {
  'id': (string);
}

// Original file: dagwright/engine/v1/engine.proto


export interface GetAgentRequest {
  'id'?: (string);
}

export interface GetAgentRequest__Output {
  'id': (string);
}

// Original file: dagwright/engine/v1/engine.proto


export interface DeleteWorkflowRequest {
  'id'?: (string);
}

export interface DeleteWorkflowRequest__Output {
  'id': (string);
}

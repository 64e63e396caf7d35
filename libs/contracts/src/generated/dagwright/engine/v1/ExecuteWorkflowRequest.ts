// Original file: dagwright/engine/v1/engine.proto


export interface ExecuteWorkflowRequest {
  'workflowId'?: (string);
  /**
   * 0 = the latest version.
   */
  'version'?: (number);
  'inputJson'?: (string);
}

export interface ExecuteWorkflowRequest__Output {
  'workflowId': (string);
  /**
   * 0 = the latest version.
   */
  'version': (number);
  'inputJson': (string);
}

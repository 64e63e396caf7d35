// Original file: dagwright/engine/v1/engine.proto


export interface GetWorkflowRequest {
  'id'?: (string);
  /**
   * 0 = the latest version.
   */
  'version'?: (number);
}

export interface GetWorkflowRequest__Output {
  'id': (string);
  /**
   * 0 = the latest version.
   */
  'version': (number);
}

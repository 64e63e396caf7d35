// Original file: dagwright/generator/v1/generator.proto


export interface GenerateWorkflowResponse {
  /**
   * The GeneratedWorkflow: {graph, metadata, alternatives, explanation, model, usage}.
   */
  'generatedJson'?: (string);
  /**
   * Set when the request asked to save.
   */
  'workflowId'?: (string);
  'workflowVersion'?: (number);
}

export interface GenerateWorkflowResponse__Output {
  /**
   * The GeneratedWorkflow: {graph, metadata, alternatives, explanation, model, usage}.
   */
  'generatedJson': (string);
  /**
   * Set when the request asked to save.
   */
  'workflowId': (string);
  'workflowVersion': (number);
}

// Original file: dagwright/generator/v1/generator.proto


export interface GenerateWorkflowRequest {
  'problemStatement'?: (string);
  /**
   * The agents the generator may use; empty means the tenant's whole catalog.
   */
  'agentIds'?: (string)[];
  /**
   * JSON objects in the shapes of docs/api.md: {maxExecutionTime, maxCost, requiredCapabilities,
   * excludedAgents}, {optimizeFor, executionMode, errorHandling} and free-form context.
   */
  'constraintsJson'?: (string);
  'preferencesJson'?: (string);
  'contextJson'?: (string);
  /**
   * Store the workflow through the engine (with its aiMetadata), which fires workflow.created.
   */
  'save'?: (boolean);
  /**
   * Name of the stored workflow; derived from the statement when empty.
   */
  'name'?: (string);
}

export interface GenerateWorkflowRequest__Output {
  'problemStatement': (string);
  /**
   * The agents the generator may use; empty means the tenant's whole catalog.
   */
  'agentIds': (string)[];
  /**
   * JSON objects in the shapes of docs/api.md: {maxExecutionTime, maxCost, requiredCapabilities,
   * excludedAgents}, {optimizeFor, executionMode, errorHandling} and free-form context.
   */
  'constraintsJson': (string);
  'preferencesJson': (string);
  'contextJson': (string);
  /**
   * Store the workflow through the engine (with its aiMetadata), which fires workflow.created.
   */
  'save': (boolean);
  /**
   * Name of the stored workflow; derived from the statement when empty.
   */
  'name': (string);
}

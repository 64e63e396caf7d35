// Original file: dagwright/events/v1/events.proto


/**
 * Topic dagwright.workflow.created, type dagwright.workflow.created: a workflow or a new version of it was stored.
 */
export interface WorkflowCreated {
  'workflowId'?: (string);
  'version'?: (number);
  'name'?: (string);
  /**
   * "manual", "ai_generated", "template" or "legacy".
   */
  'generationMethod'?: (string);
  'createdBy'?: (string);
  'blockCount'?: (number);
}

/**
 * Topic dagwright.workflow.created, type dagwright.workflow.created: a workflow or a new version of it was stored.
 */
export interface WorkflowCreated__Output {
  'workflowId': (string);
  'version': (number);
  'name': (string);
  /**
   * "manual", "ai_generated", "template" or "legacy".
   */
  'generationMethod': (string);
  'createdBy': (string);
  'blockCount': (number);
}

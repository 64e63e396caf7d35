// Original file: dagwright/common/v1/common.proto


/**
 * The tenant every resource belongs to. Services read it from call metadata (x-client-id, x-project-id,
 * x-workspace-id); it appears in messages only where a resource reports its own owner.
 */
export interface Tenant {
  'clientId'?: (string);
  'projectId'?: (string);
  'workspaceId'?: (string);
}

/**
 * The tenant every resource belongs to. Services read it from call metadata (x-client-id, x-project-id,
 * x-workspace-id); it appears in messages only where a resource reports its own owner.
 */
export interface Tenant__Output {
  'clientId': (string);
  'projectId': (string);
  'workspaceId': (string);
}

// Original file: dagwright/engine/v1/engine.proto

import type { AiMetadata as _dagwright_engine_v1_AiMetadata, AiMetadata__Output as _dagwright_engine_v1_AiMetadata__Output } from '../../../dagwright/engine/v1/AiMetadata.ts';

export interface UpdateWorkflowRequest {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'graphJson'?: (string);
  'tags'?: (string)[];
  /**
   * When non-zero, the update applies only if this is still the latest version.
   */
  'expectedVersion'?: (number);
  'aiMetadata'?: (_dagwright_engine_v1_AiMetadata | null);
}

export interface UpdateWorkflowRequest__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  'graphJson': (string);
  'tags': (string)[];
  /**
   * When non-zero, the update applies only if this is still the latest version.
   */
  'expectedVersion': (number);
  'aiMetadata': (_dagwright_engine_v1_AiMetadata__Output | null);
}

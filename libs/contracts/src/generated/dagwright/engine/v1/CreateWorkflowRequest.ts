// Original file: dagwright/engine/v1/engine.proto

import type { AiMetadata as _dagwright_engine_v1_AiMetadata, AiMetadata__Output as _dagwright_engine_v1_AiMetadata__Output } from '../../../dagwright/engine/v1/AiMetadata.ts';

export interface CreateWorkflowRequest {
  /**
   * Optional; generated when empty.
   */
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'graphJson'?: (string);
  'aiMetadata'?: (_dagwright_engine_v1_AiMetadata | null);
  'tags'?: (string)[];
}

export interface CreateWorkflowRequest__Output {
  /**
   * Optional; generated when empty.
   */
  'id': (string);
  'name': (string);
  'description': (string);
  'graphJson': (string);
  'aiMetadata': (_dagwright_engine_v1_AiMetadata__Output | null);
  'tags': (string)[];
}

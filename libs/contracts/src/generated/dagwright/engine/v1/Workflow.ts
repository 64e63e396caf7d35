// Original file: dagwright/engine/v1/engine.proto

import type { AiMetadata as _dagwright_engine_v1_AiMetadata, AiMetadata__Output as _dagwright_engine_v1_AiMetadata__Output } from '../../../dagwright/engine/v1/AiMetadata.ts';

export interface Workflow {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'version'?: (number);
  'graphJson'?: (string);
  'aiMetadata'?: (_dagwright_engine_v1_AiMetadata | null);
  'tags'?: (string)[];
  'createdBy'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Workflow__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  'version': (number);
  'graphJson': (string);
  'aiMetadata': (_dagwright_engine_v1_AiMetadata__Output | null);
  'tags': (string)[];
  'createdBy': (string);
  'createdAt': (string);
  'updatedAt': (string);
}

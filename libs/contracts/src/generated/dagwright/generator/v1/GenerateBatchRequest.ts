// Original file: dagwright/generator/v1/generator.proto

import type { GenerateWorkflowRequest as _dagwright_generator_v1_GenerateWorkflowRequest, GenerateWorkflowRequest__Output as _dagwright_generator_v1_GenerateWorkflowRequest__Output } from '../../../dagwright/generator/v1/GenerateWorkflowRequest.ts';

export interface GenerateBatchRequest {
  'requests'?: (_dagwright_generator_v1_GenerateWorkflowRequest)[];
  'parallel'?: (boolean);
  /**
   * At most this many generations at once when parallel; 0 means 4.
   */
  'maxConcurrency'?: (number);
}

export interface GenerateBatchRequest__Output {
  'requests': (_dagwright_generator_v1_GenerateWorkflowRequest__Output)[];
  'parallel': (boolean);
  /**
   * At most this many generations at once when parallel; 0 means 4.
   */
  'maxConcurrency': (number);
}

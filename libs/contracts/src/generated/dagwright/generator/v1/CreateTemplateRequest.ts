// Original file: dagwright/generator/v1/generator.proto

import type { Template as _dagwright_generator_v1_Template, Template__Output as _dagwright_generator_v1_Template__Output } from '../../../dagwright/generator/v1/Template.ts';

export interface CreateTemplateRequest {
  'template'?: (_dagwright_generator_v1_Template | null);
}

export interface CreateTemplateRequest__Output {
  'template': (_dagwright_generator_v1_Template__Output | null);
}

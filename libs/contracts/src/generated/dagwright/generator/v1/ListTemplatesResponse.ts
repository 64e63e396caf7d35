// Original file: dagwright/generator/v1/generator.proto

import type { Template as _dagwright_generator_v1_Template, Template__Output as _dagwright_generator_v1_Template__Output } from '../../../dagwright/generator/v1/Template.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from '../../../dagwright/common/v1/PageResponse.ts';

export interface ListTemplatesResponse {
  'templates'?: (_dagwright_generator_v1_Template)[];
  'page'?: (_dagwright_common_v1_PageResponse | null);
}

export interface ListTemplatesResponse__Output {
  'templates': (_dagwright_generator_v1_Template__Output)[];
  'page': (_dagwright_common_v1_PageResponse__Output | null);
}

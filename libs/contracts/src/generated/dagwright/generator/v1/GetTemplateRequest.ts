// Original file: dagwright/generator/v1/generator.proto


export interface GetTemplateRequest {
  'id'?: (string);
}

export interface GetTemplateRequest__Output {
  'id': (string);
}

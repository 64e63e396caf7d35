// Original file: dagwright/generator/v1/generator.proto


export interface DeleteTemplateRequest {
  'id'?: (string);
}

export interface DeleteTemplateRequest__Output {
  'id': (string);
}

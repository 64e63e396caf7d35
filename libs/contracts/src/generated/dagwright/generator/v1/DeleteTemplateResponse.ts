// Original file: dagwright/generator/v1/generator.proto


export interface DeleteTemplateResponse {
}

export interface DeleteTemplateResponse__Output {
}

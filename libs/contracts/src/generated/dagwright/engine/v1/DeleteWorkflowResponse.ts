// Original file: dagwright/engine/v1/engine.proto


export interface DeleteWorkflowResponse {
}

export interface DeleteWorkflowResponse__Output {
}

// Original file: dagwright/engine/v1/engine.proto


export interface DeleteAgentResponse {
}

export interface DeleteAgentResponse__Output {
}

import type { GenerateWorkflowRequest } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowRequest';
import type { GenerateWorkflowResponse__Output } from '@dagwright/contracts/generated/dagwright/generator/v1/GenerateWorkflowResponse';
import type {
  Template,
  Template__Output,
} from '@dagwright/contracts/generated/dagwright/generator/v1/Template';
import type { CreateTemplateBodyT, GenerateBodyT } from '../schemas/generation.schemas.ts';

/** A REST generation request as the generator's proto message. */
export function generateToProto(body: GenerateBodyT): GenerateWorkflowRequest {
  return {
    problemStatement: body.problemStatement,
    agentIds: body.agentIds ?? [],
    constraintsJson: JSON.stringify(body.constraints ?? {}),
    preferencesJson: JSON.stringify(body.preferences ?? {}),
    contextJson: JSON.stringify(body.context ?? {}),
    save: body.save ?? false,
    name: body.name ?? '',
  };
}

/** The generator's GeneratedWorkflow (generated_json), as far as the gateway reads it. */
export interface Generated {
  graph: object;
  metadata: { confidence: number; estimatedCost: number; estimatedDuration: number } & object;
  alternatives: object[];
  explanation: object;
  generation: object;
}

/** The generator's answer as the REST GeneratedWorkflow. */
export function toGenerated(res: GenerateWorkflowResponse__Output) {
  const generated = JSON.parse(res.generatedJson) as Generated;
  return {
    ...generated,
    workflowId: res.workflowId === '' ? null : res.workflowId,
    workflowVersion: res.workflowVersion === 0 ? null : res.workflowVersion,
  };
}

/** A REST template as the proto message. */
export function templateToProto(t: CreateTemplateBodyT): Template {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    domains: t.domains,
    keywords: t.keywords,
    phasesJson: JSON.stringify(t.phases),
    patterns: t.patterns,
    validationRulesJson: JSON.stringify(t.validationRules),
    requiredAgentTypes: t.requiredAgentTypes,
  };
}

/** The proto template as REST. */
export function toTemplate(t: Template__Output) {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    domains: t.domains,
    keywords: t.keywords,
    phases: JSON.parse(t.phasesJson || '[]') as object[],
    patterns: t.patterns,
    validationRules: JSON.parse(t.validationRulesJson || '[]') as object[],
    requiredAgentTypes: t.requiredAgentTypes,
    builtin: t.builtin,
    uses: t.uses,
    successRate: t.successRate,
    createdAt: t.createdAt || null,
    updatedAt: t.updatedAt || null,
  };
}

import Type, { type Static } from 'typebox';

const Words = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });

/** One phase of a template: what it does and the capabilities that do it, in execution order. */
export const Phase = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ maxLength: 1000 }),
    capabilities: Words,
  },
  { additionalProperties: false },
);
/** A template phase. */
export type Phase = Static<typeof Phase>;

/**
 * A check on generated graphs. Capabilities match an agent when they equal one of its capabilities or one of
 * their words (`payment` matches `schedule-payment`).
 * - `approval-before`: blocks with these capabilities must be reachable from a human block;
 * - `order`: blocks with `after` capabilities must be reachable from one with `before` capabilities;
 * - `requires`: some block has one of these capabilities.
 */
export const ValidationRule = Type.Union([
  Type.Object(
    { rule: Type.Literal('approval-before'), capabilities: Words, message: Type.String({ maxLength: 500 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { rule: Type.Literal('order'), before: Words, after: Words, message: Type.String({ maxLength: 500 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { rule: Type.Literal('requires'), capabilities: Words, message: Type.String({ maxLength: 500 }) },
    { additionalProperties: false },
  ),
]);
/** A template validation rule. */
export type ValidationRule = Static<typeof ValidationRule>;

/** The editable part of a template, as callers send it. */
export const TemplateInput = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 2000 }),
    domains: Words,
    keywords: Words,
    phases: Type.Array(Phase, { maxItems: 30 }),
    patterns: Words,
    validationRules: Type.Array(ValidationRule, { maxItems: 50 }),
    requiredAgentTypes: Words,
  },
  { additionalProperties: false },
);
/** A template's content. */
export type TemplateInput = Static<typeof TemplateInput>;

/** A template with its record: how often generation used it and how often that worked. */
export interface TemplateView extends TemplateInput {
  builtin: boolean;
  uses: number;
  successRate: number;
  createdAt?: Date;
  updatedAt?: Date;
}

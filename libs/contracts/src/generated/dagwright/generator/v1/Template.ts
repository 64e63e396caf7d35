// Original file: dagwright/generator/v1/generator.proto


export interface Template {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  /**
   * Domains the template fits (e.g. "support", "finance"); empty fits any.
   */
  'domains'?: (string)[];
  /**
   * Words and phrases that suggest the template for a statement.
   */
  'keywords'?: (string)[];
  /**
   * JSON: [{name, description, capabilities[]}] in execution order.
   */
  'phasesJson'?: (string);
  /**
   * Common patterns it applies, e.g. "fan-out", "approval-gate", "retry-external".
   */
  'patterns'?: (string)[];
  /**
   * JSON: [{rule, message}] checked on generated graphs (see docs/api.md).
   */
  'validationRulesJson'?: (string);
  /**
   * Agent capabilities a workflow of this template needs.
   */
  'requiredAgentTypes'?: (string)[];
  'successRate'?: (number | string);
  'uses'?: (number);
  /**
   * Built-in starter templates are shared by every tenant and read-only.
   */
  'builtin'?: (boolean);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Template__Output {
  'id': (string);
  'name': (string);
  'description': (string);
  /**
   * Domains the template fits (e.g. "support", "finance"); empty fits any.
   */
  'domains': (string)[];
  /**
   * Words and phrases that suggest the template for a statement.
   */
  'keywords': (string)[];
  /**
   * JSON: [{name, description, capabilities[]}] in execution order.
   */
  'phasesJson': (string);
  /**
   * Common patterns it applies, e.g. "fan-out", "approval-gate", "retry-external".
   */
  'patterns': (string)[];
  /**
   * JSON: [{rule, message}] checked on generated graphs (see docs/api.md).
   */
  'validationRulesJson': (string);
  /**
   * Agent capabilities a workflow of this template needs.
   */
  'requiredAgentTypes': (string)[];
  'successRate': (number);
  'uses': (number);
  /**
   * Built-in starter templates are shared by every tenant and read-only.
   */
  'builtin': (boolean);
  'createdAt': (string);
  'updatedAt': (string);
}

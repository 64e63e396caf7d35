/**
 * @dagwright/workflow: the canonical workflow model, pure and without I/O (ARCHITECTURE §5).
 *
 * Model. A `Graph` is `{ nodes: Block[], edges: Edge[], executionMode, maxConcurrency?, errorHandling? }`.
 * A `Block` has an id, a name, a `type` (agent, tool, http, transform, condition, human, delay) with a
 * per-type `config`, optional input/output JSON Schemas, retry, timeout, cache and an adaptive
 * `fallback`. An `Edge` `{ from, to, condition?, mapping? }` says `to` depends on `from`. Every
 * shape is a TypeBox schema (JSON Schema plus static type from one definition); `validateGraph`
 * checks an untrusted graph against them, the agent catalog, and the rules below, and reports every
 * problem as `{ code, path, message }` so a generator can repair from it.
 *
 * Conditions. Only edges leaving a `condition` block may carry a condition (a JSONata expression over
 * that block's output, which is its input passed through). Its result is cast like JSONata's
 * `$boolean` (see `truthy`). Edges without a condition always fire when their source succeeds.
 *
 * Join rule (`joinDecision`). A block waits until all its incoming edges are resolved; it runs if at
 * least one fired and is skipped if none did. Skipped blocks' edges are dead, so skips propagate
 * down a branch not taken (dead-path elimination) and merge blocks run once either branch did.
 *
 * Inputs (`assembleInput`). Roots receive the run input. Any other block receives an object built
 * from its fired incoming edges in edge order: a mapped edge sets its mapped fields (each expression
 * evaluated over the source's output), an unmapped edge spreads the source's output (or sets a
 * non-object output under the source's id); later edges win. Transform expressions see that input.
 *
 * Expressions are JSONata, time- and depth-boxed, with `$eval` disabled and nothing of the host bound.
 */
export {
  Agent,
  BLOCK_TYPES,
  Block,
  type BlockType,
  Edge,
  Expression,
  Graph,
  ID_PATTERN,
  Id,
  JsonSchema,
  LIMITS,
  RetryPolicy,
} from './model.ts';
export {
  AgentConfig,
  BLOCK_CONFIG_SCHEMAS,
  type BlockConfigs,
  ConditionConfig,
  DelayConfig,
  HTTP_METHODS,
  HttpConfig,
  HumanConfig,
  ToolConfig,
  TransformConfig,
  configOf,
} from './block-config.ts';
export { ISSUE_CODES, type IssueCode, type ValidationIssue } from './issues.ts';
export { validateData } from './schemas.ts';
export {
  type AgentValidationResult,
  type ValidateOptions,
  type ValidationResult,
  validateAgent,
  validateGraph,
} from './validate.ts';
export {
  type CriticalPath,
  type PathListing,
  criticalPath,
  enumeratePaths,
  predecessors,
  reachableFrom,
  roots,
  sinks,
  successors,
  topologicalWaves,
} from './graph.ts';
export {
  type BranchChoices,
  type EdgeState,
  type JoinDecision,
  activeBlocks,
  joinDecision,
} from './branches.ts';
export {
  type CompiledExpression,
  DEFAULT_EXPRESSION_LIMITS,
  ExpressionError,
  type ExpressionErrorCode,
  type ExpressionLimits,
  type MappingBindings,
  MAX_EXPRESSION_NESTING,
  applyMapping,
  compileExpression,
  evaluateCondition,
  expressionSyntaxError,
  simplePath,
  truthy,
} from './expressions.ts';
export { type Contribution, assembleInput } from './inputs.ts';

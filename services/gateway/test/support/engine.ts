/** The real backends gateway tests talk to, in-process on throwaway databases: the engine and the generator. */
export { startEngine, type RunningEngine } from '@dagwright/workflow-engine/testing';
export { startGenerator, type RunningGenerator } from '@dagwright/generator/testing';

export { PROTO_OPTIONS, PROTO_ROOT } from './options.ts';
export { listProtoFiles, loadContracts, loadDefinition } from './load.ts';

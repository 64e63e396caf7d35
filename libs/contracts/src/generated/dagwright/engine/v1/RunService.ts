// Original file: dagwright/engine/v1/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelRunRequest as _dagwright_engine_v1_CancelRunRequest, CancelRunRequest__Output as _dagwright_engine_v1_CancelRunRequest__Output } from '../../../dagwright/engine/v1/CancelRunRequest.ts';
import type { ExecuteWorkflowRequest as _dagwright_engine_v1_ExecuteWorkflowRequest, ExecuteWorkflowRequest__Output as _dagwright_engine_v1_ExecuteWorkflowRequest__Output } from '../../../dagwright/engine/v1/ExecuteWorkflowRequest.ts';
import type { GetRunLogsRequest as _dagwright_engine_v1_GetRunLogsRequest, GetRunLogsRequest__Output as _dagwright_engine_v1_GetRunLogsRequest__Output } from '../../../dagwright/engine/v1/GetRunLogsRequest.ts';
import type { GetRunLogsResponse as _dagwright_engine_v1_GetRunLogsResponse, GetRunLogsResponse__Output as _dagwright_engine_v1_GetRunLogsResponse__Output } from '../../../dagwright/engine/v1/GetRunLogsResponse.ts';
import type { GetRunRequest as _dagwright_engine_v1_GetRunRequest, GetRunRequest__Output as _dagwright_engine_v1_GetRunRequest__Output } from '../../../dagwright/engine/v1/GetRunRequest.ts';
import type { ListRunsRequest as _dagwright_engine_v1_ListRunsRequest, ListRunsRequest__Output as _dagwright_engine_v1_ListRunsRequest__Output } from '../../../dagwright/engine/v1/ListRunsRequest.ts';
import type { ListRunsResponse as _dagwright_engine_v1_ListRunsResponse, ListRunsResponse__Output as _dagwright_engine_v1_ListRunsResponse__Output } from '../../../dagwright/engine/v1/ListRunsResponse.ts';
import type { ResumeRunRequest as _dagwright_engine_v1_ResumeRunRequest, ResumeRunRequest__Output as _dagwright_engine_v1_ResumeRunRequest__Output } from '../../../dagwright/engine/v1/ResumeRunRequest.ts';
import type { Run as _dagwright_engine_v1_Run, Run__Output as _dagwright_engine_v1_Run__Output } from '../../../dagwright/engine/v1/Run.ts';
import type { RunEvent as _dagwright_engine_v1_RunEvent, RunEvent__Output as _dagwright_engine_v1_RunEvent__Output } from '../../../dagwright/engine/v1/RunEvent.ts';
import type { StreamRunEventsRequest as _dagwright_engine_v1_StreamRunEventsRequest, StreamRunEventsRequest__Output as _dagwright_engine_v1_StreamRunEventsRequest__Output } from '../../../dagwright/engine/v1/StreamRunEventsRequest.ts';

/**
 * Durable runs of workflows.
 */
export interface RunServiceClient extends grpc.Client {
  CancelRun(argument: _dagwright_engine_v1_CancelRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  CancelRun(argument: _dagwright_engine_v1_CancelRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  CancelRun(argument: _dagwright_engine_v1_CancelRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  CancelRun(argument: _dagwright_engine_v1_CancelRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  cancelRun(argument: _dagwright_engine_v1_CancelRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  cancelRun(argument: _dagwright_engine_v1_CancelRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  cancelRun(argument: _dagwright_engine_v1_CancelRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  cancelRun(argument: _dagwright_engine_v1_CancelRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  
  ExecuteWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ExecuteWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ExecuteWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ExecuteWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  executeWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  executeWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  executeWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  executeWorkflow(argument: _dagwright_engine_v1_ExecuteWorkflowRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  
  GetRun(argument: _dagwright_engine_v1_GetRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _dagwright_engine_v1_GetRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _dagwright_engine_v1_GetRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  GetRun(argument: _dagwright_engine_v1_GetRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  getRun(argument: _dagwright_engine_v1_GetRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  getRun(argument: _dagwright_engine_v1_GetRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  getRun(argument: _dagwright_engine_v1_GetRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  getRun(argument: _dagwright_engine_v1_GetRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  
  GetRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  GetRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  GetRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  GetRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  getRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  getRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  getRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  getRunLogs(argument: _dagwright_engine_v1_GetRunLogsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_GetRunLogsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRuns(argument: _dagwright_engine_v1_ListRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _dagwright_engine_v1_ListRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _dagwright_engine_v1_ListRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  ListRuns(argument: _dagwright_engine_v1_ListRunsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _dagwright_engine_v1_ListRunsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _dagwright_engine_v1_ListRunsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _dagwright_engine_v1_ListRunsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  listRuns(argument: _dagwright_engine_v1_ListRunsRequest, callback: grpc.requestCallback<_dagwright_engine_v1_ListRunsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Answers a human block; exactly one of concurrent answers to the same block wins, the others get ABORTED.
   */
  ResumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ResumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ResumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  ResumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  /**
   * Answers a human block; exactly one of concurrent answers to the same block wins, the others get ABORTED.
   */
  resumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  resumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  resumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  resumeRun(argument: _dagwright_engine_v1_ResumeRunRequest, callback: grpc.requestCallback<_dagwright_engine_v1_Run__Output>): grpc.ClientUnaryCall;
  
  /**
   * Run and block transitions from `after_sequence` on, then live ones until the run ends.
   */
  StreamRunEvents(argument: _dagwright_engine_v1_StreamRunEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dagwright_engine_v1_RunEvent__Output>;
  StreamRunEvents(argument: _dagwright_engine_v1_StreamRunEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dagwright_engine_v1_RunEvent__Output>;
  /**
   * Run and block transitions from `after_sequence` on, then live ones until the run ends.
   */
  streamRunEvents(argument: _dagwright_engine_v1_StreamRunEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_dagwright_engine_v1_RunEvent__Output>;
  streamRunEvents(argument: _dagwright_engine_v1_StreamRunEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_dagwright_engine_v1_RunEvent__Output>;
  
}

/**
 * Durable runs of workflows.
 */
export interface RunServiceHandlers extends grpc.UntypedServiceImplementation {
  CancelRun: grpc.handleUnaryCall<_dagwright_engine_v1_CancelRunRequest__Output, _dagwright_engine_v1_Run>;
  
  ExecuteWorkflow: grpc.handleUnaryCall<_dagwright_engine_v1_ExecuteWorkflowRequest__Output, _dagwright_engine_v1_Run>;
  
  GetRun: grpc.handleUnaryCall<_dagwright_engine_v1_GetRunRequest__Output, _dagwright_engine_v1_Run>;
  
  GetRunLogs: grpc.handleUnaryCall<_dagwright_engine_v1_GetRunLogsRequest__Output, _dagwright_engine_v1_GetRunLogsResponse>;
  
  ListRuns: grpc.handleUnaryCall<_dagwright_engine_v1_ListRunsRequest__Output, _dagwright_engine_v1_ListRunsResponse>;
  
  /**
   * Answers a human block; exactly one of concurrent answers to the same block wins, the others get ABORTED.
   */
  ResumeRun: grpc.handleUnaryCall<_dagwright_engine_v1_ResumeRunRequest__Output, _dagwright_engine_v1_Run>;
  
  /**
   * Run and block transitions from `after_sequence` on, then live ones until the run ends.
   */
  StreamRunEvents: grpc.handleServerStreamingCall<_dagwright_engine_v1_StreamRunEventsRequest__Output, _dagwright_engine_v1_RunEvent>;
  
}

export interface RunServiceDefinition extends grpc.ServiceDefinition {
  CancelRun: MethodDefinition<_dagwright_engine_v1_CancelRunRequest, _dagwright_engine_v1_Run, _dagwright_engine_v1_CancelRunRequest__Output, _dagwright_engine_v1_Run__Output>
  ExecuteWorkflow: MethodDefinition<_dagwright_engine_v1_ExecuteWorkflowRequest, _dagwright_engine_v1_Run, _dagwright_engine_v1_ExecuteWorkflowRequest__Output, _dagwright_engine_v1_Run__Output>
  GetRun: MethodDefinition<_dagwright_engine_v1_GetRunRequest, _dagwright_engine_v1_Run, _dagwright_engine_v1_GetRunRequest__Output, _dagwright_engine_v1_Run__Output>
  GetRunLogs: MethodDefinition<_dagwright_engine_v1_GetRunLogsRequest, _dagwright_engine_v1_GetRunLogsResponse, _dagwright_engine_v1_GetRunLogsRequest__Output, _dagwright_engine_v1_GetRunLogsResponse__Output>
  ListRuns: MethodDefinition<_dagwright_engine_v1_ListRunsRequest, _dagwright_engine_v1_ListRunsResponse, _dagwright_engine_v1_ListRunsRequest__Output, _dagwright_engine_v1_ListRunsResponse__Output>
  ResumeRun: MethodDefinition<_dagwright_engine_v1_ResumeRunRequest, _dagwright_engine_v1_Run, _dagwright_engine_v1_ResumeRunRequest__Output, _dagwright_engine_v1_Run__Output>
  StreamRunEvents: MethodDefinition<_dagwright_engine_v1_StreamRunEventsRequest, _dagwright_engine_v1_RunEvent, _dagwright_engine_v1_StreamRunEventsRequest__Output, _dagwright_engine_v1_RunEvent__Output>
}

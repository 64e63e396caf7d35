import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ErrorDetail as _dagwright_common_v1_ErrorDetail, ErrorDetail__Output as _dagwright_common_v1_ErrorDetail__Output } from './dagwright/common/v1/ErrorDetail.ts';
import type { ErrorInfo as _dagwright_common_v1_ErrorInfo, ErrorInfo__Output as _dagwright_common_v1_ErrorInfo__Output } from './dagwright/common/v1/ErrorInfo.ts';
import type { PageRequest as _dagwright_common_v1_PageRequest, PageRequest__Output as _dagwright_common_v1_PageRequest__Output } from './dagwright/common/v1/PageRequest.ts';
import type { PageResponse as _dagwright_common_v1_PageResponse, PageResponse__Output as _dagwright_common_v1_PageResponse__Output } from './dagwright/common/v1/PageResponse.ts';
import type { Tenant as _dagwright_common_v1_Tenant, Tenant__Output as _dagwright_common_v1_Tenant__Output } from './dagwright/common/v1/Tenant.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  dagwright: {
    common: {
      v1: {
        ErrorDetail: MessageTypeDefinition<_dagwright_common_v1_ErrorDetail, _dagwright_common_v1_ErrorDetail__Output>
        ErrorInfo: MessageTypeDefinition<_dagwright_common_v1_ErrorInfo, _dagwright_common_v1_ErrorInfo__Output>
        PageRequest: MessageTypeDefinition<_dagwright_common_v1_PageRequest, _dagwright_common_v1_PageRequest__Output>
        PageResponse: MessageTypeDefinition<_dagwright_common_v1_PageResponse, _dagwright_common_v1_PageResponse__Output>
        Tenant: MessageTypeDefinition<_dagwright_common_v1_Tenant, _dagwright_common_v1_Tenant__Output>
      }
    }
  }
}


import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DeadlineError,
  NotFoundError,
  OperationalError,
  UnexpectedError,
  UserError,
  ValidationError,
  type AppError,
} from '../errors.ts';
import { ERROR_TRAILER, fromGrpcError, toGrpcStatus } from './status.ts';

/** What a client sees when the server answered with `toGrpcStatus(error)`. */
function overTheWire(error: AppError): ServiceError {
  const { code, details, metadata } = toGrpcStatus(error);
  if (code === undefined || details === undefined || metadata === undefined)
    throw new Error('incomplete status');
  return Object.assign(new Error(details), { code, details, metadata });
}

function serviceError(code: status, details: string, trailer?: Buffer): ServiceError {
  const metadata = new Metadata();
  if (trailer) metadata.set(ERROR_TRAILER, trailer);
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata });
}

describe('toGrpcStatus', () => {
  it('sends the gRPC code of the kind and the public message', () => {
    const sent = toGrpcStatus(new NotFoundError('run', 'r-1'));
    expect(sent.code).toBe(status.NOT_FOUND);
    expect(sent.details).toBe("run 'r-1' was not found");
  });

  it('does not send the internals of unexpected errors', () => {
    const sent = toGrpcStatus(
      new UnexpectedError('pool exhausted for mongodb://admin:hunter2@db', {
        details: [{ code: 'X', path: 'db', message: 'hunter2' }],
      }),
    );
    expect(sent.code).toBe(status.INTERNAL);
    expect(sent.details).toBe('internal error');
    const trailer = sent.metadata?.get(ERROR_TRAILER)[0];
    expect(String(trailer)).not.toContain('hunter2');
  });
});

describe('fromGrpcError', () => {
  it('round-trips a validation error with kind, code and details', () => {
    const details = [{ code: 'REQUIRED', path: 'steps[0].name', message: 'is required' }];
    const back = fromGrpcError(overTheWire(new ValidationError('the workflow is invalid', details)));
    expect(back).toBeInstanceOf(UserError);
    expect(back).toMatchObject({
      kind: 'invalid_argument',
      code: 'VALIDATION_FAILED',
      message: 'the workflow is invalid',
      details,
    });
    expect(back.mapping.http).toBe(400);
  });

  it('round-trips a conflict with its custom code', () => {
    const back = fromGrpcError(overTheWire(new ConflictError('version moved', 'STALE_VERSION')));
    expect(back).toMatchObject({ kind: 'conflict', code: 'STALE_VERSION', message: 'version moved' });
  });

  it('keeps the original gRPC error as the cause', () => {
    const wire = overTheWire(new NotFoundError('run', 'r-1'));
    expect(fromGrpcError(wire).cause).toBe(wire);
  });

  it('turns INTERNAL into UnexpectedError', () => {
    const back = fromGrpcError(overTheWire(new UnexpectedError('boom')));
    expect(back).toBeInstanceOf(UnexpectedError);
    expect(back).toMatchObject({ kind: 'internal', code: 'INTERNAL', message: 'internal error' });
  });

  it('turns UNAVAILABLE into OperationalError, keeping the server code', () => {
    const back = fromGrpcError(overTheWire(new OperationalError('REDIS_DOWN', 'redis is down')));
    expect(back).toBeInstanceOf(OperationalError);
    expect(back).toMatchObject({ kind: 'unavailable', code: 'REDIS_DOWN', message: 'redis is down' });
  });

  it('turns a bare UNAVAILABLE (no trailer, e.g. connection refused) into OperationalError', () => {
    const back = fromGrpcError(serviceError(status.UNAVAILABLE, 'No connection established'));
    expect(back).toBeInstanceOf(OperationalError);
    expect(back).toMatchObject({ code: 'UNAVAILABLE', message: 'No connection established', details: [] });
  });

  it('turns DEADLINE_EXCEEDED into DeadlineError', () => {
    const back = fromGrpcError(overTheWire(new DeadlineError('took too long')));
    expect(back).toBeInstanceOf(DeadlineError);
    expect(back.kind).toBe('deadline_exceeded');
  });

  it('turns codes outside the table into UnexpectedError', () => {
    expect(fromGrpcError(serviceError(status.DATA_LOSS, 'gone'))).toBeInstanceOf(UnexpectedError);
  });

  it.each([
    ['not JSON', Buffer.from('{not json')],
    ['binary', Buffer.from([0xff, 0x00, 0xfe])],
    ['a JSON string', Buffer.from('"oops"')],
    ['JSON null', Buffer.from('null')],
  ])('does not crash on %s in the error trailer', (_label, trailer) => {
    const back = fromGrpcError(serviceError(status.NOT_FOUND, 'missing', trailer));
    expect(back).toMatchObject({ kind: 'not_found', code: 'NOT_FOUND', message: 'missing', details: [] });
  });

  it('ignores a trailer of the wrong shape instead of passing it on', () => {
    const trailer = Buffer.from(JSON.stringify({ code: 42, details: 'not a list' }));
    const back = fromGrpcError(serviceError(status.NOT_FOUND, 'missing', trailer));
    expect(back).toMatchObject({ code: 'NOT_FOUND', details: [] });
  });
});

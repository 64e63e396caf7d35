import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DeadlineError,
  ERROR_TABLE,
  NotFoundError,
  OperationalError,
  publicView,
  toAppError,
  UnexpectedError,
  UserError,
  ValidationError,
  type ErrorKind,
} from './errors.ts';

describe('ERROR_TABLE', () => {
  it.each<[ErrorKind, status, number]>([
    ['invalid_argument', status.INVALID_ARGUMENT, 400],
    ['not_found', status.NOT_FOUND, 404],
    ['conflict', status.ABORTED, 409],
    ['failed_precondition', status.FAILED_PRECONDITION, 422],
    ['unauthenticated', status.UNAUTHENTICATED, 401],
    ['permission_denied', status.PERMISSION_DENIED, 403],
    ['rate_limited', status.RESOURCE_EXHAUSTED, 429],
    ['unavailable', status.UNAVAILABLE, 503],
    ['deadline_exceeded', status.DEADLINE_EXCEEDED, 504],
    ['internal', status.INTERNAL, 500],
  ])('maps %s to gRPC %i and HTTP %i', (kind, grpc, http) => {
    expect(ERROR_TABLE[kind]).toMatchObject({ grpc, http });
  });

  it('has one row per kind and no two kinds share a gRPC code', () => {
    const codes = Object.values(ERROR_TABLE).map((m) => m.grpc);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('error classes', () => {
  it('carry kind, code, name and mapping', () => {
    const err = new NotFoundError('workflow', 'wf-1');
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ kind: 'not_found', code: 'NOT_FOUND', name: 'NotFoundError' });
    expect(err.message).toBe("workflow 'wf-1' was not found");
    expect(err.mapping.http).toBe(404);
    expect(new ConflictError('lost the race').mapping.grpc).toBe(status.ABORTED);
    expect(new OperationalError('REDIS_DOWN', 'redis is down').mapping.http).toBe(503);
    expect(new DeadlineError().mapping.http).toBe(504);
  });
});

describe('toAppError', () => {
  it('returns errors of the family unchanged', () => {
    const err = new ConflictError('lost the race');
    expect(toAppError(err)).toBe(err);
  });

  it('wraps a plain Error into UnexpectedError keeping message and cause', () => {
    const cause = new TypeError('x is undefined');
    const err = toAppError(cause);
    expect(err).toBeInstanceOf(UnexpectedError);
    expect(err).toMatchObject({ kind: 'internal', code: 'INTERNAL', message: 'x is undefined' });
    expect(err.cause).toBe(cause);
  });

  it('wraps thrown non-errors too', () => {
    const err = toAppError('just a string');
    expect(err).toBeInstanceOf(UnexpectedError);
    expect(err.message).toBe('just a string');
    expect(err.cause).toBe('just a string');
  });
});

describe('publicView', () => {
  it('hides message and details of internal errors', () => {
    const err = new UnexpectedError('db password hunter2 rejected', {
      details: [{ code: 'DB', path: 'mongo', message: 'auth failed for hunter2' }],
    });
    expect(publicView(err)).toEqual({ code: 'INTERNAL', message: 'internal error', details: [] });
  });

  it('keeps message, code and details of user errors', () => {
    const details = [{ code: 'TOO_SHORT', path: 'name', message: 'at least 3 characters' }];
    const err = new ValidationError('the workflow is invalid', details);
    expect(publicView(err)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'the workflow is invalid',
      details,
    });
  });

  it('keeps the message of transient errors, which callers may act on', () => {
    expect(publicView(new OperationalError('QUEUE_FULL', 'the queue is full'))).toEqual({
      code: 'QUEUE_FULL',
      message: 'the queue is full',
      details: [],
    });
  });
});

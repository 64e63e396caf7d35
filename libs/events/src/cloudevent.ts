import { randomUUID } from 'node:crypto';
import { CloudEvent, ValidationError as CloudEventValidationError } from 'cloudevents';
import { ValidationError, type Tenant } from '@dagwright/kit';

/** A CloudEvents 1.0 event in structured JSON mode with the tenant as extensions (§3). */
export interface DagwrightEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  clientid: string;
  projectid: string;
  workspaceid: string;
  data: T;
}

/** What a producer says about an event; id and time are generated unless given. */
export interface NewEvent<T> {
  type: string;
  /** The producing service, as `//dagwright/<service>`. */
  source: string;
  /** The resource the event is about. */
  subject: string;
  tenant: Tenant;
  data: T;
  id?: string;
  time?: Date;
}

/** Builds and validates an event with the CloudEvents SDK. */
export function createEvent<T>(input: NewEvent<T>): DagwrightEvent<T> {
  const event = new CloudEvent<T>({
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    time: (input.time ?? new Date()).toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    clientid: input.tenant.clientId,
    projectid: input.tenant.projectId,
    workspaceid: input.tenant.workspaceId,
    data: input.data,
  });
  return event.toJSON() as unknown as DagwrightEvent<T>;
}

/** The tenant an event belongs to. */
export function tenantOf(event: DagwrightEvent): Tenant {
  return { clientId: event.clientid, projectId: event.projectid, workspaceId: event.workspaceid };
}

const REQUIRED_EXTENSIONS = ['clientid', 'projectid', 'workspaceid'] as const;

/** Parses and validates an event read from Kafka; throws `ValidationError` for anything else. */
export function parseEvent(raw: Buffer | string): DagwrightEvent {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch (cause) {
    throw new ValidationError('event is not JSON', [], cause);
  }
  if (typeof json !== 'object' || json === null) throw new ValidationError('event is not a JSON object');
  try {
    new CloudEvent(json, true);
  } catch (cause) {
    const message = cause instanceof CloudEventValidationError ? cause.message : 'invalid CloudEvent';
    throw new ValidationError(`event is not a valid CloudEvent: ${message}`, [], cause);
  }
  const record = json as Record<string, unknown>;
  const missing = REQUIRED_EXTENSIONS.filter((k) => typeof record[k] !== 'string' || record[k] === '');
  if (missing.length > 0) {
    throw new ValidationError(
      'event carries no tenant',
      missing.map((k) => ({ code: 'REQUIRED', path: k, message: `extension ${k} is required` })),
    );
  }
  return json as DagwrightEvent;
}

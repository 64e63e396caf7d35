// Original file: dagwright/events/v1/events.proto


/**
 * Every event on a dagwright.* Kafka topic is a CloudEvents 1.0 JSON document (structured mode) with
 * the tenant as extensions. The record key is the client id, so one tenant's events stay ordered.
 * `data` holds one of the payload messages below, in proto3 JSON form (lowerCamelCase field names).
 */
export interface CloudEventEnvelope {
  /**
   * "1.0"
   */
  'specversion'?: (string);
  /**
   * unique per event; consumers deduplicate on it
   */
  'id'?: (string);
  /**
   * e.g. "//dagwright/workflow-engine"
   */
  'source'?: (string);
  /**
   * e.g. "dagwright.workflow.created"
   */
  'type'?: (string);
  /**
   * RFC 3339
   */
  'time'?: (string);
  /**
   * the resource the event is about, e.g. the workflow id
   */
  'subject'?: (string);
  /**
   * "application/json"
   */
  'datacontenttype'?: (string);
  'clientid'?: (string);
  'projectid'?: (string);
  'workspaceid'?: (string);
}

/**
 * Every event on a dagwright.* Kafka topic is a CloudEvents 1.0 JSON document (structured mode) with
 * the tenant as extensions. The record key is the client id, so one tenant's events stay ordered.
 * `data` holds one of the payload messages below, in proto3 JSON form (lowerCamelCase field names).
 */
export interface CloudEventEnvelope__Output {
  /**
   * "1.0"
   */
  'specversion': (string);
  /**
   * unique per event; consumers deduplicate on it
   */
  'id': (string);
  /**
   * e.g. "//dagwright/workflow-engine"
   */
  'source': (string);
  /**
   * e.g. "dagwright.workflow.created"
   */
  'type': (string);
  /**
   * RFC 3339
   */
  'time': (string);
  /**
   * the resource the event is about, e.g. the workflow id
   */
  'subject': (string);
  /**
   * "application/json"
   */
  'datacontenttype': (string);
  'clientid': (string);
  'projectid': (string);
  'workspaceid': (string);
}

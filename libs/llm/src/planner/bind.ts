import { type Entity, type EntityKind } from './entities.ts';
import { type FieldInfo } from './fields.ts';
import { splitIdentifier, stem } from './text.ts';

// Which input fields a concrete value from the statement can fill: an email address fills a
// recipient, a #channel fills a channel, "German" fills a target language.

const NAME_HINTS: Readonly<Record<EntityKind, RegExp>> = {
  email:
    /^(?:email|emails|mail|mailbox|to|cc|bcc|recipient|recipients|requester|signer|signers|address|from|inbox|sender)$/,
  url: /^(?:url|uri|link|href|file|document|path|location|pdf|source|attachment|image)$/,
  channel: /^(?:channel|room|conversation|destination)$/,
  handle: /^(?:channel|handle|user|username|assignee|owner)$/,
  phone: /^(?:phone|mobile|sms|cell|number|msisdn)$/,
  id: /^(?:id|key|number|code|ref|reference|no|sku|skus)$/,
  date: /^(?:date|day|at|start|end|since|until|from|to|deadline|dob|birth|time)$/,
  time: /^(?:time|at|start|end|when|publish|schedule)$/,
  money: /^(?:amount|salary|price|total|cost|budget|value)$/,
  quantity: /^(?:count|limit|minutes|duration|weight|kg|size|length|words|quantity|number|max|hours|days)$/,
  language: /^(?:language|lang|locale)$/,
  table: /^(?:table|dataset|collection|target)$/,
  quoted: /^(?:keywords?|query|topic|status|name|title|value|term|terms|filter|tag|tags|label)$/,
  number: /^(?:id|number|no|code|ref|key)$/,
};

const FORMATS: Partial<Record<EntityKind, readonly string[]>> = {
  email: ['email', 'idn-email'],
  url: ['uri', 'url', 'iri', 'uri-reference'],
  date: ['date', 'date-time'],
  time: ['date-time', 'time'],
};

/** How well a statement value fits an input field: 0 (not at all) to 1 (made for it). */
export function entityFit(field: FieldInfo, entity: Entity): number {
  const fit = kindFit(field, entity);
  // "ISBN 978-0-14-044913-6", "order 77120": the word before a value names the field it fills.
  const labelled =
    entity.label !== undefined && field.stems.includes(stem(entity.label)) && !SHAPE.has(entity.label);
  const textual = field.type === undefined || field.type === 'string';
  if (labelled && textual && ['id', 'number', 'quoted', 'table'].includes(entity.kind))
    return Math.max(fit, 0.95);
  return fit;
}

const SHAPE = new Set(['id', 'number', 'no', 'code', 'the', 'a', 'an', 'for', 'to', 'at', 'of', 'in', 'on']);

function kindFit(field: FieldInfo, entity: Entity): number {
  const words = splitIdentifier(field.name);
  const hint = NAME_HINTS[entity.kind];
  const named = words.some((w) => hint.test(w));
  const formatted = field.format !== undefined && (FORMATS[entity.kind] ?? []).includes(field.format);
  const numeric = field.type === 'number' || field.type === 'integer';
  const textual = field.type === undefined || field.type === 'string' || field.type === 'array';
  if (entity.kind === 'money' || entity.kind === 'quantity') {
    if (!numeric && field.type !== undefined) return 0;
    if (
      entity.kind === 'quantity' &&
      entity.unit !== undefined &&
      words.some((w) => entity.unit?.startsWith(w.slice(0, 3)))
    )
      return 1;
    return named ? 0.8 : 0;
  }
  if (!textual) return 0;
  if (
    field.format !== undefined &&
    FORMATS[entity.kind] === undefined &&
    ['email', 'uri', 'date', 'date-time'].includes(field.format)
  ) {
    return 0;
  }
  if (formatted) return named ? 1 : 0.85;
  if (FORMATS[entity.kind] !== undefined && field.format !== undefined) return 0;
  if (entity.kind === 'language') return named ? 1 : 0;
  if (entity.kind === 'id' || entity.kind === 'number') {
    const last = words.at(-1) ?? '';
    return hint.test(last) ? 0.9 : 0;
  }
  return named ? 0.8 : 0;
}

/** The entities inside a character span. */
export function entitiesIn(entities: readonly Entity[], start: number, end: number): Entity[] {
  return entities.filter((e) => e.start >= start && e.end <= end);
}

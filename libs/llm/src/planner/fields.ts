import { type Agent, type JsonSchema } from '@dagwright/workflow';
import { BULK_WORDS, CANONICAL, ENTITY_FORMATS, PARAMETER_WORDS, SHAPE_WORDS } from './field-words.ts';
import { STOPWORDS, splitIdentifier, stem, words } from './text.ts';

/** One top-level property of an agent's input or output schema, read for matching. */
export interface FieldInfo {
  name: string;
  /** Stems of the name's words ("emailBody" → email, bodi). */
  stems: string[];
  /** `stems` with abbreviations and naming synonyms in one spelling ("photoUrls" → image, url). */
  canon: string[];
  /** Stems of the property's description. */
  descriptionStems: string[];
  type: string | undefined;
  itemsType: string | undefined;
  format: string | undefined;
  required: boolean;
  /** An identifier, address, date, number or switch rather than content to work on. */
  entityLike: boolean;
}

/** What an agent consumes and produces, and where it sits in a data flow. */
export interface AgentShape {
  inputs: FieldInfo[];
  outputs: FieldInfo[];
  /** Required inputs that carry content (text, records, documents) rather than parameters. */
  contentInputs: FieldInfo[];
  /** Outputs that carry content a later step could work on. */
  contentOutputs: FieldInfo[];
  /** Needs no content, produces some: where data enters (fetchers, lookups, readers). */
  source: boolean;
  /** Produces no content: where data leaves (senders, writers, publishers). */
  sink: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

/** Reads the top-level properties of a JSON Schema. */
export function readFields(schema: JsonSchema | undefined): FieldInfo[] {
  if (schema === undefined || !isRecord(schema.properties)) return [];
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [],
  );
  return Object.entries(schema.properties).map(([name, raw]) => {
    const property = isRecord(raw) ? raw : {};
    const type = firstType(property);
    const items = isRecord(property.items) ? firstType(property.items) : undefined;
    const format = typeof property.format === 'string' ? property.format : undefined;
    const nameWords = splitIdentifier(name);
    const last = nameWords.at(-1) ?? name.toLowerCase();
    const description = typeof property.description === 'string' ? property.description : '';
    const entityLike =
      (format !== undefined && ENTITY_FORMATS.has(format)) ||
      type === 'boolean' ||
      type === 'number' ||
      type === 'integer' ||
      (type === 'array' && PARAMETER_WORDS.has(last)) ||
      (type !== 'array' && type !== 'object' && PARAMETER_WORDS.has(last)) ||
      (type === 'object' && PARAMETER_WORDS.has(last));
    const stems = nameWords.filter((w) => !STOPWORDS.has(w)).map(stem);
    return {
      name,
      stems,
      canon: stems.map((x) => CANONICAL.get(x) ?? x),
      descriptionStems: words(description)
        .filter((w) => !STOPWORDS.has(w.lower))
        .map((w) => stem(w.lower)),
      type,
      itemsType: items,
      format,
      required: required.has(name),
      entityLike,
    };
  });
}

const shapes = new WeakMap<Agent, AgentShape>();

/** The data-flow shape of an agent (memoized per agent object). */
export function shapeOf(agent: Agent): AgentShape {
  const cached = shapes.get(agent);
  if (cached !== undefined) return cached;
  const inputs = readFields(agent.inputSchema);
  const outputs = readFields(agent.outputSchema);
  const contentInputs = inputs.filter((f) => f.required && !f.entityLike);
  const contentOutputs = outputs.filter((f) => !f.entityLike);
  const shape: AgentShape = {
    inputs,
    outputs,
    contentInputs,
    contentOutputs,
    // A reader takes at most identifiers (an ISBN, a mailbox), never a body of content.
    source: !contentInputs.some(isBulk) && contentOutputs.length > 0,
    sink: contentOutputs.length === 0,
  };
  shapes.set(agent, shape);
  return shape;
}

/** Whether a field carries a body of content (text, records, a document) rather than a short value. */
export function isBulk(field: FieldInfo): boolean {
  if (field.entityLike) return false;
  if (field.type === 'array' || field.type === 'object') return true;
  return field.stems.some((s) => BULK_WORDS.has(s));
}

const PLAIN = new Set(['text', 'content', 'body', 'message', 'input', 'data', 'document'].map(stem));

/** A body of content named for nothing in particular ("text", "body"): any content can fill it. */
export function isPlainContent(field: FieldInfo): boolean {
  return isBulk(field) && field.stems.length > 0 && field.stems.every((s) => PLAIN.has(s));
}

/** JSON types a value of this field can take, for compatibility checks. */
export function typesCompatible(source: FieldInfo, target: FieldInfo): boolean {
  if (source.type === undefined || target.type === undefined) return true;
  if (source.type === target.type) return true;
  return source.type === 'integer' && target.type === 'number';
}

/** A list and one of its items, or a value and a list of such values: usable one by one. */
function itemOf(source: FieldInfo, target: FieldInfo): boolean {
  if (source.type === 'array') return source.itemsType === undefined || source.itemsType === target.type;
  if (target.type === 'array') return target.itemsType === undefined || target.itemsType === source.type;
  return false;
}

/**
 * How much of the target's name the source's name covers, 0 to 1, over the words that say what the
 * value is. The last such word names it ("subjectAddress" is an address) and counts double.
 */
function nameOverlap(source: readonly string[], target: readonly string[]): number {
  const meaningful = (xs: readonly string[]): string[] => xs.filter((x) => !SHAPE_WORDS.has(x));
  const cover = (xs: readonly string[], other: readonly string[]): number => {
    let got = 0;
    let all = 0;
    for (const [i, x] of xs.entries()) {
      const weight = i === xs.length - 1 ? 2 : 1;
      all += weight;
      if (other.includes(x)) got += weight;
    }
    return all === 0 ? 0 : got / all;
  };
  const t = meaningful(target);
  const s = meaningful(source);
  const covered = cover(t, s);
  return covered === 0 ? 0 : 0.75 * covered + 0.25 * cover(s, t);
}

/**
 * How well an output field can stand for an input field, from 0 to 1: same name 1; names that share
 * what the value is ("soilMoisturePct" for "moisturePercent"), a format in common or a description
 * that names the other field score in between; a type that does not fit lowers it.
 */
export function fieldAffinity(source: FieldInfo, target: FieldInfo): number {
  if (source.name === target.name) return 1;
  if (source.name.toLowerCase() === target.name.toLowerCase()) return 0.95;
  let score = 0;
  // Shared words must say what the value is: two ids, two names or two dates are not the same value.
  const overlap = nameOverlap(source.canon, target.canon);
  if (overlap > 0) score = 0.45 + 0.35 * overlap;
  // A description that names the other field ("usable as recordId").
  if (source.descriptionStems.length > 0 && target.stems.length > 0) {
    const joined = stem(target.name.toLowerCase());
    if (source.descriptionStems.includes(joined)) score = Math.max(score, 0.7);
    const inDescription = target.stems.filter((s) => source.descriptionStems.includes(s)).length;
    if (inDescription === target.stems.length) score = Math.max(score, 0.5);
    else if (inDescription > 0) score = Math.max(score, 0.3);
  }
  const reverse = source.stems.filter((s) => target.descriptionStems.includes(s)).length;
  if (reverse > 0) score = Math.max(score, 0.3 + (0.2 * reverse) / source.stems.length);
  if (source.format !== undefined && source.format === target.format) score = Math.max(score, 0.45) + 0.15;
  if (!typesCompatible(source, target)) score *= itemOf(source, target) ? 0.8 : 0.6;
  // An email address is not filled from free text, nor a date from a name.
  if (target.format !== undefined && source.format !== target.format && ENTITY_FORMATS.has(target.format))
    score *= 0.5;
  else if (score === 0 && !source.entityLike && !target.entityLike) score = 0.15;
  return Math.min(score, 0.9);
}

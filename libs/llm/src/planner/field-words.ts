import { ENTITY_FIELD_WORDS } from './lexicon.ts';
import { stem } from './text.ts';

// How schema field names are read: which words mark a parameter rather than content, which only say
// what shape a value has, which mark a body of content, and which spellings name the same thing.
// Plain English naming habits, nothing from any one catalog.

const list = (text: string): string[] => text.trim().split(/\s+/);

/** Last words of a field name that make it a parameter (an address, a limit, a tone), not content. */
export const PARAMETER_WORDS: ReadonlySet<string> = new Set([
  ...ENTITY_FIELD_WORDS,
  ...list(`
    to cc bcc recipient recipients signer signers attendee attendees filter filters rule rules option options
    setting settings config param params limit title tone audience dialect hint sensitivity platforms tags
    keywords categories department salary duration minutes window period table subject headline label project
    service reason fields columns keys
  `),
]);

/** Field words that say what shape a value has, not what it is: two ids are not the same id. */
export const SHAPE_WORDS: ReadonlySet<string> = new Set(
  list('id ids key number no num name type count date time url uri link at code value status').map(stem),
);

/** Formats of values that identify or address something rather than carry content. */
export const ENTITY_FORMATS: ReadonlySet<string> = new Set(
  list('email idn-email uri url date date-time time uuid hostname ipv4'),
);

/** Field words that mark a body of content (text, a document, findings). */
export const BULK_WORDS: ReadonlySet<string> = new Set(
  list(`
    text body content message description summary note notes context transcript document article draft reply
    comment report letter copy material question prompt query html markdown findings analysis explanation
    profile narrative remarks story essay manuscript abstract feedback caption writeup slides
  `).map(stem),
);

/**
 * Spellings that name the same value in field names, the canonical one first: abbreviations ("pct",
 * "qty", "img") and the synonyms schemas use interchangeably ("photoUrls" and "imageUrls").
 */
const FIELD_SYNONYMS: readonly string[] = [
  'image photo picture pic img snapshot',
  'percent pct percentage',
  'quantity qty',
  'description desc',
  'address addr location',
  'latitude lat',
  'longitude lon lng',
  'message msg',
  'document doc manuscript',
  'reference ref citation',
  'amount amt',
  'temperature temp',
  'square sq',
  'feet ft foot',
  'comment response feedback remark',
  'summary digest overview synopsis',
  'theme topic',
  'url link uri href',
  'email mail',
  'phone mobile cell msisdn',
  'reason justification explanation rationale',
  'title headline',
  'reading measurement sample observation',
  'device host machine',
  'guest attendee invitee participant',
  'cost price fee charge quote',
];

/** Stem → canonical stem of its synonym group. */
export const CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of FIELD_SYNONYMS) {
    const [first, ...rest] = list(group).map(stem);
    if (first === undefined) continue;
    for (const other of rest) if (!map.has(other)) map.set(other, first);
  }
  return map;
})();

import { describe, expect, it } from 'vitest';
import { cuesOf } from './cues.ts';
import { type FieldInfo, fieldAffinity, readFields } from './fields.ts';
import { headOf } from './head.ts';
import { scopeNegations } from './negation.ts';
import { segment } from './segment.ts';
import { stem } from './text.ts';

// How the planner reads phrasings no benchmark case was tuned for: negations that rule out only an
// aside, verbs that come after their object, approvals said in passing, and fields named differently
// by the agent that produces a value and the one that takes it.

const clauses = (text: string) => scopeNegations(segment(text, text));

describe('scopeNegations', () => {
  it('negates only the aside when the action comes first', () => {
    const read = clauses(
      'Search the scholarly index (not arXiv) for papers on fish, then summarize each one.',
    );
    expect(read.map((c) => [c.masked.replace(/\s+/g, ' '), cuesOf(c).negated])).toEqual([
      ['Search the scholarly index ( ) for papers on fish', false],
      ['not arXiv', true],
      ['then summarize each one', false],
    ]);
  });

  it('reads "nobody should" and work the user keeps for themselves as ruling a step out', () => {
    const negated = (text: string) => clauses(text).map((c) => cuesOf(c).negated);
    expect(negated("It's only a warning, so nobody should get paged.")).toContain(true);
    expect(negated("I'll send the email from my own inbox.")).toEqual([true]);
    expect(negated("we'll do the screening ourselves")).toEqual([true]);
    expect(negated("I'll review the draft before it goes out.")).toEqual([false, false]);
  });

  it('keeps a negation that governs the verb over the whole clause', () => {
    const read = clauses("Don't book the venue, I'll handle that myself.");
    expect(read.map((c) => cuesOf(c).negated)).toEqual([true]);
  });
});

describe('headOf, for verbs after their object', () => {
  it('reads reduced passives, "go out" and "go up", and verbs after a leading phrase', () => {
    expect(headOf('comps pulled for its address')?.stems).toEqual([stem('pull')]);
    expect(headOf('its warranty status checked with the manufacturer afterwards')?.stems).toEqual([
      stem('check'),
    ]);
    expect(headOf("I'd like the photos described")?.stems).toEqual([stem('describe')]);
    expect(headOf('invitations go out only after the booking')?.stems).toContain(stem('send'));
    expect(headOf('before it goes up on the MLS')?.stems).toContain(stem('publish'));
    expect(headOf('for each one look up the asset record')?.stems).toContain(stem('lookup'));
    expect(headOf('get a text when it is done')?.stems).toEqual([stem('text')]);
  });

  it('does not read an active past tense with an object, or a subject before a modal, as a request', () => {
    expect(headOf('A grower sent a single leaf photo')).toBeUndefined();
    expect(headOf('Grades must not be published yet')?.stems).toEqual([stem('publish')]);
  });
});

describe('approval cues', () => {
  const approvals = (text: string) => segment(text, text).filter((c) => cuesOf(c).approval).length;

  it('hears an approval asked for in passing', () => {
    expect(approvals("Raise the request - that needs a manager's OK before it's filed.")).toBe(1);
    expect(approvals('Book the venue, but finance needs to OK the booking first.')).toBe(1);
    expect(approvals('Email the deck to the exec, but let me look at it first.')).toBe(1);
    expect(approvals('Let legal review the letter before it goes out.')).toBe(1);
  });

  it('does not take a review asked for as a product, or a lookup, for an approval', () => {
    expect(approvals('For the renewal I need a short lit review on soil carbon.')).toBe(0);
    expect(approvals('Its warranty status is checked with the manufacturer afterwards.')).toBe(0);
    expect(approvals('The cheap estimate is ok.')).toBe(0);
  });
});

describe('fieldAffinity', () => {
  const field = (name: string, type: string, items?: string): FieldInfo => {
    const [info] = readFields({
      type: 'object',
      properties: { [name]: { type, ...(items === undefined ? {} : { items: { type: items } }) } },
    });
    if (info === undefined) throw new Error(`no field ${name}`);
    return info;
  };

  it('matches fields named with abbreviations, synonyms or extra modifiers', () => {
    expect(
      fieldAffinity(field('soilMoisturePct', 'number'), field('moisturePercent', 'number')),
    ).toBeGreaterThan(0.7);
    expect(
      fieldAffinity(field('photoUrls', 'array', 'string'), field('imageUrls', 'array', 'string')),
    ).toBeGreaterThan(0.7);
    expect(fieldAffinity(field('address', 'string'), field('subjectAddress', 'string'))).toBeGreaterThan(0.6);
    // A list of serials feeds a serial number one at a time.
    expect(
      fieldAffinity(field('missingSerials', 'array', 'string'), field('serialNumber', 'string')),
    ).toBeGreaterThan(0.6);
  });

  it('does not match two values that share only their shape', () => {
    expect(fieldAffinity(field('orderId', 'string'), field('customerId', 'string'))).toBe(0);
    expect(fieldAffinity(field('startDate', 'string'), field('dueDate', 'string'))).toBe(0);
  });
});

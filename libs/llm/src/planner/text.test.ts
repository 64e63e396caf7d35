import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.ts';
import { headOf } from './head.ts';
import { segment } from './segment.ts';
import { editDistance, stem } from './text.ts';

describe('stem', () => {
  it('brings inflections of one word to one stem', () => {
    expect(new Set(['summarize', 'summary', 'summarizer', 'summaries'].map(stem)).size).toBe(1);
    expect(new Set(['translate', 'translation', 'translator'].map(stem)).size).toBe(1);
    expect(stem('sent')).toBe(stem('send'));
    expect(stem('findings')).not.toBe(stem('find'));
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops past the cap', () => {
    expect(editDistance('score', 'scroe', 1)).toBe(1);
    expect(editDistance('transcript', 'transcirpt', 1)).toBe(1);
    expect(editDistance('order', 'ledger', 1)).toBe(2);
  });
});

describe('extractEntities', () => {
  it('finds the values a statement carries, with the word that labels them', () => {
    const found = extractEntities(
      'Email cfo@acme.com the file at s3://bucket/a.csv, post in #ops, translate into German, order 77120.',
    );
    expect(found.map((e) => [e.kind, e.value])).toEqual([
      ['email', 'cfo@acme.com'],
      ['url', 's3://bucket/a.csv'],
      ['channel', '#ops'],
      ['language', 'de'],
      ['number', '77120'],
    ]);
    expect(found.at(-1)?.label).toBe('order');
  });
});

describe('headOf', () => {
  it('finds the verb of imperatives, light verbs, passives and phrasal verbs', () => {
    expect(headOf('post the findings in #x')?.stems).toEqual([stem('post')]);
    expect(headOf('run anomaly detection on them')?.stems).toEqual([stem('detection')]);
    expect(headOf("before it's emailed to the CFO")?.stems).toEqual([stem('emailed')]);
    expect(headOf('write each score back onto its record')?.stems).toContain(stem('update'));
    expect(headOf('Order #88123 looks suspicious')).toBeUndefined();
  });
});

describe('segment', () => {
  it('splits at actions and keeps order and parallel words with their clause', () => {
    const text = 'Pull the leads, score them and then email the top ones. Separately, post a note.';
    const clauses = segment(text, text).map((c) => [c.connector, c.text]);
    expect(clauses).toEqual([
      ['', 'Pull the leads'],
      ['', 'score them'],
      ['and then', 'and then email the top ones'],
      ['separately', 'post a note'],
    ]);
  });
});

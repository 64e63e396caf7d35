/**
 * What can honestly be done with text without a language model: extractive summaries (sentences scored by
 * term frequency), keyword classification and pattern extraction. Pure functions.
 */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

/** Lower-cased words (letters, digits, apostrophes) of `text`. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** The highest-scoring sentences by term frequency, in their original order. */
export function summarize(text: string, sentences: number): string {
  // A sentence ends at . ! or ? followed by white space or the end, so "sam@example.com" or "3.5" stay whole.
  const parts = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length <= sentences) return parts.join(' ');
  const frequency = new Map<string, number>();
  for (const w of words(text)) if (!STOPWORDS.has(w)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const scored = parts.map((sentence, index) => {
    const ws = words(sentence).filter((w) => !STOPWORDS.has(w));
    const score = ws.reduce((sum, w) => sum + (frequency.get(w) ?? 0), 0) / Math.max(1, ws.length);
    return { sentence, index, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, sentences)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.sentence)
    .join(' ');
}

/** The label whose keywords occur most often (ties: first declared); `fallback` when none occurs. */
export function classify(
  text: string,
  labels: Record<string, string[]>,
  fallback: string,
): { label: string; scores: Record<string, number> } {
  const ws = words(text);
  const scores = Object.fromEntries(
    Object.entries(labels).map(([label, keywords]) => [
      label,
      ws.filter((w) => keywords.map((k) => k.toLowerCase()).includes(w)).length,
    ]),
  );
  const best = Object.entries(scores).reduce<[string, number]>(
    (top, entry) => (entry[1] > top[1] ? entry : top),
    [fallback, 0],
  );
  return { label: best[0], scores };
}

/** The entity kinds `extract` knows, with the pattern of each. */
export const ENTITY_PATTERNS: Readonly<Record<string, RegExp>> = {
  // The domain ends on a letter or digit, so the full stop of a sentence is not part of the address.
  emails: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // A URL does not end on punctuation that usually closes the sentence around it.
  urls: /https?:\/\/[^\s"'<>]*[^\s"'<>.,;:!?)]/g,
  phones: /\+?\d[\d\s().-]{7,}\d/g,
  amounts: /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP))/g,
  dates: /\b\d{4}-\d{2}-\d{2}\b/g,
};

/** Entities found by pattern, of the requested kinds (unknown kinds are left out). */
export function extract(text: string, kinds: string[]): Record<string, string[]> {
  return Object.fromEntries(
    kinds
      .filter((k) => k in ENTITY_PATTERNS)
      .map((k) => [k, [...new Set(text.match(ENTITY_PATTERNS[k] ?? /$^/g) ?? [])]]),
  );
}

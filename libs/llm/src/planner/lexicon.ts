// General English lexicons the planner reads statements with. Nothing here names an agent, a domain
// or a sentence of any benchmark: only how English marks actions, negation, order, parallelism and
// approval.

import { stem } from './text.ts';

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));
const stems = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/).map(stem));

/**
 * Verbs that start an action in a request ("pull the leads", "email it", "risk-assess them").
 * Used to find where one step ends and the next begins, and which word heads a step.
 */
export const ACTION_VERB_WORDS: readonly string[] = `
  add aggregate alert allocate analyze anonymize append approve archive arrange assess assign attach audit
  book build bump calculate call cancel capture categorize change charge check classify clean close collect
  combine compare compile compose compute condense confirm convert copy correct count create deduplicate dedupe
  delete deliver deploy describe detect diagnose digest dispatch download draft drop edit email enrich escalate
  estimate evaluate execute export extract fetch figure file fill filter find fix flag forward generate geocode
  grab get grade group identify import inform insert invite issue label list load localize locate log look lookup
  mail make map mark mask match measure merge message migrate monitor move normalize notify ocr open optimize order
  page parse pay ping plan post predict prepare print prioritize process produce proofread publish pull purge push
  put query raise rank rate read recap recommend reconcile record redact refund regenerate register reject
  release remind remove render reorder repair replace reply report request reroute rerun rescreen reschedule
  reserve resize resolve restart retrieve return review revise rewrite roll rollback route run save scan
  schedule score scrape screen scrub search segment select send set share sign simulate sort spell split store
  strip submit suggest summarize sync tag test text track transcribe transfer transform translate triage trigger
  update upload upsert validate verify vet write
  appraise discover examine forecast format inspect investigate quarantine quote retire synthesize wipe
`
  .trim()
  .split(/\s+/);

/** Stems of `ACTION_VERB_WORDS`. */
export const ACTION_VERBS: ReadonlySet<string> = new Set(ACTION_VERB_WORDS.map(stem));

/** Verbs that say what the user wants back, not a step an agent performs ("tell me", "give me"). */
export const META_VERBS: ReadonlySet<string> = stems(`
  tell give show let need want have take use see know say keep help like try go come do be
`);

/**
 * Groups of verbs that mean much the same action; a step's head verb also matches its group.
 * Kept to plain English synonymy so it carries over to any catalog.
 */
export const VERB_GROUPS: readonly (readonly string[])[] = [
  ['send', 'email', 'mail', 'deliver', 'forward', 'dispatch'],
  ['post', 'share', 'announce', 'broadcast', 'message', 'ping', 'drop'],
  ['notify', 'alert', 'inform', 'ping', 'page', 'remind', 'text', 'sms'],
  ['fetch', 'get', 'grab', 'pull', 'retrieve', 'download', 'read', 'load', 'collect', 'gather', 'obtain'],
  ['find', 'search', 'look', 'lookup', 'query', 'locate', 'list'],
  ['create', 'open', 'raise', 'file', 'log', 'register', 'add', 'make'],
  ['write', 'draft', 'compose', 'generate', 'produce', 'prepare', 'author', 'create'],
  ['summarize', 'condense', 'recap', 'digest', 'shorten'],
  ['check', 'verify', 'validate', 'confirm', 'vet', 'inspect', 'test'],
  ['classify', 'categorize', 'sort', 'triage', 'label', 'tag', 'group', 'bucket'],
  ['analyze', 'assess', 'evaluate', 'examine', 'review', 'inspect', 'diagnose', 'investigate'],
  ['detect', 'identify', 'spot', 'flag', 'find'],
  ['translate', 'localize'],
  ['update', 'change', 'set', 'modify', 'edit', 'mark', 'push', 'amend'],
  ['schedule', 'book', 'plan', 'arrange', 'reserve'],
  ['remove', 'delete', 'strip', 'purge', 'redact', 'mask', 'scrub', 'anonymize', 'drop'],
  ['deduplicate', 'dedupe'],
  ['score', 'rank', 'rate', 'prioritize', 'grade'],
  ['save', 'store', 'load', 'insert', 'append', 'upload', 'persist', 'copy', 'put', 'upsert'],
  ['pay', 'settle', 'remit'],
  ['refund', 'reimburse'],
  ['run', 'execute', 'perform'],
  ['compare', 'match', 'reconcile', 'screen'],
  ['extract', 'parse', 'capture', 'pull'],
  ['convert', 'transform', 'turn', 'transcribe'],
  ['rollback', 'revert', 'undo', 'roll'],
  ['publish', 'post', 'release'],
];

/** Stemmed verb → stems of the verbs it is synonymous with (itself included). */
export const SYNONYMS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of VERB_GROUPS) {
    const stemmed = group.map(stem);
    for (const s of stemmed) {
      const entry = map.get(s) ?? new Set<string>();
      for (const other of stemmed) entry.add(other);
      map.set(s, entry);
    }
  }
  return map;
})();

/** Words close enough in meaning that one in a request should find an agent described with another. */
export const RELATED_GROUPS: readonly (readonly string[])[] = [
  [
    'upset',
    'angry',
    'annoyed',
    'frustrated',
    'furious',
    'happy',
    'unhappy',
    'pleased',
    'satisfied',
    'disappointed',
    'mood',
    'tone',
    'feeling',
    'emotion',
    'emotional',
    'sentiment',
  ],
  ['issue', 'problem', 'bug', 'incident', 'error', 'failure', 'outage', 'defect'],
  ['cv', 'resume', 'résumé'],
];

/** Stemmed word → stems of related words. */
export const RELATED: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of RELATED_GROUPS) {
    const stemmed = group.map(stem);
    for (const s of stemmed) map.set(s, new Set(stemmed.filter((o) => o !== s)));
  }
  return map;
})();

/** Words that negate what follows them in a clause. */
export const NEGATORS: ReadonlySet<string> = set(`
  don't dont do-not doesn't didn't never not no without skip skipping avoid won't shouldn't mustn't can't cannot
  nothing none neither nor instead rather hold-off omit exclude excluding except
`);

/** Phrases that make everything after them in the clause unwanted. */
export const NEGATION_PHRASES: readonly RegExp[] = [
  /\b(?:do not|don't|dont|does not|doesn't|did not|didn't|should not|shouldn't|must not|mustn't|won't|will not|cannot|can't|never)\b/i,
  /\bno need (?:to|for)\b/i,
  /\b(?:nobody|no one|no-one)\b/i,
  // "I'll send it from my own inbox", "we'll do the screening ourselves": the user does that part.
  /^\s*(?:(?:and|but|so)\s+)?(?:i|we)(?:'ll| will| am going to| are going to)\s+(?!need|want|like|have|be\b|get you|let you|review|approv|check|sign|look|confirm|vet|ok|give|decide|take)\w+/i,
  /\b(?:ourselves|myself)\b/i,
  /\b(?:without|skip|skipping|avoid|avoiding|omit|leave out|hold off on|instead of|rather than|no more|not)\b/i,
  /\bleave (?:it|them|that|this|those|these) out\b/i,
  /^\s*(?:no|nothing|none)\b/i,
  /\bno (?=[a-z])/i,
  /\b(?:is|are) not (?:needed|required|necessary)\b/i,
  /\bnot (?:needed|required|necessary)\b/i,
];

/** Connectors that put a clause after what came before it. */
export const SEQUENCE_CUES: readonly RegExp[] = [
  /^(?:and\s+)?then\b/i,
  /^(?:and\s+)?(?:after that|afterwards|afterward|next|finally|lastly|subsequently|later|thereafter|following that|at the end)\b/i,
  /^(?:and\s+)?(?:once|when|after|as soon as|upon|following|whenever)\b/i,
];

/** Connectors that say a clause runs alongside, not after, the one before it. */
export const PARALLEL_CUES: readonly RegExp[] = [
  /\b(?:separately|in parallel|meanwhile|in the meantime|at the same time|simultaneously|concurrently|independently|on the side|alongside|in addition|additionally)\b/i,
  /^(?:and\s+)?(?:also|while)\b/i,
  /\bwhile (?:that|this|those|these|it|they) (?:runs?|happens?|is running|are running|goes on)\b/i,
];

/** Words saying a step works on the untouched input rather than the latest result. */
export const ORIGINAL_CUES: ReadonlySet<string> = set(
  'original raw initial unprocessed untouched source uncleaned',
);

/** Words saying data comes with the request, so no step has to fetch it. */
export const INLINE_CUES: readonly RegExp[] = [
  /\b(?:below|underneath|attached|enclosed|pasted|pasting|included|inline|following text|as follows)\b/i,
  /\bhere(?:'s| is| are)\b/i,
  /\bi(?:'m| am) (?:pasting|sending|attaching|sharing)\b/i,
];

/** Words that always mean a person must approve. */
export const STRONG_APPROVAL: readonly RegExp[] = [
  /\b(?:approv\w*|sign(?:s|ed|ing)?[- ]?off|sign-?off|green[- ]?light\w*|okays?|okayed|ok's|o\.k\.|signs? it off)\b/i,
  // "check with me", "checks with the controller"; "its status checked with the manufacturer" is a lookup.
  /\bcheck(?:s)? with (?:me|us|him|her|them|the \w+|my \w+|our \w+)\b|\bchecked with (?:me|us)\b/i,
  /\brun (?:it|them|this|that|these|those) (?:by|past) (?:me|us|\w+)\b/i,
  /\b(?:wait|hold|pause) for (?:me|my|our|a human|someone|the \w+|\w+'s) (?:approval|review|ok|go-ahead|confirmation|sign-?off)?\b/i,
  /\bgo-?ahead\b/i,
  // "a manager's OK", "finance needs to OK the booking": OK as a noun or a verb, not "that's ok".
  /(?:'s|\b(?:an?|the|my|our|your|his|her|their|to|must|should|will|can))\s+(?:ok|okay)\b(?!\s+(?:with|for|if|to)\b)/i,
];

/** Review words that mean a person approves when a person is their subject ("I'll review the draft"). */
export const WEAK_APPROVAL =
  /\b(?:review(?:s|ed|ing)?|look(?:s|ed)? (?:over|at)|vet(?:s|ted)?|confirm(?:s|ed)?|check(?:s|ed)?|sees?|seeing)\b/;

/** A person as the subject of a review verb, or a review done by a person. */
export const HUMAN_REVIEW: readonly RegExp[] = [
  // The person is the verb's subject ("I'll review", "let me look at it", "we want to see"), not
  // the one who asks for a review as a product ("I need a short lit review").
  /\b(?:i|we|i'll|we'll|i'd|we'd|let me|let us|someone|somebody|a human|a person|humans?)(?:\s+(?:will|would|shall|should|must|can|could|want|wants|need|needs|have|has|like|get|gets|first|also|then|personally|quickly|always|to))*\s+(?:review|look over|look at|vet|confirm|check|see)\w*/i,
  /\blet\s+(?:the\s+|our\s+|my\s+|a\s+)?[\w-]+\s+(?:review|look over|look at|vet|check over|sign off)\b/i,
  /\b(?:must|has to|have to|needs? to|should|will|shall|gets? to|wants? to|is to|are to)\s+(?:first\s+)?(?:review|look over|vet|confirm|see|check over)\b/i,
  /\b(?:for|after|pending|awaiting|under|until)\s+(?:my|our|a|human|manual|legal|his|her|their|\w+'s)\s+(?:review|sign-?off|ok|approval)\b/i,
  /\b(?:reviewed|vetted|checked|confirmed) by (?:me|us|a|an|the|my|our|someone|\w+)\b/i,
  /\bhuman[- ]in[- ]the[- ]loop\b/i,
];

/** Language names (and a few demonyms used as languages) → ISO 639-1 codes. */
export const LANGUAGES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    english: 'en',
    german: 'de',
    french: 'fr',
    spanish: 'es',
    portuguese: 'pt',
    italian: 'it',
    dutch: 'nl',
    japanese: 'ja',
    chinese: 'zh',
    mandarin: 'zh',
    korean: 'ko',
    russian: 'ru',
    arabic: 'ar',
    hindi: 'hi',
    polish: 'pl',
    swedish: 'sv',
    norwegian: 'no',
    danish: 'da',
    finnish: 'fi',
    turkish: 'tr',
    greek: 'el',
    hebrew: 'he',
    czech: 'cs',
    hungarian: 'hu',
    romanian: 'ro',
    ukrainian: 'uk',
    vietnamese: 'vi',
    thai: 'th',
    indonesian: 'id',
    malay: 'ms',
    catalan: 'ca',
    bulgarian: 'bg',
    croatian: 'hr',
    serbian: 'sr',
    slovak: 'sk',
    slovenian: 'sl',
    estonian: 'et',
    latvian: 'lv',
    lithuanian: 'lt',
    persian: 'fa',
    urdu: 'ur',
    bengali: 'bn',
    tagalog: 'tl',
    swahili: 'sw',
  }),
);

/** Field-name words that mark an identifier-like value (an id, an address, a date) rather than content. */
export const ENTITY_FIELD_WORDS: ReadonlySet<string> = set(`
  id ids key keys number no num code url uri link links href email emails address phone mobile channel handle
  date time at since until start end day timestamp ts language locale lang currency type mode status format
  name kind level priority severity sku skus count total amount price version region country zone ref reference
  confirmation
`);

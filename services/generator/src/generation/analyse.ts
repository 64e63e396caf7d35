import type { Agent, Graph } from '@dagwright/workflow';

/** How demanding a problem is. */
export type Complexity = 'simple' | 'moderate' | 'complex';

/** What the generator learns about a problem before planning it. */
export interface ProblemAnalysis {
  /** The domain most of the relevant agents work in ("general" when none stands out). */
  domain: string;
  complexity: Complexity;
  /** Distinct steps the statement seems to ask for (clauses with an action). */
  stepsMentioned: number;
}

const WORD = /[a-z][a-z0-9-]+/g;
const STOP = new Set(
  'the and for with that this from into then than them they their there what when where which while will would could should about after before please also just only your you our its are was were been have has had can may not but any all each other some such'.split(
    ' ',
  ),
);

/** Lower-case content words of a text (no stop words, no one-letter words). */
export function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w)));
}

/** Clause boundaries: sentence ends, semicolons, and the connectives that start a new step. */
const CLAUSES = /[.;!?]+|,?\s+(?:then|and then|after that|afterwards|finally|next|once)\s+|,\s+and\s+/i;

/**
 * Picks the domain by the agents whose own words (name, capabilities) the statement uses, and rates
 * complexity by the number of steps asked for; the plan refines both (see `refine`).
 */
export function analyse(statement: string, agents: readonly Agent[]): ProblemAnalysis {
  const words = contentWords(statement);
  const votes = new Map<string, number>();
  for (const agent of agents) {
    const own = contentWords(`${agent.name} ${agent.capabilities.join(' ')}`);
    let overlap = 0;
    for (const w of own) if (words.has(w)) overlap++;
    if (overlap === 0) continue;
    for (const domain of agent.domains) votes.set(domain, (votes.get(domain) ?? 0) + overlap);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const stepsMentioned = statement.split(CLAUSES).filter((c) => contentWords(c).size >= 2).length;
  return { domain: ranked[0]?.[0] ?? 'general', complexity: complexityOf(stepsMentioned, 0), stepsMentioned };
}

function complexityOf(steps: number, branches: number): Complexity {
  if (steps >= 6 || branches >= 3) return 'complex';
  if (steps >= 3 || branches >= 2) return 'moderate';
  return 'simple';
}

/** Complexity once the graph is known: its size and how many branches run side by side. */
export function refine(analysis: ProblemAnalysis, graph: Graph): ProblemAnalysis {
  const fanOut = Math.max(0, ...graph.nodes.map((n) => graph.edges.filter((e) => e.from === n.id).length));
  const steps = Math.max(analysis.stepsMentioned, graph.nodes.length);
  return { ...analysis, complexity: complexityOf(steps, fanOut) };
}

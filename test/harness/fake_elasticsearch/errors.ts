/**
 * Errors as Elasticsearch writes them: `{ error: { root_cause, type, reason }, status }`
 * (elastic/elasticsearch:server/src/main/java/org/elasticsearch/ElasticsearchException.java,
 * `generateFailureXContent`). ES|QL's own failures carry `line L:C:` positions, 1-based, counted in
 * the query text as sent.
 */

export interface SourcePosition {
  line: number;
  column: number;
}

export function esErrorBody(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}

export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly reason: string
  ) {
    super(reason);
  }

  body() {
    return esErrorBody(this.status, this.type, this.reason);
  }
}

export function at(position: SourcePosition): string {
  return `line ${position.line}:${position.column}: `;
}

/** A syntax error, reported by the parser with the position of the offending token. */
export function parsingError(position: SourcePosition, message: string): EsError {
  return new EsError(400, 'parsing_exception', `${at(position)}${message}`);
}

/**
 * What the analyzer found wrong, all at once, as ES's VerificationException words it:
 * "Found 1 problem\nline 1:25: Unknown column [x]" (esql `analysis/VerificationException.java`).
 */
export function verificationError(problems: string[]): EsError {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return new EsError(
    400,
    'verification_exception',
    `Found ${problems.length} ${noun}\n${problems.join('\n')}`
  );
}

/**
 * A construct Elasticsearch accepts but this fake does not model. It is refused loudly, under a
 * type no real cluster sends, so a test can never mistake it for an answer.
 */
export const UNSUPPORTED_TYPE = 'fake_elasticsearch_unsupported_exception';

export function unsupported(position: SourcePosition | undefined, construct: string): EsError {
  const where = position ? at(position) : '';
  return new EsError(
    400,
    UNSUPPORTED_TYPE,
    `${where}the fake Elasticsearch does not model ${construct}; extend the interpreter (test/harness/fake_elasticsearch) before relying on it`
  );
}

/**
 * Lucene's LevenshteinDistance similarity (1 - edits / longer length), which ES uses to suggest
 * names: matches scoring at least 0.5, best first (esql-core `util/StringUtils.findSimilar`).
 */
export function findSimilar(name: string, candidates: Iterable<string>): string[] {
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const longest = Math.max(name.length, candidate.length);
    if (longest === 0) continue;
    const score = 1 - editDistance(name, candidate) / longest;
    if (score >= 0.5) scored.push({ candidate, score });
  }
  // ES sorts a hash set, so ties come in no defined order; here they are alphabetical.
  return scored
    .sort((a, b) => b.score - a.score || (a.candidate < b.candidate ? -1 : 1))
    .map((entry) => entry.candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** "…, did you mean [x]?" or "…, did you mean any of [x, y]?" as ES appends it. */
export function didYouMean(matches: string[]): string {
  if (matches.length === 0) return '';
  return matches.length === 1
    ? `, did you mean [${matches[0]}]?`
    : `, did you mean any of [${matches.join(', ')}]?`;
}

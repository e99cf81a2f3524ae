/**
 * Runtime failures do not fail an ES|QL query: the value becomes null and the response carries
 * `Warning` headers, two per failing expression and failure kind (ES|QL docs, "ES|QL multivalued
 * fields": `Line 1:16: evaluation of [b + 2] failed, treating result as null. Only first 20
 * failures recorded.` then `Line 1:16: java.lang.IllegalArgumentException: single-value function
 * encountered multi-value`). The header value is RFC 7234's `299 Elasticsearch-<version>-<hash>
 * "<text>"` (elastic/elasticsearch:server/src/main/java/org/elasticsearch/common/logging/
 * HeaderWarning.java).
 */
import type { SourcePosition } from './errors';

/** What the fake reports as its version in warnings and on `GET /`. */
export const FAKE_ES_VERSION = '9.3.0';
/** A build hash of the right shape (HeaderWarning.WARNING_HEADER_PATTERN wants 7 or 40 hex). */
const FAKE_BUILD_HASH = '0000000000000000000000000000000000000000';
const MAX_RECORDED_FAILURES = 20;

export const MULTI_VALUE_FAILURE =
  'java.lang.IllegalArgumentException: single-value function encountered multi-value';

export interface FailureSite {
  position: SourcePosition;
  text: string;
}

export class Warnings {
  private readonly messages: string[] = [];
  private readonly seen = new Set<string>();
  private readonly failures = new Map<string, number>();

  private add(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.messages.push(message);
  }

  /**
   * A value treated as null at `site` because of `failure` (a Java exception's text); a CASE
   * condition is treated as false instead.
   */
  failed(site: FailureSite, failure: string, treatedAs: 'null' | 'false' = 'null'): void {
    const where = `Line ${site.position.line}:${site.position.column}: `;
    const key = `${where}${site.text}`;
    const count = this.failures.get(key) ?? 0;
    this.failures.set(key, count + 1);
    if (count === 0) {
      this.add(
        `${where}evaluation of [${site.text}] failed, treating result as ${treatedAs}. Only first ${MAX_RECORDED_FAILURES} failures recorded.`
      );
    }
    if (count < MAX_RECORDED_FAILURES) this.add(`${where}${failure}`);
  }

  /** A warning that is not an evaluation failure (e.g. the implicit LIMIT). */
  note(message: string): void {
    this.add(message);
  }

  texts(): string[] {
    return [...this.messages];
  }

  /** `Warning` header values as Elasticsearch formats them. */
  headers(): string[] {
    return this.messages.map(
      (message) =>
        `299 Elasticsearch-${FAKE_ES_VERSION}-${FAKE_BUILD_HASH} "${message.replace(/(["\\])/g, '\\$1')}"`
    );
  }
}

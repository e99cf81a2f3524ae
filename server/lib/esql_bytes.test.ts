import { gzipSync } from 'zlib';
import fc from 'fast-check';
import { errors } from '@elastic/elasticsearch';
import { Readable } from 'stream';
import {
  envelope,
  readAnswerBytes,
  readMember,
  scanEsqlBody,
  MAX_JSON_DEPTH,
  NOTES_HEADROOM_BYTES,
} from './esql_bytes';

/** What `scanEsqlBody` must accept, decided by JSON.parse and plain checks. */
function acceptable(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { values } = value as { values?: unknown };
  return values === undefined || (Array.isArray(values) && values.every(Array.isArray));
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

const answer = fc.record(
  {
    id: fc.string(),
    is_running: fc.boolean(),
    took: fc.nat(),
    columns: fc.array(fc.record({ name: fc.string(), type: fc.constantFrom('keyword', 'long') })),
    values: fc.array(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 6 }), { maxLength: 30 }),
    _clusters: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['values'] }
);

describe('scanEsqlBody', () => {
  it('counts the rows and finds each top-level member, however the answer is spaced', () => {
    fc.assert(
      fc.property(answer, fc.constantFrom(undefined, 1, '\t'), (body, space) => {
        const bytes = Buffer.from(JSON.stringify(body, null, space), 'utf8');
        const scan = scanEsqlBody(bytes);
        expect(scan.rows).toBe(body.values.length);
        for (const [name, value] of Object.entries(body)) {
          expect(readMember(bytes, scan, name)).toEqual(JSON.parse(JSON.stringify(value)));
        }
        expect([...scan.members.keys()].sort()).toEqual(Object.keys(body).sort());
      })
    );
  });

  it('accepts exactly what JSON.parse reads as an object whose values are rows', () => {
    const texts = fc.oneof(
      fc.json({ maxDepth: 4 }),
      answer.map((body) => JSON.stringify(body)),
      // Damaged answers: a byte removed, or replaced by one that matters to JSON.
      fc
        .tuple(
          answer.map((body) => JSON.stringify(body)),
          fc.nat(),
          fc.constantFrom('', '"', ',', ']', '}', '[', '{', ':', '\\', '\n', '1', 'x', '-', '.')
        )
        .map(([text, at, by]) => {
          const index = at % Math.max(1, text.length);
          return text.slice(0, index) + by + text.slice(index + 1);
        })
    );
    fc.assert(
      fc.property(texts, (text) => {
        fc.pre(depthOf(safeParse(text)) <= MAX_JSON_DEPTH);
        let accepted: boolean;
        try {
          scanEsqlBody(Buffer.from(text, 'utf8'));
          accepted = true;
        } catch (error) {
          expect((error as Error).name).toBe('MalformedResponseError');
          accepted = false;
        }
        expect(accepted).toBe(acceptable(text));
      }),
      { numRuns: 1_000 }
    );
  });

  it('refuses nesting deeper than any ES|QL answer', () => {
    const deep = `{"a":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(() => scanEsqlBody(Buffer.from(deep))).toThrow('nested too deeply');
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('envelope', () => {
  it('puts the answer’s bytes, unchanged, beside the notes', () => {
    const esql = { columns: [{ name: 'a', type: 'keyword' }], values: [['x'], ['y']], took: 3 };
    const raw = Buffer.from(JSON.stringify(esql));
    const body = envelope({ outcome: 'ok', limit: 1 }, raw);
    expect(body.bytes.subarray(body.bytes.length - raw.length - 1, -1).equals(raw)).toBe(true);
    expect(JSON.parse(body.bytes.toString())).toEqual({ outcome: 'ok', limit: 1, esql });
    expect(JSON.parse(envelope({}, raw).bytes.toString())).toEqual({ esql });
  });
});

describe('envelope around bytes read from Elasticsearch', () => {
  const esql = { columns: [{ name: 'a', type: 'keyword' }], values: [['x']] };

  it('writes the notes in front of the bytes it read, and again when asked twice', async () => {
    const raw = await readAnswerBytes({ body: Readable.from([JSON.stringify(esql)]) });
    const first = envelope({ outcome: 'ok' }, raw);
    expect(JSON.parse(first.bytes.toString())).toEqual({ outcome: 'ok', esql });
    expect(JSON.parse(envelope({ outcome: 'again' }, raw).bytes.toString())).toEqual({
      outcome: 'again',
      esql,
    });
    expect(JSON.parse(first.bytes.toString())).toEqual({ outcome: 'ok', esql });
  });

  it('notes longer than the room kept for them are copied in front instead', async () => {
    const raw = await readAnswerBytes({ body: JSON.stringify(esql) });
    const query = 'q'.repeat(NOTES_HEADROOM_BYTES);
    expect(JSON.parse(envelope({ query }, raw).bytes.toString())).toEqual({ query, esql });
  });
});

describe('readAnswerBytes', () => {
  it('reads a stream, a string and a gzipped body alike', async () => {
    const text = '{"values":[[1]]}';
    const chunks = Readable.from([Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))]);
    expect((await readAnswerBytes({ body: chunks, statusCode: 200 })).toString()).toBe(text);
    expect((await readAnswerBytes({ body: text, statusCode: 200 })).toString()).toBe(text);
    const zipped = {
      body: gzipSync(text),
      statusCode: 200,
      headers: { 'content-encoding': 'gzip' },
    };
    expect((await readAnswerBytes(zipped)).toString()).toBe(text);
  });

  it('throws an error status as the client’s ResponseError, with the parsed body', async () => {
    const body = { error: { type: 'verification_exception', reason: 'Unknown column [x]' } };
    const error = await readAnswerBytes({
      body: JSON.stringify(body),
      statusCode: 400,
      headers: { 'content-type': 'application/json' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(errors.ResponseError);
    expect((error as errors.ResponseError).statusCode).toBe(400);
    expect((error as errors.ResponseError).body).toEqual(body);
  });
});

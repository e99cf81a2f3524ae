/**
 * Elasticsearch's ES|QL answer as bytes: read once, checked in one pass, and handed to the browser
 * without being parsed into objects and serialised again (the browser parses it anyway). Only the
 * few top-level members the server needs (`id`, `is_running`, `is_partial`, `_clusters`,
 * `columns`) are parsed, from their own small slices; `values` is only counted.
 */
import { promisify } from 'util';
import { unzip } from 'zlib';
import { errors } from '@elastic/elasticsearch';
import { MalformedResponseError } from './es_errors';

const unzipAsync = promisify(unzip);

/** Deeper than any ES|QL answer nests (top object, `values`, row, multi-value, `_clusters`). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const FIRST_PRINTABLE = 0x20;
const LITERALS: Record<number, Buffer> = {
  0x74: Buffer.from('true'),
  0x66: Buffer.from('false'),
  0x6e: Buffer.from('null'),
};

const isWhitespace = (byte: number) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
const isDigit = (byte: number) => byte >= ZERO && byte <= NINE;

/** What the server reads of an answer: its top-level members as byte ranges, and its rows. */
export interface EsqlBodyScan {
  /** `[start, end)` of each top-level member's value. */
  members: Map<string, { start: number; end: number }>;
  /** Elements of `values`, each checked to be an array (a row). */
  rows: number;
}

enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  Nothing,
}

function fail(what: string): never {
  throw new MalformedResponseError(what);
}

/** The characters that may follow a backslash in a JSON string (`u` takes four hex digits). */
const ESCAPABLE = new Set([...'"\\/bfnrt'].map((character) => character.charCodeAt(0)));
const LOWER_U = 0x75;
const HEX = /^[0-9a-fA-F]{4}$/;

/** The index after a string's closing quote; `start` is its opening quote. */
function skipString(bytes: Buffer, start: number): number {
  let index = start + 1;
  const end = bytes.length;
  while (index < end) {
    const byte = bytes[index];
    if (byte === QUOTE) return index + 1;
    if (byte === BACKSLASH) {
      const escaped = bytes[index + 1];
      if (escaped === LOWER_U) {
        if (!HEX.test(bytes.toString('latin1', index + 2, index + 6))) fail('not JSON');
        index += 6;
      } else if (ESCAPABLE.has(escaped)) index += 2;
      else fail('not JSON');
    } else if (byte < FIRST_PRINTABLE) fail('not JSON');
    else index += 1;
  }
  return fail('not JSON');
}

function skipDigits(bytes: Buffer, start: number): number {
  let index = start;
  while (index < bytes.length && isDigit(bytes[index])) index += 1;
  return index;
}

/** The index after a JSON number (RFC 8259 §6 grammar), or a failure. */
function skipNumber(bytes: Buffer, start: number): number {
  let index = bytes[start] === MINUS ? start + 1 : start;
  if (bytes[index] === ZERO) index += 1;
  else if (isDigit(bytes[index])) index = skipDigits(bytes, index);
  else fail('not JSON');
  if (bytes[index] === DOT) {
    const after = skipDigits(bytes, index + 1);
    if (after === index + 1) fail('not JSON');
    index = after;
  }
  if (bytes[index] === LOWER_E || bytes[index] === UPPER_E) {
    index += 1;
    if (bytes[index] === PLUS || bytes[index] === MINUS) index += 1;
    const after = skipDigits(bytes, index);
    if (after === index) fail('not JSON');
    index = after;
  }
  return index;
}

/**
 * Checks in one pass that `bytes` is one JSON object (so the envelope around it stays JSON),
 * records where each top-level member's value lies, and counts the rows of `values`, each of
 * which must be an array. Strings are checked for unescaped control characters but their escapes
 * are not decoded: nothing here reads them.
 */
export function scanEsqlBody(bytes: Buffer): EsqlBodyScan {
  const members = new Map<string, { start: number; end: number }>();
  // 1 for an object, 2 for an array, per open container.
  const stack = new Uint8Array(MAX_JSON_DEPTH + 1);
  let depth = 0;
  let expect = Expect.Value;
  let key = '';
  let inValues = false;
  let valueStart = 0;
  let rows = 0;
  const end = bytes.length;
  let index = 0;

  // After a value: a top-level member ends there; what may follow depends on where it was.
  const closeValue = (): Expect => {
    if (depth === 1) {
      members.set(key, { start: valueStart, end: index });
      inValues = false;
    }
    return depth === 0 ? Expect.Nothing : Expect.CommaOrClose;
  };

  while (index < end) {
    const byte = bytes[index];
    if (isWhitespace(byte)) {
      index += 1;
      continue;
    }
    switch (expect) {
      case Expect.Value:
      case Expect.ValueOrClose: {
        if (byte === CLOSE_ARRAY && expect === Expect.ValueOrClose) {
          depth -= 1;
          index += 1;
          expect = closeValue();
          break;
        }
        if (depth === 0 && byte !== OPEN_OBJECT) fail('not an object');
        if (depth === 1) valueStart = index;
        if (inValues && depth === 2 && byte !== OPEN_ARRAY) fail('values missing');
        if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
          if (depth === MAX_JSON_DEPTH) fail('nested too deeply');
          if (inValues && depth === 2) rows += 1;
          depth += 1;
          stack[depth] = byte === OPEN_OBJECT ? 1 : 2;
          index += 1;
          expect = byte === OPEN_OBJECT ? Expect.KeyOrClose : Expect.ValueOrClose;
          break;
        }
        if (byte === QUOTE) index = skipString(bytes, index);
        else if (byte === MINUS || isDigit(byte)) index = skipNumber(bytes, index);
        else {
          const literal = LITERALS[byte];
          if (!literal || bytes.compare(literal, 0, literal.length, index, index + literal.length))
            fail('not JSON');
          index += literal.length;
        }
        if (depth === 1 && inValues) fail('values missing');
        expect = closeValue();
        break;
      }
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (byte === CLOSE_OBJECT && expect === Expect.KeyOrClose) {
          depth -= 1;
          index += 1;
          expect = closeValue();
          break;
        }
        if (byte !== QUOTE) fail('not JSON');
        const after = skipString(bytes, index);
        if (depth === 1) {
          key = bytes.toString('utf8', index + 1, after - 1);
          inValues = key === 'values';
        }
        index = after;
        expect = Expect.Colon;
        break;
      }
      case Expect.Colon:
        if (byte !== COLON) fail('not JSON');
        index += 1;
        expect = Expect.Value;
        break;
      case Expect.CommaOrClose: {
        const open = stack[depth];
        if (byte === COMMA) {
          index += 1;
          expect = open === 1 ? Expect.Key : Expect.Value;
        } else if ((byte === CLOSE_OBJECT && open === 1) || (byte === CLOSE_ARRAY && open === 2)) {
          depth -= 1;
          index += 1;
          expect = closeValue();
        } else fail('not JSON');
        break;
      }
      default:
        fail('not JSON');
    }
  }
  if (expect !== Expect.Nothing) fail('not JSON');
  return { members, rows };
}

/** One top-level member, parsed from its own slice; undefined when absent. */
export function readMember(bytes: Buffer, scan: EsqlBodyScan, name: string): unknown {
  const range = scan.members.get(name);
  return range ? JSON.parse(bytes.toString('utf8', range.start, range.end)) : undefined;
}

/** The part of a `{ meta: true, asStream: true }` answer that is read here. */
export interface StreamedAnswer {
  body: unknown;
  statusCode?: number | null;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Room kept before an answer's bytes for the notes the route writes in front of them, so the
 * response is the same allocation and the answer is never copied a second time. Notes that do not
 * fit (a very long inlined query) fall back to one copy.
 */
export const NOTES_HEADROOM_BYTES = 32 * 1024;
/** Answers read with room around them: their bytes, and the allocation they sit in. */
const withRoom = new WeakMap<Buffer, Buffer>();

/** `parts`' bytes in one new allocation, with headroom before and one byte after. */
function roomy(parts: Array<Buffer | Uint8Array>, length: number): Buffer {
  const whole = Buffer.allocUnsafe(NOTES_HEADROOM_BYTES + length + 1);
  let offset = NOTES_HEADROOM_BYTES;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  const bytes = whole.subarray(NOTES_HEADROOM_BYTES, NOTES_HEADROOM_BYTES + length);
  withRoom.set(bytes, whole);
  return bytes;
}

async function collect(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return roomy([body], body.length);
  if (typeof body === 'string') {
    const bytes = Buffer.from(body, 'utf8');
    return roomy([bytes], bytes.length);
  }
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      chunks.push(bytes);
      length += bytes.length;
    }
    return roomy(chunks, length);
  }
  return fail('not an object');
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).toLowerCase();
}

/**
 * The body's bytes, decompressed when Elasticsearch compressed them. With `asStream` the client
 * hands over the response as soon as its headers arrive, before it looks at the status, unzips or
 * deserialises (elastic/elastic-transport-js:src/Transport.ts, `options.asStream === true`
 * returns early), so what it would have done is done here: an error status becomes the same
 * `ResponseError` the parsed call throws, and the error mapping reads it as before.
 */
export async function readAnswerBytes(
  answer: StreamedAnswer,
  signal?: AbortSignal
): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await collect(answer.body);
  } catch (error) {
    if (signal?.aborted) throw new errors.RequestAbortedError('Request aborted');
    throw error;
  }
  const encoding = headerText(answer.headers?.['content-encoding']);
  if (encoding.includes('gzip') || encoding.includes('deflate')) {
    const unzipped = await unzipAsync(bytes);
    bytes = roomy([unzipped], unzipped.length);
  }
  const status = answer.statusCode ?? 200;
  if (status >= 400) {
    let body: unknown = bytes.toString('utf8');
    try {
      body = JSON.parse(body as string);
    } catch {
      // Not JSON (a proxy's page): the text is the body, as the client keeps it.
    }
    // The answer is the client's own result object (meta, warnings, headers); only its body is
    // swapped for the parsed one, as the client would have parsed it.
    throw new errors.ResponseError({
      warnings: null,
      meta: {} as never,
      ...(answer as object),
      body,
      statusCode: status,
    } as ConstructorParameters<typeof errors.ResponseError>[0]);
  }
  return bytes;
}

/** A response body already serialised as JSON: the route sends these bytes as they are. */
export class JsonBytes {
  constructor(public readonly bytes: Buffer) {}
}

/**
 * `{ ...meta, "esql": <Elasticsearch's bytes> }` without parsing the rows: the notes are
 * serialised (a few kilobytes at most) and written in the room kept in front of the answer's
 * bytes, so the body is the allocation the answer was read into.
 */
export function envelope(meta: object, esql: Buffer): JsonBytes {
  const head = JSON.stringify(meta);
  const prefix = Buffer.from(`${head.slice(0, -1)}${head === '{}' ? '' : ','}"esql":`, 'utf8');
  const whole = withRoom.get(esql);
  const start = whole ? esql.byteOffset - whole.byteOffset : 0;
  if (whole && prefix.length <= start && whole.length >= start + esql.length + 1) {
    whole.set(prefix, start - prefix.length);
    whole[start + esql.length] = CLOSE_OBJECT;
    // Written once: a second envelope around the same bytes must not reuse the room.
    withRoom.delete(esql);
    return new JsonBytes(whole.subarray(start - prefix.length, start + esql.length + 1));
  }
  return new JsonBytes(
    Buffer.concat([prefix, esql, CLOSE], prefix.length + esql.length + CLOSE.length)
  );
}

const CLOSE = Buffer.from('}');

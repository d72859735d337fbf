// A small JSON parser that says where and what went wrong ("line 12, column 5: trailing comma"), finds duplicate keys
// (JSON.parse silently keeps the last) and can report where given JSON pointers start. Iterative, with a depth cap, so
// no input can overflow the stack; its work is linear in the text.

import { escapeSegment } from './jsonPointer.ts';
import { LineIndex, type TextPosition } from './LineIndex.ts';
import { LIMITS } from './limits.ts';

export { LineIndex, type TextPosition };

export interface JsonSyntaxError extends TextPosition {
  message: string;
}

export interface DuplicateKey extends TextPosition {
  /** Pointer of the repeated key's second value. */
  path: string;
  key: string;
}

export type JsonTextResult =
  | { ok: true; value: unknown; duplicates: DuplicateKey[]; positions: Map<string, TextPosition> }
  | { ok: false; error: JsonSyntaxError };

interface Frame {
  container: Record<string, unknown> | unknown[];
  path: string;
  /** Object: the key whose value comes next. */
  key?: string;
  seen?: Set<string>;
}

class Fail {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

/** Parses `text`; `locate` lists pointers whose start positions should be returned. */
export function parseJsonText(text: string, locate: ReadonlySet<string> = new Set()): JsonTextResult {
  try {
    return new Parser(text, locate).run();
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { ok: false, error: { ...new LineIndex(text).position(e.at), message: e.message } };
  }
}

class Parser {
  private i = 0;
  private readonly duplicates: DuplicateKey[] = [];
  private readonly positions = new Map<string, TextPosition>();
  private lines: LineIndex | undefined;

  constructor(
    private readonly s: string,
    private readonly locate: ReadonlySet<string>,
  ) {}

  run(): JsonTextResult {
    if (this.s.length > LIMITS.textChars) throw new Fail(0, `the file has ${this.s.length} characters; the limit is ${LIMITS.textChars}`);
    if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
    const stack: Frame[] = [];
    let root: unknown;
    let haveRoot = false;
    // Each turn reads one value (scalar or container start) at the current place, then closes what it can.
    for (;;) {
      this.ws();
      const path = stack.length === 0 ? '' : childPath(stack[stack.length - 1]!);
      if (this.locate.has(path)) this.positions.set(path, this.where(this.i));
      const c = this.s[this.i];
      let value: unknown;
      let opened: Frame | undefined;
      if (c === '{' || c === '[') {
        if (stack.length >= LIMITS.textDepth) throw new Fail(this.i, `nested deeper than ${LIMITS.textDepth} levels`);
        this.i++;
        opened = c === '{' ? { container: {}, path, seen: new Set() } : { container: [], path };
        value = opened.container;
      } else value = this.scalar();
      if (stack.length === 0) {
        root = value;
        haveRoot = true;
      } else this.put(stack[stack.length - 1]!, value);
      if (opened) {
        stack.push(opened);
        if (this.openFirst(opened)) continue;
        stack.pop();
      }
      // Close containers until one expects another element.
      for (;;) {
        if (stack.length === 0) {
          this.ws();
          if (this.i < this.s.length) throw new Fail(this.i, `unexpected ${this.show()} after the end of the document`);
          if (!haveRoot) throw new Fail(this.i, 'the file is empty');
          return { ok: true, value: root, duplicates: this.duplicates, positions: this.positions };
        }
        const top = stack[stack.length - 1]!;
        if (this.next(top)) break;
        stack.pop();
      }
    }
  }

  /** After "{" or "[": false when the container is empty and already closed. */
  private openFirst(f: Frame): boolean {
    this.ws();
    const close = Array.isArray(f.container) ? ']' : '}';
    if (this.s[this.i] === close) {
      this.i++;
      return false;
    }
    if (!Array.isArray(f.container)) this.key(f);
    return true;
  }

  /** After an element: true when another follows (",", key read), false when the container closed. */
  private next(f: Frame): boolean {
    this.ws();
    const isArray = Array.isArray(f.container);
    const close = isArray ? ']' : '}';
    const c = this.s[this.i];
    if (c === close) {
      this.i++;
      return false;
    }
    if (c !== ',') {
      if (c === undefined) throw new Fail(this.i, `the file ends inside ${isArray ? 'an array' : 'an object'} (missing "${close}")`);
      throw new Fail(this.i, `expected "," or "${close}" ${isArray ? 'after an array element' : 'after a property value'}, found ${this.show()}`);
    }
    const comma = this.i;
    this.i++;
    this.ws();
    if (this.s[this.i] === close) throw new Fail(comma, `trailing comma before "${close}": JSON does not allow one`);
    if (!isArray) this.key(f);
    return true;
  }

  private key(f: Frame): void {
    this.ws();
    if (this.s[this.i] !== '"') {
      const hint = this.s[this.i] === "'" ? ' (JSON strings use double quotes)' : this.s[this.i] === '}' ? '' : ' (property names must be in double quotes)';
      throw new Fail(this.i, `expected a property name, found ${this.show()}${hint}`);
    }
    const at = this.i;
    const k = this.string();
    this.ws();
    if (this.s[this.i] !== ':') throw new Fail(this.i, `expected ":" after the property name ${JSON.stringify(k.slice(0, 40))}, found ${this.show()}`);
    this.i++;
    if (f.seen!.has(k) && this.duplicates.length < LIMITS.errors) this.duplicates.push({ ...this.where(at), path: `${f.path}/${escapeSegment(k)}`, key: k });
    f.seen!.add(k);
    f.key = k;
  }

  private put(f: Frame, value: unknown): void {
    if (Array.isArray(f.container)) f.container.push(value);
    // defineProperty: a "__proto__" key must become data, not the object's prototype.
    else Object.defineProperty(f.container, f.key!, { value, enumerable: true, writable: true, configurable: true });
  }

  private scalar(): unknown {
    const c = this.s[this.i];
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    if (c === undefined) throw new Fail(this.i, 'the file ends where a value was expected');
    if (c === "'") throw new Fail(this.i, 'JSON strings use double quotes, not single quotes');
    if (c === '/' && (this.s[this.i + 1] === '/' || this.s[this.i + 1] === '*')) throw new Fail(this.i, 'comments are not allowed in JSON');
    if (c === ']' || c === '}') throw new Fail(this.i, `expected a value, found ${this.show()}`);
    throw new Fail(this.i, `expected a value, found ${this.show()}${/[A-Za-z]/.test(c) ? ' (text must be in double quotes)' : ''}`);
  }

  private string(): string {
    const start = this.i;
    this.i++;
    let out = '';
    let run = this.i;
    for (;;) {
      const code = this.s.charCodeAt(this.i);
      if (Number.isNaN(code)) throw new Fail(start, 'unterminated string (missing closing ")');
      if (code === 0x22) {
        out += this.s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (code < 0x20) throw new Fail(this.i, code === 10 ? 'line break inside a string (write \\n)' : 'control character inside a string');
      if (code === 0x5c) {
        out += this.s.slice(run, this.i);
        out += this.escape();
        run = this.i;
        continue;
      }
      this.i++;
    }
  }

  private escape(): string {
    const e = this.s[this.i + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
      this.i += 2;
      return simple[e]!;
    }
    if (e === 'u') {
      const hex = this.s.slice(this.i + 2, this.i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Fail(this.i, 'bad \\u escape: it needs four hex digits');
      this.i += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    throw new Fail(this.i, `bad escape "\\${e ?? ''}" in a string`);
  }

  private number(): number {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) throw new Fail(this.i, `bad number starting with ${this.show()}`);
    const after = this.s[this.i + r[0].length];
    if (after !== undefined && /[0-9.eE+\-xXa-zA-Z]/.test(after)) {
      throw new Fail(this.i, `bad number ${JSON.stringify(this.s.slice(this.i, this.i + r[0].length + 1))}${r[0] === '0' || r[0] === '-0' ? ' (no leading zeros in JSON)' : ''}`);
    }
    this.i += r[0].length;
    return Number(r[0]);
  }

  private ws(): void {
    for (;;) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else return;
    }
  }

  private where(offset: number): TextPosition {
    this.lines ??= new LineIndex(this.s);
    return this.lines.position(offset);
  }

  private show(): string {
    const c = this.s[this.i];
    return c === undefined ? 'the end of the file' : JSON.stringify(c);
  }
}

function childPath(f: Frame): string {
  if (Array.isArray(f.container)) return `${f.path}/${f.container.length}`;
  return `${f.path}/${escapeSegment(f.key!)}`;
}

/**
 * A small streaming scanner for the XML of a workbook (SpreadsheetML): tags and text, fed in
 * pieces. It knows no DTDs and expands no entities but the five predefined and character
 * references, so a hostile file cannot make it fetch or multiply anything.
 */

export interface XmlHandler {
  /** Whether character data is wanted now (text between tags is passed on only then). */
  readonly wantsText?: boolean;
  /** An element starts; `name` without its namespace prefix, `attributes` as written. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities already replaced. */
  text(text: string): void;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the predefined entities and character references (`&#39;`, `&#x27;`). */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity] ?? whole;
  });
}

/** One attribute's value, unescaped; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = attributes.indexOf(name, at);
    if (at === -1) return undefined;
    const before = attributes.charCodeAt(at - 1);
    const equals = at + name.length;
    // A whole attribute name: preceded by white space or a prefix colon, followed by `=`.
    if ((before <= 32 || before === 58) && attributes[equals] === '=') {
      const quote = attributes[equals + 1];
      if (quote !== '"' && quote !== "'") return undefined;
      const end = attributes.indexOf(quote, equals + 2);
      if (end === -1) return undefined;
      return unescapeXml(attributes.slice(equals + 2, end));
    }
    at = equals;
  }
}

/** The `>` that ends the tag opened at `lt`, skipping any inside quoted attribute values; -1 if not yet there. */
function tagEnd(buffer: string, lt: number): number {
  let quote = 0;
  for (let at = lt + 1; at < buffer.length; at++) {
    const code = buffer.charCodeAt(at);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 62 /* > */) {
      return at;
    } else if (code === 34 || code === 39) {
      quote = code;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Feeds text to a handler as it arrives; a tag or text cut between two pieces waits for the next. */
export class XmlScanner {
  private pending = '';

  constructor(
    private readonly handler: XmlHandler,
    /** The longest tag or run of text held while waiting for its end. */
    private readonly maxPending: number,
  ) {}

  write(piece: string): void {
    const buffer = this.pending + piece;
    const { handler } = this;
    let at = 0;
    for (;;) {
      const lt = buffer.indexOf('<', at);
      if (lt === -1) break;
      if (lt > at && handler.wantsText !== false) handler.text(unescapeXml(buffer.slice(at, lt)));
      at = lt;
      let end: number;
      let next = buffer.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (buffer.startsWith('<![CDATA[', lt)) {
          end = buffer.indexOf(']]>', lt);
          if (end === -1) break;
          handler.text(buffer.slice(lt + 9, end));
          at = end + 3;
          continue;
        }
        const comment = buffer.startsWith('<!--', lt);
        end = buffer.indexOf(comment ? '-->' : '>', lt);
        if (end === -1) break;
        at = end + (comment ? 3 : 1);
        continue;
      }
      end = tagEnd(buffer, lt);
      if (end === -1) break;
      at = end + 1;
      if (next === 63 /* ? */) continue;
      if (next === 47 /* / */) {
        handler.close(localName(buffer.slice(lt + 2, end).trim()));
        continue;
      }
      const selfClosing = buffer.charCodeAt(end - 1) === 47;
      const inner = selfClosing ? end - 1 : end;
      let space = lt + 1;
      let colon = -1;
      while (space < inner && (next = buffer.charCodeAt(space)) > 32 && next !== 47) {
        if (next === 58) colon = space;
        space++;
      }
      handler.open(buffer.slice(colon === -1 ? lt + 1 : colon + 1, space), space < inner ? buffer.slice(space, inner) : '', selfClosing);
    }
    this.pending = buffer.slice(at);
    if (this.pending.length > this.maxPending) throw new XmlTooLong();
  }

  /** The end of the document: text after the last tag is passed on. */
  end(): void {
    if (this.pending !== '' && !this.pending.includes('<')) this.handler.text(unescapeXml(this.pending));
    this.pending = '';
  }
}

/** A tag or a run of text longer than the scanner holds: a broken or hostile document. */
export class XmlTooLong extends Error {}

/**
 * A small strict XML 1.0 well-formedness check, enough for the SVG cj writes: every character a
 * Char (§2.2), every character reference to a Char, only the five predefined entities, tags that
 * open and close in order, attributes quoted and not repeated, one root element. Returns the
 * faults found (none for a well-formed document), so a test can show them.
 */

/** XML 1.0 §2.2: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

function checkText(text: string, where: number, faults: string[]): void {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    // A lone surrogate in a JS string is no Unicode character at all.
    if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) faults.push(`character U+${code.toString(16).padStart(4, '0')} near offset ${where}`);
  }
  if (/[<]/.test(text)) faults.push(`"<" in text near offset ${where}`);
  for (const match of text.matchAll(/&([^;&\s]*);?/g)) {
    const [whole, name = ''] = match;
    if (!whole.endsWith(';')) {
      faults.push(`"&" without ";" near offset ${where}`);
    } else if (name.startsWith('#')) {
      const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name) || !isXmlChar(code)) faults.push(`character reference &${name}; near offset ${where}`);
    } else if (!['lt', 'gt', 'amp', 'quot', 'apos'].includes(name)) {
      faults.push(`entity &${name}; near offset ${where}`);
    }
  }
}

export function xmlFaults(document: string): string[] {
  const faults: string[] = [];
  const open: string[] = [];
  let roots = 0;
  let at = 0;
  const body = document.replace(/^<\?xml[^?]*\?>/, (declaration) => ' '.repeat(declaration.length));
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt === -1 ? body.length : lt);
    checkText(text, at, faults);
    if (open.length === 0 && text.trim() !== '') faults.push(`text outside the root element near offset ${at}`);
    if (lt === -1) break;
    if (body.startsWith('<!--', lt)) {
      const end = body.indexOf('-->', lt);
      if (end === -1) return [...faults, 'comment never closed'];
      checkText(body.slice(lt + 4, end).replace(/&/g, ''), lt, faults);
      at = end + 3;
      continue;
    }
    const gt = body.indexOf('>', lt);
    if (gt === -1) return [...faults, `tag never closed at offset ${lt}`];
    const tag = body.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const expected = open.pop();
      if (name !== expected) faults.push(`</${name}> closes <${expected ?? 'nothing'}> at offset ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const inner = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(inner)?.[0];
    if (name === undefined) {
      faults.push(`no element name at offset ${lt}`);
      continue;
    }
    let rest = inner.slice(name.length);
    const seen = new Set<string>();
    while (rest.trim() !== '') {
      const attribute = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      if (attribute === null) {
        faults.push(`malformed attribute in <${name}> at offset ${lt}: ${JSON.stringify(rest.slice(0, 40))}`);
        break;
      }
      const [whole, attributeName = '', , double, single] = attribute;
      if (seen.has(attributeName)) faults.push(`attribute ${attributeName} twice in <${name}>`);
      seen.add(attributeName);
      checkText(double ?? single ?? '', lt, faults);
      rest = rest.slice(whole.length);
    }
    if (open.length === 0) roots++;
    if (!selfClosing) open.push(name);
    else if (open.length === 0 && roots > 1) faults.push('more than one root element');
  }
  if (open.length > 0) faults.push(`elements never closed: ${open.join(', ')}`);
  if (roots !== 1) faults.push(`${roots} root elements`);
  return faults;
}

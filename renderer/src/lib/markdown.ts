// The small part of Markdown a model card uses (headings, paragraphs, lists, tables,
// code), parsed into plain values that components render as text: nothing in a card is
// ever treated as HTML, so a card cannot inject markup or script.

export type Inline = { kind: 'text' | 'code' | 'strong' | 'em'; text: string };

export type Block =
  | { kind: 'heading'; level: number; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string };

/** `code`, **strong**, *em* and _em_; a link keeps its words and drops its target. */
export function parseInline(source: string): Inline[] {
  const text = source.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const parts: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\b_([^_]+)_\b/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) parts.push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) parts.push({ kind: 'strong', text: match[2] });
    else parts.push({ kind: 'em', text: match[3] ?? match[4] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

const tableCells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
const isTableRule = (line: string): boolean => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
const listItem = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) code.push(lines[i] ?? '');
      i++;
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (/^#{1,6}\s/.test(line)) {
      const [, hashes = '#', text = ''] = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line) ?? [];
      blocks.push({ kind: 'heading', level: hashes.length, text: parseInline(text) });
      i++;
    } else if (line.includes('|') && isTableRule(lines[i + 1] ?? '')) {
      const header = tableCells(line).map(parseInline);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && (lines[i] ?? '').includes('|'); i++) {
        rows.push(tableCells(lines[i] ?? '').map(parseInline));
      }
      blocks.push({ kind: 'table', header, rows });
    } else if (listItem.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: Inline[][] = [];
      for (; i < lines.length && listItem.test(lines[i] ?? ''); i++) {
        items.push(parseInline(listItem.exec(lines[i] ?? '')?.[3] ?? ''));
      }
      blocks.push({ kind: 'list', ordered, items });
    } else {
      const paragraph: string[] = [];
      for (; i < lines.length; i++) {
        const next = lines[i] ?? '';
        if (next.trim() === '' || next.startsWith('```') || /^#{1,6}\s/.test(next) || listItem.test(next)) break;
        if (paragraph.length > 0 && next.includes('|') && isTableRule(lines[i + 1] ?? '')) break;
        paragraph.push(next.trim());
      }
      blocks.push({ kind: 'paragraph', text: parseInline(paragraph.join(' ')) });
    }
  }
  return blocks;
}

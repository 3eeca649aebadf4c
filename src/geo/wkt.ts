// A tolerant parser for the bracket structure of WKT CRS definitions (WKT1, ESRI WKT and WKT2):
// KEYWORD[arg, arg, KEYWORD[...], ...], with "quoted" strings ("" escapes a quote), numbers and
// bare enumerations (NORTH, EAST). Both [ ] and ( ) are accepted as brackets.

export type WktValue = string | number | WktNode;
export type WktNode = { keyword: string; children: WktValue[] };

/** Parses one WKT node, or returns undefined when the text is not well-formed WKT. */
export function parseWkt(text: string): WktNode | undefined {
  let i = 0;
  const s = text;

  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i] as string)) i++;
  };

  const parseNode = (): WktNode | undefined => {
    skipSpace();
    const start = i;
    while (i < s.length && /[A-Za-z0-9_]/.test(s[i] as string)) i++;
    const keyword = s.slice(start, i).toUpperCase();
    if (!keyword) return undefined;
    skipSpace();
    const open = s[i];
    if (open !== '[' && open !== '(') return { keyword, children: [] };
    const close = open === '[' ? ']' : ')';
    i++;
    const children: WktValue[] = [];
    for (;;) {
      skipSpace();
      const c = s[i];
      if (c === undefined) return undefined;
      if (c === close || c === ']' || c === ')') {
        i++;
        return { keyword, children };
      }
      if (c === ',') {
        i++;
        continue;
      }
      if (c === '"') {
        i++;
        let str = '';
        for (;;) {
          const ch = s[i];
          if (ch === undefined) return undefined;
          if (ch === '"') {
            if (s[i + 1] === '"') {
              str += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          str += ch;
          i++;
        }
        children.push(str);
        continue;
      }
      const num = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(s.slice(i, i + 64));
      if (num) {
        children.push(Number(num[0]));
        i += num[0].length;
        continue;
      }
      const node = parseNode();
      if (!node) return undefined;
      children.push(node);
    }
  };

  const node = parseNode();
  if (!node || node.children.length === 0) return undefined;
  return node;
}

// Where JSON text first breaks the grammar. JSON.parse says why but not always where
// (V8 leaves the position out of "Unexpected token" errors), and users need the line.

/** The offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const literal = (word: string): void => {
    for (const char of word) {
      if (text.charAt(i) !== char) fail();
      i++;
    }
  };
  const string = (): void => {
    i++; // the opening quote
    while (text.charAt(i) !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 32) fail();
      if (text.charAt(i) === '\\') {
        i++;
        if (text.charAt(i) === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text.charAt(i)) || i >= text.length) fail();
      }
      i++;
    }
    i++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null || match[0] === '') fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const list = (close: string, item: () => void): void => {
    i++;
    space();
    if (text.charAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text.charAt(i) === close) {
        i++;
        return;
      }
      if (text.charAt(i) !== ',') fail();
      i++;
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(i);
    if (char === '{') {
      list('}', () => {
        if (text.charAt(i) !== '"') fail();
        string();
        space();
        if (text.charAt(i) !== ':') fail();
        i++;
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
    space();
  };
  try {
    value();
    return i < text.length ? i : -1;
  } catch (offset) {
    return offset as number;
  }
}

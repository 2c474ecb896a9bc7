// Where JSON text first breaks the grammar (RFC 8259), for error messages: V8's JSON.parse names
// the position of most errors but not of an unexpected token ("Unexpected token 'o', ... is not
// valid JSON"). A strict, allocation-free scan; returns the offset of the first offending
// character (the text's length for a premature end), or -1 when the text is valid JSON.

const WS = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const DIGIT = (c: number) => c >= 0x30 && c <= 0x39;
const HEX = /[0-9a-fA-F]/;

export function jsonSyntaxErrorOffset(t: string): number {
  let i = 0;
  const n = t.length;
  const ws = () => {
    while (i < n && WS(t.charCodeAt(i))) i++;
  };
  class Bad extends Error {
    constructor(readonly at: number) {
      super();
    }
  }
  const fail = (at = i): never => {
    throw new Bad(Math.min(at, n));
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail();
      const c = t.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = t[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!HEX.test(t[i + k] ?? '')) fail(i + k);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i + 1);
      } else i++;
    }
  };
  const number = () => {
    if (t[i] === '-') i++;
    if (t[i] === '0') i++;
    else if (DIGIT(t.charCodeAt(i))) while (DIGIT(t.charCodeAt(i))) i++;
    else fail();
    if (t[i] === '.') {
      i++;
      if (!DIGIT(t.charCodeAt(i))) fail();
      while (DIGIT(t.charCodeAt(i))) i++;
    }
    if (t[i] === 'e' || t[i] === 'E') {
      i++;
      if (t[i] === '+' || t[i] === '-') i++;
      if (!DIGIT(t.charCodeAt(i))) fail();
      while (DIGIT(t.charCodeAt(i))) i++;
    }
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) if (t[i + k] !== word[k]) fail(i + k);
    i += word.length;
  };
  // An explicit stack instead of recursion: deeply nested input cannot overflow it.
  const stack: ('{' | '[')[] = [];
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (t[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        after();
        return;
      }
      if (c === '{') key();
      return;
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || DIGIT(t.charCodeAt(i))) number();
    else fail();
    // After a scalar, close every container that ends here.
    after();
  };
  const key = () => {
    ws();
    if (t[i] !== '"') fail();
    string();
    ws();
    if (t[i] !== ':') fail();
    i++;
  };
  const after = () => {
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) return;
      if (t[i] === ',') {
        i++;
        if (top === '{') key();
        return;
      }
      if (t[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      fail();
    }
  };
  try {
    if (t.charCodeAt(0) === 0xfeff) i = 1;
    do value();
    while (stack.length);
    ws();
    return i < n ? i : -1;
  } catch (e) {
    if (e instanceof Bad) return e.at;
    throw e;
  }
}

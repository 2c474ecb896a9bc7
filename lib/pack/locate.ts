// Where a JSON path (`claims[3].kind`, as validation reports it) is in a file's text: its line and
// column, so the reader can find the problem in an editor. A path that the text does not have all
// the way (a missing field) is located at the deepest part it has (the object that lacks the field).
import { lineColumn } from './validate';

type Segment = string | number;

/** `claims[3].kind` -> ['claims', 3, 'kind']; null for `(pack)` / `(file)` and anything unreadable. */
export function pathSegments(path: string): Segment[] | null {
  if (!path || path.startsWith('(')) return null;
  const out: Segment[] = [];
  const re = /\[(\d+)\]|\.?([^.[\]]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < path.length && (m = re.exec(path))) {
    out.push(m[1] !== undefined ? Number(m[1]) : m[2]);
    at = re.lastIndex;
  }
  return at === path.length ? out : null;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Scanner {
  constructor(private t: string) {}

  ws(i: number): number {
    while (i < this.t.length && WS.has(this.t.charCodeAt(i))) i++;
    return i;
  }

  /** i at the opening quote; returns the index after the closing one. */
  string(i: number): number {
    const t = this.t;
    for (i++; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22) return i + 1;
    }
    return t.length;
  }

  /** Index after the value starting at i (which is not whitespace). */
  value(i: number): number {
    const t = this.t;
    const c = t[i];
    if (c === '"') return this.string(i);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i = this.ws(i + 1);
      if (t[i] === close) return i + 1;
      while (i < t.length) {
        if (c === '{') {
          i = this.ws(this.string(i));
          i = this.ws(i + 1); // the colon
        }
        i = this.ws(this.value(i));
        if (t[i] === ',') i = this.ws(i + 1);
        else return t[i] === close ? i + 1 : t.length;
      }
      return t.length;
    }
    while (i < t.length && !WS.has(t.charCodeAt(i)) && t[i] !== ',' && t[i] !== ']' && t[i] !== '}') i++;
    return i;
  }

  /** Offset of the value at segs[k..] below the value starting at i, or of the deepest part found. */
  find(i: number, segs: Segment[], k: number): number {
    const t = this.t;
    if (k === segs.length) return i;
    const seg = segs[k];
    if (typeof seg === 'number' && t[i] === '[') {
      let j = this.ws(i + 1);
      if (t[j] === ']') return i;
      for (let n = 0; j < t.length; n++) {
        if (n === seg) return this.find(j, segs, k + 1);
        j = this.ws(this.value(j));
        if (t[j] !== ',') return i;
        j = this.ws(j + 1);
      }
      return i;
    }
    if (typeof seg === 'string' && t[i] === '{') {
      let j = this.ws(i + 1);
      while (j < t.length && t[j] === '"') {
        const end = this.string(j);
        let key: unknown;
        try {
          key = JSON.parse(t.slice(j, end));
        } catch {
          return i;
        }
        j = this.ws(end);
        if (t[j] !== ':') return i;
        j = this.ws(j + 1);
        if (key === seg) return this.find(j, segs, k + 1);
        j = this.ws(this.value(j));
        if (t[j] !== ',') return i;
        j = this.ws(j + 1);
      }
    }
    return i;
  }
}

/** Line and column (1-based) of the value at `path` in the JSON `text`, or null when not locatable. */
export function locatePath(text: string, path: string): { line: number; column: number } | null {
  const segs = pathSegments(path);
  if (!segs) return null;
  const s = new Scanner(text);
  const start = s.ws(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return null;
  return lineColumn(text, s.find(start, segs, 0));
}

// Where a JSON path (`claims[3].kind`, as validation reports it) is in a file's text: its line and
// column, so the reader can find the problem in an editor. A path that the text does not have all
// the way (a missing field) is located at the deepest part it has (the object that lacks the field).
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

/**
 * Walks valid JSON text (it parsed) without building it. Each container's children are found once
 * and remembered, so locating many paths in a large file costs about one pass over it, not one per
 * path; and nothing recurses on the input, so deep nesting cannot overflow the stack.
 */
class Scanner {
  /** Offset of a container -> its element offsets (array) or its keys' value offsets (object). */
  private readonly kids = new Map<number, number[] | Map<string, number>>();
  /** Offsets of the line breaks, found on the first call of `lineColumn`. */
  private breaks: number[] | null = null;

  constructor(private t: string) {}

  ws(i: number): number {
    while (i < this.t.length && WS.has(this.t.charCodeAt(i))) i++;
    return i;
  }

  /** i at the opening quote; returns the index after the closing one. */
  string(i: number): number {
    const t = this.t;
    // indexOf jumps over long strings (article texts) at native speed; a quote preceded by an odd
    // number of backslashes is escaped.
    for (let q = t.indexOf('"', i + 1); q >= 0; q = t.indexOf('"', q + 1)) {
      let b = q - 1;
      while (t.charCodeAt(b) === 0x5c) b--;
      if ((q - 1 - b) % 2 === 0) return q + 1;
    }
    return t.length;
  }

  /** Index after the value starting at i (not whitespace): a container ends where its brackets balance. */
  value(i: number): number {
    const t = this.t;
    const c = t[i];
    if (c === '"') return this.string(i);
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < t.length) {
        const ch = t.charCodeAt(i);
        if (ch === 0x22) {
          i = this.string(i);
          continue;
        }
        if (ch === 0x7b || ch === 0x5b) depth++;
        else if ((ch === 0x7d || ch === 0x5d) && --depth === 0) return i + 1;
        i++;
      }
      return t.length;
    }
    while (i < t.length && !WS.has(t.charCodeAt(i)) && t[i] !== ',' && t[i] !== ']' && t[i] !== '}') i++;
    return i;
  }

  /** The children of the container at i: element offsets, or value offsets by key (the last of a repeated key, as JSON.parse keeps it). */
  private children(i: number): number[] | Map<string, number> {
    const known = this.kids.get(i);
    if (known) return known;
    const t = this.t;
    const close = t[i] === '{' ? '}' : ']';
    const elements: number[] = [];
    const keys = new Map<string, number>();
    let j = this.ws(i + 1);
    while (j < t.length && t[j] !== close) {
      if (close === '}') {
        const end = this.string(j);
        let key: unknown;
        try {
          key = JSON.parse(t.slice(j, end));
        } catch {
          break;
        }
        j = this.ws(this.ws(end) + 1); // past the colon
        if (typeof key === 'string') keys.set(key, j);
      } else elements.push(j);
      j = this.ws(this.value(j));
      if (t[j] !== ',') break;
      j = this.ws(j + 1);
    }
    const out = close === '}' ? keys : elements;
    this.kids.set(i, out);
    return out;
  }

  /** Offset of the value at `segs` below the value starting at i, or of the deepest part found. */
  find(i: number, segs: Segment[]): number {
    for (const seg of segs) {
      const open = this.t[i];
      if (typeof seg === 'number' && open === '[') {
        const at = (this.children(i) as number[])[seg];
        if (at === undefined) return i;
        i = at;
      } else if (typeof seg === 'string' && open === '{') {
        const at = (this.children(i) as Map<string, number>).get(seg);
        if (at === undefined) return i;
        i = at;
      } else return i;
    }
    return i;
  }

  /** Line and column (1-based) of an offset. */
  lineColumn(offset: number): { line: number; column: number } {
    if (!this.breaks) {
      this.breaks = [];
      for (let b = this.t.indexOf('\n'); b >= 0; b = this.t.indexOf('\n', b + 1)) this.breaks.push(b);
    }
    // The number of line breaks before the offset, by binary search.
    const br = this.breaks;
    let lo = 0;
    let hi = br.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (br[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo + 1, column: offset - (lo ? br[lo - 1] : -1) };
  }
}

/** Line and column (1-based) of the value at each path in the JSON `text`, or null where not locatable. */
export function locatePaths(text: string, paths: string[]): ({ line: number; column: number } | null)[] {
  const s = new Scanner(text);
  const start = s.ws(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return paths.map((path) => {
    const segs = pathSegments(path);
    if (!segs || start >= text.length) return null;
    return s.lineColumn(s.find(start, segs));
  });
}

/** Line and column (1-based) of the value at `path` in the JSON `text`, or null when not locatable. */
export function locatePath(text: string, path: string): { line: number; column: number } | null {
  return locatePaths(text, [path])[0];
}

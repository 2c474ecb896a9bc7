// Writing the story file: YAML by hand, so that the bytes are the same for the same corpus and the
// comments sit where a curator reads them. Strings that YAML could read as something else are
// written in double quotes (JSON's escapes are YAML's).
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .'’,()/&+-]*$/u;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** A scalar: plain where that is safe, else double-quoted. */
export function scalar(s: string | number | boolean): string {
  if (typeof s !== 'string') return String(s);
  if (PLAIN.test(s) && !RESERVED.test(s) && !/^\d/.test(s) && !/[,]\s*$/.test(s) && !s.endsWith(' ') && !/\s#|:\s|[{}[\]]/.test(s)) return s;
  return JSON.stringify(s);
}

/** A flow sequence on one line: [a, b, "c: d"]. Inside flow, commas need quotes too. */
export function flowList(items: (string | { text: string; safeAlone: boolean })[]): string {
  return `[${items
    .map((x) => (typeof x === 'string' ? flowScalar(x) : `{ text: ${flowScalar(x.text)}, safeAlone: ${x.safeAlone} }`))
    .join(', ')}]`;
}

function flowScalar(s: string): string {
  const plain = scalar(s);
  return plain.startsWith('"') || /[,()]/.test(s) ? JSON.stringify(s) : plain;
}

/** A comment of one or more lines at an indent, each line cut to a readable width. */
export function comment(text: string, indent = ''): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.replace(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, ' ').split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > 100) {
        out.push(`${indent}# ${line}`);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line ? `${indent}# ${line}` : `${indent}#`);
  }
  return out;
}

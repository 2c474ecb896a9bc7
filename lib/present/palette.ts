// The colours of Crosscheck's marks and stances, and the contrast they are held to (WCAG 2.x).
// The page's marks must read on any page, light or dark, so each mark colour keeps 3:1 (non-text
// contrast) against white, black and a dark grey; each also has a line style of its own, so the
// kinds are told apart without colour.

/** The page's marks: quiet for actors and what outlets agree on, standing out for contradicted and disputed claims. */
export const MARK = {
  actor: { colour: '#2f7fc1', line: 'solid', thickness: 1 },
  claim: { colour: '#858a8f', line: 'dotted', thickness: 1 },
  disputed: { colour: '#8f5fd6', line: 'dashed', thickness: 2 },
  contradicted: { colour: '#e04316', line: 'wavy', thickness: 2 },
} as const;

/** The card's and the popup's stance colours as text, on a light and on a dark background. */
export const STANCE_TEXT = {
  light: { corroborates: '#1e6b34', differs: '#6b4fa0', contradicts: '#b3261e' },
  dark: { corroborates: '#81c995', differs: '#c58af9', contradicts: '#f28b82' },
} as const;

export const BACKGROUNDS = { light: ['#ffffff', '#f6f7f9'], dark: ['#000000', '#202124', '#2b2c30'] } as const;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The ::highlight() rules of the quiet style, one group a kind. */
export function quietHighlightCss(): string {
  return Object.entries(MARK)
    .map(([kind, m]) => `::highlight(crosscheck-${kind}) { text-decoration: underline ${m.line} ${m.colour} ${m.thickness}px; text-underline-offset: ${m.line === 'wavy' ? 3 : 4}px; text-decoration-skip-ink: none; }`)
    .join('\n');
}

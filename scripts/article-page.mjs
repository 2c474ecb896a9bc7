// A news page made from plain text, one paragraph per line, every string escaped: the demo page
// of `npm start`, the pages of the end-to-end tests, the scanner's fixture pages and the browser
// benchmark's corpus page.

/** @param {unknown} s */
export const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * @param {string} title
 * @param {string} text paragraphs, one per line
 * @param {{ lang?: string, head?: string, before?: string, byline?: string, after?: string }} [opts]
 *   head, before and after are trusted HTML of the caller's (styles, a banner, test fixtures)
 * @returns {string}
 */
export function articleHtml(title, text, opts = {}) {
  const paragraphs = String(text)
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${opts.head ?? ''}
</head>
<body>
${opts.before ?? ''}
<article>
<h1>${escapeHtml(title)}</h1>
${opts.byline ? `<div class="byline">${escapeHtml(opts.byline)}</div>` : ''}
${paragraphs}
</article>
${opts.after ?? ''}
</body>
</html>
`;
}

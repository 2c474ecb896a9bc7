// Who reported what, as one picture: a row for each outlet, a column for each claim, each cell the
// outlet's stance (agrees: solid, differs: striped, contradicts: solid with a bar, not reported:
// empty), so it reads without colour too. The outlets' names are text beside it; the picture has
// its words for screen readers (lib/present/coverage.ts).
import { chipLabel, type CoverageGrid } from '@/lib/present';
import './coverage.css';

const COL = 10;
const ROW = 14;

export function CoveragePicture({ grid, id, caption = 'Columns: the claims, in the order listed below.' }: { grid: CoverageGrid; id: string; caption?: string }) {
  if (!grid.outlets.length || !grid.claims.length) return null;
  const width = grid.claims.length * COL;
  const height = grid.outlets.length * ROW;
  const stripes = `${id}-stripes`;
  return (
    <figure class="coverage" aria-labelledby={`${id}-caption`}>
      <div class="cov-body">
        <ul class="cov-labels" aria-hidden="true">
          {grid.outlets.map((o) => (
            <li key={o.id} title={`${o.name}: ${o.reported} of ${grid.claims.length}`}>
              {chipLabel(o.name)}
            </li>
          ))}
        </ul>
        <svg class="cov-svg" role="img" aria-label={grid.alt} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" width="100%" height={height}>
          <defs>
            <pattern id={stripes} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect class="stripe-bg" width="4" height="4" />
              <rect class="stripe" width="2" height="4" />
            </pattern>
          </defs>
          {grid.cells.map((row, i) =>
            row.map((stance, j) => {
              const x = j * COL + 1;
              const y = i * ROW + 2;
              if (stance === null) return <rect key={`${i}-${j}`} class="cell-none" x={x} y={y} width={COL - 2} height={ROW - 4} />;
              return (
                <g key={`${i}-${j}`}>
                  <rect class={`cell-${stance}`} x={x} y={y} width={COL - 2} height={ROW - 4} fill={stance === 'differs' ? `url(#${stripes})` : undefined} />
                  {stance === 'contradicts' && <rect class="bar-contradicts" x={x} y={y + (ROW - 4) / 2 - 1} width={COL - 2} height={2} />}
                </g>
              );
            }),
          )}
        </svg>
      </div>
      <figcaption id={`${id}-caption`} class="legend">
        <span class="key key-corroborates" aria-hidden="true" /> agrees <span class="key key-differs" aria-hidden="true" /> differs{' '}
        <span class="key key-contradicts" aria-hidden="true" /> contradicts <span class="key key-none" aria-hidden="true" /> not reported. {caption}
      </figcaption>
    </figure>
  );
}

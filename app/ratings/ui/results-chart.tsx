import { formatPoints } from "~/ratings/format";
import { t } from "~/i18n/de";

type Proposal = {
  id: number;
  title: string;
  rank: number | null;
  mean: number | null;
  median: number | null;
  criteria: Array<{ criterionId: number; mean: number | null }>;
};
type Criterion = { id: number; title: string };

/** Dark enough for 3:1 against white (non-text contrast), and told apart by the legend order too. */
const COLORS = ["#0b4f86", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0f766e"];
const ROW = 28;
const BAR_GROUP = 14;
const LABEL_W = 190;
const BAR_W = 200;
const PANEL_GAP = 40;

const truncate = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Server-rendered SVG: weighted totals (left) and the per-criterion profile (right). The same
 * numbers are in the tables below it, so the chart carries a summary in <title>/<desc>.
 */
export function ResultsChart({ proposals, criteria, method }: { proposals: Proposal[]; criteria: Criterion[]; method: "mean" | "median" }) {
  const r = t.ratings.results;
  const shown = proposals.filter((p) => p.rank !== null);
  const value = (p: Proposal) => (method === "median" ? p.median : p.mean) ?? 0;
  const leftHeight = 30 + shown.length * ROW;
  const groupHeight = shown.length * BAR_GROUP + 12;
  const rightHeight = 30 + 24 + criteria.length * groupHeight;
  const height = Math.max(leftHeight, rightHeight) + 10;
  const rightX = LABEL_W + BAR_W + 50 + PANEL_GAP;
  const width = rightX + LABEL_W + BAR_W + 50;
  const summary = shown.map((p) => `${p.rank}. ${p.title}: ${formatPoints(value(p))}`).join("; ");
  return (
    <svg
      role="img"
      aria-labelledby="chart-title chart-desc"
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-5xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="chart-title">{r.chartTitle}</title>
      <desc id="chart-desc">{`${r.chartDesc} ${summary}`}</desc>
      <g fontFamily="system-ui, sans-serif" fontSize="12" fill="#0f172a">
        <text x={0} y={16} fontWeight="bold">{`${r.chartTotals} (${t.ratings.method[method]})`}</text>
        {shown.map((p, i) => {
          const y = 30 + i * ROW;
          return (
            <g key={p.id}>
              <text x={0} y={y + 14}>
                {truncate(`${p.rank}. ${p.title}`)}
              </text>
              <rect x={LABEL_W} y={y + 2} width={(value(p) / 10) * BAR_W} height={18} fill={COLORS[i % COLORS.length]} />
              <text x={LABEL_W + (value(p) / 10) * BAR_W + 6} y={y + 15}>
                {formatPoints(value(p))}
              </text>
            </g>
          );
        })}
        <text x={rightX} y={16} fontWeight="bold">
          {r.chartProfile}
        </text>
        {shown.map((p, i) => (
          <g key={p.id}>
            <rect x={rightX + i * 140} y={26} width={10} height={10} fill={COLORS[i % COLORS.length]} />
            <text x={rightX + i * 140 + 14} y={35}>
              {truncate(p.title, 18)}
            </text>
          </g>
        ))}
        {criteria.map((criterion, ci) => {
          const y = 54 + ci * groupHeight;
          return (
            <g key={criterion.id}>
              <text x={rightX} y={y + 12}>
                {truncate(criterion.title)}
              </text>
              {shown.map((p, i) => {
                const mean = p.criteria.find((c) => c.criterionId === criterion.id)?.mean ?? 0;
                return (
                  <g key={p.id}>
                    <rect x={rightX + LABEL_W} y={y + i * BAR_GROUP} width={(mean / 10) * BAR_W} height={BAR_GROUP - 3} fill={COLORS[i % COLORS.length]} />
                    <text x={rightX + LABEL_W + (mean / 10) * BAR_W + 4} y={y + i * BAR_GROUP + 10} fontSize="10">
                      {formatPoints(mean)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </g>
    </svg>
  );
}

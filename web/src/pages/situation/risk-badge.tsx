import { useCodeLabel } from '../../i18n/codes.js';

/** Risk colours, chosen with text contrast ≥ 4.5:1 on their backgrounds. */
export const RISK_COLOURS = { low: '#1b7f3b', medium: '#b25e00', high: '#b3261e' } as const;

/** A risk level as a coloured label (the text carries the meaning; the colour only repeats it). */
export function RiskBadge({ level }: { readonly level: string | null }) {
  const label = useCodeLabel();
  if (!level) return null;
  return <span className={`badge risk-${level}`}>{label('riskLevel', level)}</span>;
}

import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../i18n/codes.js';
import { PORT_STATUS_COLOURS } from '../home/port-status.js';

/** A port status as a coloured dot and its name; no status yet reads "status unknown". */
export function StatusBadge({ status }: { readonly status: string | null }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const key = status ?? 'unknown';
  const colour = PORT_STATUS_COLOURS[key as keyof typeof PORT_STATUS_COLOURS] ?? PORT_STATUS_COLOURS.unknown;
  return (
    <span className="status">
      <span className="swatch dot" style={{ background: colour }} aria-hidden="true" />{' '}
      {status ? label('portStatus', status) : t('home.portStatus.unknown')}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import type { ListedHit } from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';

/**
 * Who an alert card is about: the traveller's name as recorded on the crossing and the watchlisted entry's
 * category. Once retention purged the crossing the card says so, so an officer never reads blank as "unknown".
 */
export function HitTravellerLine({ hit }: { readonly hit: ListedHit }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const { traveller } = hit;
  const latin = traveller ? [traveller.surname, traveller.givenNames].filter(Boolean).join(', ') : '';
  const native = traveller?.nativeName ?? '';
  return (
    <span className="hit-traveller" data-testid="hit-traveller">
      {traveller === null ? (
        <em className="muted">{t('warnings.feed.purged')}</em>
      ) : (
        <span>
          {latin || native || t('warnings.feed.unnamed')}
          {latin && native && <span className="muted"> ({native})</span>}
        </span>
      )}
      {hit.entryCategory && <span className="small"> · {label('personCategory', hit.entryCategory)}</span>}
    </span>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../api/operations.js';
import { InputField } from '../../ui/fields.js';
import { positionText } from './position.js';

/** A route as an ordered list of points: each typed here or added by a click on the map beside it. */
export function RouteEditor({
  legend,
  route,
  onChange,
}: {
  readonly legend: string;
  readonly route: readonly Position[];
  readonly onChange: (route: Position[]) => void;
}) {
  const { t } = useTranslation();
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');
  const add = () => {
    const point: Position = [Number(lon), Number(lat)];
    if (!lon || !lat || Number.isNaN(point[0]) || Number.isNaN(point[1])) return;
    onChange([...route, point]);
    setLon('');
    setLat('');
  };
  return (
    <fieldset className="route">
      <legend>{legend}</legend>
      <p className="muted small">{t('operations.plan.routeHint')}</p>
      <ol>
        {route.map((point, index) => (
          <li key={`${point.join(':')}:${index.toString()}`}>
            {positionText(point)}{' '}
            <button
              type="button"
              onClick={() => onChange(route.filter((_, other) => other !== index))}
              aria-label={t('operations.plan.removePoint', { index: index + 1 })}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="inline-fields">
        <InputField
          label={t('operations.lon')}
          type="number"
          step="any"
          min={-180}
          max={180}
          value={lon}
          onChange={(event) => setLon(event.target.value)}
        />
        <InputField
          label={t('operations.lat')}
          type="number"
          step="any"
          min={-90}
          max={90}
          value={lat}
          onChange={(event) => setLat(event.target.value)}
        />
        <button type="button" onClick={add}>
          {t('operations.plan.addPoint')}
        </button>
      </div>
    </fieldset>
  );
}

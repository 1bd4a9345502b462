import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnAgency } from '../../api/agencies.js';
import { usePlaceNames } from '../../api/places.js';
import { localName } from '../../api/types.js';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { choicesOf, InputField, SelectField } from '../../ui/fields.js';

/** Direction and port of a crossing, as the desk form and the passenger-list form both ask for them. */
export function CrossingPlaceFields({ error }: { readonly error: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const places = usePlaceNames();
  const own = useOwnAgency();
  const language = currentLanguage();
  const portList = useId();
  // the node records crossings at its own country's ports, not at those facing them across the border
  const ports =
    places.status === 'ready' && own
      ? [...places.data.ports].filter(([code]) => places.data.portCountries.get(code) === own.country)
      : [];
  return (
    <>
      <SelectField
        label={t('warnings.screen.direction')}
        name="direction"
        choices={choicesOf(codesOf('direction'), (code) => label('direction', code))}
      />
      <InputField
        label={t('warnings.screen.port')}
        error={error('portCode')}
        name="portCode"
        list={portList}
        autoComplete="off"
        required
      />
      {/* our ports, offered by name as the officer types: the API takes the code */}
      <datalist id={portList}>
        {ports.map(([code, names]) => (
          <option key={code} value={code}>
            {localName(names, language, code)}
          </option>
        ))}
      </datalist>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { codesOf, useCodeLabel } from '../../i18n/codes.js';
import { choicesOf, InputField, SelectField } from '../../ui/fields.js';

/** Direction and port of a crossing, as the desk form and the passenger-list form both ask for them. */
export function CrossingPlaceFields({ error }: { readonly error: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <>
      <SelectField
        label={t('warnings.screen.direction')}
        name="direction"
        choices={choicesOf(codesOf('direction'), (code) => label('direction', code))}
      />
      <InputField label={t('warnings.screen.port')} error={error('portCode')} name="portCode" required />
    </>
  );
}

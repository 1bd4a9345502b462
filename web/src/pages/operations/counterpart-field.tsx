import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../api/agencies.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { directoryChoices, SelectField } from '../../ui/fields.js';

/** The counterpart agency a plan or a handover is agreed with, chosen among the directory's counterparts. */
export function CounterpartField({ error }: { readonly error: string | undefined }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const counterparts =
    agencies.status === 'ready' ? agencies.data.filter((agency) => agency.kind === 'counterpart') : [];
  return (
    <SelectField
      label={t('operations.plan.counterpart')}
      error={error}
      name="counterpartAgency"
      required
      choices={directoryChoices(counterparts, currentLanguage())}
    />
  );
}

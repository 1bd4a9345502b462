import { useTranslation } from 'react-i18next';
import { Layout } from '../shell/layout.js';
import { Link } from '../shell/router.js';

/** A page that can only say why it has nothing to show: no access, or no such page. */
export function StatusPage({ title, message }: { readonly title: string; readonly message: string }) {
  const { t } = useTranslation();
  return (
    <Layout title={title}>
      <p className="empty-state">{message}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Layout>
  );
}

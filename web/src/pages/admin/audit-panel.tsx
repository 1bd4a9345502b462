import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditVerification, latestAudit, verifyAudit } from '../../api/admin.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage, LOCALE_TAGS } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { ResourceView } from '../../ui/resource-view.js';
import { SubmissionOutcome, useSubmission } from '../../ui/submission.js';

const RECENT_ENTRIES = 20;

/** The action's label from the catalogue; a code this client has no label for yet is shown as it stands. */
function useActionLabel(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    const key = `admin.audit.actions.${code}`;
    // A code that names only a group of actions (`hit`) resolves to an object, not a label.
    const label = i18n.exists(key) ? t(key, { returnObjects: false }) : undefined;
    return typeof label === 'string' && label !== key ? label : code;
  };
}

// The code stays beside the label, small: it is what the node's logs and the audit export carry.
function ActionLabel({ code, label }: { readonly code: string; readonly label: string }) {
  if (label === code) return <code>{code}</code>;
  return (
    <>
      {label} <code className="muted small">{code}</code>
    </>
  );
}

/** Audit times down to the second: the log is read to order events that happen moments apart. */
function useAuditTime(): (instant: string) => string {
  useTranslation();
  const language = currentLanguage();
  const format = useMemo(
    () => new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'medium', timeStyle: 'medium' }),
    [language],
  );
  return (instant) => format.format(new Date(instant));
}

function VerificationResult({ result }: { readonly result: AuditVerification }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entries = format.number(result.entries);
  if (result.ok) {
    return (
      <p className="notice" data-testid="audit-result">
        {t('admin.audit.intact', { entries })}
      </p>
    );
  }
  const reason = result.reason === 'link_mismatch' ? 'link_mismatch' : 'hash_mismatch';
  return (
    <div className="form-error" data-testid="audit-result">
      <p>{t('admin.audit.broken', { seq: result.brokenAt ?? '?', entries })}</p>
      <p>{t(`admin.audit.reasons.${reason}`)}</p>
    </div>
  );
}

/** Re-computes the audit hash chain on demand, and shows the latest entries. */
export function AuditPanel() {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const auditTime = useAuditTime();
  const submission = useSubmission();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [generation, setGeneration] = useState(0);
  const recent = useResource(`admin-audit:${generation}`, () => latestAudit(RECENT_ENTRIES));
  const verify = () => {
    setResult(null);
    void submission
      .run(verifyAudit, (verification) => {
        setResult(verification);
        return undefined;
      })
      // The entries written since the page opened are part of what was verified, so show them too.
      .then((done) => done && setGeneration((value) => value + 1));
  };
  return (
    <>
      <section className="panel" aria-labelledby="audit-verify-title">
        <h2 id="audit-verify-title">{t('admin.audit.verifyTitle')}</h2>
        <p className="muted small">{t('admin.audit.verifyHint')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={verify}>
            {t('admin.audit.verify')}
          </button>
        </div>
        <div aria-live="polite">{result && <VerificationResult result={result} />}</div>
        <SubmissionOutcome submission={submission} />
      </section>
      <ResourceView resource={recent}>
        {(items) => (
          <DataTable
            caption={t('admin.audit.recent', { limit: RECENT_ENTRIES })}
            rows={items}
            rowKey={(entry) => String(entry.seq)}
            empty={t('admin.audit.empty')}
            columns={[
              { key: 'seq', header: '#', numeric: true, rowHeader: true, cell: (e) => e.seq },
              {
                key: 'at',
                header: t('admin.audit.at'),
                cell: (e) => <time dateTime={e.at}>{auditTime(e.at)}</time>,
              },
              { key: 'actor', header: t('admin.audit.actor'), cell: (e) => e.actorName },
              {
                key: 'action',
                header: t('admin.audit.action'),
                cell: (e) => <ActionLabel code={e.action} label={actionLabel(e.action)} />,
              },
              {
                key: 'target',
                header: t('admin.audit.target'),
                cell: (e) => [e.targetType, e.targetId].filter(Boolean).join(' '),
              },
            ]}
          />
        )}
      </ResourceView>
    </>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPeer, listPeers, ownKeys, type Peer, removePeer } from '../../api/admin.js';
import { LANGUAGES, type Language } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useFormatters } from '../../i18n/format.js';
import { LANGUAGE_NAMES } from '../../i18n/i18n.js';
import { DataTable } from '../../ui/data-table.js';
import { InputField, SelectField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, SubmissionOutcome, SubmitWithOutcome, useSubmission } from '../../ui/submission.js';

const MODES = ['node', 'manual'] as const;

function OwnKeyPanel() {
  const { t } = useTranslation();
  const keys = useResource('admin-own-keys', ownKeys);
  return (
    <section className="panel" aria-labelledby="own-key-title">
      <h2 id="own-key-title">{t('admin.peers.ownKey')}</h2>
      <ResourceView resource={keys}>
        {(own) => (
          <dl>
            <dt>{t('admin.peers.code')}</dt>
            <dd>{own.code}</dd>
            <dt>{t('admin.peers.url')}</dt>
            <dd className="mono">{own.url}</dd>
            <dt>{t('admin.peers.readAloud')}</dt>
            <dd className="mono" data-testid="own-fingerprint-display">
              {own.fingerprintDisplay}
            </dd>
            <dt>{t('admin.peers.fingerprint')}</dt>
            <dd className="mono" data-testid="own-fingerprint">
              {own.fingerprint}
            </dd>
          </dl>
        )}
      </ResourceView>
      <p className="muted small">{t('admin.peers.ownKeyHint')}</p>
    </section>
  );
}

function NewPeerForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmission();
  const [mode, setMode] = useState<(typeof MODES)[number]>('node');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    const code = text('code').toUpperCase();
    void submission.runAndReset(
      form,
      () =>
        addPeer({
          code,
          mode,
          language: text('language') as Language,
          ...(mode === 'node'
            ? { url: text('url'), fingerprint: text('fingerprint') }
            : { email: text('email') }),
        }),
      (peer) => t('admin.peers.added', { code: peer.code }),
      onSaved,
    );
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="new-peer-title">
      <h2 id="new-peer-title">{t('admin.peers.add')}</h2>
      <InputField
        label={t('admin.peers.code')}
        hint={t('admin.peers.codeHint')}
        error={error('code')}
        name="code"
        required
        autoComplete="off"
      />
      <SelectField
        label={t('admin.peers.mode')}
        name="mode"
        value={mode}
        onChange={(event) => setMode(event.target.value === 'manual' ? 'manual' : 'node')}
        choices={MODES.map((value) => ({ value, label: t(`admin.peers.modes.${value}`) }))}
      />
      {mode === 'node' ? (
        <>
          <InputField
            label={t('admin.peers.url')}
            hint={t('admin.peers.addHint')}
            error={error('url')}
            name="url"
            type="url"
            required
            placeholder="https://"
          />
          <InputField
            label={t('admin.peers.fingerprint')}
            hint={t('admin.peers.fingerprintHint')}
            error={error('fingerprint')}
            name="fingerprint"
            required
            autoComplete="off"
          />
        </>
      ) : (
        <InputField
          label={t('admin.peers.email')}
          error={error('email')}
          name="email"
          type="email"
          required
        />
      )}
      <SelectField
        label={t('admin.peers.language')}
        name="language"
        defaultValue="en"
        choices={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
      />
      <SubmitWithOutcome label={t('admin.peers.addButton')} submission={submission} />
    </form>
  );
}

/** This node's key for the counterpart to check, the trust list, and adding or removing a peer. */
export function PeersPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [generation, setGeneration] = useState(0);
  const submission = useSubmission();
  const reload = () => setGeneration((value) => value + 1);
  const peers = useResource(`admin-peers:${generation}`, listPeers);
  const remove = (peer: Peer) => {
    if (!window.confirm(t('admin.peers.confirmRemove', { code: peer.code }))) return;
    void submission
      .run(
        () => removePeer(peer.code),
        () => t('admin.peers.removed', { code: peer.code }),
      )
      .then((removed) => removed && reload());
  };
  return (
    <>
      <OwnKeyPanel />
      <SubmissionOutcome submission={submission} />
      <ResourceView resource={peers}>
        {(items) => (
          <DataTable
            caption={t('admin.peers.caption')}
            rows={items}
            rowKey={(peer) => peer.code}
            empty={t('admin.peers.empty')}
            rowClassName={(peer) => (peer.status === 'removed' ? 'muted' : undefined)}
            columns={[
              { key: 'code', header: t('admin.peers.code'), rowHeader: true, cell: (p) => p.code },
              { key: 'mode', header: t('admin.peers.mode'), cell: (p) => t(`admin.peers.modes.${p.mode}`) },
              { key: 'url', header: t('admin.peers.url'), cell: (p) => p.url ?? p.email ?? '—' },
              {
                key: 'fingerprint',
                header: t('admin.peers.fingerprint'),
                cell: (p) => <span className="mono">{p.fingerprintDisplay ?? '—'}</span>,
              },
              {
                key: 'status',
                header: t('admin.peers.status'),
                cell: (p) => t(`admin.peers.statuses.${p.status}`),
              },
              {
                key: 'updated',
                header: t('admin.peers.updatedAt'),
                cell: (p) => format.date(new Date(p.updatedAt)),
              },
              {
                key: 'remove',
                header: t('admin.actions'),
                cell: (p) =>
                  p.status === 'active' && (
                    <button
                      type="button"
                      aria-label={t('common.removeItem', { item: p.code })}
                      onClick={() => remove(p)}
                    >
                      {t('common.remove')}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </ResourceView>
      <NewPeerForm onSaved={reload} />
    </>
  );
}

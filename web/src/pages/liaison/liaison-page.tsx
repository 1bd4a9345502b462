import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useAgencies, useOwnAgency } from '../../api/agencies.js';
import { api } from '../../api/client.js';
import { localName, type Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { shiftDay, useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { Done, FailureAlert, Field, failureOf, fieldErrorOf } from '../../ui/form.js';

const CHANNELS = ['letter', 'phone', 'video', 'meeting'] as const;
const DIRECTIONS = ['incoming', 'outgoing', 'mutual'] as const;
const PARTY_KINDS = ['own', 'counterpart', 'international', 'other'] as const;
const FOLLOW_UPS = ['none', 'open', 'in_progress', 'done'] as const;

interface Party {
  readonly name: string;
  readonly role?: string;
  readonly kind: (typeof PARTY_KINDS)[number];
  readonly agencyCode?: string;
}

interface LiaisonContact {
  readonly id: string;
  readonly occurredOn: string;
  readonly channel: (typeof CHANNELS)[number];
  readonly direction: (typeof DIRECTIONS)[number];
  readonly parties: readonly Party[];
  readonly subject: string;
  readonly summary: string | null;
  readonly followUpStatus: (typeof FOLLOW_UPS)[number];
  readonly commitments: readonly {
    readonly description: string;
    readonly owner: string;
    readonly status: string;
  }[];
}

interface Counts {
  readonly total: number;
  readonly byChannel: Readonly<Record<string, number>>;
}

function ContactForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const own = useOwnAgency();
  const agencies = useAgencies();
  const language = currentLanguage();
  const [failure, setFailure] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const agencyCode = text('agencyCode');
    const summary = text('summary');
    const commitment = text('commitment');
    setFailure(null);
    setDone(null);
    api<LiaisonContact>('POST', '/api/v1/liaison/contacts', {
      occurredOn: text('occurredOn'),
      channel: text('channel'),
      direction: text('direction'),
      subject: text('subject'),
      parties: [
        {
          name: text('partyName'),
          kind: text('partyKind'),
          ...(text('partyRole') && { role: text('partyRole') }),
          ...(agencyCode && { agencyCode }),
        },
      ],
      ...(summary && { summary }),
      ...(commitment && {
        commitments: [
          { description: commitment, owner: text('commitmentOwner') || text('partyName'), status: 'open' },
        ],
      }),
      followUpStatus: text('followUpStatus'),
    }).then(
      () => {
        element.reset();
        setDone(t('liaison.saved'));
        onSaved();
      },
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const error = (field: string) => fieldErrorOf(failure, field);
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{t('liaison.add')}</h2>
      <Field label={t('liaison.occurredOn')} error={error('occurredOn')}>
        {({ id }) => <input id={id} name="occurredOn" type="date" required defaultValue={agencyToday(own)} />}
      </Field>
      <Field label={t('liaison.channel')}>
        {({ id }) => (
          <select id={id} name="channel">
            {CHANNELS.map((code) => (
              <option key={code} value={code}>
                {t(`liaison.channels.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('liaison.direction')}>
        {({ id }) => (
          <select id={id} name="direction">
            {DIRECTIONS.map((code) => (
              <option key={code} value={code}>
                {t(`liaison.directions.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('liaison.subject')} error={error('subject')}>
        {({ id }) => <input id={id} name="subject" required maxLength={300} />}
      </Field>
      <Field label={t('liaison.partyName')} error={error('name')}>
        {({ id }) => <input id={id} name="partyName" required maxLength={200} />}
      </Field>
      <Field label={t('liaison.partyRole')}>
        {({ id }) => <input id={id} name="partyRole" maxLength={200} />}
      </Field>
      <Field label={t('liaison.partyKind')}>
        {({ id }) => (
          <select id={id} name="partyKind" defaultValue="counterpart">
            {PARTY_KINDS.map((code) => (
              <option key={code} value={code}>
                {t(`liaison.partyKinds.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('liaison.agency')}>
        {({ id }) => (
          <select id={id} name="agencyCode" defaultValue="">
            <option value="">—</option>
            {agencies.status === 'ready' &&
              agencies.data.map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {localName(agency.names, language, agency.code)} ({agency.code})
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={t('liaison.summary')} error={error('summary')}>
        {({ id }) => <textarea id={id} name="summary" rows={3} />}
      </Field>
      <Field label={t('liaison.commitment')}>
        {({ id }) => <input id={id} name="commitment" maxLength={1000} />}
      </Field>
      <Field label={t('liaison.commitmentOwner')}>
        {({ id }) => <input id={id} name="commitmentOwner" maxLength={200} />}
      </Field>
      <Field label={t('liaison.followUp')}>
        {({ id }) => (
          <select id={id} name="followUpStatus" defaultValue="none">
            {FOLLOW_UPS.map((code) => (
              <option key={code} value={code}>
                {t(`liaison.followUps.${code}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      <FailureAlert failure={failure} />
      <Done message={done} />
    </form>
  );
}

/** The liaison log: letters, calls and meetings with counterpart leaders and international bodies. */
export default function LiaisonPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const channelId = useId();
  const [channel, setChannel] = useState('');
  const [generation, setGeneration] = useState(0);
  const today = agencyToday(useOwnAgency());
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const query = channel ? `&channel=${channel}` : '';
  const contacts = useResource(`liaison:${channel}:${generation}:${today}`, () =>
    Promise.all([
      api<Page<LiaisonContact>>('GET', `/api/v1/liaison/contacts?limit=100${query}`),
      // The counts' `to` is exclusive, so tomorrow takes today's contacts in.
      api<Counts>('GET', `/api/v1/liaison/contacts/counts?from=${yearStart}&to=${shiftDay(today, 1)}`),
    ]),
  );
  return (
    <Layout title={t('liaison.title')}>
      <p className="intro">{t('liaison.intro')}</p>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={channelId}>{t('liaison.channel')}</label>
          <select id={channelId} value={channel} onChange={(event) => setChannel(event.target.value)}>
            <option value="">{t('liaison.allChannels')}</option>
            {CHANNELS.map((code) => (
              <option key={code} value={code}>
                {t(`liaison.channels.${code}`)}
              </option>
            ))}
          </select>
        </div>
        {contacts.status === 'ready' && (
          <p className="muted" data-testid="liaison-counts">
            {t('liaison.total', { total: format.number(contacts.data[1].total), year: today.slice(0, 4) })}
            {CHANNELS.filter((code) => contacts.data[1].byChannel[code]).map(
              (code) =>
                ` · ${t(`liaison.channels.${code}`)}: ${format.number(contacts.data[1].byChannel[code] ?? 0)}`,
            )}
          </p>
        )}
      </div>
      {contacts.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {contacts.status === 'failed' && <FailureAlert failure={new Error(contacts.detail)} />}
      {contacts.status === 'ready' && contacts.data[0].items.length === 0 && (
        <p className="empty-state">{t('liaison.empty')}</p>
      )}
      {contacts.status === 'ready' && contacts.data[0].items.length > 0 && (
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('liaison.occurredOn')}</th>
                <th scope="col">{t('liaison.channel')}</th>
                <th scope="col">{t('liaison.subject')}</th>
                <th scope="col">{t('liaison.parties')}</th>
                <th scope="col">{t('liaison.commitments')}</th>
                <th scope="col">{t('liaison.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.data[0].items.map((contact) => (
                <tr key={contact.id}>
                  <td>{format.day(contact.occurredOn)}</td>
                  <td>
                    {t(`liaison.channels.${contact.channel}`)} ·{' '}
                    {t(`liaison.directions.${contact.direction}`)}
                  </td>
                  <th scope="row">
                    {contact.subject}
                    {contact.summary && <p className="muted small">{contact.summary}</p>}
                  </th>
                  <td>
                    {contact.parties
                      .map((party) => [party.name, party.role, party.agencyCode].filter(Boolean).join(', '))
                      .join('; ')}
                  </td>
                  <td>
                    {contact.commitments.map((commitment) => (
                      <p key={commitment.description} className="small">
                        {commitment.description} — {commitment.owner}
                      </p>
                    ))}
                  </td>
                  <td>{t(`liaison.followUps.${contact.followUpStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ContactForm onSaved={() => setGeneration((value) => value + 1)} />
    </Layout>
  );
}

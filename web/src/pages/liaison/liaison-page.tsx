import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyToday, useAgencies, useOwnAgency } from '../../api/agencies.js';
import { api, uploadFile } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { shiftDay, useFormatters } from '../../i18n/format.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { Layout } from '../../shell/layout.js';
import { DataTable } from '../../ui/data-table.js';
import { choicesOf, directoryChoices, InputField, SelectField, TextAreaField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import {
  formText,
  type Submission,
  SubmissionOutcome,
  SubmitWithOutcome,
  useSubmission,
} from '../../ui/submission.js';

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

interface Commitment {
  readonly description: string;
  readonly owner: string;
  readonly dueDate?: string;
  readonly status: 'open' | 'done' | 'dropped';
}

interface LiaisonFile {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
}

interface LiaisonContact {
  readonly id: string;
  readonly occurredOn: string;
  readonly channel: (typeof CHANNELS)[number];
  readonly direction: (typeof DIRECTIONS)[number];
  readonly parties: readonly Party[];
  readonly subject: string;
  readonly summary: string | null;
  readonly assessment: string | null;
  readonly followUpStatus: (typeof FOLLOW_UPS)[number];
  readonly commitments: readonly Commitment[];
  readonly files: readonly LiaisonFile[];
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
  const submission = useSubmission();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const text = formText(element);
    const agencyCode = text('agencyCode');
    const commitment = text('commitment');
    void submission.runAndReset(
      element,
      () =>
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
          ...(text('summary') && { summary: text('summary') }),
          ...(text('assessment') && { assessment: text('assessment') }),
          ...(commitment && {
            commitments: [
              {
                description: commitment,
                owner: text('commitmentOwner') || text('partyName'),
                ...(text('commitmentDue') && { dueDate: text('commitmentDue') }),
                status: 'open',
              },
            ],
          }),
          followUpStatus: text('followUpStatus'),
        }),
      () => t('liaison.saved'),
      onSaved,
    );
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{t('liaison.add')}</h2>
      <InputField
        label={t('liaison.occurredOn')}
        error={error('occurredOn')}
        name="occurredOn"
        type="date"
        required
        defaultValue={agencyToday(own)}
      />
      <SelectField
        label={t('liaison.channel')}
        name="channel"
        choices={choicesOf(CHANNELS, (code) => t(`liaison.channels.${code}`))}
      />
      <SelectField
        label={t('liaison.direction')}
        name="direction"
        choices={choicesOf(DIRECTIONS, (code) => t(`liaison.directions.${code}`))}
      />
      <InputField
        label={t('liaison.subject')}
        error={error('subject')}
        name="subject"
        required
        maxLength={300}
      />
      <InputField
        label={t('liaison.partyName')}
        error={error('name')}
        name="partyName"
        required
        maxLength={200}
      />
      <InputField label={t('liaison.partyRole')} error={error('role')} name="partyRole" maxLength={200} />
      <SelectField
        label={t('liaison.partyKind')}
        name="partyKind"
        defaultValue="counterpart"
        choices={choicesOf(PARTY_KINDS, (code) => t(`liaison.partyKinds.${code}`))}
      />
      <SelectField
        label={t('liaison.agency')}
        name="agencyCode"
        defaultValue=""
        choices={[
          { value: '', label: '—' },
          ...(agencies.status === 'ready' ? directoryChoices(agencies.data, language) : []),
        ]}
      />
      <TextAreaField label={t('liaison.summary')} error={error('summary')} name="summary" rows={3} />
      <InputField
        label={t('liaison.assessment')}
        hint={t('liaison.assessmentHint')}
        error={error('assessment')}
        name="assessment"
        maxLength={2000}
      />
      <InputField
        label={t('liaison.commitment')}
        error={error('description')}
        name="commitment"
        maxLength={1000}
      />
      <InputField
        label={t('liaison.commitmentOwner')}
        error={error('owner')}
        name="commitmentOwner"
        maxLength={200}
      />
      <InputField
        label={t('liaison.commitmentDue')}
        error={error('dueDate')}
        name="commitmentDue"
        type="date"
      />
      <SelectField
        label={t('liaison.followUp')}
        name="followUpStatus"
        defaultValue="none"
        choices={choicesOf(FOLLOW_UPS, (code) => t(`liaison.followUps.${code}`))}
      />
      <SubmitWithOutcome label={t('common.save')} submission={submission} />
    </form>
  );
}

/** What every editable cell of a contact's row needs: the contact, the row's submission and who may change it. */
interface ContactCellProps {
  readonly contact: LiaisonContact;
  readonly submission: Submission;
  readonly mayEdit: boolean;
  readonly onSaved: () => void;
}

/** Follow-up and commitments of one contact, changed in place by a liaison officer. */
function FollowUpCell({ contact, submission, mayEdit, onSaved }: ContactCellProps) {
  const { t } = useTranslation();
  if (!mayEdit) return <>{t(`liaison.followUps.${contact.followUpStatus}`)}</>;
  const patch = (changes: Partial<Pick<LiaisonContact, 'followUpStatus' | 'commitments'>>) =>
    void submission
      .run(
        () => api<LiaisonContact>('PATCH', `/api/v1/liaison/contacts/${contact.id}`, changes),
        () => t('liaison.updated', { subject: contact.subject }),
      )
      .then((saved) => saved && onSaved());
  return (
    <select
      aria-label={t('liaison.followUpOf', { subject: contact.subject })}
      value={contact.followUpStatus}
      onChange={(event) => patch({ followUpStatus: event.target.value as LiaisonContact['followUpStatus'] })}
    >
      {FOLLOW_UPS.map((code) => (
        <option key={code} value={code}>
          {t(`liaison.followUps.${code}`)}
        </option>
      ))}
    </select>
  );
}

function CommitmentsCell({ contact, submission, mayEdit, onSaved }: ContactCellProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const markDone = (index: number) =>
    void submission
      .run(
        () =>
          api<LiaisonContact>('PATCH', `/api/v1/liaison/contacts/${contact.id}`, {
            commitments: contact.commitments.map((item, other) =>
              other === index ? { ...item, status: 'done' } : item,
            ),
          }),
        () => t('liaison.updated', { subject: contact.subject }),
      )
      .then((saved) => saved && onSaved());
  return (
    <>
      {contact.commitments.map((commitment, index) => (
        <p key={`${commitment.description}:${index.toString()}`} className="small">
          {commitment.description} — {commitment.owner}
          {commitment.dueDate && ` · ${t('liaison.due', { date: format.day(commitment.dueDate) })}`} ·{' '}
          {t(`liaison.commitmentStatuses.${commitment.status}`)}{' '}
          {mayEdit && commitment.status === 'open' && (
            <button
              type="button"
              aria-label={t('liaison.markCommitmentDone', { commitment: commitment.description })}
              onClick={() => markDone(index)}
            >
              {t('liaison.markDone')}
            </button>
          )}
        </p>
      ))}
    </>
  );
}

/** The files kept with a contact: download links, and for liaison officers upload and removal. */
function FilesCell({ contact, submission, mayEdit, onSaved }: ContactCellProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const inputId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const base = `/api/v1/liaison/contacts/${contact.id}/files`;
  const upload = (file: File) => {
    setProgress(0);
    void submission
      .run(
        () => uploadFile<LiaisonFile>(base, file, 'application/octet-stream', setProgress, file.name),
        (stored) => t('liaison.fileAttached', { name: stored.name, subject: contact.subject }),
      )
      .then((saved) => {
        setProgress(null);
        if (saved) onSaved();
      });
  };
  const remove = (file: LiaisonFile) => {
    if (!window.confirm(t('liaison.confirmRemoveFile', { name: file.name }))) return;
    void submission
      .run(
        () => api('DELETE', `${base}/${file.id}`),
        () => t('liaison.fileRemoved', { name: file.name }),
      )
      .then((saved) => saved && onSaved());
  };
  return (
    <>
      {contact.files.length > 0 && (
        <ul className="small">
          {contact.files.map((file) => (
            <li key={file.id}>
              <a href={`${base}/${file.id}`} download={file.name}>
                {file.name}
              </a>{' '}
              <span className="muted">
                {t('liaison.fileSize', { size: format.number(Math.max(1, Math.round(file.size / 1024))) })}
              </span>{' '}
              {mayEdit && (
                <button
                  type="button"
                  aria-label={t('liaison.removeFileNamed', { name: file.name })}
                  onClick={() => remove(file)}
                >
                  {t('liaison.removeFile')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && (
        <div className="field">
          <label htmlFor={inputId} className="small">
            {t('liaison.attachTo', { subject: contact.subject })}
          </label>
          <input
            id={inputId}
            type="file"
            disabled={progress !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) upload(file);
            }}
          />
          {progress !== null && (
            <progress
              max={1}
              value={progress}
              aria-label={t('liaison.uploading', { name: contact.subject })}
            />
          )}
        </div>
      )}
    </>
  );
}

/** Removes a contact recorded by mistake, after the officer confirms. */
function DeleteContactButton({
  contact,
  submission,
  onSaved,
}: {
  readonly contact: LiaisonContact;
  readonly submission: Submission;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const remove = () => {
    if (!window.confirm(t('liaison.confirmDelete', { subject: contact.subject }))) return;
    void submission
      .run(
        () => api('DELETE', `/api/v1/liaison/contacts/${contact.id}`),
        () => t('liaison.deleted', { subject: contact.subject }),
      )
      .then((saved) => saved && onSaved());
  };
  return (
    <button
      type="button"
      aria-label={t('liaison.deleteContact', { subject: contact.subject })}
      onClick={remove}
    >
      {t('liaison.delete')}
    </button>
  );
}

/** The liaison log: letters, calls and meetings with counterpart leaders and international bodies. */
export default function LiaisonPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useUser();
  const channelId = useId();
  const [channel, setChannel] = useState('');
  const [generation, setGeneration] = useState(0);
  const submission = useSubmission();
  const today = agencyToday(useOwnAgency());
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const query = channel ? `&channel=${channel}` : '';
  const mayEdit = user.roles.includes('liaison_officer') || user.roles.includes('admin');
  const reload = () => setGeneration((value) => value + 1);
  const contacts = useResource(`liaison:${channel}:${generation}:${today}`, () =>
    Promise.all([
      api<Page<LiaisonContact>>('GET', `/api/v1/liaison/contacts?limit=100${query}`),
      // The counts' `to` is exclusive, so tomorrow takes today's contacts in.
      api<Counts>('GET', `/api/v1/liaison/contacts/counts?from=${yearStart}&to=${shiftDay(today, 1)}`),
    ]),
  );
  const cellProps = { submission, mayEdit, onSaved: reload };
  return (
    <Layout title={t('liaison.title')}>
      <p className="intro">{t('liaison.intro')}</p>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={channelId}>{t('liaison.channel')}</label>
          <select id={channelId} value={channel} onChange={(event) => setChannel(event.target.value)}>
            {[
              { value: '', label: t('liaison.allChannels') },
              ...choicesOf(CHANNELS, (code) => t(`liaison.channels.${code}`)),
            ].map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        {contacts.status === 'ready' && (
          <p className="muted" data-testid="liaison-counts">
            {t('liaison.total', {
              count: contacts.data[1].total,
              total: format.number(contacts.data[1].total),
              year: today.slice(0, 4),
            })}
            {CHANNELS.filter((code) => contacts.data[1].byChannel[code]).map(
              (code) =>
                ` · ${t(`liaison.channels.${code}`)}: ${format.number(contacts.data[1].byChannel[code] ?? 0)}`,
            )}
          </p>
        )}
      </div>
      <SubmissionOutcome submission={submission} />
      <ResourceView resource={contacts}>
        {([page]) => (
          <DataTable
            rows={page.items}
            rowKey={(contact) => contact.id}
            empty={t('liaison.empty')}
            columns={[
              { key: 'on', header: t('liaison.occurredOn'), cell: (c) => format.day(c.occurredOn) },
              {
                key: 'channel',
                header: t('liaison.channel'),
                cell: (c) =>
                  `${t(`liaison.channels.${c.channel}`)} · ${t(`liaison.directions.${c.direction}`)}`,
              },
              {
                key: 'subject',
                header: t('liaison.subject'),
                rowHeader: true,
                cell: (c) => (
                  <>
                    {c.subject}
                    {c.summary && <p className="muted small">{c.summary}</p>}
                    {c.assessment && <p className="small">{c.assessment}</p>}
                  </>
                ),
              },
              {
                key: 'parties',
                header: t('liaison.parties'),
                cell: (c) =>
                  c.parties
                    .map((party) => [party.name, party.role, party.agencyCode].filter(Boolean).join(', '))
                    .join('; '),
              },
              {
                key: 'commitments',
                header: t('liaison.commitments'),
                cell: (c) => <CommitmentsCell contact={c} {...cellProps} />,
              },
              {
                key: 'followUp',
                header: t('liaison.followUp'),
                cell: (c) => <FollowUpCell contact={c} {...cellProps} />,
              },
              {
                key: 'files',
                header: t('liaison.files'),
                cell: (c) => <FilesCell contact={c} {...cellProps} />,
              },
              ...(mayEdit
                ? [
                    {
                      key: 'actions',
                      header: t('liaison.actions'),
                      cell: (c: LiaisonContact) => (
                        <DeleteContactButton contact={c} submission={submission} onSaved={reload} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </ResourceView>
      <ContactForm onSaved={reload} />
    </Layout>
  );
}

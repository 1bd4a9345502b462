import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../../api/client.js';
import { useResource } from '../../api/use-resource.js';
import { HIT_ACTIONS, type Hit, type WatchlistEntry } from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { Done, FailureAlert, Field, failureOf } from '../../ui/form.js';

interface Review {
  readonly hit: Hit;
  readonly entry: WatchlistEntry | null;
}

async function loadReview(id: string): Promise<Review> {
  const hit = await api<Hit>('GET', `/api/v1/warning/hits/${id}`);
  if (!hit.entryId) return { hit, entry: null };
  // An entry can be gone (expired, withdrawn by the sharing agency) while its hit is still reviewed.
  const entry = await api<WatchlistEntry>('GET', `/api/v1/warning/watchlist/${hit.entryId}`).catch(
    (error: unknown) => {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    },
  );
  return { hit, entry };
}

function EntryIdentity({ entry }: { readonly entry: WatchlistEntry }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const rows: [string, string | null][] = [
    [t('warnings.person.surname'), entry.surname],
    [t('warnings.person.givenNames'), entry.givenNames],
    [t('warnings.person.nativeName'), entry.nativeName],
    [t('warnings.person.birthDate'), entry.birthDate],
    [t('warnings.person.sex'), entry.sex && label('sex', entry.sex)],
    [t('warnings.person.nationality'), entry.nationality],
    [t('warnings.person.documentNumber'), entry.documentNumber],
    [t('warnings.person.category'), label('personCategory', entry.category)],
    [t('warnings.person.reason'), entry.reason],
    [t('warnings.person.source'), entry.sourceAgency],
    [t('warnings.person.validUntil'), format.day(entry.validUntil)],
  ];
  return (
    <dl className="identity">
      {rows
        .filter((row): row is [string, string] => Boolean(row[1]))
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function Decision({ hit, onDecided }: { readonly hit: Hit; readonly onDecided: (notice: string) => void }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const [failure, setFailure] = useState<Error | null>(null);
  const decide = (path: 'confirm' | 'dismiss', reason: string) => {
    setFailure(null);
    api<Hit>('POST', `/api/v1/warning/hits/${hit.id}/${path}`, { reason }).then(
      () => onDecided(t(`warnings.review.${path}ed`)),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const path =
      submitter instanceof HTMLButtonElement && submitter.value === 'dismiss' ? 'dismiss' : 'confirm';
    decide(path, String(new FormData(event.currentTarget).get('reason') ?? '').trim());
  };
  const act = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const action = String(new FormData(event.currentTarget).get('action') ?? '');
    setFailure(null);
    api<Hit>('POST', `/api/v1/warning/hits/${hit.id}/action`, { action }).then(
      () => onDecided(t('warnings.review.actionRecorded')),
      (error: unknown) => setFailure(failureOf(error)),
    );
  };
  return (
    <div className="decision">
      {hit.status === 'open' ? (
        <form onSubmit={submit}>
          <Field label={t('warnings.review.reason')}>
            {({ id }) => <textarea id={id} name="reason" required maxLength={1000} rows={2} />}
          </Field>
          <div className="actions">
            <button type="submit" value="confirm" className="primary">
              {t('warnings.review.confirm')}
            </button>
            <button type="submit" value="dismiss">
              {t('warnings.review.dismiss')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          {t(`warnings.status.${hit.status}`)}
          {hit.decisionReason && ` — ${hit.decisionReason}`}
        </p>
      )}
      {hit.status === 'confirmed' && (
        <form onSubmit={act} className="actions">
          <Field label={t('warnings.review.action')}>
            {({ id }) => (
              <select id={id} name="action" defaultValue={hit.action ?? HIT_ACTIONS[0]}>
                {HIT_ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {label('hitAction', action)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">{t('warnings.review.recordAction')}</button>
        </form>
      )}
      <FailureAlert failure={failure} />
    </div>
  );
}

/** One hit under review: the watchlisted identity beside the matcher's field-by-field explanation, and the decision. */
export function HitReview({ id, onDecided }: { readonly id: string; readonly onDecided: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const [generation, setGeneration] = useState(0);
  // The notice lives here, not in the decision form, because the review reloads after each decision.
  const [notice, setNotice] = useState<string | null>(null);
  const review = useResource(`hit:${id}:${generation}`, () => loadReview(id));
  if (review.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (review.status === 'failed') return <FailureAlert failure={new Error(review.detail)} />;
  const { hit, entry } = review.data;
  return (
    <section aria-labelledby="review-title" className="review">
      <h2 id="review-title">{t('warnings.review.title')}</h2>
      <p>
        {hit.kind === 'rule' && hit.rule
          ? t(`warnings.rules.${hit.rule}`)
          : label('matchVerdict', hit.verdict)}{' '}
        · {hit.portCode} · {label('direction', hit.direction)} · {format.dateTime(hit.crossedAt)} ·{' '}
        {t(`warnings.origin.${hit.origin}`)}
      </p>
      <div className="side-by-side">
        <div>
          <h3>{t('warnings.review.explanation')}</h3>
          {hit.explanation.length === 0 ? (
            <p className="muted">{t('warnings.review.noExplanation')}</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('warnings.review.field')}</th>
                  <th scope="col">{t('warnings.review.agreement')}</th>
                  <th scope="col">{t('warnings.review.weight')}</th>
                  <th scope="col">{t('warnings.review.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {hit.explanation.map((evidence) => (
                  <tr key={evidence.field} className={`agreement-${evidence.agreement}`}>
                    <th scope="row">
                      {t(`warnings.fields.${evidence.field}`, { defaultValue: evidence.field })}
                    </th>
                    <td>
                      {t(`warnings.agreement.${evidence.agreement}`, { defaultValue: evidence.agreement })}
                    </td>
                    <td className="num">{format.number(Math.round(evidence.weight * 100) / 100)}</td>
                    <td lang="en">{evidence.detail}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('warnings.review.score')}
                  </th>
                  <td className="num">{format.number(Math.round(hit.score * 100) / 100)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          )}
        </div>
        <div>
          <h3>{t('warnings.review.watchlisted')}</h3>
          {entry ? <EntryIdentity entry={entry} /> : <p className="muted">{t('warnings.review.noEntry')}</p>}
        </div>
      </div>
      <Decision
        hit={hit}
        onDecided={(message) => {
          setNotice(message);
          setGeneration((value) => value + 1);
          onDecided();
        }}
      />
      <Done message={notice} />
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../../api/client.js';
import { usePlaceName } from '../../api/places.js';
import { useResource } from '../../api/use-resource.js';
import {
  type Crossing,
  type Evidence,
  HIT_ACTIONS,
  type Hit,
  type WatchlistEntry,
} from '../../api/warning.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { Done, FailureAlert, Field, failureOf } from '../../ui/form.js';

interface Review {
  readonly hit: Hit;
  readonly crossing: Crossing | null;
  readonly entry: WatchlistEntry | null;
}

/** Reads `url`, or null when the node no longer has it (404). */
function unlessGone<T>(url: string): Promise<T | null> {
  return api<T>('GET', url).catch((error: unknown) => {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  });
}

async function loadReview(id: string): Promise<Review> {
  const hit = await api<Hit>('GET', `/api/v1/warning/hits/${id}`);
  // An entry can be gone (expired, withdrawn by the sharing agency) while its hit is still reviewed.
  const [crossing, entry] = await Promise.all([
    unlessGone<Crossing>(`/api/v1/warning/crossings/${hit.crossingId}`),
    hit.entryId ? unlessGone<WatchlistEntry>(`/api/v1/warning/watchlist/${hit.entryId}`) : null,
  ]);
  return { hit, crossing, entry };
}

/** Which piece of the matcher's (or rule's) evidence speaks about each traveller field. */
const EVIDENCE_OF: Readonly<Record<string, string>> = {
  surname: 'name',
  givenNames: 'name',
  nativeName: 'name',
  sex: 'sex',
  birthDate: 'birthDate',
  nationality: 'nationality',
  documentNumber: 'documentNumber',
  portCode: 'portCode',
  conveyance: 'conveyance',
  fromCounty: 'fromCounty',
  residenceCounty: 'residenceCounty',
};

/** The agreement of one field, in words and colour, so a glance shows what agrees and what does not. */
function AgreementMark({ evidence, rule }: { readonly evidence: Evidence; readonly rule: boolean }) {
  const { t } = useTranslation();
  const text = rule
    ? t('warnings.review.raisedIt')
    : t(`warnings.agreement.${evidence.agreement}`, { defaultValue: evidence.agreement });
  return (
    <span className={`badge agreement-${rule ? 'rule' : evidence.agreement}`}>
      <span className="visually-hidden">{t('warnings.review.agreement')}: </span>
      {text}
    </span>
  );
}

/**
 * What one field's evidence says, in the reader's language from its reason and values; the node's English for a
 * hit raised before reasons were kept. Name parts (LI~LEE 0.91) read the same in every language.
 */
function EvidenceDetail({ evidence }: { readonly evidence: Evidence }) {
  const { t, i18n } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const placeName = usePlaceName();
  const key = `warnings.evidence.${evidence.reason}`;
  if (evidence.reason === 'name_parts') return <td>{evidence.detail}</td>;
  if (!evidence.reason || !i18n.exists(key)) return <td lang="en">{evidence.detail}</td>;
  const values: Record<string, string | number> = { ...evidence.values };
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  // places by the names the directory gives them, as the rest of the page shows them
  const portCode = text('portCode');
  if (portCode) values.portCode = placeName('ports', portCode);
  const county = text('county');
  if (county) values.county = placeName('counties', county);
  const status = text('status');
  if (status) values.status = label('portStatus', status);
  const crossedAt = text('crossedAt');
  if (crossedAt) values.crossedAt = format.dateTime(crossedAt);
  const day = text('day');
  if (day) values.day = format.day(day);
  for (const side of ['traveller', 'listed']) {
    const value = text(side);
    if (value && evidence.field === 'sex') values[side] = label('sex', value);
  }
  return <td>{t(key, { ...values, interpolation: { escapeValue: false } })}</td>;
}

/** The traveller as recorded at the crossing, each field marked with what the explanation says about it. */
function TravellerIdentity({ hit, crossing }: { readonly hit: Hit; readonly crossing: Crossing }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormatters();
  const placeName = usePlaceName();
  const evidence = new Map(hit.explanation.map((item) => [item.field, item]));
  const person = crossing.identity;
  const document =
    person &&
    [person.documentType && label('documentType', person.documentType), person.issuingState]
      .filter(Boolean)
      .join(' · ');
  const rows: [string, string, string | null][] = [
    ...(person
      ? ([
          ['surname', t('warnings.person.surname'), person.surname],
          ['givenNames', t('warnings.person.givenNames'), person.givenNames],
          ['nativeName', t('warnings.person.nativeName'), person.nativeName],
          ['birthDate', t('warnings.person.birthDate'), person.birthDate],
          ['sex', t('warnings.person.sex'), person.sex && label('sex', person.sex)],
          ['nationality', t('warnings.person.nationality'), person.nationality],
          ['documentNumber', t('warnings.person.documentNumber'), person.documentNumber],
          ['document', t('warnings.person.document'), document || null],
        ] as [string, string, string | null][])
      : []),
    [
      'portCode',
      t('warnings.screen.port'),
      `${placeName('ports', crossing.portCode)} (${crossing.portCode})`,
    ],
    ['direction', t('warnings.screen.direction'), label('direction', crossing.direction)],
    [
      'crossedAt',
      crossing.kind === 'expected' ? t('warnings.crossing.expectedAt') : t('warnings.crossing.crossedAt'),
      format.dateTime(crossing.crossedAt),
    ],
    ['conveyance', t('warnings.screen.conveyance'), crossing.conveyance],
    ['fromCounty', t('warnings.screen.fromCounty'), crossing.fromCounty],
    ['residenceCounty', t('warnings.screen.residenceCounty'), crossing.residenceCounty],
  ];
  return (
    <>
      {crossing.purgedAt && (
        <p className="muted">{t('warnings.review.purged', { date: format.dateTime(crossing.purgedAt) })}</p>
      )}
      <dl className="identity" data-testid="traveller">
        {rows
          .filter((row): row is [string, string, string] => Boolean(row[2]))
          .map(([field, term, value]) => {
            const said = evidence.get(EVIDENCE_OF[field] ?? field);
            return (
              <div key={field}>
                <dt>{term}</dt>
                <dd>
                  {value} {said && <AgreementMark evidence={said} rule={hit.kind === 'rule'} />}
                </dd>
              </div>
            );
          })}
      </dl>
    </>
  );
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
  const format = useFormatters();
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
      {hit.actions.length > 0 && (
        <section aria-labelledby="actions-taken">
          <h3 id="actions-taken">{t('warnings.review.actionsTaken')}</h3>
          <ol className="actions-taken">
            {hit.actions.map((taken) => (
              <li key={`${taken.at}-${taken.action}`}>
                {label('hitAction', taken.action)} —{' '}
                {t('warnings.review.actionBy', { at: format.dateTime(taken.at), by: taken.by })}
              </li>
            ))}
          </ol>
        </section>
      )}
      {hit.status === 'confirmed' && (
        <form onSubmit={act} className="actions">
          <Field label={t('warnings.review.action')}>
            {({ id }) => (
              <select id={id} name="action" defaultValue={hit.action ?? HIT_ACTIONS[0]}>
                {HIT_ACTIONS.filter((action) => hit.direction === 'entry' || action !== 'refused_entry').map(
                  (action) => (
                    <option key={action} value={action}>
                      {label('hitAction', action)}
                    </option>
                  ),
                )}
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

/** One hit under review: the traveller beside the watchlisted person, the matcher's explanation, and the decision. */
export function HitReview({ id, onDecided }: { readonly id: string; readonly onDecided: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const placeName = usePlaceName();
  const [generation, setGeneration] = useState(0);
  // The notice lives here, not in the decision form, because the review reloads after each decision.
  const [notice, setNotice] = useState<string | null>(null);
  const review = useResource(`hit:${id}:${generation}`, () => loadReview(id));
  if (review.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (review.status === 'failed') return <FailureAlert failure={new Error(review.detail)} />;
  const { hit, crossing, entry } = review.data;
  return (
    <section aria-labelledby="review-title" className="review">
      <h2 id="review-title">{t('warnings.review.title')}</h2>
      <p>
        {hit.kind === 'rule' && hit.rule
          ? t(`warnings.rules.${hit.rule}`)
          : label('matchVerdict', hit.verdict)}{' '}
        · {placeName('ports', hit.portCode)} · {label('direction', hit.direction)} ·{' '}
        {format.dateTime(hit.crossedAt)} · {t(`warnings.origin.${hit.origin}`)}
      </p>
      <div className="side-by-side">
        <div>
          <h3>{t('warnings.review.traveller')}</h3>
          {crossing ? (
            <TravellerIdentity hit={hit} crossing={crossing} />
          ) : (
            <p className="muted">{t('warnings.review.noCrossing')}</p>
          )}
        </div>
        <div>
          <h3>{t('warnings.review.watchlisted')}</h3>
          {entry ? (
            <EntryIdentity entry={entry} />
          ) : (
            <p className="muted">
              {hit.kind === 'rule' ? t('warnings.review.ruleNoEntry') : t('warnings.review.noEntry')}
            </p>
          )}
        </div>
      </div>
      <h3>{t('warnings.review.explanation')}</h3>
      {hit.explanation.length === 0 ? (
        <p className="muted">{t('warnings.review.noExplanation')}</p>
      ) : (
        <div className="table-scroll">
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
                  <EvidenceDetail evidence={evidence} />
                </tr>
              ))}
            </tbody>
            {hit.kind === 'identity' && (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('warnings.review.score')}
                  </th>
                  <td className="num">{format.number(Math.round(hit.score * 100) / 100)}</td>
                  <td />
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
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

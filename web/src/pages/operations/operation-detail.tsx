import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CheckIn, CounterProposal, Operation, OperationReport, Position } from '../../api/operations.js';
import { useResource } from '../../api/use-resource.js';
import { useUser } from '../../auth/session.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { DataTable } from '../../ui/data-table.js';
import { InputField, PositionFields, TextAreaField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formText, type Submission, SubmissionOutcome, useSubmission } from '../../ui/submission.js';
import { isoToLocalInput, localInputToIso, nowForInput } from './datetime.js';
import { openSteps, type StepPath } from './operation-steps.js';
import { PlanForm } from './plan-form.js';
import { positionText } from './position.js';
import { RouteEditor } from './route-editor.js';

const OperationsMap = lazy(() => import('./operations-map.js'));

interface Detail {
  readonly operation: Operation;
  readonly checkIns: readonly CheckIn[];
}

async function loadDetail(id: string): Promise<Detail> {
  const [operation, checkIns] = await Promise.all([
    api<Operation>('GET', `/api/v1/operations/${id}`),
    api<{ items: CheckIn[] }>('GET', `/api/v1/operations/${id}/check-ins`),
  ]);
  return { operation, checkIns: checkIns.items };
}

const routeText = (route: readonly Position[]) => route.map((point) => positionText(point, 3)).join(' → ');

/** What was agreed or proposed: routes, meeting points, contacts and channels, targets or the scenario. */
function PlanSummary({ operation }: { readonly operation: Operation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const patrol = operation.patrol;
  const own = patrol?.routes.own?.coordinates ?? [];
  const theirs = patrol?.routes.counterpart?.coordinates ?? [];
  return (
    <div className="plan-summary">
      {own.length > 0 && (
        <p className="small">
          {t('operations.plan.route')}: {routeText(own)}
        </p>
      )}
      {theirs.length > 0 && (
        <p className="small">
          {t('operations.plan.counterpartRoute')}: {routeText(theirs)}
        </p>
      )}
      {patrol && patrol.radioChannels.length > 0 && (
        <p className="small">
          {t('operations.plan.radio')}: {patrol.radioChannels.join(', ')}
        </p>
      )}
      {patrol && patrol.meetingPoints.length > 0 && (
        <>
          <h4>{t('operations.meeting.title')}</h4>
          <ul className="small">
            {patrol.meetingPoints.map((point, index) => (
              <li key={`${point.name}:${index.toString()}`}>
                {[
                  point.name,
                  point.markerCode,
                  point.position && positionText(point.position),
                  point.at && format.dateTime(point.at),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {patrol && patrol.contacts.length > 0 && (
        <>
          <h4>{t('operations.contacts.title')}</h4>
          <ul className="small">
            {patrol.contacts.map((contact, index) => (
              <li key={`${contact.name}:${index.toString()}`}>
                {[contact.name, contact.role, contact.phone, contact.callSign].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {operation.lawEnforcement && (
        <ul className="small">
          {operation.lawEnforcement.targets.map((target) => (
            <li key={`${target.kind}:${target.description}`}>
              {t(`operations.targets.${target.kind}`)}: {target.description}
            </li>
          ))}
        </ul>
      )}
      {operation.exercise && (
        <>
          <p className="small">
            {t('operations.plan.scenario')}: {operation.exercise.scenario}
          </p>
          <ul className="small">
            {operation.exercise.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function CounterProposalView({ proposal }: { readonly proposal: CounterProposal }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="notice" data-testid="counter-proposal">
      <h4>{t('operations.counter.received')}</h4>
      <p>
        {format.dateTime(proposal.startsAt)} – {format.dateTime(proposal.endsAt)}
      </p>
      {proposal.note && <p>{proposal.note}</p>}
      {proposal.route && (
        <p className="small">
          {t('operations.counter.route')}: {routeText(proposal.route.coordinates)}
        </p>
      )}
    </div>
  );
}

/** The invitee's answer to a proposal: other times, a note, and the route it will walk on its side. */
function CounterProposalForm({
  operation,
  submission,
  onSaved,
}: {
  readonly operation: Operation;
  readonly submission: Submission;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Position[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(
        () =>
          api<Operation>('POST', `/api/v1/operations/${operation.id}/counter-propose`, {
            startsAt: localInputToIso(text('startsAt')),
            endsAt: localInputToIso(text('endsAt')),
            ...(text('note') && { note: text('note') }),
            ...(route.length >= 2 && { route: { type: 'LineString', coordinates: route } }),
          }),
        () => t('operations.counter.sent'),
      )
      .then((sent) => sent && onSaved());
  };
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="counter-title">
      <h4 id="counter-title">{t('operations.counter.title')}</h4>
      <InputField
        label={t('operations.counter.startsAt')}
        error={submission.error('startsAt')}
        name="startsAt"
        type="datetime-local"
        required
        defaultValue={isoToLocalInput(operation.startsAt)}
      />
      <InputField
        label={t('operations.counter.endsAt')}
        error={submission.error('endsAt')}
        name="endsAt"
        type="datetime-local"
        required
        defaultValue={isoToLocalInput(operation.endsAt)}
      />
      <InputField
        label={t('operations.counter.note')}
        error={submission.error('note')}
        name="note"
        maxLength={2000}
      />
      {operation.kind === 'patrol' && (
        <fieldset className="patrol-plan">
          <legend>{t('operations.plan.route')}</legend>
          <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
            <OperationsMap
              points={[]}
              route={route}
              meetingPoints={operation.patrol?.meetingPoints.flatMap((p) => (p.position ? [p.position] : []))}
              label={t('operations.counter.routeMap')}
              onPick={(position) => setRoute([...route, position])}
            />
          </Suspense>
          <RouteEditor legend={t('operations.counter.routePoints')} route={route} onChange={setRoute} />
        </fieldset>
      )}
      <div className="actions">
        <button type="submit">{t('operations.counter.send')}</button>
      </div>
    </form>
  );
}

function CheckInForm({ id, submission, onSaved }: FormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(() =>
        api<CheckIn>('POST', `/api/v1/operations/${id}/check-ins`, {
          unit: text('unit'),
          at: localInputToIso(text('at')),
          lon: Number(text('lon')),
          lat: Number(text('lat')),
          ...(text('note') && { note: text('note') }),
        }),
      )
      .then((saved) => saved && onSaved());
  };
  const error = submission.error;
  return (
    <form onSubmit={submit} className="form-grid" aria-labelledby="checkin-title">
      <h4 id="checkin-title">{t('operations.checkIns.add')}</h4>
      <InputField label={t('operations.checkIns.unit')} error={error('unit')} name="unit" required />
      <InputField
        label={t('operations.checkIns.at')}
        error={error('at')}
        name="at"
        type="datetime-local"
        required
        defaultValue={nowForInput()}
      />
      <PositionFields lonLabel={t('operations.lon')} latLabel={t('operations.lat')} error={error} />
      <InputField label={t('operations.note')} name="note" />
      <div className="actions">
        <button type="submit">{t('operations.checkIns.save')}</button>
      </div>
    </form>
  );
}

interface FormProps {
  readonly id: string;
  readonly submission: Submission;
  readonly onSaved: () => void;
}

function AfterActionForm({ id, submission, onSaved }: FormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = formText(event.currentTarget);
    void submission
      .run(() =>
        api<Operation>('POST', `/api/v1/operations/${id}/complete`, {
          findings: text('findings'),
          lessons: text('lessons'),
        }),
      )
      .then((saved) => saved && onSaved());
  };
  return (
    <form onSubmit={submit} aria-labelledby="aar-title">
      <h4 id="aar-title">{t('operations.report.title')}</h4>
      <TextAreaField
        label={t('operations.report.findings')}
        name="findings"
        required
        rows={3}
        maxLength={4000}
      />
      <TextAreaField
        label={t('operations.report.lessons')}
        name="lessons"
        required
        rows={3}
        maxLength={4000}
      />
      <button type="submit" className="primary">
        {t('operations.report.complete')}
      </button>
    </form>
  );
}

function ReportView({ title, report }: { readonly title: string; readonly report: OperationReport }) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>{title}</h4>
      <p>{report.findings}</p>
      <p>{report.lessons}</p>
      <p className="small muted">
        {t('operations.report.interceptions', {
          events: report.interceptions.events,
          persons: report.interceptions.persons,
        })}
      </p>
    </div>
  );
}

/** The button text of a step; answering a counter-proposal words agree and propose differently. */
function stepLabelKey(operation: Operation, path: StepPath): string {
  if (operation.status === 'counter_proposed' && path === 'agree') return 'operations.steps.agreeCounter';
  if (operation.status === 'counter_proposed' && path === 'propose') return 'operations.steps.proposeAgain';
  return `operations.steps.${path}`;
}

function CheckInsTable({ checkIns }: { readonly checkIns: readonly CheckIn[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <DataTable
      rows={checkIns}
      rowKey={(checkIn) => checkIn.id}
      empty={t('operations.checkIns.none')}
      caption={t('operations.checkIns.title')}
      columns={[
        { key: 'at', header: t('operations.checkIns.at'), cell: (c) => format.dateTime(c.at) },
        { key: 'unit', header: t('operations.checkIns.unit'), cell: (c) => c.unit, rowHeader: true },
        {
          key: 'position',
          header: t('operations.meeting.position'),
          cell: (c) => positionText([c.lon, c.lat]),
        },
        { key: 'note', header: t('operations.note'), cell: (c) => c.note ?? '' },
      ]}
    />
  );
}

/** One operation: its plan, the steps open to our side from its status, check-ins and the after-action reports. */
export function OperationDetail({ id, onChanged }: { readonly id: string; readonly onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const user = useUser();
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState(false);
  const submission = useSubmission();
  const detail = useResource(`operation:${id}:${generation}`, () => loadDetail(id));
  const mayAct = user.roles.includes('patrol_commander') || user.roles.includes('admin');
  const changed = () => {
    setEditing(false);
    setGeneration((value) => value + 1);
    onChanged();
  };
  const step = (path: StepPath) => {
    void submission
      .run(
        () => api<Operation>('POST', `/api/v1/operations/${id}/${path}`),
        (next) => t('operations.steps.done', { status: t(`operations.status.${next.status}`) }),
      )
      .then((moved) => moved && changed());
  };
  return (
    <ResourceView resource={detail}>
      {({ operation, checkIns }) => {
        const open = openSteps(operation);
        return (
          <section className="panel" aria-labelledby="operation-title">
            <h3 id="operation-title">
              {operation.title} · {label('operationKind', operation.kind)}
            </h3>
            <p data-testid="operation-status">
              {t(`operations.status.${operation.status}`)} · {operation.counterpartAgency}
              {operation.sectionCode && ` · ${operation.sectionCode}`} · {format.dateTime(operation.startsAt)}{' '}
              – {format.dateTime(operation.endsAt)}
            </p>
            <p className="small muted">
              {t(operation.proposedByUs ? 'operations.side.proposer' : 'operations.side.invitee', {
                agency: operation.originAgency,
              })}
            </p>
            {operation.note && <p className="muted">{operation.note}</p>}
            <PlanSummary operation={operation} />
            {operation.status === 'counter_proposed' && operation.counterProposal && (
              <CounterProposalView proposal={operation.counterProposal} />
            )}
            {open.waiting && <p className="notice">{t('operations.steps.waiting')}</p>}
            {mayAct && (
              <div className="actions">
                {open.buttons.map((path) => (
                  <button key={path} type="button" onClick={() => step(path)}>
                    {t(stepLabelKey(operation, path))}
                  </button>
                ))}
                {open.edit && (
                  <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
                    {t('operations.steps.edit')}
                  </button>
                )}
              </div>
            )}
            <SubmissionOutcome submission={submission} />
            {mayAct && editing && open.edit && <PlanForm operation={operation} onSaved={changed} />}
            {mayAct && open.counterPropose && (
              <CounterProposalForm operation={operation} submission={submission} onSaved={changed} />
            )}
            {operation.report && <ReportView title={t('operations.report.ours')} report={operation.report} />}
            {operation.counterpartReport && (
              <ReportView title={t('operations.report.theirs')} report={operation.counterpartReport} />
            )}
            {mayAct && operation.status === 'in_progress' && (
              <AfterActionForm id={id} submission={submission} onSaved={changed} />
            )}
            <CheckInsTable checkIns={checkIns} />
            {mayAct && operation.status === 'in_progress' && (
              <CheckInForm id={id} submission={submission} onSaved={changed} />
            )}
          </section>
        );
      }}
    </ResourceView>
  );
}

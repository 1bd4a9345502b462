import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, MeetingPoint, Position } from '../../api/operations.js';
import { useFormatters } from '../../i18n/format.js';
import { InputField } from '../../ui/fields.js';
import { type DraftOutcome, ListEditor, useListDraft } from '../../ui/list-editor.js';
import { isoToLocalInput, localInputToIso } from './datetime.js';
import type { MapPoint } from './operations-map.js';
import { parsePosition, positionText } from './position.js';
import { RouteEditor } from './route-editor.js';

// MapLibre and the Natural Earth data load only when a patrol is being planned.
const OperationsMap = lazy(() => import('./operations-map.js'));
const NO_POINTS: readonly MapPoint[] = [];

/** The parts of a patrol plan edited as lists: our route, the meeting points and the contacts. */
export interface PatrolDraft {
  readonly route: readonly Position[];
  readonly meetingPoints: readonly MeetingPoint[];
  readonly contacts: readonly Contact[];
}

interface MeetingDraft {
  readonly name: string;
  readonly markerCode: string;
  readonly position: string;
  readonly at: string;
}

interface ContactDraft {
  readonly name: string;
  readonly role: string;
  readonly phone: string;
  readonly callSign: string;
}

const EMPTY_MEETING: MeetingDraft = { name: '', markerCode: '', position: '', at: '' };
const EMPTY_CONTACT: ContactDraft = { name: '', role: '', phone: '', callSign: '' };
// The same pattern the node checks (operations.schema.ts Contact.phone), so the officer hears of it at once.
const PHONE = /^\+?[0-9 ()-]{3,30}$/;

type ClickTarget = 'route' | 'meeting';

/** Leaves out the optional fields left empty: the API refuses empty strings. */
function present<K extends string>(entries: Record<K, string>): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== '')) as Partial<
    Record<K, string>
  >;
}

/** A patrol's route, meeting points (placed on the map like the route) and contacts. */
export function PatrolEditor({
  value,
  onChange,
}: {
  readonly value: PatrolDraft;
  readonly onChange: (value: PatrolDraft) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const targetName = useId();
  const [target, setTarget] = useState<ClickTarget>('route');
  const meeting = useListDraft(EMPTY_MEETING);
  const contact = useListDraft(EMPTY_CONTACT);
  const placed = value.meetingPoints.flatMap((point) => (point.position ? [point.position] : []));
  const draftPosition = parsePosition(meeting.draft.position);
  const pick = (position: Position) => {
    if (target === 'route') onChange({ ...value, route: [...value.route, position] });
    else meeting.patch({ position: positionText(position) });
  };
  const meetingFromDraft = (draft: MeetingDraft): DraftOutcome<MeetingPoint> => {
    const name = draft.name.trim();
    if (!name) return { problem: t('operations.meeting.nameMissing') };
    const position = draft.position.trim() ? parsePosition(draft.position) : undefined;
    if (position === null) return { problem: t('operations.meeting.badPosition') };
    return {
      item: {
        name,
        ...present({ markerCode: draft.markerCode.trim() }),
        ...(position && { position }),
        ...(draft.at && { at: localInputToIso(draft.at) }),
      },
    };
  };
  const contactFromDraft = (draft: ContactDraft): DraftOutcome<Contact> => {
    const name = draft.name.trim();
    if (!name) return { problem: t('operations.contacts.nameMissing') };
    if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) {
      return { problem: t('operations.contacts.badPhone') };
    }
    return {
      item: {
        name,
        ...present({ role: draft.role.trim(), phone: draft.phone.trim(), callSign: draft.callSign.trim() }),
      },
    };
  };
  return (
    <fieldset className="patrol-plan">
      <legend>{t('operations.plan.patrolPlan')}</legend>
      <Suspense fallback={<p className="map-placeholder">{t('home.map.loading')}</p>}>
        <OperationsMap
          points={NO_POINTS}
          route={value.route}
          meetingPoints={draftPosition ? [...placed, draftPosition] : placed}
          label={t('operations.plan.routeMap')}
          onPick={pick}
        />
      </Suspense>
      <fieldset className="click-target">
        <legend>{t('operations.plan.clickTarget')}</legend>
        {(['route', 'meeting'] as const).map((key) => (
          <label key={key} className="checkbox">
            <input type="radio" name={targetName} checked={target === key} onChange={() => setTarget(key)} />{' '}
            {t(`operations.plan.clickTargets.${key}`)}
          </label>
        ))}
      </fieldset>
      <RouteEditor
        legend={t('operations.plan.route')}
        route={value.route}
        onChange={(route) => onChange({ ...value, route })}
      />
      <ListEditor
        legend={t('operations.meeting.title')}
        items={value.meetingPoints}
        onChange={(meetingPoints) => onChange({ ...value, meetingPoints })}
        state={meeting}
        toDraft={(point) => ({
          name: point.name,
          markerCode: point.markerCode ?? '',
          position: point.position ? positionText(point.position) : '',
          at: point.at ? isoToLocalInput(point.at) : '',
        })}
        fromDraft={meetingFromDraft}
        describe={(point) =>
          [
            point.name,
            point.markerCode,
            point.position && positionText(point.position),
            point.at && format.dateTime(point.at),
          ]
            .filter(Boolean)
            .join(' · ')
        }
        addLabel={t('operations.meeting.add')}
        none={t('operations.meeting.none')}
        fields={
          <>
            <InputField
              label={t('operations.meeting.name')}
              maxLength={200}
              value={meeting.draft.name}
              onChange={(event) => meeting.patch({ name: event.target.value })}
            />
            <InputField
              label={t('operations.meeting.marker')}
              maxLength={40}
              value={meeting.draft.markerCode}
              onChange={(event) => meeting.patch({ markerCode: event.target.value })}
            />
            <InputField
              label={t('operations.meeting.position')}
              hint={t('operations.meeting.positionHint')}
              value={meeting.draft.position}
              onChange={(event) => meeting.patch({ position: event.target.value })}
            />
            <InputField
              label={t('operations.meeting.at')}
              type="datetime-local"
              value={meeting.draft.at}
              onChange={(event) => meeting.patch({ at: event.target.value })}
            />
          </>
        }
      />
      <ListEditor
        legend={t('operations.contacts.title')}
        items={value.contacts}
        onChange={(contacts) => onChange({ ...value, contacts })}
        state={contact}
        toDraft={(item) => ({
          name: item.name,
          role: item.role ?? '',
          phone: item.phone ?? '',
          callSign: item.callSign ?? '',
        })}
        fromDraft={contactFromDraft}
        describe={(item) => [item.name, item.role, item.phone, item.callSign].filter(Boolean).join(' · ')}
        addLabel={t('operations.contacts.add')}
        none={t('operations.contacts.none')}
        fields={
          <>
            <InputField
              label={t('operations.contacts.name')}
              maxLength={200}
              value={contact.draft.name}
              onChange={(event) => contact.patch({ name: event.target.value })}
            />
            <InputField
              label={t('operations.contacts.role')}
              maxLength={200}
              value={contact.draft.role}
              onChange={(event) => contact.patch({ role: event.target.value })}
            />
            <InputField
              label={t('operations.contacts.phone')}
              type="tel"
              value={contact.draft.phone}
              onChange={(event) => contact.patch({ phone: event.target.value })}
            />
            <InputField
              label={t('operations.contacts.callSign')}
              maxLength={40}
              value={contact.draft.callSign}
              onChange={(event) => contact.patch({ callSign: event.target.value })}
            />
          </>
        }
      />
    </fieldset>
  );
}

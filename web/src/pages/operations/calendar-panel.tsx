import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CalendarEntry } from '../../api/operations.js';
import { useResource } from '../../api/use-resource.js';
import { useCodeLabel } from '../../i18n/codes.js';
import { useFormatters } from '../../i18n/format.js';
import { currentLanguage, LOCALE_TAGS } from '../../i18n/i18n.js';
import { FailureAlert } from '../../ui/form.js';
import { OperationDetail } from './operation-detail.js';

function monthBounds(year: number, month: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) };
}

/** Monday-first weeks covering the month, each a list of UTC days (null outside the month). */
function weeksOf(year: number, month: number): (Date | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (Date | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, index) => new Date(Date.UTC(year, month, index + 1))),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** A month of joint operations as a calendar grid; choosing one opens its detail. */
export function CalendarPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = useCodeLabel();
  const now = new Date();
  const [month, setMonth] = useState({ year: now.getUTCFullYear(), month: now.getUTCMonth() });
  const [selected, setSelected] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const { from, to } = monthBounds(month.year, month.month);
  const entries = useResource(`calendar:${from.toISOString()}:${generation}`, () =>
    api<{ items: CalendarEntry[] }>(
      'GET',
      `/api/v1/operations/calendar?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
    ),
  );
  const locale = LOCALE_TAGS[currentLanguage()];
  const monthTitle = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(from);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const shift = (delta: number) => {
    const next = new Date(Date.UTC(month.year, month.month + delta, 1));
    setMonth({ year: next.getUTCFullYear(), month: next.getUTCMonth() });
  };
  const items = entries.status === 'ready' ? entries.data.items : [];
  const onDay = (day: Date) => {
    const start = day.getTime();
    const end = start + 86_400_000;
    return items.filter((entry) => Date.parse(entry.startsAt) < end && Date.parse(entry.endsAt) >= start);
  };
  const weeks = weeksOf(month.year, month.month);
  return (
    <section aria-labelledby="calendar-title">
      <div className="toolbar">
        <button type="button" onClick={() => shift(-1)} aria-label={t('operations.calendar.previous')}>
          ‹
        </button>
        <h2 id="calendar-title">{monthTitle}</h2>
        <button type="button" onClick={() => shift(1)} aria-label={t('operations.calendar.next')}>
          ›
        </button>
      </div>
      {entries.status === 'failed' && <FailureAlert failure={new Error(entries.detail)} />}
      <table className="calendar">
        <thead>
          <tr>
            {(weeks[0] ?? []).map((_, index) => (
              <th scope="col" key={`weekday-${index.toString()}`}>
                {weekday.format(new Date(Date.UTC(2024, 0, 1 + index)))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean)?.toISOString()}>
              {week.map((day, index) => (
                <td key={day?.toISOString() ?? `blank-${index.toString()}`}>
                  {day && (
                    <>
                      <span className="day-number">{day.getUTCDate()}</span>
                      {onDay(day).map((entry) => (
                        <button
                          key={entry.id}
                          type="button"
                          className={`op op-${entry.kind}`}
                          aria-pressed={selected === entry.id}
                          onClick={() => setSelected(entry.id)}
                        >
                          {entry.title}
                        </button>
                      ))}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {entries.status === 'ready' && items.length === 0 && (
        <p className="empty-state">{t('operations.calendar.empty')}</p>
      )}
      {items.length > 0 && (
        <ul className="small">
          {items.map((entry) => (
            <li key={entry.id}>
              {format.dateTime(entry.startsAt)} – {format.dateTime(entry.endsAt)} ·{' '}
              {label('operationKind', entry.kind)} · {entry.title} · {t(`operations.status.${entry.status}`)}{' '}
              · {entry.counterpartAgency}
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <OperationDetail key={selected} id={selected} onChanged={() => setGeneration((value) => value + 1)} />
      )}
    </section>
  );
}

import type { Catalogue } from './en.js';

/**
 * Russian catalogue (ICU MessageFormat). Counted nouns take the one/few/many forms (1 день, 2 дня, 5 дней,
 * 21 день); `other` covers fractions (1,5 часа).
 */
export const ru: Catalogue = {
  'render.priorityMark': '{priority, select, urgent {СРОЧНО: } flash {МОЛНИЯ: } other {}}',
  'render.sender': 'Отправитель: {sender}',

  'document.title': 'УВЕДОМЛЕНИЕ ПО ЛИНИИ ПОГРАНИЧНОГО ВЗАИМОДЕЙСТВИЯ',
  'document.reference': 'Номер: {id}',
  'document.type': 'Вид уведомления: {type}',
  'document.sender': 'Отправитель: {sender}',
  'document.recipients': 'Получатели: {recipients}',
  'document.date': 'Дата: {date, date, instant}',
  'document.priority': 'Приоритет: {priority}',
  'document.acknowledgeBy': 'Просим подтвердить получение до {deadline, date, instant}.',
  'document.senderText': 'Примечание отправителя (текст оригинала, без перевода):',
  'document.footer':
    'Документ сформирован системой Borderlink на основе структурированных данных; при расхождении текста и данных определяющими являются данные.',

  'person.sex': 'пол: {sex}',
  'person.birthDate': 'дата рождения: {birthDate}',
  'person.nationality': 'гражданство: {nationality}',
  'person.document': 'документ № {number}',
  'person.typedDocument':
    '{documentType} № {number}{hasState, select, yes {, государство выдачи: {state}} other {}}',
  'person.personalNumber': 'личный номер: {number}',
  'person.aliases': 'другие имена: {aliases}',

  'situationDaily.title':
    'Ежедневная сводка об эпидемической обстановке в приграничных районах за {reportDate, date, day}',
  'situationDaily.correction': 'Исправленная сводка, версия {version, number}.',
  'situationDaily.correctionNote': 'Причина исправления (текст оригинала): {note}',
  'situationDaily.summary':
    'Представлены данные по {count, plural, one {# приграничному району} few {# приграничным районам} many {# приграничным районам} other {# приграничного района}} (местный часовой пояс: {timeZone}).',
  'situationDaily.totals':
    'Всего: {newCases, plural, one {# новый случай} few {# новых случая} many {# новых случаев} other {# нового случая}} (местных — {newLocal, number}, завозных — {newImported, number}), {deaths, plural, one {# летальный исход} few {# летальных исхода} many {# летальных исходов} other {# летального исхода}}.',
  'situationDaily.county':
    '{county}: подтверждённых случаев (нарастающим итогом) — {confirmed, number}; новых местных — {newLocal, number}; новых завозных — {newImported, number}; бессимптомных — {asymptomatic, number}; летальных исходов — {deaths, number}; под медицинским наблюдением — {underObservation, number}; проведено тестов — {tests, number}; {hasCoverage, select, yes {охват вакцинацией — {coverage, number, ::percent .#}; } other {}}уровень риска: {risk}.',
  'situationDaily.remarks': 'Примечание по району {county} (текст оригинала): {remarks}',

  'portPolicy.title': 'Режим работы пункта пропуска {port}',
  'portPolicy.port':
    'Пункт пропуска: {port}{hasCounterpart, select, yes { (сопредельный пункт пропуска: {counterpart})} other {}}',
  'portPolicy.status': 'Статус пункта пропуска: {status}',
  'portPolicy.test': 'Требование к тестированию: {test}',
  'portPolicy.quarantine':
    'Карантин: {days, plural, =0 {не требуется} one {# день} few {# дня} many {# дней} other {# дня}}',
  'portPolicy.hours': 'Часы работы: {hours}',
  'portPolicy.notes': 'Примечания (текст оригинала): {notes}',
  'portPolicy.effective':
    'Действует с {from, date, instant}{hasTo, select, yes { по {to, date, instant}} other { до особого уведомления}}.',

  'measuresUpdate.title': 'Меры профилактики и контроля на территории {area}',
  'measuresUpdate.summary':
    '{count, plural, one {Действует или вводится # мера} few {Действуют или вводятся # меры} many {Действуют или вводятся # мер} other {Действуют или вводятся # меры}}:',
  'measuresUpdate.measure':
    '{index}. {measure}: с {from, date, day}{hasTo, select, yes { по {to, date, day}} other { до особого уведомления}}',
  'measuresUpdate.description': 'Подробности (текст оригинала): {description}',

  'personsMovement.title':
    'Сведения о пересечении границы лицами, связанными с эпидемией: {count, plural, one {# лицо} few {# лица} many {# лиц} other {# лица}}',
  'personsMovement.totals': 'Въезд — {entries, number}, выезд — {exits, number}.',
  'personsMovement.person':
    '{index}. {name}{hasNative, select, yes { ({native})} other {}} — {category}; {direction}{hasPort, select, yes { через {port}} other {}}, {movedAt, date, instant}',

  'watchlistShare.title':
    'Сведения для раннего оповещения: {count, plural, one {# запись} few {# записи} many {# записей} other {# записи}}',
  'watchlistShare.replaceAll': 'Настоящий список заменяет все ранее переданные записи.',
  'watchlistShare.entry':
    '{index}. {name}{hasNative, select, yes { ({native})} other {}} — {category}; срок действия с {validFrom, date, day} по {validUntil, date, day}',
  'watchlistShare.reason': 'Основание (текст оригинала): {reason}',
  'watchlistShare.withdrawnTitle':
    'Отзыв записей раннего оповещения: {count, plural, one {# запись} few {# записи} many {# записей} other {# записи}}',
  'watchlistShare.withdrawn':
    'Отозваны (больше не проверяются; персональные данные удаляются при получении): {ids}',

  'hitNotice.title': 'Выявлено лицо из переданного вами списка (запись {entryId})',
  'hitNotice.crossing': 'Пересечение границы: {direction} через {port}, {crossedAt, date, instant}',
  'hitNotice.match': 'Результат проверки: {verdict} (степень совпадения {score, number, ::percent})',
  'hitNotice.action': 'Принятые меры: {action}',
  'hitNotice.sharedIn': 'Запись была передана в уведомлении {id}.',
  'hitNotice.replyBy': 'Просим ответить до {replyBy, date, instant}.',

  'handoverRequest.title':
    '{stage, select, request {Запрос о передаче лица} accept {Согласие на приём лица} reschedule {Перенос срока передачи лица} done {Передача лица состоялась} other {Передача лица}}: {name}',
  'handoverRequest.person': 'Лицо: {name}, гражданство: {nationality}',
  'handoverRequest.test':
    'Результат теста: {result}{hasTestedAt, select, yes { (дата тестирования: {testedAt, date, instant})} other {}}',
  'handoverRequest.symptoms': 'Симптомы: {count, plural, =0 {отсутствуют} other {{symptoms}}}',
  'handoverRequest.when':
    '{stage, select, reschedule {Новое предлагаемое время} done {Время передачи} other {Предлагаемое время}}: {at, date, instant}',
  'handoverRequest.place':
    'Место передачи: {kind, select, port {пункт пропуска {code}} other {проход {code}}}{hasDescription, select, yes { — {description}} other {}}',
  'handoverRequest.interception': 'Запись о задержании: {id}',

  'operationInvite.title':
    '{stage, select, proposed {Предложение} agreed {Согласие} declined {Отказ} counter_proposed {Встречное предложение} other {Совместная операция}}: {kind} «{title}»',
  'operationInvite.window':
    'Время проведения: с {startsAt, date, instant} до {endsAt, date, instant} ({hours, plural, one {# час} few {# часа} many {# часов} other {# часа}})',
  'operationInvite.section': 'Участок границы: {section}',
  'operationInvite.route':
    'Маршрут: {points, plural, one {# точка} few {# точки} many {# точек} other {# точки}}, протяжённость около {km, number, ::.#} км',
  'operationInvite.meetingPoint':
    'Место встречи: {name}{hasMarker, select, yes {, пограничный знак № {marker}} other {}}{hasAt, select, yes {, {at, date, instant}} other {}}',
  'operationInvite.radio': 'Радиоканал: {channel}',
  'operationInvite.contact':
    'Контактное лицо: {name}{hasRole, select, yes {, {role}} other {}}{hasPhone, select, yes {, тел. {phone}} other {}}{hasCallSign, select, yes {, позывной {callSign}} other {}}',
  'operationInvite.note': 'Примечание (текст оригинала): {note}',

  'operationReport.title': 'Отчёт о результатах: {kind} (завершено {completedAt, date, instant})',
  'operationReport.operation': 'Номер операции: {id}',
  'operationReport.interceptions':
    'Задержания: {events, plural, one {# случай} few {# случая} many {# случаев} other {# случая}}, {persons, plural, one {# человек} few {# человека} many {# человек} other {# человека}}',
  'operationReport.outcome':
    '{outcome}: {persons, plural, one {# человек} few {# человека} many {# человек} other {# человека}}',
  'operationReport.findings': 'Результаты (текст оригинала): {text}',
  'operationReport.lessons': 'Выводы и извлечённые уроки (текст оригинала): {text}',

  'liaisonMessage.title': 'Сообщение по линии связи: {subject}',
  'liaisonMessage.body': 'Текст сообщения приводится на языке отправителя.',
};

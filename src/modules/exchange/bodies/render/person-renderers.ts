import type {
  HandoverRequestBody,
  HitNoticeBody,
  PersonMovement,
  PersonsMovementBody,
  SharedWatchlistEntry,
  WatchlistShareBody,
} from '../body-schemas.js';
import {
  flag,
  INDENT,
  identityLines,
  personName,
  type RenderContext,
  type RenderedBody,
} from './render-context.js';

const movementLines = (ctx: RenderContext, person: PersonMovement, index: number): string[] => [
  ctx.msg('personsMovement.person', {
    index: index + 1,
    name: personName(person.surname, person.givenNames),
    hasNative: flag(person.nativeName !== undefined),
    native: person.nativeName ?? '',
    category: ctx.label('personCategory', person.category),
    direction: ctx.label('direction', person.direction),
    hasPort: flag(person.portCode !== undefined),
    port: person.portCode === undefined ? '' : ctx.place('port', person.portCode),
    movedAt: ctx.instant(person.movedAt),
  }),
  ...identityLines(ctx, person),
];

/** Renders the movements of persons involved, with entry and exit totals first. */
export const renderPersonsMovement = (ctx: RenderContext, body: PersonsMovementBody): RenderedBody => {
  const entries = body.persons.filter((person) => person.direction === 'entry').length;
  return {
    title: ctx.msg('personsMovement.title', { count: body.persons.length }),
    lines: [
      ctx.msg('personsMovement.totals', { entries, exits: body.persons.length - entries }),
      ...body.persons.flatMap((person, index) => movementLines(ctx, person, index)),
    ],
  };
};

const watchlistEntryLines = (ctx: RenderContext, entry: SharedWatchlistEntry, index: number): string[] => [
  ctx.msg('watchlistShare.entry', {
    index: index + 1,
    name: personName(entry.surname, entry.givenNames),
    hasNative: flag(entry.nativeName !== undefined),
    native: entry.nativeName ?? '',
    category: ctx.label('personCategory', entry.category),
    validFrom: ctx.day(entry.validFrom),
    validUntil: ctx.day(entry.validUntil),
  }),
  ...identityLines(ctx, entry),
  INDENT + ctx.msg('watchlistShare.reason', { reason: entry.reason }),
];

/** Renders shared watchlist entries, each with its identity facts and validity, and the entries withdrawn. */
export const renderWatchlistShare = (ctx: RenderContext, body: WatchlistShareBody): RenderedBody => {
  const withdrawn = body.withdrawn ?? [];
  const onlyWithdrawn = body.entries.length === 0 && withdrawn.length > 0;
  return {
    title: onlyWithdrawn
      ? ctx.msg('watchlistShare.withdrawnTitle', { count: withdrawn.length })
      : ctx.msg('watchlistShare.title', { count: body.entries.length }),
    lines: [
      ...(body.replaceAll === true ? [ctx.msg('watchlistShare.replaceAll')] : []),
      ...body.entries.flatMap((entry, index) => watchlistEntryLines(ctx, entry, index)),
      ...(withdrawn.length > 0 ? [ctx.msg('watchlistShare.withdrawn', { ids: withdrawn.join(', ') })] : []),
    ],
  };
};

/** Renders a hit on an entry the reader's agency shared: where and when, how sure, what was done. */
export const renderHitNotice = (ctx: RenderContext, body: HitNoticeBody): RenderedBody => ({
  title: ctx.msg('hitNotice.title', { entryId: body.entryId }),
  lines: [
    ctx.msg('hitNotice.crossing', {
      direction: ctx.label('direction', body.crossing.direction),
      port: ctx.place('port', body.crossing.portCode),
      crossedAt: ctx.instant(body.crossing.crossedAt),
    }),
    ctx.msg('hitNotice.match', { verdict: ctx.label('matchVerdict', body.verdict), score: body.score }),
    ctx.msg('hitNotice.action', { action: ctx.label('hitAction', body.actionTaken) }),
    ...(body.sharedNotificationId === undefined
      ? []
      : [ctx.msg('hitNotice.sharedIn', { id: body.sharedNotificationId })]),
    ...(body.replyBy === undefined
      ? []
      : [ctx.msg('hitNotice.replyBy', { replyBy: ctx.instant(body.replyBy) })]),
  ],
});

const placeLine = (ctx: RenderContext, place: HandoverRequestBody['place']): string => {
  const atPort = place.portCode !== undefined;
  const code = place.portCode ?? place.passCode ?? '';
  return ctx.msg('handoverRequest.place', {
    kind: atPort ? 'port' : 'pass',
    code: ctx.place(atPort ? 'port' : 'pass', code),
    hasDescription: flag(place.description !== undefined),
    description: place.description ?? '',
  });
};

/** Renders one step of a handover: who, health status, when and where. */
export const renderHandoverRequest = (ctx: RenderContext, body: HandoverRequestBody): RenderedBody => {
  const name = personName(body.person.surname, body.person.givenNames);
  const { health } = body;
  return {
    title: ctx.msg('handoverRequest.title', { stage: body.stage, name }),
    lines: [
      ctx.msg('handoverRequest.person', { name, nationality: ctx.place('state', body.person.nationality) }),
      ...identityLines(ctx, { birthDate: body.person.birthDate, documentNumber: body.person.documentNumber }),
      ctx.msg('handoverRequest.test', {
        result: ctx.label('testResult', health.testResult),
        hasTestedAt: flag(health.testedAt !== undefined),
        testedAt: ctx.instant(health.testedAt ?? body.proposedAt),
      }),
      ctx.msg('handoverRequest.symptoms', {
        count: health.symptoms.length,
        symptoms: ctx.list(health.symptoms.map((symptom) => ctx.label('symptom', symptom))),
      }),
      ctx.msg('handoverRequest.when', { stage: body.stage, at: ctx.instant(body.proposedAt) }),
      placeLine(ctx, body.place),
      ...(body.interceptionId === undefined
        ? []
        : [ctx.msg('handoverRequest.interception', { id: body.interceptionId })]),
    ],
  };
};

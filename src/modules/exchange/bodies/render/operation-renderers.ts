import type {
  LiaisonMessageBody,
  MeetingPoint,
  OperationContact,
  OperationInviteBody,
  OperationReportBody,
} from '../body-schemas.js';
import { flag, INDENT, type RenderContext, type RenderedBody } from './render-context.js';

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle length of a route: enough to tell a 3 km patrol from a 30 km one. */
const routeLengthKm = (coordinates: readonly (readonly [number, number])[]): number =>
  coordinates.slice(1).reduce((total, [lon, lat], index) => {
    const [lon0, lat0] = coordinates[index] ?? [lon, lat];
    const a =
      Math.sin(radians(lat - lat0) / 2) ** 2 +
      Math.cos(radians(lat0)) * Math.cos(radians(lat)) * Math.sin(radians(lon - lon0) / 2) ** 2;
    return total + 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
  }, 0);

const meetingPointLine = (ctx: RenderContext, point: MeetingPoint): string =>
  ctx.msg('operationInvite.meetingPoint', {
    name: point.name,
    hasMarker: flag(point.markerCode !== undefined),
    marker: point.markerCode ?? '',
    hasAt: flag(point.at !== undefined),
    at: point.at === undefined ? '' : ctx.instant(point.at),
  });

const contactLine = (ctx: RenderContext, contact: OperationContact): string =>
  ctx.msg('operationInvite.contact', {
    name: contact.name,
    hasRole: flag(contact.role !== undefined),
    role: contact.role ?? '',
    hasPhone: flag(contact.phone !== undefined),
    phone: contact.phone ?? '',
    hasCallSign: flag(contact.callSign !== undefined),
    callSign: contact.callSign ?? '',
  });

/** Renders a joint operation proposal or answer: kind, window, section, route, meeting points, radio, contacts. */
export const renderOperationInvite = (ctx: RenderContext, body: OperationInviteBody): RenderedBody => {
  const hours = (Date.parse(body.endsAt) - Date.parse(body.startsAt)) / 3_600_000;
  return {
    title: ctx.msg('operationInvite.title', {
      stage: body.stage,
      kind: ctx.label('operationKind', body.kind),
      title: body.title,
    }),
    lines: [
      ctx.msg('operationInvite.window', {
        startsAt: ctx.instant(body.startsAt),
        endsAt: ctx.instant(body.endsAt),
        hours: Math.round(hours * 10) / 10,
      }),
      ...(body.sectionCode === undefined
        ? []
        : [ctx.msg('operationInvite.section', { section: ctx.place('section', body.sectionCode) })]),
      ...(body.route === undefined
        ? []
        : [
            ctx.msg('operationInvite.route', {
              points: body.route.coordinates.length,
              km: routeLengthKm(body.route.coordinates),
            }),
          ]),
      ...(body.meetingPoints ?? []).map((point) => meetingPointLine(ctx, point)),
      ...(body.radioChannel === undefined
        ? []
        : [ctx.msg('operationInvite.radio', { channel: body.radioChannel })]),
      ...(body.contacts ?? []).map((contact) => contactLine(ctx, contact)),
      ...(body.note === undefined ? [] : [ctx.msg('operationInvite.note', { note: body.note })]),
    ],
  };
};

/** Renders an after-action report: interceptions by outcome, then the sender's findings and lessons. */
export const renderOperationReport = (ctx: RenderContext, body: OperationReportBody): RenderedBody => ({
  title: ctx.msg('operationReport.title', {
    kind: ctx.label('operationKind', body.kind),
    completedAt: ctx.instant(body.completedAt),
  }),
  lines: [
    ctx.msg('operationReport.operation', { id: body.operationId }),
    ctx.msg('operationReport.interceptions', {
      events: body.interceptions.events,
      persons: body.interceptions.persons,
    }),
    ...(body.interceptions.byOutcome ?? []).map(
      (row) =>
        INDENT +
        ctx.msg('operationReport.outcome', {
          outcome: ctx.leadingLabel('interceptionOutcome', row.outcome),
          persons: row.persons,
        }),
    ),
    ctx.msg('operationReport.findings', { text: body.findings }),
    ctx.msg('operationReport.lessons', { text: body.lessons }),
  ],
});

/** Renders a liaison message: the subject as title; its text is the sender's own words, left untranslated. */
export const renderLiaisonMessage = (ctx: RenderContext, body: LiaisonMessageBody): RenderedBody => ({
  title: ctx.msg('liaisonMessage.title', { subject: body.subject }),
  lines: [ctx.msg('liaisonMessage.body')],
  bodyText: body.text,
});

import { type TObject, Type } from '@sinclair/typebox';
import { UserSchema } from '../../core/auth/auth.routes.js';
import * as accounts from '../../core/auth/auth.service.js';
import { ROLES } from '../../core/auth/roles.js';
import type { Db } from '../../core/db/database.js';
import { AppError } from '../../core/errors.js';
import { actorOf, principalOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { Code, ErrorResponses, IdParams, Page, StringEnum, Uuid } from '../../core/http/schemas.js';
import {
  Agency,
  AgencyChanges,
  BorderSection,
  Country,
  CountryCode,
  County,
  GeoListQuery,
  NewAgency,
  NewUnit,
  NewUser,
  Pass,
  Port,
  strictBody,
  Unit,
  UserChanges,
} from './directory.schema.js';
import * as directory from './directory.service.js';
import type { GeoTable } from './directory.store.js';

const ADMIN = { roles: ['admin'] } as const;
const ANYONE = { roles: 'any' } as const;
const tags = ['directory'];
const CodeParams = Type.Object({ code: Code }, { additionalProperties: false });

/** Agencies, units, users, tokens and border geography. */
export function directoryRoutes(db: Db, ownAgency: string) {
  return (app: HttpApp) => {
    registerAgencyRoutes(app, db);
    registerUnitRoutes(app, db);
    registerUserRoutes(app, db, ownAgency);
    registerGeographyRoutes(app, db);
  };
}

function registerAgencyRoutes(app: HttpApp, db: Db): void {
  const AgencyParams = Type.Object({ code: NewAgency.properties.code }, { additionalProperties: false });
  app.get(
    '/api/v1/directory/agencies',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: Type.Object(
          {
            kind: Type.Optional(StringEnum(['own', 'counterpart', 'international'] as const)),
            cursor: Type.Optional(Type.String({ maxLength: 500 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Agency), ...ErrorResponses },
      },
    },
    async (request) => directory.listAgencies(db, request.query),
  );
  app.get(
    '/api/v1/directory/agencies/:code',
    {
      config: { access: ANYONE },
      schema: { tags, params: AgencyParams, response: { 200: Agency, ...ErrorResponses } },
    },
    async (request) => directory.getAgency(db, request.params.code),
  );
  app.post(
    '/api/v1/directory/agencies',
    {
      config: { access: ADMIN },
      schema: { tags, body: NewAgency, response: { 201: Agency, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.createAgency(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/directory/agencies/:code',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: AgencyParams,
        body: AgencyChanges,
        response: { 200: Agency, ...ErrorResponses },
      },
    },
    async (request) => directory.updateAgency(db, actorOf(request), request.params.code, request.body),
  );
}

function registerUnitRoutes(app: HttpApp, db: Db): void {
  app.get(
    '/api/v1/directory/units',
    {
      config: { access: ANYONE },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Unit) }), ...ErrorResponses } },
    },
    async (request) => ({ items: await directory.listUnits(db, principalOf(request)) }),
  );
  app.get(
    '/api/v1/directory/units/:id',
    {
      config: { access: ANYONE },
      schema: { tags, params: IdParams, response: { 200: Unit, ...ErrorResponses } },
    },
    async (request) => directory.getUnit(db, request.params.id),
  );
  app.post(
    '/api/v1/directory/units',
    {
      config: { access: ADMIN },
      schema: { tags, body: NewUnit, response: { 201: Unit, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.createUnit(db, actorOf(request), request.body)),
  );
}

function registerUserRoutes(app: HttpApp, db: Db, ownAgency: string): void {
  const userTags = ['users'];
  const TokenView = Type.Object({
    id: Type.String(),
    name: Type.String(),
    scopes: Type.Array(StringEnum(ROLES)),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  });
  app.get(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        querystring: Type.Object(
          {
            after: Type.Optional(Type.String({ maxLength: 64 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...ErrorResponses },
      },
    },
    async (request) => ({
      items: await accounts.listUsers(db, { after: request.query.after, limit: request.query.limit ?? 100 }),
    }),
  );
  app.post(
    '/api/v1/users',
    {
      config: { access: ADMIN },
      schema: { tags: userTags, body: NewUser, response: { 201: UserSchema, ...ErrorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await directory.createUser(db, actorOf(request), ownAgency, request.body)),
  );
  app.get(
    '/api/v1/users/:id',
    {
      config: { access: ANYONE },
      schema: { tags: userTags, params: IdParams, response: { 200: UserSchema, ...ErrorResponses } },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.userId !== request.params.id && !principal.roles.includes('admin')) {
        throw new AppError('forbidden', 'auth.role_required', 'Only administrators can see other users');
      }
      return accounts.getUser(db, request.params.id);
    },
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        params: IdParams,
        body: UserChanges,
        response: { 200: UserSchema, ...ErrorResponses },
      },
    },
    async (request) => directory.updateUser(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/password',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        params: IdParams,
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const user = await accounts.getUser(db, request.params.id);
      await accounts.setPassword(db, actorOf(request), user.username, request.body.password);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/users/:id/tokens',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(TokenView) }), ...ErrorResponses },
      },
    },
    async (request) => {
      const user = await accounts.getUser(db, request.params.id);
      return { items: await accounts.listApiTokens(db, user.username) };
    },
  );
  app.post(
    '/api/v1/tokens',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scopes: Type.Optional(Type.Array(StringEnum(ROLES), { minItems: 1, uniqueItems: true })),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), view: TokenView }), ...ErrorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.createApiToken(db, actorOf(request), request.body)),
  );
  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: userTags,
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await accounts.revokeApiToken(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

const GEO_ROUTES: Array<{ path: string; kind: GeoTable; schema: TObject }> = [
  { path: 'border-sections', kind: 'border_sections', schema: BorderSection },
  { path: 'counties', kind: 'counties', schema: County },
  { path: 'ports', kind: 'ports', schema: Port },
  { path: 'passes', kind: 'passes', schema: Pass },
];

function registerGeographyRoutes(app: HttpApp, db: Db): void {
  app.get(
    '/api/v1/directory/countries',
    {
      config: { access: ANYONE },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Country) }), ...ErrorResponses } },
    },
    async () => ({ items: await directory.listCountries(db) }),
  );
  app.put(
    '/api/v1/directory/countries/:code',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        params: Type.Object({ code: CountryCode }, { additionalProperties: false }),
        body: strictBody(Country),
        response: { 200: Country, ...ErrorResponses },
      },
    },
    async (request) => {
      if (request.body.code !== request.params.code) {
        throw new AppError('invalid', 'directory.code_mismatch', 'The code in the path and the body differ', {
          field: 'code',
        });
      }
      return directory.upsertCountry(db, actorOf(request), request.body);
    },
  );
  app.get(
    '/api/v1/directory/locate',
    {
      config: { access: ANYONE },
      schema: {
        tags,
        querystring: Type.Object(
          {
            lon: Type.Number({ minimum: -180, maximum: 180 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            borderSectionCode: Type.Union([Type.String(), Type.Null()]),
            countyCode: Type.Union([Type.String(), Type.Null()]),
            nearestPass: Type.Union([
              Type.Object({ code: Type.String(), distanceKm: Type.Number() }),
              Type.Null(),
            ]),
          }),
          ...ErrorResponses,
        },
      },
    },
    async (request) => directory.locatePoint(db, request.query.lon, request.query.lat),
  );

  for (const { path, kind, schema } of GEO_ROUTES) {
    app.get(
      `/api/v1/directory/${path}`,
      {
        config: { access: ANYONE },
        schema: { tags, querystring: GeoListQuery, response: { 200: Page(schema), ...ErrorResponses } },
      },
      async (request) => directory.listGeography(db, kind, request.query),
    );
    app.get(
      `/api/v1/directory/${path}/:code`,
      {
        config: { access: ANYONE },
        schema: { tags, params: CodeParams, response: { 200: schema, ...ErrorResponses } },
      },
      async (request) => directory.getGeography(db, kind, request.params.code),
    );
    app.put(
      `/api/v1/directory/${path}/:code`,
      {
        config: { access: ADMIN },
        schema: {
          tags,
          params: CodeParams,
          body: strictBody(schema),
          response: { 200: schema, ...ErrorResponses },
        },
      },
      async (request) => {
        const feature = request.body as { code: string };
        if (feature.code !== request.params.code) {
          throw new AppError(
            'invalid',
            'directory.code_mismatch',
            'The code in the path and the body differ',
            {
              field: 'code',
            },
          );
        }
        // The body was validated against this kind's schema just above, so the cast only names that fact.
        return directory.saveGeography(db, actorOf(request), kind, feature as never);
      },
    );
  }
}

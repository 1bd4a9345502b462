import { Type } from '@sinclair/typebox';
import type { Db } from '../../core/db/database.js';
import { actorOf } from '../../core/http/access.js';
import type { HttpApp } from '../../core/http/app.js';
import { ErrorResponses, IdParams, IsoDate, Page } from '../../core/http/schemas.js';
import {
  LiaisonContact,
  LiaisonContactChanges,
  LiaisonCounts,
  LiaisonListQuery,
  NewLiaisonContact,
} from './liaison.schema.js';
import * as liaison from './liaison.service.js';

const WRITERS = { roles: ['liaison_officer'] } as const;
/** Leaders' correspondence is need-to-know: port officers do not read it. */
const READERS = { roles: ['liaison_officer', 'analyst', 'patrol_commander', 'viewer'] } as const;
const tags = ['liaison'];

/** The liaison log: letters, calls and meetings with counterpart leaders and international bodies. */
export function liaisonRoutes(db: Db) {
  return (app: HttpApp) => {
    app.get(
      '/api/v1/liaison/contacts',
      {
        config: { access: READERS },
        schema: {
          tags,
          querystring: LiaisonListQuery,
          response: { 200: Page(LiaisonContact), ...ErrorResponses },
        },
      },
      async (request) => liaison.listContacts(db, request.query),
    );
    app.get(
      '/api/v1/liaison/contacts/counts',
      {
        config: { access: READERS },
        schema: {
          tags,
          querystring: Type.Object({ from: IsoDate, to: IsoDate }, { additionalProperties: false }),
          response: { 200: LiaisonCounts, ...ErrorResponses },
        },
      },
      async (request) => liaison.countLiaisonContacts(db, request.query),
    );
    app.post(
      '/api/v1/liaison/contacts',
      {
        config: { access: WRITERS },
        schema: { tags, body: NewLiaisonContact, response: { 201: LiaisonContact, ...ErrorResponses } },
      },
      async (request, reply) =>
        reply.status(201).send(await liaison.createContact(db, actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: READERS },
        schema: { tags, params: IdParams, response: { 200: LiaisonContact, ...ErrorResponses } },
      },
      async (request) => liaison.getContact(db, request.params.id),
    );
    app.patch(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          params: IdParams,
          body: LiaisonContactChanges,
          response: { 200: LiaisonContact, ...ErrorResponses },
        },
      },
      async (request) => liaison.updateContact(db, actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/liaison/contacts/:id',
      {
        config: { access: WRITERS },
        schema: { tags, params: IdParams, response: { 204: Type.Null(), ...ErrorResponses } },
      },
      async (request, reply) => {
        await liaison.deleteContact(db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}

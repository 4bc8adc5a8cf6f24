import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZSessionResponse,
  ZUpdateMeRequest,
} from '../../../shared/api/auth.ts';
import { hearRolesChanges } from '../../platform/roles-cache.ts';
import { errorResponses, router } from '../../platform/routes.ts';
import { hearSessionRevocations } from '../../platform/session-revocation.ts';
import { authForToken, clearSessionCookie, requireAuth, setSessionCookie } from '../../platform/sessions.ts';
import * as service from './auth.service.ts';
import { changePassword } from './password.service.ts';

export async function authRoutes(app: FastifyInstance) {
  const r = router(app);
  const { deps } = app;
  hearSessionRevocations(app);
  hearRolesChanges(app);

  r.post(
    '/api/session',
    {
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Sign in with username (or mobile) and password',
        body: ZLoginRequest,
        response: { 200: ZSessionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { token } = await service.login(deps, req.body, req.ip, req.headers['user-agent'], req.auth);
      setSessionCookie(reply, deps, token);
      return service.getSession(deps, await authForToken(deps, token));
    },
  );

  r.delete(
    '/api/session',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Sign out and revoke this session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.logout(deps, req.auth);
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/session',
    {
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'Who am I: the signed-in account, its communities and roles (null when signed out)',
        response: { 200: ZSessionResponse },
      },
    },
    async (req) => service.getSession(deps, req.auth),
  );

  r.patch(
    '/api/me',
    {
      schema: {
        operationId: 'updateMe',
        tags: ['auth'],
        summary: 'Change my settings (language)',
        body: ZUpdateMeRequest,
        response: { 200: ZSessionResponse, ...errorResponses },
      },
    },
    async (req) => service.updateMe(deps, requireAuth(req.auth), req.body.locale),
  );

  r.put(
    '/api/me/password',
    {
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary:
          'Change my password: every other session of the account is signed out, this one continues under a new token',
        body: ZChangePasswordRequest,
        response: { 200: ZSessionResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req.auth);
      const { token } = await changePassword(deps, auth, req.body, req.ip, req.headers['user-agent']);
      setSessionCookie(reply, deps, token);
      return service.getSession(deps, await authForToken(deps, token));
    },
  );
}

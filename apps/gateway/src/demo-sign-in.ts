import { Router, json } from 'express';
import { signStaffToken } from '@akimat/service-kit';
import { demoStaff } from '../../../tools/staff-token/demo-staff';

const TOKEN_LIFETIME_S = 8 * 3600;

/**
 * The local demo identity provider's sign-in, for the console's sign-in page: who can sign in, and a
 * token for one of them (signed with the demo key the services trust in `npm start`). Mounted only
 * when DEMO_SIGNING_KEY_FILE is set; with a real identity provider the console takes its token.
 */
export function demoSignIn(privateKeyPem: string): Router {
  const staff = demoStaff();
  const router = Router();
  router.get('/staff', (_req, res) => {
    res.json(staff.map(({ login, name, position, roles, unit }) => ({ login, name, position, roles, unit })));
  });
  router.post('/token', json({ limit: '1kb' }), (req, res) => {
    const login: unknown = req.body?.login;
    const person = typeof login === 'string' ? staff.find((candidate) => candidate.login === login) : undefined;
    if (!person) {
      res.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: ['login must be one of the demo staff'],
        violations: [{ field: 'login', rule: 'isDemoStaff', message: 'login must be one of the demo staff' }],
      });
      return;
    }
    const { login: _login, ...claims } = person;
    const token = signStaffToken(claims, { privateKeyPem, expiresIn: TOKEN_LIFETIME_S });
    res.json({ token, expiresIn: TOKEN_LIFETIME_S });
  });
  return router;
}

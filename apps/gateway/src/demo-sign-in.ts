import { Router, json } from 'express';
import { z } from 'zod';
import { STAFF_ROLES } from '@akimat/contracts';
import { signStaffToken } from '@akimat/service-kit';

const TOKEN_LIFETIME_S = 8 * 3600;

/** One person of the demo staff file (`npm run -s staff-token -- list --json` writes it). */
const demoPersonSchema = z.object({
  login: z.string().min(1),
  sub: z.string().min(1),
  name: z.string().min(1),
  position: z.string().optional(),
  roles: z.array(z.enum(STAFF_ROLES)).min(1),
  unit: z.string().optional(),
  email: z.string().optional(),
});
export const demoStaffFileSchema = z.array(demoPersonSchema).min(1);
export type DemoPerson = z.infer<typeof demoPersonSchema>;

/**
 * The local demo identity provider's sign-in, for the console's sign-in page: who can sign in, and a
 * token for one of them (signed with the demo key the services trust in `npm start`). Mounted only
 * when DEMO_SIGNING_KEY_FILE and DEMO_STAFF_FILE are set; with a real identity provider the console takes its token.
 */
export function demoSignIn(privateKeyPem: string, staff: DemoPerson[]): Router {
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
    const { sub, name, position, roles, unit, email } = person;
    const claims = { sub, name, position, roles, unit, email };
    const token = signStaffToken(claims, { privateKeyPem, expiresIn: TOKEN_LIFETIME_S });
    res.json({ token, expiresIn: TOKEN_LIFETIME_S });
  });
  return router;
}

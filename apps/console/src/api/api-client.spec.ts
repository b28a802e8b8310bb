import { api, connectApiSession } from './api-client';
import { ApiError } from './api-error';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  const expired = vi.fn();
  beforeEach(() => {
    expired.mockReset();
    connectApiSession({ token: () => 'the-token', expired });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('calls the service under /svc/<name> on this origin with the bearer token', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api('routing', '/api/v1/units')).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith(
      '/svc/routing/api/v1/units',
      expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer the-token' }) }),
    );
  });

  it('turns a 400 into a validation error with its field violations, in the person’s language where the rule is known', async () => {
    const violations = [
      { field: 'resident.iin', rule: 'isIin', message: 'iin must be a valid IIN' },
      { field: 'text', rule: 'someNewRule', message: 'text is odd' },
    ];
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(400, { message: ['iin must be a valid IIN'], violations })));
    const error = await api('appeals', '/api/v1/appeals', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'validation',
      status: 400,
      violations: [
        { field: 'resident.iin', rule: 'isIin', message: 'ИИН неверный: нужны 12 цифр с верной контрольной цифрой.' },
        { field: 'text', rule: 'someNewRule', message: 'text is odd' },
      ],
    });
  });

  it('says offline when the request never reached the server, and unavailable for a 504; both retryable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const offline = (await api('appeals', '/x').catch((e: unknown) => e)) as ApiError;
    expect([offline.kind, offline.retryable]).toEqual(['offline', true]);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(504, { message: 'appeals is not answering' })));
    const slow = (await api('appeals', '/x').catch((e: unknown) => e)) as ApiError;
    expect([slow.kind, slow.retryable]).toEqual(['unavailable', true]);
  });

  it('ends the session on a 401, and explains a 403 without ending it', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(403, { message: 'Forbidden' })));
    await expect(api('stats', '/api/v1/stats/summary')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(expired).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(401, { message: 'jwt expired' })));
    await expect(api('stats', '/api/v1/stats/summary')).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(expired).toHaveBeenCalledTimes(1);
  });
});

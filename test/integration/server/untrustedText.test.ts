import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../src-shared/sync/protocol';
import { AdminInputError } from '../../../src-server/admin/adminService';
import { BACKENDS, useTestEnv } from './support/testBackends';
import { apiFor, seedUser } from './support/syncClient';

const UNSTORABLE = 'must not contain a NUL character or an unpaired surrogate';

/** The admin's input mistake: an AdminInputError (printed by the CLI without a stack) saying what. */
async function refusedInput(attempt: Promise<unknown>, message: string): Promise<void> {
  const error = await attempt.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AdminInputError);
  expect((error as Error).message).toContain(message);
}

/**
 * Text PostgreSQL cannot store (a NUL character; an unpaired surrogate, which the drivers would
 * silently turn into U+FFFD) is refused where it enters — login body, admin commands — with a
 * message naming the field, never a 500 from the database.
 */
describe.each(BACKENDS)('text the database cannot store (%s)', (backend) => {
  const env = useTestEnv(backend);

  it('login with a NUL character or an unpaired surrogate in the email or password is a 400 naming the field', async () => {
    const server = await env.start();
    await seedUser(server, 'ann@north.example', { password: 'correct horse' });
    const anonymous = apiFor(server);
    const cases = [
      { body: { email: 'ann@north.example\u0000', password: 'correct horse' }, field: '/email' },
      { body: { email: '\u0000', password: 'x' }, field: '/email' },
      { body: { email: 'ann@north.example', password: 'correct\u0000horse' }, field: '/password' },
      // JSON.stringify writes a lone surrogate as the escape \ud800.
      { body: { email: 'ann\ud800@north.example', password: 'correct horse' }, field: '/email' },
    ];
    for (const { body, field } of cases) {
      const result = await anonymous.request<ApiError>('POST', '/api/auth/login', body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.error).toBe('bad_request');
      expect(result.body.message).toContain(`field ${field}: ${UNSTORABLE}`);
    }
    // The well-formed login still works.
    expect((await anonymous.request('POST', '/api/auth/login', { email: 'ann@north.example', password: 'correct horse' })).status).toBe(200);
  });

  it('admin commands refuse such text in emails, names, team names, passwords and partner ids, and write nothing', async () => {
    const server = await env.start();
    await server.admin.addTeam('north');
    await server.admin.addUser({ email: 'ann@north.example', name: 'Ann', role: 'manager', teams: ['north'] });
    const before = await server.db.query(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM teams) AS teams`);

    await refusedInput(server.admin.addTeam('south\u0000'), `team name ${UNSTORABLE}`);
    await refusedInput(server.admin.addUser({ email: 'bob\u0000@south.example', name: 'Bob', role: 'manager' }), `email ${UNSTORABLE}`);
    await refusedInput(server.admin.addUser({ email: 'bob@south.example', name: 'Bob\ud800', role: 'manager' }), `name ${UNSTORABLE}`);
    await refusedInput(server.admin.addUser({ email: 'bob@south.example', name: 'Bob', role: 'manager', teams: ['north\u0000'] }), `team name ${UNSTORABLE}`);
    await refusedInput(server.admin.addUser({ email: 'bob@south.example', name: 'Bob', role: 'manager', password: 'pass\u0000word' }), `password ${UNSTORABLE}`);
    await refusedInput(server.admin.setPassword('ann@north.example', 'pass\u0000word'), `password ${UNSTORABLE}`);
    await refusedInput(server.admin.setTeams('ann\u0000@north.example', ['north']), `email ${UNSTORABLE}`);
    await refusedInput(server.admin.setTeams('ann@north.example', ['north\u0000']), `team name ${UNSTORABLE}`);
    await refusedInput(server.admin.setRole('ann@north.example\u0000', 'admin'), `email ${UNSTORABLE}`);
    await refusedInput(server.admin.disableUser('ann@north.example\u0000'), `email ${UNSTORABLE}`);
    await refusedInput(server.admin.reassignPartner({ partnerId: 'p\u0000', teamName: 'north' }), `partner id ${UNSTORABLE}`);
    await refusedInput(server.admin.reassignPartner({ partnerId: 'p1', teamName: 'north\u0000' }), `team name ${UNSTORABLE}`);
    await refusedInput(server.admin.reassignPartner({ partnerId: 'p1', ownerEmail: 'ann@north.example\u0000' }), `email ${UNSTORABLE}`);
    await refusedInput(server.admin.issueToken('ann@north.example\u0000'), `email ${UNSTORABLE}`);

    expect(await server.db.query(`SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM teams) AS teams`)).toEqual(before);
  });
});

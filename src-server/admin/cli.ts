/**
 * `npm run server:admin -- <command> [options]`: manage teams and users. Uses DATABASE_URL, else
 * the embedded data directory (--data-dir or DATA_DIR, default ./data/server; the server must be
 * stopped because embedded storage is single-process).
 */
import { parseArgs } from 'node:util';
import type { UserRole } from '../../src-shared/sync/protocol';
import { lockDataDir } from '../storage/dataDirLock';
import { openDb } from '../storage/db';
import { runMigrations } from '../storage/runMigrations';
import { createApiTokenService } from '../api/apiTokens';
import { createWebhookService } from '../webhooks/subscriptions';
import { AdminInputError, createAdminService } from './adminService';

const USAGE = `usage: npm run server:admin -- <command> [options]

commands:
  add-team <name>
  add-user --email <email> --name <name> --role manager|admin [--teams <team>,<team>] [--password <pw>]
  set-password --email <email> (--password <pw> | reads the password from stdin)
  set-teams --email <email> --teams <team>,<team>   (exactly these teams, the first one first; "" for none)
  set-role --email <email> --role manager|admin
  disable-user --email <email>
  enable-user --email <email>
  list-users [--json]
  list-teams [--json]
  reassign-partner --partner <partnerId> [--owner <email>] [--team <team>]

integration API and webhooks:
  create-token --name <name> --scopes <scope>,<scope> [--team <team>]   (prints the token once)
      scopes: read, deals:write, trainings:write, surveys:write, partners:write, webhooks:admin
      without --team the token sees and writes every partner
  list-tokens [--json]
  revoke-token --name <name>
  add-webhook --url <url> --events <event>,<event> [--secret <secret>]   (prints the secret once)
      events: partner.created, deal.registered, deal.won, partner.first_deal, survey.received, training.completed
  list-webhooks [--json]
  remove-webhook --id <subscription id>
  list-deliveries [--event <event id>] [--json]
  redeliver --delivery <delivery id>

storage: DATABASE_URL, else --data-dir <dir> (or DATA_DIR; default ./data/server)`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      teams: { type: 'string' },
      password: { type: 'string' },
      partner: { type: 'string' },
      owner: { type: 'string' },
      team: { type: 'string' },
      scopes: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string' },
      secret: { type: 'string' },
      id: { type: 'string' },
      event: { type: 'string' },
      delivery: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const need = (value: string | undefined, flag: string): string => {
    if (value === undefined || value === '') throw new AdminInputError(`${command} needs --${flag}`);
    return value;
  };

  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data/server';
  const unlock = databaseUrl ? () => undefined : lockDataDir(dataDir);
  const db = await openDb({ databaseUrl, dataDir });
  try {
    await runMigrations(db);
    const admin = createAdminService({ db, now: () => new Date(), passwordHashing: {}, tokenTtlMs: 0 });
    switch (command) {
      case 'add-team': {
        const team = await admin.addTeam(need(rest.join(' ') || values.name, 'name'));
        console.log(`team ${team.name} added (${team.id})`);
        break;
      }
      case 'add-user': {
        const teams = (values.teams ?? '').split(',').map((team) => team.trim()).filter((team) => team !== '');
        const user = await admin.addUser({
          email: need(values.email, 'email'),
          name: need(values.name, 'name'),
          role: need(values.role, 'role') as UserRole,
          teams,
          ...(values.password !== undefined ? { password: values.password } : {}),
        });
        console.log(`user ${user.email} added (${user.role}; teams: ${user.teams.map((team) => team.name).join(', ') || 'none'})`);
        break;
      }
      case 'set-password': {
        const email = need(values.email, 'email');
        const password = values.password ?? (await readStdin());
        await admin.setPassword(email, password);
        console.log(`password set for ${email}`);
        break;
      }
      case 'set-teams': {
        const email = need(values.email, 'email');
        if (values.teams === undefined) throw new AdminInputError('set-teams needs --teams (a comma-separated list; "" for none)');
        const teams = values.teams.split(',').map((team) => team.trim()).filter((team) => team !== '');
        const change = await admin.setTeams(email, teams);
        console.log(
          `${email} is now in ${teams.join(', ') || 'no team'}: ${change.added} partner access(es) gained, ${change.removed} lost (${change.revoked} revocation tombstone(s))`,
        );
        break;
      }
      case 'set-role': {
        const email = need(values.email, 'email');
        const role = need(values.role, 'role') as UserRole;
        const change = await admin.setRole(email, role);
        console.log(`${email} is now ${role === 'admin' ? 'an admin' : 'a manager'}: ${change.bumped} document(s) sent again, ${change.revoked} revocation tombstone(s)`);
        break;
      }
      case 'disable-user': {
        const email = need(values.email, 'email');
        await admin.disableUser(email);
        console.log(`user ${email} disabled; their sessions are revoked`);
        break;
      }
      case 'enable-user': {
        const email = need(values.email, 'email');
        await admin.enableUser(email);
        console.log(`user ${email} enabled`);
        break;
      }
      case 'list-users': {
        const users = await admin.listUsers();
        if (values.json) console.log(JSON.stringify(users, null, 2));
        else
          for (const user of users) {
            const flags = [user.disabled ? 'disabled' : '', user.hasPassword ? '' : 'no password'].filter(Boolean).join(', ');
            console.log(`${user.email}\t${user.name}\t${user.role}\t${user.teams.map((team) => team.name).join(',') || '-'}${flags ? `\t(${flags})` : ''}`);
          }
        break;
      }
      case 'list-teams': {
        const teams = await admin.listTeams();
        if (values.json) console.log(JSON.stringify(teams, null, 2));
        else for (const team of teams) console.log(`${team.name}\t${team.members} member(s)`);
        break;
      }
      case 'reassign-partner': {
        const change = await admin.reassignPartner({
          partnerId: need(values.partner, 'partner'),
          ...(values.owner !== undefined ? { ownerEmail: values.owner } : {}),
          ...(values.team !== undefined ? { teamName: values.team } : {}),
        });
        console.log(`partner reassigned: ${change.added} user(s) gained access, ${change.removed} lost it (${change.revoked} revocation tombstone(s))`);
        break;
      }
      case 'create-token': {
        const tokens = createApiTokenService(db, () => new Date());
        const created = await tokens.create({ name: need(values.name, 'name'), scopes: need(values.scopes, 'scopes').split(','), team: values.team ?? null });
        console.log(`token ${created.info.name} created (scopes: ${created.info.scopes.join(', ')}; ${created.info.team ? `team ${created.info.team}` : 'all teams'})`);
        console.log('store it now, it is not shown again:');
        console.log(created.token);
        break;
      }
      case 'list-tokens': {
        const list = await createApiTokenService(db, () => new Date()).list();
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else
          for (const token of list) {
            console.log(`${token.name}\t${token.scopes.join(',')}\t${token.team ?? 'all teams'}\t${token.revokedAt ? `revoked ${token.revokedAt}` : `last used ${token.lastUsedAt ?? 'never'}`}`);
          }
        break;
      }
      case 'revoke-token': {
        const name = need(values.name, 'name');
        await createApiTokenService(db, () => new Date()).revoke(name);
        console.log(`token ${name} revoked`);
        break;
      }
      case 'add-webhook': {
        const added = await createWebhookService(db, () => new Date()).add({
          url: need(values.url, 'url'),
          events: need(values.events, 'events').split(','),
          ...(values.secret !== undefined ? { secret: values.secret } : {}),
        });
        console.log(`webhook ${added.id} added: ${added.url} (${added.events.join(', ')})`);
        console.log(`signing secret (store it now, it is not shown again): ${added.secret}`);
        break;
      }
      case 'list-webhooks': {
        const list = await createWebhookService(db, () => new Date()).list();
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else for (const hook of list) console.log(`${hook.id}\t${hook.url}\t${hook.events.join(',')}`);
        break;
      }
      case 'remove-webhook': {
        const id = need(values.id, 'id');
        await createWebhookService(db, () => new Date()).remove(id);
        console.log(`webhook ${id} removed`);
        break;
      }
      case 'list-deliveries': {
        const list = await createWebhookService(db, () => new Date()).deliveries(values.event !== undefined ? { eventId: values.event } : {});
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else
          for (const delivery of list) {
            console.log(`${delivery.id}\t${delivery.eventType}\t${delivery.url}\t${delivery.status}\t${delivery.attempts} attempt(s)\t${delivery.log.map((entry) => entry.statusCode ?? entry.error).join(' ') || '-'}`);
          }
        break;
      }
      case 'redeliver': {
        const id = need(values.delivery, 'delivery');
        await createWebhookService(db, () => new Date()).redeliver(id);
        console.log(`delivery ${id} queued again`);
        break;
      }
      default:
        console.error(`unknown command ${command}\n\n${USAGE}`);
        return 1;
    }
    return 0;
  } finally {
    await db.close();
    unlock();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Input and environment problems are expected: a message is enough (DEBUG=1 for the stack).
    console.error(error instanceof Error && !process.env.DEBUG ? `error: ${error.message}` : error);
    process.exit(1);
  },
);

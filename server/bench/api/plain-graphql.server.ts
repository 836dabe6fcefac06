import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import DataLoader from 'dataloader';
import { buildSchema, execute, GraphQLError, parse, specifiedRules, validate, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import mysql, { type RowDataPacket } from 'mysql2/promise';

// The bench's baseline: plain graphql-js and mysql2 on node:http, serving the
// two bench queries from the same rows and the same committed schema.graphql.
// It does what any GraphQL server must (parse, validate, look the API key up,
// run the resolvers with one statement per nesting level, JSON) and nothing
// else: no framework, no ORM. Started as a child process by api.bench.ts.

const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../schema.graphql');
const KEY_PATTERN = /^tock_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const MAX_TOKENS = 5000;

// Language is stored as 'en'/'es'; the SDL's enum values are their names.
const EMPLOYEE_COLUMNS = 'id, name, email, phone, smsOptIn, timeZone, UPPER(language) AS language, carrierName, carrierGatewayDomain, carrierLookupStatus, carrierLookedUpAt, createdAt, updatedAt';
const PARTICIPANT_COLUMNS = 'id, name, email, phone, smsConsent, timeZone, UPPER(language) AS language, createdAt, updatedAt';
const ENTRY_COLUMNS =
  'id, direction, kind, status, skipReason, channel, recipientPhone, senderPhone, participantId, employeeId, studyId, sessionId, bookingId, shiftId, scheduleWeekId, timeOffRequestId, body, segments, encoding, providerMessageId, errorCode, errorReason, attempts, scheduledFor, subjectStartsAt, holdReason, recipientTimeZone, sentAt, deliveredAt, failedAt, resendOfId, createdAt, updatedAt';

type Row = RowDataPacket & Record<string, unknown>;

interface Context {
  workspaceId: string;
  employee: DataLoader<string, Row | null>;
  participant: DataLoader<string, Row | null>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const cursorOf = (values: [unknown, unknown]) => Buffer.from(JSON.stringify(values)).toString('base64url');

function byId(db: mysql.Pool, table: string, columns: string, workspaceId: string): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const [rows] = await db.query<Row[]>(`SELECT ${columns} FROM ${table} WHERE id IN (?) AND workspaceId = ?`, [ids, workspaceId]);
    const found = new Map(rows.map((row) => [row.id as string, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

// A Relay connection of `first` rows out of `first + 1`; cursors only when edges are asked for.
function connection(rows: Row[], first: number, sortKey: string) {
  const nodes = rows.slice(0, first);
  const cursor = (row: Row) => {
    const value = row[sortKey];
    return cursorOf([value instanceof Date ? value.toISOString() : value, row.id]);
  };
  return {
    nodes,
    edges: () => nodes.map((node) => ({ cursor: cursor(node), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? cursor(nodes[nodes.length - 1]) : null },
  };
}

function resolvers(schema: GraphQLSchema, db: mysql.Pool) {
  const entry = schema.getType('CommsLogEntry') as GraphQLObjectType;
  entry.getFields().participant.resolve = (row: Row, _args, ctx: Context) => (row.participantId ? ctx.participant.load(row.participantId as string) : null);
  entry.getFields().employee.resolve = (row: Row, _args, ctx: Context) => (row.employeeId ? ctx.employee.load(row.employeeId as string) : null);
  return {
    employees: async ({ first }: { first: number }, ctx: Context) => {
      const [rows] = await db.query<Row[]>(`SELECT ${EMPLOYEE_COLUMNS} FROM employees WHERE workspaceId = ? ORDER BY name ASC, id ASC LIMIT ?`, [ctx.workspaceId, first + 1]);
      return connection(rows, first, 'name');
    },
    commsLog: async ({ first }: { first: number }, ctx: Context) => {
      const [rows] = await db.query<Row[]>(`SELECT ${ENTRY_COLUMNS} FROM comms_log_entries WHERE workspaceId = ? ORDER BY id DESC LIMIT ?`, [ctx.workspaceId, first + 1]);
      return connection(rows, first, 'id');
    },
  };
}

// The same look-up Tock does: by prefix, then the hash compared in constant time.
async function workspaceOf(db: mysql.Pool, authorization: string | undefined): Promise<string | null> {
  const match = KEY_PATTERN.exec(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
  if (!match) return null;
  const [rows] = await db.query<Row[]>('SELECT workspaceId, secretHash, revokedAt FROM api_keys WHERE prefix = ?', [match[1]]);
  const key = rows[0];
  if (!key || key.revokedAt) return null;
  const expected = Buffer.from(key.secretHash as string, 'hex');
  const actual = sha256(match[2]);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? (key.workspaceId as string) : null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function handle(schema: GraphQLSchema, db: mysql.Pool, rootValue: object, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found' }] });
  const { query, variables, operationName } = JSON.parse(await readBody(req)) as { query: string; variables?: Record<string, unknown>; operationName?: string };
  let document;
  try {
    document = parse(query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    return send(res, 400, { errors: [(error as GraphQLError).toJSON()] });
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length) return send(res, 400, { errors: invalid.map((e) => e.toJSON()) });
  const workspaceId = await workspaceOf(db, req.headers.authorization);
  if (!workspaceId) return send(res, 200, { errors: [{ message: 'A valid workspace API key is required', extensions: { code: 'UNAUTHENTICATED' } }] });
  const contextValue: Context = {
    workspaceId,
    employee: byId(db, 'employees', EMPLOYEE_COLUMNS, workspaceId),
    participant: byId(db, 'participants', PARTICIPANT_COLUMNS, workspaceId),
  };
  const result = await execute({ schema, document, rootValue, contextValue, variableValues: variables, operationName });
  send(res, 200, { ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}), data: result.data });
}

const db = mysql.createPool({ uri: process.env.DATABASE_URL!, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true, connectionLimit: 20 });
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const rootValue = resolvers(schema, db);
const server = createServer((req, res) => {
  handle(schema, db, rootValue, req, res).catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }));
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));

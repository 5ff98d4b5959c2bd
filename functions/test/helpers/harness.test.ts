import { describe, expect, it } from 'vitest';
import { freeAzuritePorts } from './free-port.js';
import { checkAnswer } from './harness.js';

// The check every test's call(...) makes of every answer: it must refuse what the route table
// does not declare, or the API tests would pass while the server broke the contract.
const actor = { id: 'zone-consolidator', name: '管委会', role: 'consolidator', park: null };
const lock = { period: '2025Q1', locked: true, by: actor, at: '2025-04-01T00:00:00.000Z' };
const error = (code: string) => ({ error: { code, message: { zh: '中文', en: 'English' } } });
const JSON_TYPE = 'application/json; charset=utf-8';

describe('checkAnswer', () => {
  it.each([
    ['a declared answer', 'POST', '/periods/2025Q1/lock', 200, JSON_TYPE, lock],
    ['an error code the route declares', 'POST', '/periods/2025Q1/lock', 409, JSON_TYPE, error('lock_conflict')],
    ['an error code every signed-in route may answer', 'GET', '/parks', 401, JSON_TYPE, error('unauthenticated')],
    ['a path no route has', 'GET', '/nothing-here', 404, JSON_TYPE, error('route_not_found')],
    ['a method no route of the path has', 'DELETE', '/returns/jinshan/2025', 405, JSON_TYPE, error('method_not_allowed')],
    ['a declared workbook', 'GET', '/evaluation/2025.xlsx', 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK')],
    ['HEAD of a GET route', 'HEAD', '/parks', 200, JSON_TYPE, null],
  ])('accepts %s', (_label, method, path, status, type, body) => {
    expect(() => checkAnswer(method, path, status, type, body)).not.toThrow();
  });

  it.each([
    ['a status the route does not declare', 'POST', '/periods/2025Q1/lock', 201, JSON_TYPE, lock, /does not declare status 201/],
    ['a body its schema refuses', 'POST', '/periods/2025Q1/lock', 200, JSON_TYPE, { ...lock, at: 5 }, /not what lockPeriod declares/],
    ['a field the schema does not name', 'POST', '/periods/2025Q1/lock', 200, JSON_TYPE, { ...lock, by: { ...actor, secret: 'x' } }, /by\.secret/],
    ['an error code the route does not declare', 'GET', '/parks', 409, JSON_TYPE, error('stale_template'), /stale_template is not among/],
    ['an error body that is no ApiErrorBody', 'GET', '/parks', 404, JSON_TYPE, { message: 'not found' }, /not an ApiErrorBody/],
    ['a success where no route is', 'GET', '/nothing-here', 200, JSON_TYPE, {}, /no route of the table/],
    ['a workbook of another type', 'GET', '/evaluation/2025.xlsx', 200, 'text/plain', 'x', /content type text\/plain/],
  ])('refuses %s', (_label, method, path, status, type, body, message) => {
    expect(() => checkAnswer(method, path, status, type, body)).toThrow(message);
  });
});

describe('freeAzuritePorts', () => {
  it('gives three different free ports every time', async () => {
    for (let i = 0; i < 50; i++) {
      const { blob, queue, table } = await freeAzuritePorts();
      expect(new Set([blob, queue, table]).size).toBe(3);
    }
  });
});

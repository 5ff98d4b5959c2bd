import { describe, expect, it } from 'vitest';
import { compareRoutes, compileRoute } from './route-template.js';

describe('compileRoute', () => {
  it.each([
    ['parks', '/parks', {}],
    ['templates/{park}/{period}', '/templates/jinshan/2025Q3', { park: 'jinshan', period: '2025Q3' }],
    ['templates/{park}/{period}', '/templates/jinshan/2025Q3/', { park: 'jinshan', period: '2025Q3' }],
    ['templates/{park}/{period}', '/TEMPLATES/jinshan/2025', { park: 'jinshan', period: '2025' }],
    ['templates/{park}/{period}.xlsx', '/templates/jinshan/2025.xlsx', { park: 'jinshan', period: '2025' }],
    ['templates/{park}/{period:regex(^[^.]+$)}', '/templates/jinshan/2025', { park: 'jinshan', period: '2025' }],
    ['returns/{park}/{period}/versions/{version:int}', '/returns/a/2025/versions/12', { park: 'a', period: '2025', version: '12' }],
    ['files/{*rest}', '/files/a/b/c', { rest: 'a/b/c' }],
    ['items/{id?}', '/items', {}],
    ['items/{id?}', '/items/7', { id: '7' }],
    ['returns/{park}/{period}', '/returns/%E9%87%91/2025', { park: '金', period: '2025' }],
  ])('%s matches %s', (template, path, params) => {
    expect(compileRoute(template).match(path)).toEqual(params);
  });

  it.each([
    ['templates/{park}/{period:regex(^[^.]+$)}', '/templates/jinshan/2025.xlsx'],
    ['templates/{park}/{period}', '/templates/jinshan'],
    ['templates/{park}/{period}', '/templates/jinshan/2025/extra'],
    ['returns/{park}/{period}/versions/{version:int}', '/returns/a/2025/versions/x'],
    ['templates/{park}/{period}.xlsx', '/templates/jinshan/2025'],
    ['parks', '/parksx'],
  ])('%s does not match %s', (template, path) => {
    expect(compileRoute(template).match(path)).toBeNull();
  });

  it('prefers literal, then complex, then constrained, then plain segments (as the host does)', () => {
    const routes = ['templates/{park}/{period}', 'templates/{park}/{period}.xlsx', 'templates/{park}/{period:regex(^\\d+$)}', 'templates/{park}/current']
      .map(compileRoute)
      .sort(compareRoutes)
      .map((r) => r.template);
    expect(routes).toEqual([
      'templates/{park}/current',
      'templates/{park}/{period}.xlsx',
      'templates/{park}/{period:regex(^\\d+$)}',
      'templates/{park}/{period}',
    ]);
  });

  it('reads {{ and }} in a regex constraint as literal braces', () => {
    const route = compileRoute('evaluation/{year:regex(^\\d{{4}}$)}');
    expect(route.match('/evaluation/2025')).toEqual({ year: '2025' });
    expect(route.match('/evaluation/20255')).toBeNull();
  });
});

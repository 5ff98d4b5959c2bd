import { loadCatalogue } from '@zj/shared';
import { describe, expect, it } from 'vitest';
import { actorFromClaims } from './actor-from-claims.js';
import { appRoleValues, entraAppRoles, uuidV5 } from './app-roles.js';

const catalogue = loadCatalogue();

describe('the app roles of the API registration', () => {
  it('are the three roles and one park.<code> per park of the catalogue', () => {
    expect(appRoleValues(catalogue)).toEqual(['statistician', 'reviewer', 'consolidator', ...catalogue.parks.map((p) => `park.${p.code}`)]);
  });

  it('have stable, distinct ids (UUID v5 of the value), user-assignable, named in both languages', () => {
    const roles = entraAppRoles(catalogue);
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
    expect(entraAppRoles(catalogue)).toEqual(roles);
    for (const r of roles) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.allowedMemberTypes).toEqual(['User']);
      // Entra ID: a value has no spaces; a display name and description are at most 100 and 1000 characters.
      expect(r.value).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(r.displayName.length).toBeLessThanOrEqual(100);
      expect(r.description.length).toBeLessThanOrEqual(1000);
    }
    expect(roles.find((r) => r.value === 'park.jinshan')?.displayName).toBe('金山园 Jinshan Park');
  });

  it('is what the API reads: a role and a park from the list make an actor', () => {
    const actor = actorFromClaims({ oid: 'ABC', name: '王统计', username: null, roles: ['statistician', 'park.minhang'] }, catalogue, null);
    expect(actor).toEqual({ id: 'abc', name: '王统计', role: 'statistician', park: 'minhang' });
  });

  it('computes RFC 4122 version 5 UUIDs (the RFC’s DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

import type { Actor, Catalogue } from '@zj/shared';

/** Local demo users: a statistician and a reviewer for every park of the catalogue, one consolidator. */
export function demoUsers(catalogue: Catalogue): Actor[] {
  const park = catalogue.parks.flatMap((p): Actor[] => [
    { id: `${p.code}-statistician`, name: `${p.name.zh}统计员`, role: 'statistician', park: p.code },
    { id: `${p.code}-reviewer`, name: `${p.name.zh}审核`, role: 'reviewer', park: p.code },
  ]);
  return [...park, { id: 'zone-consolidator', name: `${catalogue.zone.name.zh}汇总`, role: 'consolidator', park: null }];
}

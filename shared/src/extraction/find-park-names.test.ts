import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';
import { findParkNames } from './find-park-names.js';

describe('findParkNames', () => {
  it('reads the park names a plan uses from its own text', () => {
    expect(findParkNames('《张江高新区宝山园改革创新发展行动方案》……张江宝山园……张江高新区宝山园区')).toEqual(['宝山园区', '宝山园']);
  });

  it('takes no zone-wide phrase for a park', () => {
    expect(findParkNames('张江高新区加快世界领先科技园区建设，张江研发+本地制造，张江科学城')).toEqual([]);
  });

  it('strips the park name where it opens an indicator', () => {
    const text = '张江高新区宝山园行动方案。到2026年，宝山园软件产业营收占比超20%。';
    expect(extractTargets(text).map((c) => c.indicator)).toEqual(['软件产业营收占比']);
  });
});

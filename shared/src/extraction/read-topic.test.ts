import { describe, expect, it } from 'vitest';
import { GENERIC_INDICATOR, readTopic } from './read-topic.js';

describe('readTopic', () => {
  it.each([
    ['4.打造生物制造特色产业。', '生物制造特色产业'],
    ['-5.打造电子信息制造特色产业。', '电子信息制造特色产业'],
    ['1、提升美丽健康产业能级。', '美丽健康产业能级'],
    ['(二)重点发展高端装备主导产业', '高端装备主导产业'],
    ['到2026年，产业规模达到180亿元。', null],
    ['4.打造产业，形成集群。', null],
  ])('%s → %s', (sentence, topic) => {
    expect(readTopic(sentence)).toBe(topic);
  });

  it.each([
    ['产业规模', true],
    ['规模', true],
    ['产业集群', true],
    ['营收', true],
    ['高端化工新材料产业规模', false],
  ])('%s names no subject: %s', (phrase, generic) => {
    expect(GENERIC_INDICATOR.test(phrase)).toBe(generic);
  });
});

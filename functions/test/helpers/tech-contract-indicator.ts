import type { NewIndicator } from '@zj/shared';

/** 技术合同成交额: the indicator the test plans (松江园, 宝山园) have and the five seeds lack, as a reviewer defines it. */
export const TECH_CONTRACT_VALUE: NewIndicator = {
  code: 'tech_contract_value',
  name: { zh: '技术合同成交额', en: 'Technology contract turnover' },
  definition: { zh: '园区企业当年登记的技术合同成交金额。', en: 'Value of technology contracts registered in the year.' },
  unit: '万元',
  measure: 'flow',
  consolidation: 'sum',
  hasBaseline: true,
  components: null,
  distinctFrom: [],
};

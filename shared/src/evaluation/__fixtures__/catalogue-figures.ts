/**
 * Plausible hand-made figures for every park of the real catalogue (seeds/catalogue), in the
 * indicators' canonical units (万元, 人, 家, 平方米), so that every target can be evaluated and
 * checked against a hand computation. Parts agree with their wholes in every year (研发经费 and
 * the industry scales ≤ 营业收入; 金山园's three industries ≤ its 主导及特色产业营收).
 *
 * 奉贤园's plan runs 2024-2026 (baseline 2023, first return 2024, a leap year); the other plans run
 * 2025-2026 (baseline 2024, first return 2025). Running totals since the plan started (新增, 引进,
 * 签约) have no baseline: it is 0 by definition.
 */
export const FIRST_YEAR: Readonly<Record<string, number>> = { jinshan: 2025, minhang: 2025, fengxian: 2024, jinqiao: 2025, qingpu: 2025 };

/** The first annual return of each park. */
export const FIRST_RETURN: Readonly<Record<string, Record<string, number>>> = {
  jinshan: {
    operating_revenue: 10_000_000, // 1000亿元
    rd_expenditure: 560_000, // 5.6%
    leading_industries_revenue: 6_000_000, // exactly 60%: not 超过60%
    hnte_cumulative: 440,
    hnte_valid: 300,
    pct_applications: 48,
    rd_institutions_municipal: 32,
    leading_industries_talent: 14_800,
    incubators_national_or_hq: 0,
    hq_incubators: 0,
    unicorn_hidden_champion: 1,
    talent_apartments: 6_600,
    chemical_new_materials_scale: 3_400_000, // 340亿元
    biomedicine_scale: 1_500_000,
    electronic_info_scale: 850_000,
    leading_industries_scale: 500_000,
    biomedicine_signed_investment: 300_000, // 30亿元 signed in 2025
    drug_registration_approvals: 9,
    chain_enterprises_introduced: 30,
  },
  minhang: {
    operating_revenue: 100_000_000,
    rd_expenditure: 6_800_000, // 6.8% exactly
    leading_industries_revenue: 40_000_000,
    hnte_valid: 1_400,
    unicorn_hidden_champion: 6,
    pct_applications: 160,
    strategic_emerging_output: 13_000_000,
    leading_industries_scale: 6_000_000,
    value_added: 5_000_000,
    employees: 100_000, // 50万元/人
    hq_incubators: 1,
    leading_industries_talent: 30_000,
    fund_scale_cumulative: 2_900_000,
    incubators_upgraded: 4,
  },
  fengxian: {
    operating_revenue: 8_200_000,
    rd_expenditure: 250_000,
    unicorn_hidden_champion: 2, // 超过2家 needs 3
    hq_incubators: 0,
    featured_industries_talent: 50_000,
    // Its 三大特色产业 are its 主导及特色产业 (sameFigures): one figure for both.
    featured_industries_scale: 4_700_000,
    leading_industries_revenue: 4_700_000,
    district_featured_industries_scale: 7_000_000,
    new_tech_enterprises: 9_150, // 9150 / 366 = 25 a day in 2024
    hnte_valid: 600,
    pct_applications: 30,
    leading_industries_talent: 5_000,
    leading_industries_scale: 800_000,
  },
  jinqiao: {
    operating_revenue: 30_000_000,
    rd_expenditure: 1_500_000, // 5.0%
    leading_industries_revenue: 26_000_000,
    leading_industries_scale: 28_000_000, // 2800亿元 against 3000亿
    unicorn_hidden_champion: 6,
    pct_applications: 520,
    hq_incubators: 1,
    smart_factories_benchmark: 11,
    new_industrial_space: 1_200_000, // 120万平方米 since 2025
    hnte_valid: 900,
    leading_industries_talent: 60_000,
  },
  qingpu: {
    operating_revenue: 5_000_000,
    leading_industries_revenue: 3_300_000, // 66%
    hq_incubators_cultivating: 0,
    rd_expenditure: 150_000,
    hnte_valid: 200,
    pct_applications: 5,
    unicorn_hidden_champion: 0,
    hq_incubators: 0,
    leading_industries_talent: 3_000,
    leading_industries_scale: 300_000,
  },
};

/** The baselines (基期值) each park reports with its first return: the year before its plan. */
export const BASELINES: Readonly<Record<string, Record<string, number>>> = {
  jinshan: {
    operating_revenue: 9_000_000,
    rd_expenditure: 450_000, // 5.0%
    leading_industries_revenue: 5_040_000, // 56%
    hnte_cumulative: 400,
    pct_applications: 35,
    rd_institutions_municipal: 28,
    leading_industries_talent: 14_000,
    incubators_national_or_hq: 0,
    talent_apartments: 5_000,
    chemical_new_materials_scale: 3_000_000,
    biomedicine_scale: 1_200_000,
    electronic_info_scale: 800_000,
  },
  minhang: {
    operating_revenue: 90_000_000,
    rd_expenditure: 5_580_000, // 6.2%
    hnte_valid: 1_300,
    unicorn_hidden_champion: 4,
    pct_applications: 150,
    strategic_emerging_output: 12_000_000,
    leading_industries_scale: 5_500_000,
    value_added: 4_500_000,
    employees: 100_000, // 45万元/人
    hq_incubators: 0,
    leading_industries_talent: 26_000,
    fund_scale_cumulative: 2_500_000,
  },
  fengxian: {
    operating_revenue: 7_000_000,
    unicorn_hidden_champion: 1,
    hq_incubators: 0,
    featured_industries_talent: 45_000,
    featured_industries_scale: 4_200_000,
    leading_industries_revenue: 4_200_000,
    district_featured_industries_scale: 6_500_000,
    new_tech_enterprises: 7_300, // 7300 / 365 = 20 a day in 2023
  },
  jinqiao: {
    operating_revenue: 27_000_000,
    rd_expenditure: 1_215_000, // 4.5%
    leading_industries_scale: 24_000_000,
    unicorn_hidden_champion: 5,
    pct_applications: 400,
    hq_incubators: 0,
    smart_factories_benchmark: 9,
  },
  qingpu: {
    operating_revenue: 4_800_000,
    leading_industries_revenue: 3_000_000,
    hq_incubators_cultivating: 0,
  },
};

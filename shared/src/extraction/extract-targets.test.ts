import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';

/** What a test cares about: indicator, value, (high), unit, comparison, stretch, year. */
const brief = (text: string) =>
  extractTargets(text).map((c) => ({
    indicator: c.indicator,
    value: c.value,
    ...(c.valueHigh === undefined ? {} : { valueHigh: c.valueHigh }),
    unit: c.unit,
    comparison: c.comparison,
    stretch: c.stretch,
    year: c.year,
  }));

type Row = [string, string, ReturnType<typeof brief>];
const gte = (indicator: string, value: number, unit: string, year: number | null = 2026, stretch = false) => ({
  indicator,
  value,
  unit,
  comparison: 'gte' as const,
  stretch,
  year,
});
const gt = (indicator: string, value: number, unit: string, year: number | null = 2026, stretch = false) => ({
  indicator,
  value,
  unit,
  comparison: 'gt' as const,
  stretch,
  year,
});
const lte = (indicator: string, value: number, unit: string, year: number | null = 2026) => ({
  indicator,
  value,
  unit,
  comparison: 'lte' as const,
  stretch: false,
  year,
});
const range = (indicator: string, value: number, valueHigh: number, unit: string, year: number | null = 2026, stretch = false) => ({
  indicator,
  value,
  valueHigh,
  unit,
  comparison: 'range' as const,
  stretch,
  year,
});

describe('extractTargets: lists joined by 、，和', () => {
  it.each<Row>([
    ['、 between targets', '到2026年，高新技术企业达到500家、PCT申请量达到55件。', [gte('高新技术企业', 500, '家'), gte('PCT申请量', 55, '件')]],
    [
      '， between targets',
      '到2026年，园区企业研发经费支出占营业收入比重达到6.8%，有效期内高新技术企业达到1550家。',
      [gte('研发经费支出占营业收入比重', 6.8, '%'), gte('有效期内高新技术企业', 1550, '家')],
    ],
    [
      '和 before the last target',
      '到2027年，科技小巨人企业达到60家和专精特新企业不少于300家。',
      [gte('科技小巨人企业', 60, '家', 2027), gte('专精特新企业', 300, '家', 2027)],
    ],
    [
      'one verb governs a list without verbs',
      '到2026年，园区实现工业总产值1380亿元、三大先导产业总规模675亿元、劳动生产率(人均增加值)53.3万元/人。',
      [gte('工业总产值', 1380, '亿元'), gte('三大先导产业总规模', 675, '亿元'), gte('劳动生产率(人均增加值)', 53.3, '万元/人')],
    ],
    ['、 inside an indicator stays in it', '到2026年，新一代信息技术、生物医药产业规模达到800亿元。', [gte('新一代信息技术、生物医药产业规模', 800, '亿元')]],
    [
      '以及 and ； between targets',
      '到2026年，集聚科技型中小企业3000家；培育独角兽企业5家以及瞪羚企业50家。',
      [gte('集聚科技型中小企业', 3000, '家'), gte('独角兽企业', 5, '家'), gte('瞪羚企业', 50, '家')],
    ],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('extractTargets: ranges, magnitudes and Chinese numerals', () => {
  it.each<Row>([
    ['1-2家', '到2026年，建成1-2家具有影响力的高质量孵化器。', [range('具有影响力的高质量孵化器', 1, 2, '家')]],
    ['1至2家', '到2026年，新建1至2家国家级孵化器。', [range('新建国家级孵化器', 1, 2, '家')]],
    ['2—3家 with a dash', '到2026年底，力争培育独角兽企业2—3家。', [range('独角兽企业', 2, 3, '家', 2026, true)]],
    ['8~10个', '到2026年，建成概念验证中心8~10个。', [range('概念验证中心', 8, 10, '个')]],
    ['3.4万人', '到2026年，三大先导产业人才达到3.4万人。', [gte('三大先导产业人才', 3.4, '万人')]],
    ['bare 万 after a people word', '到2026年，特色产业人才规模达到6万。', [gte('特色产业人才规模', 6, '万')]],
    ['千亿级', '到2026年，园区产业规模达千亿级以上。', [gte('产业规模', 1000, '亿')]],
    ['百亿 in Chinese', '到2026年，智能传感器产业规模突破五百亿元。', [gt('智能传感器产业规模', 500, '亿元')]],
    ['bare 亿', '到2026年，三大先导产业总营收力争达到3000亿。', [gte('三大先导产业总营收', 3000, '亿', 2026, true)]],
    ['万平方米', '到2026年，新增产业载体空间超过200万平方米。', [gt('新增产业载体空间', 200, '万平方米')]],
    ['万元/人', '到2026年，全员劳动生产率达到45万元/人。', [gte('全员劳动生产率', 45, '万元/人')]],
    ['percent', '到2026年，主导产业营收占比超过60%。', [gt('主导产业营收占比', 60, '%')]],
    ['full-width percent', '到２０２６年，研发投入强度达到５．５％。', [gte('研发投入强度', 5.5, '%')]],
    ['百分之', '到2026年，战略性新兴产业产值比重达到百分之四十五。', [gte('战略性新兴产业产值比重', 45, '%')]],
    ['两家 after a verb', '到2026年，新增两家国家级孵化器。', [gte('新增国家级孵化器', 2, '家')]],
    ['两家 closing its clause', '到2026年，新增上市企业两家以上。', [gte('新增上市企业', 2, '家')]],
    ['thousands separator', '到2026年，高新技术企业总数超过1,200家。', [gt('高新技术企业总数', 1200, '家')]],
    ['a composite unit', '到2026年，单位土地产出达到100亿元/平方公里。', [gte('单位土地产出', 100, '亿元/平方公里')]],
    ['场次 and 万名', '到2026年，举办活动50场次以上，引进人才1万名。', [gte('举办活动', 50, '场次'), gte('引进人才', 1, '万名')]],
    ['a task word inside a longer noun', '到2026年，新增10个工程技术研究中心。', [gte('新增工程技术研究中心', 10, '个')]],
    ['a grade before a count', '到2026年，培育百亿级企业2家。', [gte('百亿级企业', 2, '家')]],
    ['a grade describes what is counted', '到2026年，打造两个千亿级产业集群。', [gte('千亿级产业集群', 2, '个')]],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('extractTargets: comparison and stretch', () => {
  it.each<Row>([
    ['达到', '到2026年，人才公寓达到8000套。', [gte('人才公寓', 8000, '套')]],
    ['实现', '到2026年，园区实现营业收入2000亿元。', [gte('营业收入', 2000, '亿元')]],
    ['建成', '到2026年，建成新型研发机构5家。', [gte('新型研发机构', 5, '家')]],
    ['提供', '到2026年，提供人才公寓8000套。', [gte('人才公寓', 8000, '套')]],
    ['以上', '到2026年，生物医药产业项目签约投资额50亿元以上。', [gte('生物医药产业项目签约投资额', 50, '亿元')]],
    ['达...以上', '到2026年，市级及以上研发机构数量达32个以上。', [gte('市级及以上研发机构数量', 32, '个')]],
    ['不少于', '到2026年，示范带动不少于10家孵化器实现专业化。', [gte('孵化器实现专业化', 10, '家')]],
    ['超过 is strictly more', '到2026年，“独角兽”“隐形冠军”企业超过2家。', [gt('“独角兽”“隐形冠军”企业', 2, '家')]],
    ['突破 is strictly more', '到2027年，营业收入突破3500亿元。', [gt('营业收入', 3500, '亿元', 2027)]],
    ['提高到', '到2026年，研发经费支出占营业收入比重提高到4.5%。', [gte('研发经费支出占营业收入比重', 4.5, '%')]],
    ['力争 is a stretch', '到2026年，力争建成高质量孵化器1家。', [gte('高质量孵化器', 1, '家', 2026, true)]],
    ['努力 is a stretch', '到2026年，努力建设和培育1家国家级孵化器。', [gte('国家级孵化器', 1, '家', 2026, true)]],
    [
      '争取 heads the whole list',
      '到2026年，争取主导产业营收占比超过60%，高新技术企业达到500家。',
      [gt('主导产业营收占比', 60, '%', 2026, true), gte('高新技术企业', 500, '家', 2026, true)],
    ],
    [
      '力争 opening a sentence heads it',
      '力争引进产业链企业50家以上，产业规模达到105亿元。到2026年，园区营收达到1000亿元。',
      [gte('引进产业链企业', 50, '家', 2026, true), gte('产业规模', 105, '亿元', 2026, true), gte('营收', 1000, '亿元')],
    ],
    [
      '力争 inside a clause governs that clause only',
      '到2026年，总营收力争达到3000亿元，智能工厂达到15家。',
      [gte('总营收', 3000, '亿元', 2026, true), gte('智能工厂', 15, '家')],
    ],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('extractTargets: the target year', () => {
  it.each<Row>([
    ['到2026年', '到2026年，高新技术企业达到500家。', [gte('高新技术企业', 500, '家')]],
    ['至2026年', '至2026年，引育市级高质量孵化器1家。', [gte('引育市级高质量孵化器', 1, '家')]],
    ['2026年前', '2026年前，建成国家级孵化器2家。', [gte('国家级孵化器', 2, '家')]],
    ['到2026年底', '到2026年底，集聚各类人才3.5万人。', [gte('集聚各类人才', 3.5, '万人')]],
    ['力争到2027年', '力争到2027年，新增上市企业10家。', [gte('新增上市企业', 10, '家', 2027, true)]],
    ['years in Chinese digits', '到二〇二六年，高新技术企业达到800家。', [gte('高新技术企业', 800, '家')]],
    ['spaces of OCR', '到 2026 年 , 高新技术企业数量(累计)达到 500 家 。', [gte('高新技术企业数量(累计)', 500, '家')]],
    ["a clause inherits its sentence's year", '到2027年，A类企业达到10家，B类企业达到20家。', [gte('A类企业', 10, '家', 2027), gte('B类企业', 20, '家', 2027)]],
    [
      'a sentence inherits the year of the one before',
      '到2027年，园区营收达到1000亿元。其中，集成电路产业规模达到500亿元。',
      [gte('营收', 1000, '亿元', 2027), gte('集成电路产业规模', 500, '亿元', 2027)],
    ],
    [
      "a task without a year takes the plan's target year",
      '一、主要目标\n到2026年，园区营收达到1000亿元。\n二、重点任务\n3.培育产业。力争引进产业链企业50家以上。',
      [gte('营收', 1000, '亿元'), gte('引进产业链企业', 50, '家', 2026, true)],
    ],
    ['a base year inside a target clause scopes nothing', '到2026年，园区营收比2023年增长30%以上。', [gte('营收比2023年增长', 30, '%')]],
    ['the indicator left out after a baseline', '2023年园区营收达到800亿元，到2026年达到1200亿元。', [gte('营收', 1200, '亿元')]],
    [
      'a list continues without target words',
      '建成市级孵化器10家、众创空间15家。到2026年，园区营收达到1000亿元。',
      [gte('市级孵化器', 10, '家'), gte('众创空间', 15, '家'), gte('营收', 1000, '亿元')],
    ],
    [
      'a cumulative verb after the noun',
      '到2026年，上市企业新增5家，科技型中小企业累计达到3000家。',
      [gte('上市企业新增', 5, '家'), gte('科技型中小企业累计', 3000, '家')],
    ],
    [
      'a growth named after the figure before',
      '到2026年，工业总产值达到1000亿元，年均增长10%左右。',
      [gte('工业总产值', 1000, '亿元'), gte('工业总产值年均增长', 10, '%')],
    ],
    ['从...提高到', '到2026年，研发投入强度由3.5%提高到4.5%。', [gte('研发投入强度', 4.5, '%')]],
    ['without any year the year is unknown', '力争引进产业链企业50家以上。', [gte('引进产业链企业', 50, '家', null, true)]],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('extractTargets: goal sections under their usual headings, and task paragraphs', () => {
  it.each([['一、主要目标'], ['二、发展目标'], ['（三）行动目标'], ['（二）工作目标'], ['一、总体目标\n具体目标如下：'], ['第二章 目标任务']])(
    '%s',
    (heading) => {
      const text = `${heading}\n到2026年，园区高新技术企业达到800家。\n三、重点任务\n（一）打造产业高地\n1.发展生物医药产业。到2026年，生物医药产业规模达到300亿元。`;
      expect(brief(text).map((c) => [c.indicator, c.value])).toEqual([
        ['高新技术企业', 800],
        ['生物医药产业规模', 300],
      ]);
    },
  );

  it('takes figures without a target word in a goal section, labels before a colon included', () => {
    const text =
      '二、发展目标\n到2026年，主要指标如下：\n1.高新技术企业数量：1500家。\n2.研发经费投入强度：5%以上。\n3.“独角兽”企业 3家\n三、重点任务\n园区集合科研院所12个。';
    expect(brief(text)).toEqual([gte('高新技术企业数量', 1500, '家'), gte('研发经费投入强度', 5, '%'), gte('“独角兽”企业', 3, '家')]);
  });

  it('names the task title for an indicator without a subject (产业规模 under 打造生物制造特色产业)', () => {
    const text = '4. 打造生物制造特色产业。重点发展抗体药物。到2026年，新增21个药品注册批件，产业规模达到180亿元。';
    const found = extractTargets(text);
    expect(found.map((c) => [c.indicator, c.topic])).toEqual([
      ['新增药品注册批件', undefined],
      ['产业规模', '生物制造特色产业'],
    ]);
  });
});

describe('extractTargets: quotes and offsets', () => {
  it('quotes verbatim, spaces and line breaks included, at the offset of the quote', () => {
    const text = '一、主要目标\n\n到 2026 年,高新技术企业\n\n数量达到 500 家,PCT 专利年申请量达到 55 件。';
    const found = extractTargets(text);
    expect(found.map((c) => c.quote)).toEqual(['高新技术企业\n\n数量达到 500 家', 'PCT 专利年申请量达到 55 件']);
    for (const c of found) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
  });

  it('reads over a page number that a PDF copy puts inside a figure', () => {
    const text = '到 2026 年，园区高新技术企业达到 1\n— 2 —\n200 家，营收达到1000亿元，\n- 3 -\n研发投入强度达到5%。\n第4页\n';
    const found = extractTargets(text);
    expect(found.map((c) => [c.value, c.unit])).toEqual([
      [1200, '家'],
      [1000, '亿元'],
      [5, '%'],
    ]);
    for (const c of found) expect(text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
  });

  it('reads a one-line page with web debris and "|" table rows', () => {
    const text =
      '首页 | 政务公开 | 发布日期：2025-02-14 | 沪府〔2025〕8号 到2026年，园区营收达到1000亿元，高新技术企业达到600家。 | 留言 |\n*姓名 | |\n*联系方式 | |\n咨询电话：69989999 | 沪ICP备12345678号 |';
    expect(brief(text).map((c) => [c.indicator, c.value, c.year])).toEqual([
      ['营收', 1000, 2026],
      ['高新技术企业', 600, 2026],
    ]);
  });
});

describe('extractTargets: wordings of plans the seeds do not use', () => {
  it.each<Row>([
    [
      '分别 gives each indicator of the list its figure',
      '到2026年，高新技术企业、专精特新企业分别达到3000家和1200家。',
      [gte('高新技术企业', 3000, '家'), gte('专精特新企业', 1200, '家')],
    ],
    [
      '分别 with a list that does not fit the figures keeps the whole',
      '到2026年，孵化器、众创空间及加速器分别达到10家和20家。',
      [gte('孵化器、众创空间及加速器', 10, '家'), gte('孵化器、众创空间及加速器', 20, '家')],
    ],
    [
      '分别 after a list of years gives each figure its year',
      '（2025-2026年）\n2025年、2026年高新技术企业分别达到900家、1000家。',
      [gte('高新技术企业', 900, '家', 2025), gte('高新技术企业', 1000, '家')],
    ],
    [
      '分别 after a past year and a target year keeps the target only',
      '（2025-2026年）\n2023年、2026年高新技术企业分别为800家、1000家。',
      [gte('高新技术企业', 1000, '家')],
    ],
    [
      'a head without a subject takes the subject before',
      '到2026年，新增高新技术企业200家，总数达到1000家。',
      [gte('新增高新技术企业', 200, '家'), gte('高新技术企业总数', 1000, '家')],
    ],
    [
      'a growth after a growth base keeps the subject only',
      '到2026年，营业收入突破1500亿元，较2023年增长50%左右，年均增速保持在15%左右。',
      [gt('营业收入', 1500, '亿元'), gte('营业收入较2023年增长', 50, '%'), gte('营业收入年均增速', 15, '%')],
    ],
    ['a year after the subject', '园区营收到2026年达到1000亿元。', [gte('营收', 1000, '亿元')]],
    [
      'a clause without a subject takes the one before',
      '到2026年，营业收入较2020年翻一番，达到2000亿元。',
      [gte('营业收入较2020年', 2, '倍'), gte('营业收入', 2000, '亿元')],
    ],
    [
      '确保 and 力争 on one indicator',
      '到2026年，工业总产值确保达到4000亿元，力争达到4500亿元。',
      [gte('工业总产值', 4000, '亿元'), gte('工业总产值', 4500, '亿元', 2026, true)],
    ],
    ['a range that repeats its unit', '到2026年，数据智能产业营收占比达到40%—45%。', [range('数据智能产业营收占比', 40, 45, '%')]],
    ['个百分点', '到2026年，占规上工业总产值比重提高3个百分点。', [gte('占规上工业总产值比重提高', 3, '个百分点')]],
    ['a growth after a growth', '到2026年，园区营收年均增长10%，其中2025年增长8%。', [gte('营收年均增长', 10, '%'), gte('营收增长', 8, '%', 2025)]],
    [
      '较上年 in a sentence a target year scopes',
      '到2026年，研发投入达到50亿元，较上年增长15%。',
      [gte('研发投入', 50, '亿元'), gte('研发投入较上年增长', 15, '%')],
    ],
    ['稳定在 is a verb, not a qualifier', '到2026年，整车年产能稳定在120万辆以上。', [gte('整车年产能', 120, '万辆')]],
    [
      'a count verb before digits in a task without a year',
      '二、重点任务\n1.实施“机器人+”行动，建设3个机器人应用示范场景。到2026年，园区营收达到1000亿元。',
      [gte('机器人应用示范场景', 3, '个'), gte('营收', 1000, '亿元')],
    ],
    [
      '设立 and 发放 before counts',
      '鼓励金融机构设立科技支行20家，发放人才卡2000张。到2026年，园区营收达到1000亿元。',
      [gte('金融机构设立科技支行', 20, '家'), gte('人才卡', 2000, '张'), gte('营收', 1000, '亿元')],
    ],
    [
      '盘活 is a target verb of space',
      '盘活存量楼宇30万平方米。到2026年，园区营收达到1000亿元。',
      [gte('盘活存量楼宇', 30, '万平方米'), gte('营收', 1000, '亿元')],
    ],
    ['a sum describing what is counted', '到2026年，力争培育营收超百亿元设计企业3家。', [gte('营收超百亿元设计企业', 3, '家', 2026, true)]],
    ['a grade written after its unit', '到2026年，培育10亿元级企业5家、亿元级企业50家。', [gte('10亿元级企业', 5, '家'), gte('亿元级企业', 50, '家')]],
    [
      'Chinese counts of graded clusters',
      '到2026年，形成新能源汽车、高端装备两个超千亿级产业集群，百亿级产业集群4至6个。',
      [gte('新能源汽车、高端装备', 2, '个'), range('百亿级产业集群', 4, 6, '个')],
    ],
    [
      '到“十四五”末 is 2025',
      '到“十四五”末，累计引进各类人才达到20万人；至2026年，累计超过22万人。',
      [gte('累计引进各类人才', 20, '万人', 2025), gt('累计引进各类人才', 22, '万人')],
    ],
    [
      'a cumulative verb alone continues the indicator before',
      '到2026年，上市企业达到20家，新增5家。',
      [gte('上市企业', 20, '家'), gte('上市企业新增', 5, '家')],
    ],
    [
      'a sentence inherits the 到 year, not a year inside it',
      '到2026年，营收年均增长10%，其中2025年增长8%。研发投入达到50亿元。',
      [gte('营收年均增长', 10, '%'), gte('营收增长', 8, '%', 2025), gte('研发投入', 50, '亿元')],
    ],
    ['computing power', '至2026年，智能算力规模超过20EFLOPS。', [gt('智能算力规模', 20, 'EFLOPS')]],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('extractTargets: growth rates, ceilings and figures without digits (issue 15)', () => {
  it.each<Row>([
    [
      'a ceiling is a target of its own kind',
      '到2026年，单位增加值能耗控制在0.3吨以内，PM2.5浓度不超过30%。',
      [lte('单位增加值能耗', 0.3, '吨'), lte('PM2.5浓度', 30, '%')],
    ],
    [
      '低于 is strictly below',
      '到2027年，单位产品能耗低于1.2吨标准煤。',
      [{ indicator: '单位产品能耗', value: 1.2, unit: '吨标准煤', comparison: 'lt', stretch: false, year: 2027 }],
    ],
    [
      'a fall aimed at',
      '到2027年，单位工业增加值能耗较2022年下降18%，用水量降低12%。',
      [gte('单位工业增加值能耗较2022年下降', 18, '%', 2027), gte('用水量降低', 12, '%', 2027)],
    ],
    ['两位数增长', '到2026年，数据智能产业保持两位数增长。', [gte('数据智能产业', 10, '%')]],
    ['翻两番', '到2030年，营业收入较2020年翻两番。', [gte('营业收入较2020年', 4, '倍', 2030)]],
    ['六成', '到2030年，数字经济核心产业增加值占比超过六成。', [gt('数字经济核心产业增加值占比', 60, '%', 2030)]],
    ['百个', '到2030年，建设百个数字化车间。', [gte('数字化车间', 100, '个', 2030)]],
    ['traditional script', '到2026年，集聚科技型企業超過500家，增加值突破百億元。', [gt('集聚科技型企业', 500, '家'), gt('增加值', 100, '亿元')]],
    [
      '各 gives the figure to each of a list',
      '到2026年，新建企业技术中心、工程研究中心、工业设计中心各10家。',
      [gte('新建企业技术中心', 10, '家'), gte('工程研究中心', 10, '家'), gte('工业设计中心', 10, '家')],
    ],
    [
      'units beyond the list',
      '到2027年，新增光伏装机20万千瓦，发电量达到4.5亿千瓦时，研发人员达到300人年，外资达到6.5亿美元。',
      [gte('新增光伏装机', 20, '万千瓦', 2027), gte('发电量', 4.5, '亿千瓦时', 2027), gte('研发人员', 300, '人年', 2027), gte('外资', 6.5, '亿美元', 2027)],
    ],
  ])('%s', (_, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('says how it read a figure without digits, and what kind of target each is', () => {
    const found = extractTargets('到2030年，营收迈上万亿元台阶，较2020年翻两番，占比超过六成，年均增长8%，能耗下降5%，排放不超过1200吨，培育千亿级企业2家。');
    expect(found.map((c) => [c.written, c.reading, c.kind])).toEqual([
      ['万亿元', '万亿元 = 10000亿元', 'amount'],
      ['翻两番', '翻两番 = 基期的4倍', 'growth'],
      ['六成', '六成 = 60%', 'share'],
      ['8%', null, 'growth'],
      ['5%', null, 'growth'],
      ['1200吨', null, 'ceiling'],
      ['2家', null, 'count'],
    ]);
  });
});

describe('extractTargets: the year at a distance, and where it was found (issue 15)', () => {
  const years = (text: string) => extractTargets(text).map((c) => [c.value, c.year, c.yearSource.source, c.yearSource.words]);

  it('a goals list under a paragraph that names the year', () => {
    const text = '到2027年，新区海洋经济实现量质齐升。主要目标包括：\n1.海洋生产总值达到2200亿元；\n2.培育高新技术企业150家。';
    expect(years(text)).toEqual([
      [2200, 2027, 'earlier', '2027年'],
      [150, 2027, 'earlier', '2027年'],
    ]);
  });

  it('a year after the values, and two years in one sentence', () => {
    const text = '平台数量达到60个，其中国家级平台12个，这一目标力争2026年提前实现。\n到“十四五”末，产值突破1800亿元；到2027年，规模达到50万吨/日。';
    expect(years(text)).toEqual([
      [60, 2026, 'sentence', '2026年'],
      [12, 2026, 'sentence', '2026年'],
      [1800, 2025, 'sentence', '“十四五”末'],
      [50, 2027, 'sentence', '2027年'],
    ]);
  });

  it('a year only in the title (2025年版, 工作要点), and 全年', () => {
    const text =
      '科技企业培育工作计划（2025年版）\n一、工作目标\n新认定国家高新技术企业800家以上，科技型企业总量较上年增长10%。\n全年组织实施重大科技项目30项。';
    expect(years(text)).toEqual([
      [800, 2025, 'title', '2025年'],
      [10, 2025, 'title', '2025年'],
      [30, 2025, 'title', '2025年'],
    ]);
  });

  it('a heading that names the year', () => {
    const text = '二、主要目标\n（一）2025年目标。全年新增高新技术企业150家。\n（二）2027年目标。高新技术企业总数达到1600家。';
    expect(years(text)).toEqual([
      [150, 2025, 'heading', '2025年'],
      [1600, 2027, 'heading', '2027年'],
    ]);
  });

  it('a page date is never a target year; a base year neither', () => {
    const text = '发布时间：2025-03-05 16:48\n到2027年，园区人才总量在2022年基础上增长50%，达到100万人。\n2022年，园区人才总量为66.8万人。';
    expect(years(text)).toEqual([
      [50, 2027, 'sentence', '2027年'],
      [100, 2027, 'sentence', '2027年'],
    ]);
  });
});

describe('extractTargets: estimates against targets (issue 15)', () => {
  it('预计全年 of the year the text was written is an estimate; 预计到 a later year is a target', () => {
    const text =
      '（2024年12月）\n今年以来，实现规上工业总产值1180亿元；预计全年完成规上工业总产值1300亿元。\n预计到2027年，新材料科创园建成面积超过100万平方米。';
    expect(extractTargets(text).map((c) => [c.value, c.year])).toEqual([[100, 2027]]);
  });

  it('a review of last year gives no targets, the goals of the coming year do', () => {
    const text =
      '一、2024年计划执行情况\n全年新增国家高新技术企业620家，总数达到2835家；单位地区生产总值能耗下降3.5%。\n二、2025年主要预期目标\n地区生产总值预期增长5.5%左右，研发投入强度达到4.3%。';
    expect(extractTargets(text).map((c) => [c.value, c.year, c.kind])).toEqual([
      [5.5, 2025, 'growth'],
      [4.3, 2025, 'share'],
    ]);
  });
});

describe('extractTargets: reasons, confidence and baselines (issue 15)', () => {
  it('gives the reasons a figure is a target, in Chinese and English', () => {
    const [c] = extractTargets('二、发展目标\n到2026年，力争高新技术企业达到600家。');
    expect(c?.reasons.map((r) => [r.code, r.words])).toEqual([
      ['target_year', '到2026年'],
      ['goal_section', '目标'],
      ['target_word', '达到'],
      ['stretch_word', '力争'],
    ]);
    expect(c?.reasons[0]?.zh).toBe('句中写明目标年份“到2026年”');
    expect(c?.reasons[0]?.en).toBe('the sentence aims at a year: “到2026年”');
  });

  it("is surer of a figure with its year and a target word than of one read from words with the plan's year", () => {
    const [sure, unsure] = extractTargets('到2026年，高新技术企业达到600家。\n打造两个千亿级产业集群。');
    expect(sure?.confidence).toBeGreaterThan(unsure?.confidence ?? 1);
  });

  it('offers the past figure of the same indicator as the baseline', () => {
    const found = extractTargets(
      '2023年，园区营收达到800亿元，高新技术企业420家。\n到2026年，园区营收达到1200亿元，高新技术企业达到600家，研发投入强度由3.5%提高到4.5%。',
    );
    expect(found.map((c) => [c.value, c.baseline?.value ?? null, c.baseline?.year ?? null, c.baseline?.beside ?? null])).toEqual([
      [1200, 800, 2023, 'text'],
      [600, 420, 2023, 'text'],
      [4.5, 3.5, null, 'sentence'],
    ]);
  });

  it('pairs the figures of two 分别 lists of the same size', () => {
    const found = extractTargets(
      '2023年，三大主导产业营收分别为4100亿元、620亿元和1850亿元。\n到2026年，电子信息、生物医药、数字经济三大主导产业营收分别突破6000亿元、1200亿元和3000亿元。',
    );
    expect(found.map((c) => [c.value, c.baseline?.value])).toEqual([
      [6000, 4100],
      [1200, 620],
      [3000, 1850],
    ]);
  });
});

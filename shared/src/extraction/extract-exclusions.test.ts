import { describe, expect, it } from 'vitest';
import { extractTargets } from './extract-targets.js';

/**
 * What is not a target. Each text holds one real target (so the plan has a target year and
 * the extractor is awake) and one figure that must not be proposed.
 */
const TARGET = '到2026年，高新技术企业达到800家。';
const values = (text: string) => extractTargets(text).map((c) => `${c.value}${c.unit}`);

describe('extractTargets: what is not a target', () => {
  it.each([
    // Baselines: figures of past years.
    ['a past year', '2023年，园区高新技术企业达到1200家。'],
    ['a past year in a list', '2024年，园区实现营业收入2860亿元，同比增长8.6%；有效期内高新技术企业达到1236家。'],
    ['截至', '截至2024年底，园区已集聚市级以上研发机构45个。'],
    ['以来', '2021年以来，园区营收年均增长15%。'],
    ['已', '园区已建成国家级孵化器3家。'],
    ['past growth without a year', '园区营收较上年增长12%。'],
    ['近三年', '近三年，园区累计引进重大产业项目120个。'],
    ['“十四五”以来', '“十四五”以来，园区累计引进重大产业项目120个。'],
    ['“十三五”时期', '“十三五”时期，园区企业营业收入年均增长12%，累计新增企业500家。'],
    ['a past change (由...提高到)', '2024年，研发投入强度由3.2%提高到3.5%。'],
    // Document numbers and dates.
    ['a document number 〔〕', '沪府办规〔2023〕23号文件精神，依照闵府发〔2025〕5号执行。'],
    ['a document number []', '金府发[2024]3号'],
    ['a date', '上海市金山区人民政府 2024年12月31日印发'],
    ['an ISO date', '发布时间 | 2025-04-07 |'],
    ['a month and day', '于3月30日召开会议，到5月20日完成。'],
    // Phones, addresses, web debris.
    ['a phone number', '联系电话：021-57823456，传真：021-57823457。'],
    ['a mobile number', '手机：13812345678。'],
    ['a hotline without a label', '咨询 021-64123456 转 8001。'],
    ['an address', '地址：上海市松江区荣乐东路2388号3号楼5层。'],
    ['a street number in a sentence', '园区管委会设在碧波路690号5幢。'],
    ['an ICP number', '沪ICP备12345678号 沪公网安备 31011402005000号'],
    // Counts of tasks and measures.
    ['三个方面', '从三个方面提出若干措施。'],
    ['18项重点任务', '围绕以上18项重点任务，明确责任分工。'],
    ['20条措施', '制定出台20条措施，支持企业发展。'],
    ['配套文件', '出台5个配套文件，形成3项实施细则。'],
    ['五大行动', '实施五大行动，推进15项工程。'],
    // Numbers inside names.
    ['G60', '依托G60科创走廊建设。'],
    ['5G and 6G', '推进5G/6G、Wi-Fi 6等场景应用，建设5G产业生态园。'],
    ['大零号湾', '强化“大零号湾”科技创新策源功能区引领作用。'],
    ['1+N', '构建“1+N”政策体系，推广“20+8”产业集群。'],
    ['三大 and 十四五', '聚焦三大先导产业，落实“十四五”规划。'],
    ['一核两翼 and 四个一', '落实“一核两翼”布局，打造“贤才”服务品牌的四个一。'],
    ['八家在奉高校', '持续深化与华东理工大学等八家在奉高校合作。'],
    ['两个市级特色产业园', '加快5G产业生态园、金谷智能终端制造基地两个市级特色产业园建设。'],
    ['一批 is not a number', '形成一批原创性科研成果，集聚一批领军企业。'],
    ['二期 and 2.0版', '加快金创园二期建设，打造“一网通办”2.0版。'],
    ['第64次', '已经第 64 次区政府常务会讨论通过。'],
    ['a ranking', '力争进入全国高新区前10名。'],
    ['a line number', '争取轨道交通15号线增设站点。'],
    ['titles of other plans', '《张江高新区加快世界领先科技园区建设行动方案(2023-2025年)》'],
    // Qualifiers, ceilings and descriptions.
    ['a qualifier with 以上的', '鼓励产值规模在5000万以上的集群企业“无研发活动清零”。'],
    ['a qualifier with 的', '对年营业收入超过5亿元的企业给予奖励。'],
    ['an approximate description', '集合区内30余家优质企业和医疗机构，组成医企联盟。'],
    ['policy money', '对新认定的国家级孵化器给予最高500万元奖励，给予不少于100万元支持，提供200万元补贴。'],
    ['a budget', '每年安排专项资金不少于1亿元。'],
    ['what exists now', '园区现有高新技术企业1200家，总面积12.5平方公里。'],
    ['a figure with no target word and no year', '分别对11个现有地块开展效能评估，复制金桥南区58项审批流程。'],
    // Wordings of other parks' plans.
    ['a quota on each official', '建立区领导联系重点企业制度，每位区领导联系企业不少于5家。'],
    ['a grade that describes a subject', '超千亿元级数据智能产业集群能级显著提升。'],
    ['a Chinese count after a count verb', '建设两条十字交叉的特色科创大道。'],
    ['a sum of money after a count verb', '设立10亿元科创基金，举办“创新创业大赛”。'],
    ['较“十三五”末', '2024年，园区实现营收780亿元，较“十三五”末增长40%。'],
    ['a past year beside a 十四五 year', '“十四五”以来，园区累计引进各类人才超过16万人。'],
    ['names with digits', '推进12英寸晶圆制造，配合C919大飞机产业化，建设“航运科技100”企业库。'],
    ["the park's area in a goal section", '一、主要目标\n园区规划面积3.5平方公里，是全市重要的产业基地。'],
    ['fund and grant after a verb', '设立规模不少于10亿元的数智产业基金，按实际投入的20%给予最高500万元补贴。'],
    // Issue 15: past results, present state and estimates written like targets.
    ['a review of last year', '2024年，园区实现营收1200亿元，同比增长8%，规上工业总产值达4000亿元，累计落地企业500家。'],
    ['目前', '目前，园区拥有光电子信息企业1.6万家，其中上市企业67家。'],
    ['现有 and 截至…已…达到', '现有基础方面，截至2024年底，全区已集聚持牌金融机构达到1100家。'],
    ['过去一年', '过去一年，新增人才公寓4500套。'],
    ['a ranking', '全区GDP列全市第二，综合实力位居全国经开区第3。'],
    ['分别 in a review', '2024年，战略性新兴产业产值和高技术制造业产值占比分别达到45%和38%，较上年提高3个百分点。'],
    ['a review section', '一、发展基础\n园区规上工业总产值达到2600亿元，研发投入强度达到3.9%。\n二、发展目标'],
    ['前三季度 and 预计全年', '今年前三季度，园区实现营收862亿元，同比增长18.6%，预计全年营收将超过1100亿元。'],
    ['a sum that names a class of firms', '对年营收首次突破1亿元、5亿元、10亿元的企业分别给予奖励。'],
    ['近 describes what is', '园区集聚持牌金融机构近千家。'],
  ])('%s', (_, noise) => {
    expect(values(`${TARGET}\n${noise}`)).toEqual(['800家']);
    expect(values(`${noise}\n${TARGET}`)).toEqual(['800家']);
  });
});

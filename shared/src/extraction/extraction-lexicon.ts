/**
 * Words of Chinese plan language (行动方案, 规划) that the extractor reads. They are the grammar of
 * such texts in general, never the name of a park or an indicator.
 * Lists are ordered longest first where one word is a prefix of another.
 */

/** Strictly more than (DOMAIN: 超过 is >). 突破/逾 "break through / exceed" read the same way. */
export const GT_WORDS = ['超过', '突破', '高于', '多于', '大于', '逾', '超'];

/** Reach at least (≥): 达到 / 实现 / 建成 / 提供 / 不少于 ... */
export const GTE_WORDS = [
  '不少于',
  '不低于',
  '不小于',
  '至少',
  '提高到',
  '提升到',
  '增加到',
  '增长到',
  '扩大到',
  '提高至',
  '提升至',
  '增加至',
  '增长至',
  '扩大至',
  '增至',
  '达到',
  '达',
  '实现',
  '建成',
  '提供',
  '保持在',
  '稳定在',
  '维持在',
  '稳定于',
  '保持',
];

/** A stretch goal (力争 / 努力 / 争取): still ≥, but flagged. */
export const STRETCH_WORDS = ['力争', '努力', '争取', '力求'];

/**
 * Verbs that make a figure cumulative over the plan period (DOMAIN: 新增/引进/签约/累计). They are
 * kept in the indicator phrase because they change how the figure is evaluated.
 */
export const CUMULATIVE_WORDS = ['新增', '引进', '引育', '累计', '新建', '签约', '集聚'];

/** A ceiling (≤): 不超过, 控制在…, 不高于; 低于 and 少于 are strictly below (<). */
export const LTE_WORDS = ['不超过', '不高于', '控制在', '不多于', '不大于', '以内'];
export const LT_WORDS = ['低于', '少于', '小于'];

/** A fall aimed at (能耗下降5%, 用水量降低12%, 排放减少10%): a growth target of kind growth, ≥ on the size of the fall. */
export const DECLINE_WORDS = ['下降', '降低', '减少', '压减', '削减'];

/** Verbs, adverbs and connectors between an indicator and its figure that carry no meaning of their own. */
export const LINK_WORDS = [
  '建设和培育',
  '培育和建设',
  '建设',
  '培育',
  '打造',
  '形成',
  '带动',
  '推动',
  '支持',
  '鼓励',
  '引导',
  '示范',
  '拥有',
  '完成',
  '确保',
  '预计',
  '总计',
  '合计',
  '再',
  '将',
  '要',
  '共',
  '约',
  '近',
  '为',
  '和',
  '及',
  '与',
  '并',
  '或',
  '、',
];

/** Leading words of a clause that are not part of the indicator. */
export const LEADING_NOISE = ['同时', '其中', '另外', '此外', '以及', '并且', '和', '及', '与', '并', '且', '、', '-', '—', '•', '·'];

/**
 * A ceiling (≤: 不超过, 控制在, or 以下/以内 after the unit, read in find-quantities) is not a
 * target kind the catalogue knows; such figures are not proposed.
 */
export const CEILING_BEFORE = ['不超过', '不高于', '控制在', '低于', '少于'];

/** Before the figure, the clause tells of the past: the figure is a baseline, not a target. */
export const PAST_MARKERS = ['已经', '已', '截至', '截止', '以来', '去年', '上年', '同比', '过去', '曾', '现有', '目前'];
/**
 * Markers strong enough to make the rest of the sentence past ("近三年，园区累计引进...120个"),
 * until a target year speaks again. 已 and 同比 are not among them: "在已有基础上，到2026年..."
 */
export const SENTENCE_PAST_PATTERN =
  /截至|截止|以来|(?<![较比])(?:去年|上年)|过去|近[\d一二两三四五六七八九十]+年|十[一二三]五(?:”)?(?:时期|期间|末)|目前|当前|现阶段|前[一二三]季度|[一二三四]季度|上半年|\d{1,2}[-—~至]\d{1,2}月/g;
/** Words of an estimate (预计全年增长6%): about a year not yet over, a figure expected, not aimed at. */
export const ESTIMATE_PATTERN = /预计|预估|估计|测算/g;
/**
 * 较上年 / 比去年 / 同比 is the base of a growth: past in "园区营收较上年增长12%", but in a sentence a target
 * year scopes ("到2026年，研发投入达到50亿元，较上年增长15%", a 2025年度指标 notice: "同比增长8%以上") it
 * compares, it does not tell of the past.
 */
export const PREVIOUS_YEAR_REFERENCE = /[较比](?:去年|上年)|同比/g;

/**
 * Policy money is not a target: "给予最高500万元奖励", "给予不少于100万元支持", "500万元补贴",
 * "每年安排专项资金不少于1亿元" (an input the government commits, not an indicator of the park).
 * Matched in the clause before the figure and at the start of the words after it.
 */
export const SUBSIDY_BEFORE = /给予|奖励|补贴|资助|补助|贴息|最高|安排|专项资金/;
export const SUBSIDY_AFTER = /^(?:的)?(?:奖励|补贴|资助|补助|贴息|扶持|支持|配套)/;

/**
 * A figure whose noun is one of these counts tasks or measures ("18项重点任务", "20条措施"), not a
 * target. The noun must close the clause: "10个工程技术研究中心" is a target.
 */
export const TASK_NOUN_PATTERN =
  /^[\u4e00-\u9fff]{0,4}?(?:任务|措施|举措|行动|工程|方面|原则|环节|步骤|要求|意见|条款|政策|机制|方案|文件|办法|细则|清单)(?:等)?$/;

/**
 * Units a target can be counted or measured in, as plans write them (after an optional 万/亿
 * magnitude). Longest first, so 万平方米 is not read as 万 + 平方米 twice and 个百分点 beats 个.
 */
export const WRITTEN_UNITS = [
  '个百分点',
  '百分点',
  '元/平方公里',
  '元/平方米',
  '元/人',
  '元/亩',
  '家/日',
  '家/年',
  '件/年',
  '平方公里',
  '平方米',
  '公顷',
  '公里',
  '亩',
  '人次',
  '场次',
  '家次',
  '人年',
  '元',
  '人',
  '家',
  '件',
  '个',
  '套',
  '项',
  '所',
  '座',
  '台',
  '辆',
  '张',
  '名',
  '位',
  '支',
  '款',
  '例',
  '篇',
  '条',
  '场',
  '倍',
  '吨标准煤/万元',
  '吨标准煤',
  '吨/日',
  '吨/年',
  '吨',
  '微克/立方米',
  '毫克/立方米',
  '立方米/日',
  '立方米',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '小时',
  '标准箱',
  '标箱',
  '艘',
  '架',
  '颗',
  '美元',
  '港元',
  '欧元',
  '起',
  '%',
  '‰',
];

/**
 * Units written in Latin letters, matched without regard to case: computing power (算力) in EFLOPS/PFLOPS,
 * energy and power (GWh, MW), containers (TEU).
 */
export const LATIN_UNIT_PATTERN = /^(?:[EPT]FLOPS|[GMTk]Wh|[GMk]W|TEU)(?![A-Za-z])/i;

/**
 * Units that count things (家, 个, 套 ...), after an optional 万: a count verb (COUNT_VERBS) makes such a
 * figure a target, and a money figure right before one qualifies what it counts.
 */
export const COUNT_UNIT_PATTERN = /^万?(?:家|个|项|所|座|台|辆|张|名|位|支|款|例|篇|条|场|套|件|人|人次|场次|家次)$/;

/**
 * Verbs that make a count a target in a task paragraph without a year ("建设3个示范场景", "设立科技支行20家",
 * "发放人才卡2000张"), when the count is written in Arabic digits: plans write measured figures in digits
 * and descriptions in Chinese numerals ("建设两条科创大道", "三大任务"). A sum of money after them is not
 * made a target ("设立10亿元科创基金": the government's input).
 */
export const COUNT_VERBS = ['建设', '设立', '新设', '组建', '搭建', '发放', '举办', '开设', '开通', '实施'];

/**
 * A quota on each official or cadre ("每位区领导联系企业不少于5家", "每名干部服务企业10家") is a working
 * rule of the plan, not a figure of the park.
 */
export const PER_PERSON_QUOTA = /^每(?:位|名)/;

/**
 * What a park is, not what it aims at ("园区规划面积3.5平方公里"): such a figure needs a target word even
 * in a goal section.
 */
export const DESCRIPTIVE_INDICATOR = /^(?:规划|占地|辖区|区域|总)面积/;

/**
 * Characters after a unit that turn it into another word (家庭, 个体, 人民, 场景, 条件, 名单 ...):
 * then the figure has no unit.
 */
export const UNIT_FALSE_FRIENDS: Readonly<Record<string, RegExp>> = {
  // Only words that cannot start the noun after a count: "1-2家具有影响力的" is 家 + 具有.
  家: /^庭/,
  个: /^体户/,
  人: /^民币/,
  元: /^(?:素|宇宙)/,
  项: /^目(?!标)/,
  所: /^[有在属以]/,
  张: /^江/,
  条: /^[件例款]/,
  位: /^[于置数]/, // 两位数增长: a description
  名: /^[单称义牌]/,
  场: /^[景所地]/,
  台: /^[湾阶]/, // 台湾, 千亿台阶
  架: /^[构子]/, // 架构, 架子
  起: /^[步草点飞来码始]/, // 起步, 起草, 起点
};

/** Verbs after which a Chinese numeral (两家, 三个) is a figure and not part of a name (一核两翼, 四个一). */
export const NUMERAL_VERBS = [...GT_WORDS, ...GTE_WORDS, ...STRETCH_WORDS, ...CUMULATIVE_WORDS, '建设', '培育', '打造', '形成', '创建', '设立', '认定', '布局'];

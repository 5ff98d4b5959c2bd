/**
 * The topic of a task title sentence ("4. 打造生物制造特色产业。" → 生物制造特色产业), or null when
 * the sentence is not a title. Task paragraphs often leave the industry out of a target
 * ("产业规模达到180亿元"): the title they sit under says which industry it is.
 */
const TITLE = /^[-—•·]*(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;
const TITLE_VERBS =
  /^(?:重点|大力|加快|积极|着力|全面|持续|进一步)?(?:发展|打造|培育|推进|推动|提升|建设|做强|做优|做大|强化|优化|构建|实施|加强|布局|深化|拓展|壮大|促进)/;
const MAX_TITLE = 30;

export function readTopic(sentence: string): string | null {
  const marker = TITLE.exec(sentence);
  if (!marker) return null;
  const body = sentence.slice(marker[0].length).replace(/[。!?！？]$/, '');
  if (body.length === 0 || body.length > MAX_TITLE || /[,，;；:：。]/.test(body)) return null;
  let topic = body;
  for (let previous = ''; previous !== topic; ) {
    previous = topic;
    topic = topic.replace(TITLE_VERBS, '');
  }
  return topic === '' ? null : topic;
}

/** An indicator phrase that names no subject of its own (产业规模, 产业集群, 营收). */
export const GENERIC_INDICATOR = /^(?:产业|行业)?(?:总)?(?:规模|营收|营业收入|收入|产值|总产值|产业集群|集群)$/;

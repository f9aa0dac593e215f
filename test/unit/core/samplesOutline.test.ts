/**
 * The outline of every sample, written out as a reader sees it: one line per item, two spaces of
 * indentation per level. Each expectation was checked by hand against the sample's text.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import { outlineOf, type OutlineItem } from '../../../server/src/core/outline';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

function outlineLines(file: string): string[] {
  const lines: string[] = [];
  const visit = (items: readonly OutlineItem[], depth: number) => {
    for (const item of items) {
      lines.push('  '.repeat(depth) + item.name);
      visit(item.children, depth + 1);
    }
  };
  visit(outlineOf(analyse(readFileSync(path.join(SAMPLES, file), 'utf8'))), 0);
  return lines;
}

const EXPECTED: Record<string, string[]> = {
  "annotated.note": [
    "Front matter",
    "Letterhead",
    "Reference CHN/GVA/2025/88",
    "English version",
    "  Opening — presents its compliments",
    "    %% The pledge was announced in US dollars; the Chinese text gives the amount approved in yuan.",
    "  ¶1 The Permanent Mission has the honour to invite…",
    "    %% Time of the ceremony confirmed by telephone with the External Outreach Service on 4 September.",
    "  Closing — assurances of highest consideration",
    "  Place and date — Geneva, 5 September 2025",
    "中文 Chinese version",
    "  Opening — 致意",
    "    %% diplonote-ignore number-mismatch",
    "    %% 570万元 is the yuan equivalent of USD 800,000 at the rate fixed by the Ministry of Finance: both figures are right.",
    "  ¶1 代表团谨邀请人权高专办派代表出席捐款协议签字仪式…",
    "  Closing — 顺致崇高的敬意",
    "  Place and date — 2025年9月5日于日内瓦",
    "  Addressee",
  ],
  "first-person-letter.note": [
    "Letterhead",
    "Reference KAZ/GVA/HR/2025/118",
    "Place and date — Geneva, 12 May 2025",
    "Salutation — Excellency,",
    "Opening — I have the honour to",
    "¶1 Mr. Nurmaganbetov was detained on 2 February…",
    "¶2 The Government wishes to respond to the…",
    "  Firstly",
    "  Secondly",
    "  Thirdly",
    "  Finally",
    "¶3 The Republic of Kazakhstan attaches great…",
    "¶4 The Government stands ready to provide you with…",
    "Closing — assurances of highest consideration",
    "Signature",
    "Addressee",
  ],
  "note-verbale-annex.note": [
    "Letterhead",
    "Reference 2025/GVA-217",
    "Opening — presents its compliments",
    "¶1 The seminar will bring together representatives…",
    "¶2 In this connection, the Permanent Mission has…",
    "  (a)",
    "  (b)",
    "    (i)",
    "    (ii)",
    "  (c)",
    "¶3 The Government of Mongolia will cover the…",
    "¶4 The Permanent Mission would be grateful to…",
    "Closing — assurances of highest consideration",
    "Place and date — Geneva, 18 June 2025",
    "Addressee",
    "Annex",
    "  Title — Concept note: Regional seminar on business and…",
    "  ¶1 1. Since the adoption of its national action…",
    "  ¶2 2. The seminar aims to identify good practices…",
    "  ¶3 3. Participation will be by invitation. Each…",
  ],
  "ohchr-reply-al-chn-4-2025.note": [
    "Letterhead",
    "Reference CHN/HR/2025/34",
    "Opening — presents its compliments",
    "Closing — assurances of highest consideration",
    "Addressee",
    "English version",
    "  ¶1 Receipt is hereby acknowledged of communication…",
    "  ¶2 Cross-border crimes such as telecommunications…",
    "  ¶3 The public security organs have severely…",
    "  ¶4 The public security organs of China have spared…",
    "  ¶5 To ensure, as far as possible, that persons…",
    "    First",
    "    Second",
    "    Third",
    "  ¶6 China is willing to continue working closely…",
    "中文 Chinese version",
    "  ¶1 联合国人权理事会特别机制发送的AL CHN 4/2025号来文…",
    "  ¶2 电信诈骗、网络赌博等跨境犯罪严重危害广大民众生命财…",
    "  ¶3 中国公安机关严厉打击跨境电信网络诈骗犯罪，深入推进…",
    "  ¶4 中国公安机关全力开展侦查打击、解救人员等各项工作。…",
    "  ¶5 为最大限度防止中国境内人员赴境外参与诈骗，中国政府…",
    "    一是",
    "    二是",
    "    三是",
    "  ¶6 中方愿继续同各国深入开展合作，合力封堵不法分子在有…",
  ],
  "pdf-artefacts.note": [
    "Reference CHN/HR/2025/73",
    "English version",
    "  Title — Reply of the Government of China to…",
    "  ¶1 The Government of China has received…",
    "  ¶2 The smelter in question, operated by Hunan…",
    "  ¶3 From 10 April to 30 May 2025, the county health…",
    "  ¶4 The local government has adopted a…",
    "    First",
    "    Second",
    "    Third",
    "  ¶5 The authorities have also established the…",
    "  ¶6 The Chinese Government attaches great…",
    "中文 Chinese version",
    "  Title — 中国政府对AL CHN 11/2025号来文的答复",
    "  ¶1 中国政府收到联合国人权理事会特别程序关于湖南省白…",
    "  ¶2 来文所涉冶炼厂由湖南金和有色金属有限公司经营。湖南…",
    "  ¶3 2025年4月10日至5月30日，县卫生健康部门为居住在该厂…",
    "  ¶4 当地政府制定了综合整治方案。一是在独立专家监督下，…",
    "    一是",
    "    二是",
    "    三是",
    "  ¶5 有关部门还依法追究了相关责任。2025年6月12日，白水县…",
    "  ¶6 中国政府高度重视健康权和享有健康环境的权利，将继续…",
  ],
  "reply-zh-first.note": [
    "Letterhead",
    "Reference CHN/HR/2025/61",
    "Opening — 致意",
    "Closing — 顺致崇高的敬意",
    "Place and date — 2025年8月18日于日内瓦",
    "Addressee",
    "中文 Chinese version",
    "  Title — 中国政府对联合国人权理事会特别程序JAL CHN 7/2025…",
    "  ¶1 中国政府已收到联合国人权理事会多位特别程序任务负…",
    "  ¶2 中国高度重视保障劳动者合法权益。随着平台经济快速发…",
    "  ¶3 近年来，有关部门出台了一系列政策措施：（一）2021年7月…",
    "    （一）",
    "    （二）",
    "    （三）",
    "  ¶4 关于来文提及的算法管理问题，中国政府从多方面采取了…",
    "    首先",
    "    其次",
    "    最后",
    "  ¶5 来文提及的王某某系一家与外卖平台合作的配送企业的…",
    "  ¶6 中国政府将继续完善新就业形态劳动者权益保障制度，愿…",
    "English version",
    "  Title — Reply of the Government of China to joint…",
    "  ¶1 The Government of China has received…",
    "  ¶2 China attaches great importance to protecting…",
    "  ¶3 In recent years, the relevant authorities have…",
    "    (a)",
    "    (b)",
    "    (c)",
    "  ¶4 With regard to the algorithmic management…",
    "    First",
    "    Second",
    "    Finally",
    "  ¶5 Mr. Wang, referred to in the communication, is…",
    "  ¶6 The Chinese Government will continue to improve…",
  ],
  "visa-request.en.note": [
    "Letterhead",
    "Reference (2025)领字第45号",
    "Opening — presents its compliments",
    "¶1 The Department has the honour to request the…",
    "  First",
    "  Second",
    "  Third",
    "¶2 1. The visa application forms, the passports…",
    "¶3 2. The delegation will leave Beijing on flight…",
    "¶4 The Department wishes to thank the Embassy in…",
    "Closing — assurances of highest consideration",
    "Place and date — Beijing, 3 June 2025",
    "Enclosure: List of members of the delegation",
    "Addressee",
  ],
  "visa-request.zh.note": [
    "Letterhead",
    "Reference (2025)领字第45号",
    "Opening — 致意",
    "¶1 领事司谨请使馆在以下方面给予协助：一是请使馆于202…",
    "  一是",
    "  二是",
    "  三是",
    "¶2 一、代表团成员的签证申请表、护照和照片将于2025年6月…",
    "¶3 二、代表团将于2025年6月22日乘CA783航班离开北京，于…",
    "¶4 领事司谨对使馆的合作预致谢意。",
    "Closing — 顺致崇高的敬意",
    "Place and date — 2025年6月3日于北京",
    "附件：代表团成员名单",
    "Addressee",
  ],
};

describe('outline of every sample', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => assert.deepEqual(outlineLines(file), expected));
  }

  it('covers every sample in samples/', () => {
    const samples = require('node:fs').readdirSync(SAMPLES).filter((name: string) => name.endsWith('.note')).sort();
    assert.deepEqual(Object.keys(EXPECTED).sort(), samples);
  });
});

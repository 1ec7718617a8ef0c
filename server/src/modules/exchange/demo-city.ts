import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { buildCreditCode, shanghaiDate, toShanghaiIso, type Role } from '@mashang/shared';

export interface DemoCityOptions {
  seed: number;
  agencies: number;
  enterprises: number;
  inspections: number;
  /** Share of `case` results that became a penalty case. */
  casesRatio: number;
  /** Share of inspections the enterprise rated. */
  ratingsRatio: number;
  /** Last day of the two years of history (YYYY-MM-DD, Asia/Shanghai); default today. */
  asOf?: string;
}

export type DemoCityCounts = Record<'agencies' | 'officers' | 'items' | 'enterprises' | 'inspections' | 'cases' | 'ratings', number>;

const base = { seed: 20261121, casesRatio: 0.6, ratingsRatio: 0.8 };
export const DEMO_CITY_SIZES = {
  tiny: { ...base, agencies: 6, enterprises: 200, inspections: 1_000 },
  city: { ...base, agencies: 36, enterprises: 3_000, inspections: 20_000 },
  million: { ...base, agencies: 60, enterprises: 100_000, inspections: 1_000_000 },
  province: { ...base, agencies: 400, enterprises: 1_000_000, inspections: 10_000_000 },
} satisfies Record<string, DemoCityOptions>;

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  agencyId?: string;
  officerId?: string;
}

/** Demo accounts, all with password demo1234; agency A001's first officers are O00101 and O00102. */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'supervisor', password: 'demo1234', role: 'supervisor', displayName: '市司法局 执法监督科' },
  { username: 'discipline', password: 'demo1234', role: 'discipline', displayName: '市纪委监委 派驻纪检组' },
  { username: 'admin1', password: 'demo1234', role: 'agency-admin', displayName: '市市场监督管理局 管理员', agencyId: 'A001' },
  { username: 'officer1', password: 'demo1234', role: 'officer', displayName: '张伟', agencyId: 'A001', officerId: 'O00101' },
  { username: 'officer2', password: 'demo1234', role: 'officer', displayName: '王芳', agencyId: 'A001', officerId: 'O00102' },
];

const AGENCY_KINDS: [string, string, string[]][] = [
  ['market', '市场监督管理局', ['食品经营许可检查', '特种设备安全检查', '产品质量监督抽查']],
  ['fire', '消防救援支队', ['消防设施检查', '疏散通道检查']],
  ['ecology', '生态环境局', ['排污许可检查', '危险废物管理检查']],
  ['safety', '应急管理局', ['安全生产检查', '危险化学品检查']],
  ['health', '卫生健康委员会', ['公共场所卫生检查', '职业卫生检查']],
  ['transport', '交通运输局', ['道路运输经营检查']],
];
const BASIS: Record<string, string> = {
  market: '《中华人民共和国食品安全法》第八十七条',
  fire: '《中华人民共和国消防法》第十六条',
  ecology: '《中华人民共和国环境保护法》第二十四条',
  safety: '《中华人民共和国安全生产法》第六十五条',
  health: '《公共场所卫生管理条例》第十条',
  transport: '《中华人民共和国道路运输条例》第六十一条',
};
const DISTRICTS = ['410202', '410203', '410204', '410205', '410212', '410221', '410222', '410223', '410225'];
const DISTRICT_NAMES = ['龙亭区', '顺河回族区', '鼓楼区', '禹王台区', '祥符区', '杞县', '通许县', '尉氏县', '兰考县'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '建华'];
const SHOPS = ['烩面馆', '灌汤包店', '超市', '五金店', '汽修厂', '药店', '宾馆', '机械制造有限公司', '食品有限公司', '化工有限公司', '物流有限公司', '建材有限公司'];
const BRANDS = ['宏达', '鑫源', '老王', '第一楼', '黄河', '汴京', '大宋', '清明', '金明', '中原', '恒昌', '福润'];
const INDUSTRIES = ['catering', 'retail', 'manufacturing', 'chemical', 'logistics', 'hotel', 'pharmacy', 'construction'];
const CAUSES = ['FSL-87', 'FSL-124', 'FPL-60', 'EPL-63', 'SPL-99', 'PHR-14'];
const DAY = 86_400_000;

/** mulberry32: small, fast, seeded — the same seed writes the same bytes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class JsonLines {
  private readonly out: WriteStream;
  private buffer = '';
  count = 0;
  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(record: object): Promise<void> {
    this.buffer += `${JSON.stringify(record)}\n`;
    this.count++;
    if (this.buffer.length > 1 << 16) {
      const ok = this.out.write(this.buffer);
      this.buffer = '';
      if (!ok) await once(this.out, 'drain');
    }
  }
  async close(): Promise<void> {
    this.out.end(this.buffer);
    await once(this.out, 'close');
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const USCC_DIGITS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** n in the credit-code alphabet, so every enterprise gets a distinct, valid organisation body. */
function base31(n: number, width: number): string {
  let text = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 31)) text = USCC_DIGITS[n % 31] + text;
  return text;
}

/**
 * Writes a demo city in the exchange format: registers, two years of inspections ending at
 * `asOf` (about 15% joint), cases and ratings, with a sprinkling of what the anomaly rules look
 * for (repeated and unmerged visits, late emergency codes, overtime and revoked cases, dissatisfied
 * ratings). Streams every file; memory does not grow with the number of inspections.
 */
export async function generateDemoCity(dir: string, options: Partial<DemoCityOptions> = {}): Promise<DemoCityCounts> {
  const o: DemoCityOptions = { ...DEMO_CITY_SIZES.city, ...options };
  const asOf = o.asOf ?? shanghaiDate(Date.now());
  const end = Date.parse(`${asOf}T16:00:00Z`); // 24:00 Asia/Shanghai of asOf
  const start = end - 730 * DAY;
  const random = prng(o.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const personName = () => pick([...SURNAMES]) + pick(GIVEN);
  const phone = () => `1${pick(['38', '39', '37', '58', '86', '59'])}${pad(int(0, 99_999_999), 8)}`;
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(
    ['agencies', 'officers', 'items', 'enterprises', 'inspections', 'cases', 'ratings'].map((kind) => [kind, new JsonLines(join(dir, `${kind}.jsonl`))]),
  ) as Record<keyof DemoCityCounts, JsonLines>;

  // Registers
  const agencies: { id: string; kind: string; officers: string[]; items: string[] }[] = [];
  for (let a = 0; a < o.agencies; a++) {
    const [kind, title, itemNames] = AGENCY_KINDS[a % AGENCY_KINDS.length];
    const district = Math.floor(a / AGENCY_KINDS.length);
    const id = `A${pad(a + 1, 3)}`;
    const name = district === 0 ? `开封市${title}` : `开封市${title}${DISTRICT_NAMES[(district - 1) % DISTRICT_NAMES.length]}分局`;
    await files.agencies.write({ id, name, kind, region: DISTRICTS[district % DISTRICTS.length] });
    // 6 to 20 officers: some agencies are too small for the workload-outlier rule, most are not.
    const officerCount = a === 0 ? 12 : int(6, 20);
    const officers: string[] = [];
    for (let i = 0; i < officerCount; i++) {
      const officerId = `O${pad(a + 1, 3)}${pad(i + 1, 2)}`;
      const officer: Record<string, unknown> = { id: officerId, agencyId: id, name: a === 0 && i < 2 ? ['张伟', '王芳'][i] : personName(), certNo: `豫B${pad(a + 1, 3)}${pad(i + 1, 4)}` };
      if (random() < 0.7) officer.phone = phone();
      await files.officers.write(officer);
      officers.push(officerId);
    }
    const items = itemNames.map((itemName, i) => `I${pad(a + 1, 3)}${pad(i + 1, 2)}`);
    for (let i = 0; i < items.length; i++) {
      await files.items.write({ id: items[i], agencyId: id, name: itemNames[i], basis: BASIS[kind], noDisturb: random() < 0.1 });
    }
    agencies.push({ id, kind, officers, items });
  }
  const enterprises: { code: string; grade: string }[] = [];
  for (let e = 0; e < o.enterprises; e++) {
    const company = random() < 0.4;
    const district = int(0, DISTRICTS.length - 1);
    const prefix = `${company ? '91' : '92'}${DISTRICTS[district]}`;
    const code = buildCreditCode(prefix, `MA${base31(e, 6)}`);
    const grade = pick(['A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'D']);
    const name = `开封${company ? '' : `市${DISTRICT_NAMES[district]}`}${pick(BRANDS)}${pick(SHOPS)}${company ? '' : `（${pad(e, 5)}）`}`;
    const enterprise: Record<string, unknown> = { creditCode: code, name, industry: pick(INDUSTRIES), region: DISTRICTS[district], creditGrade: grade };
    if (random() < 0.9) enterprise.phone = phone();
    if (grade === 'A' && random() < 0.15) enterprise.lowTouch = true;
    await files.enterprises.write(enterprise);
    enterprises.push({ code, grade });
  }

  // Inspections in time order, some joint, some planted anomalies
  let inspectionNo = 0;
  let caseNo = 0;
  let jointNo = 0;
  const step = (end - start) / o.inspections;
  const dissatisfied = agencies[agencies.length - 1]?.id;
  const writeInspection = async (agency: (typeof agencies)[number], code: string, startedAt: number, trigger: string, jointId: string | null) => {
    const id = `X${pad(++inspectionNo, 8)}`;
    const officers = [agency.officers[Math.floor(random() * agency.officers.length)]];
    if (random() < 0.6) {
      const second = agency.officers[Math.floor(random() * agency.officers.length)];
      if (second !== officers[0]) officers.push(second);
    }
    const finishedAt = startedAt + int(30, 180) * 60_000;
    const coded = trigger !== 'emergency' ? random() > 0.01 : false;
    const record: Record<string, unknown> = {
      id,
      agencyId: agency.id,
      officerIds: officers,
      creditCode: code,
      itemIds: agency.items.slice(0, int(1, agency.items.length)),
      trigger,
      startedAt: toShanghaiIso(startedAt),
      finishedAt: toShanghaiIso(finishedAt),
      coded,
      result: pick(['pass', 'pass', 'pass', 'pass', 'pass', 'rectify', 'rectify', 'case']),
    };
    if (jointId) record.jointId = jointId;
    // Emergency codes are filed afterwards; one in five misses the 24-hour deadline.
    if (trigger === 'emergency') record.codedAt = toShanghaiIso(startedAt + (random() < 0.8 ? int(1, 23) : int(25, 72)) * 3_600_000);
    await files.inspections.write(record);

    if (record.result === 'case' && random() < o.casesRatio) {
      const filedAt = finishedAt + int(1, 5) * DAY;
      if (filedAt < end) {
        const cause = pick(CAUSES);
        const level = pick(['light', 'general', 'general', 'severe']);
        const fineBase = { light: 200_000, general: 1_000_000, severe: 5_000_000 }[level]!;
        const fine = random() < 0.05 ? fineBase * 4 : Math.round((fineBase * int(80, 120)) / 100);
        const caseRecord: Record<string, unknown> = { id: `C${pad(++caseNo, 8)}`, agencyId: agency.id, officerIds: officers, creditCode: code, inspectionId: id, cause, discretionLevel: level, fine, filedAt: toShanghaiIso(filedAt) };
        const roll = random();
        const decidedAt = filedAt + (roll < 0.1 ? int(91, 150) : int(10, 80)) * DAY;
        if (roll > 0.97) {
          caseRecord.status = 'revoked';
          caseRecord.revokedAt = toShanghaiIso(filedAt + int(5, 30) * DAY);
        } else if (decidedAt > end) {
          caseRecord.status = 'filed';
        } else {
          caseRecord.status = random() < 0.5 ? 'closed' : 'decided';
          caseRecord.decidedAt = toShanghaiIso(decidedAt);
          if (caseRecord.status === 'closed') caseRecord.closedAt = toShanghaiIso(Math.min(end - 1, decidedAt + int(1, 30) * DAY));
        }
        if (random() < 0.03) caseRecord.causeChanges = [{ from: pick(CAUSES), to: cause, at: toShanghaiIso(filedAt + DAY) }];
        if (random() < 0.05) caseRecord.extendedDays = 30;
        if (random() < 0.04) caseRecord.coercive = true;
        await files.cases.write(caseRecord);
      }
    }
    if (random() < o.ratingsRatio && finishedAt + DAY < end) {
      const unhappy = agency.id === dissatisfied ? random() < 0.35 : random() < 0.03;
      const score = () => (unhappy ? int(1, 3) : int(4, 5));
      const rating: Record<string, unknown> = {
        inspectionId: id,
        agencyId: agency.id,
        language: score(),
        procedure: score(),
        manner: score(),
        fairness: score(),
        verdict: unhappy ? 'disapprove' : 'approve',
        ratedAt: toShanghaiIso(finishedAt + int(1, 20) * 3_600_000),
      };
      if (unhappy) {
        rating.flags = [pick(['repeated', 'inaction', 'excessive', 'other'])];
        rating.comment = pick(['检查人员态度生硬', '一个月内来了两次', '反映的问题没人处理', '检查时间太长影响营业']);
      }
      await files.ratings.write(rating);
    }
  };

  while (inspectionNo < o.inspections) {
    const at = start + inspectionNo * step + random() * step;
    const dayStart = at - ((at + 8 * 3_600_000) % DAY);
    const startedAt = Math.min(end - 4 * 3_600_000, dayStart + int(8 * 60, 17 * 60) * 60_000);
    const enterprise = pick(enterprises);
    const roll = random();
    if (roll < 0.15 && o.inspections - inspectionNo >= 3) {
      // joint inspection: two or three agencies of different kinds, one jointId, one day
      const jointId = `J${pad(++jointNo, 7)}`;
      const first = Math.floor(random() * agencies.length);
      const members = [agencies[first], agencies[(first + 1) % agencies.length], agencies[(first + 2) % agencies.length]].slice(0, int(2, 3));
      for (const agency of members) await writeInspection(agency, enterprise.code, startedAt, 'planned', jointId);
    } else if (roll < 0.17) {
      await writeInspection(pick(agencies), enterprise.code, startedAt, 'emergency', null);
    } else {
      const agency = pick(agencies);
      const trigger = random() < 0.8 ? 'planned' : pick(['complaint', 'superior', 'undercover', 'other']);
      await writeInspection(agency, enterprise.code, startedAt, trigger, null);
      // planted: the same agency again within 30 days, or another agency within 7 days unmerged
      if (random() < 0.02 && inspectionNo < o.inspections && startedAt + 31 * DAY < end) await writeInspection(agency, enterprise.code, startedAt + int(1, 30) * DAY, 'planned', null);
      else if (random() < 0.02 && inspectionNo < o.inspections && startedAt + 8 * DAY < end) await writeInspection(pick(agencies), enterprise.code, startedAt + int(0, 7) * DAY, 'planned', null);
    }
  }

  for (const file of Object.values(files)) await file.close();
  return Object.fromEntries(Object.entries(files).map(([kind, file]) => [kind, file.count])) as DemoCityCounts;
}

/**
 * A deterministic demo city in the exchange format (`shared/spec/exchange-format.md`): agencies,
 * officers, inspection items and enterprises of one Henan city (more cities for province-scale
 * benchmarks), two years of inspections ending at `asOf`, cases and ratings — with a controlled
 * sprinkling of the anomalies of `anomaly-rules.md` planted so every rule has findings.
 *
 * Same options and seed → byte-identical files. Generation streams: enterprises are derived
 * from their index (nothing per enterprise is kept in memory but one byte of plan), inspections
 * are generated enterprise by enterprise and written with back-pressure-aware streams. The only
 * sizeable state is the officers' day-slot calendar (officers × 730 bytes), which keeps officers
 * from being in two places at once except where that is planted.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { buildCreditCode, CREDIT_GRADES, shanghaiDate, type Role } from '@mashang/shared';
import {
  serialiseRecord,
  type CaseRecord,
  type CaseStatus,
  type CauseChange,
  type DiscretionLevel,
  type ExchangeKind,
  type ExchangeRecordMap,
  type InspectionResult,
  type InspectionTrigger,
  type RatingFlag,
  RATING_FLAGS,
} from './records/index.js';

// =============================================================================================
// Public API
// =============================================================================================

export interface DemoCitySize {
  /** Number of agencies (default 36; at most the capacity of the built-in cities, 624). */
  agencies: number;
  /** Mean officers per agency (default 12): agencies get between about half and 5/3 of it. */
  officersPerAgency: number;
  enterprises: number;
  /** Inspection records (one per agency of a joint inspection), spread over the two years ending at asOf. */
  inspections: number;
}

export interface DemoCityOptions extends Partial<DemoCitySize> {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Share of `case` results that have a case record (default 0.9). */
  casesRatio?: number;
  /** Share of inspection records the enterprise rated (default 0.85; only ratings dated by asOf). */
  ratingsRatio?: number;
  /** Last day of the data, YYYY-MM-DD in Asia/Shanghai (default: today there). */
  asOf?: string;
}

export interface DemoCityCounts {
  asOf: string;
  seed: number;
  agencies: number;
  officers: number;
  items: number;
  enterprises: number;
  inspections: number;
  /** Inspection records that carry a jointId. */
  jointInspections: number;
  cases: number;
  ratings: number;
  /** What was planted on purpose, for tests of the anomaly report. */
  planted: {
    /** Enterprises per scenario (see PLANT_SCENARIOS). */
    scenarios: Record<string, number>;
    overloadedOfficer: string;
    lowSatisfactionAgency: string;
    revokedCases: number;
    overtimeCases: number;
    causeChangedCases: number;
    fineOutlierCases: number;
    /** Inspections where no officer was free and someone had to be double-booked anyway. */
    unplannedOverlaps: number;
  };
}

const SIZE_TINY: DemoCitySize = { agencies: 6, officersPerAgency: 9, enterprises: 200, inspections: 1_000 };
const SIZE_CITY: DemoCitySize = { agencies: 36, officersPerAgency: 12, enterprises: 3_000, inspections: 20_000 };
const SIZE_MILLION: DemoCitySize = { agencies: 300, officersPerAgency: 25, enterprises: 150_000, inspections: 1_000_000 };
const SIZE_PROVINCE: DemoCitySize = { agencies: 560, officersPerAgency: 60, enterprises: 1_500_000, inspections: 10_000_000 };

/**
 * Presets: `tiny` for unit and integration tests, `city` (the defaults), `million` (1 million
 * inspections, four cities) and `province` (10 million) for benchmarks. `demoCitySize(n)` scales
 * to any count.
 */
export const DEMO_CITY_SIZES = {
  tiny: SIZE_TINY,
  city: SIZE_CITY,
  million: SIZE_MILLION,
  province: SIZE_PROVINCE,
} as const;

/** A size for `inspections` records, scaled from the city preset (agencies and officers grow slower). */
export function demoCitySize(inspections: number): DemoCitySize {
  if (inspections <= SIZE_CITY.inspections) {
    const f = Math.max(inspections / SIZE_CITY.inspections, 0.01);
    return {
      agencies: Math.max(6, Math.round(SIZE_CITY.agencies * Math.sqrt(f))),
      officersPerAgency: SIZE_CITY.officersPerAgency,
      enterprises: Math.max(50, Math.round(SIZE_CITY.enterprises * f)),
      inspections,
    };
  }
  const f = inspections / SIZE_CITY.inspections;
  const agencies = Math.min(MAX_AGENCIES, Math.round(SIZE_CITY.agencies * Math.sqrt(f)));
  // Keep officers at no more than ~1.2 inspections per working day each.
  const officersPerAgency = Math.max(12, Math.ceil((inspections * 1.9) / (agencies * 520 * 1.0)));
  return { agencies, officersPerAgency: Math.min(officersPerAgency, 500), enterprises: Math.round(inspections * 0.15), inspections };
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  agencyId?: string;
  officerId?: string;
  displayName: string;
}

export const DEMO_PASSWORD = 'demo1234';

/**
 * Accounts the server creates after importing a demo city. The agency and officers exist in
 * every generated dataset (A001 is the city's market regulator; its first two officers keep
 * these names whatever the seed).
 */
export const DEMO_LOGINS: readonly DemoLogin[] = Object.freeze([
  { username: 'supervisor', password: DEMO_PASSWORD, role: 'supervisor', displayName: '市司法局行政执法监督科（演示）' },
  { username: 'discipline', password: DEMO_PASSWORD, role: 'discipline', displayName: '市纪委监委派驻纪检组（演示）' },
  { username: 'admin1', password: DEMO_PASSWORD, role: 'agency-admin', agencyId: 'A001', displayName: '开封市市场监督管理局管理员（演示）' },
  { username: 'officer1', password: DEMO_PASSWORD, role: 'officer', agencyId: 'A001', officerId: 'A001-001', displayName: '张建国' },
  { username: 'officer2', password: DEMO_PASSWORD, role: 'officer', agencyId: 'A001', officerId: 'A001-002', displayName: '李秀梅' },
] satisfies DemoLogin[]);

/** Scenarios planted on a few enterprises each, one per enterprise. */
export const PLANT_SCENARIOS = [
  'none',
  'repeated-inspection',
  'unmerged-inspections',
  'frequency-high',
  'low-touch-violated',
  'no-disturb-item',
  'uncoded-inspection',
  'emergency-code-late',
  'high-risk-uninspected',
  'officer-overlap',
  'same-case-different-penalty',
] as const;

// =============================================================================================
// Reference data
// =============================================================================================

interface CityDef {
  name: string;
  /** 4-digit prefix; the city's own code is `${code}00`. */
  code: string;
  plate: string;
  /** [name, 6-digit code, enterprise weight] */
  districts: [string, string, number][];
}

const CITIES: CityDef[] = [
  {
    name: '开封', code: '4102', plate: '豫B',
    districts: [
      ['龙亭区', '410202', 3], ['顺河回族区', '410203', 3], ['鼓楼区', '410204', 3], ['禹王台区', '410205', 2],
      ['祥符区', '410212', 3], ['杞县', '410221', 3], ['通许县', '410222', 2], ['尉氏县', '410223', 3], ['兰考县', '410225', 3],
    ],
  },
  {
    name: '郑州', code: '4101', plate: '豫A',
    districts: [
      ['中原区', '410102', 5], ['二七区', '410103', 5], ['管城回族区', '410104', 4], ['金水区', '410105', 7],
      ['上街区', '410106', 1], ['惠济区', '410108', 3], ['中牟县', '410122', 3], ['巩义市', '410181', 3],
      ['荥阳市', '410182', 3], ['新密市', '410183', 3], ['新郑市', '410184', 4], ['登封市', '410185', 2],
    ],
  },
  {
    name: '洛阳', code: '4103', plate: '豫C',
    districts: [
      ['老城区', '410302', 2], ['西工区', '410303', 3], ['瀍河回族区', '410304', 2], ['涧西区', '410305', 4],
      ['偃师区', '410307', 3], ['孟津区', '410308', 2], ['洛龙区', '410311', 4], ['新安县', '410323', 2],
      ['栾川县', '410324', 1], ['嵩县', '410325', 1], ['汝阳县', '410326', 1], ['宜阳县', '410327', 2],
      ['洛宁县', '410328', 1], ['伊川县', '410329', 2],
    ],
  },
  {
    name: '安阳', code: '4105', plate: '豫E',
    districts: [
      ['文峰区', '410502', 4], ['北关区', '410503', 3], ['殷都区', '410505', 3], ['龙安区', '410506', 2],
      ['安阳县', '410522', 2], ['汤阴县', '410523', 2], ['滑县', '410526', 3], ['内黄县', '410527', 2], ['林州市', '410581', 3],
    ],
  },
];

/** [name, legal basis, on the 无事不扰 list] */
type ItemDef = [string, string, boolean];
/** [clause code, description, base fine in yuan for light / general / severe] */
type CauseDef = [string, string, number, number, number];

interface KindDef {
  kind: string;
  /** Department name after the city, e.g. 市场监督管理局. */
  dept: string;
  /** District-level naming: a branch of the city bureau, its own district department, or a fire brigade. */
  style: 'branch' | 'department' | 'fire';
  /** Relative inspection workload. */
  weight: number;
  emergency: boolean;
  items: ItemDef[];
  causes: CauseDef[];
}

const KINDS: KindDef[] = [
  {
    kind: 'market', dept: '市场监督管理局', style: 'branch', weight: 5, emergency: true,
    items: [
      ['食品经营许可及食品安全管理制度检查', '《中华人民共和国食品安全法》第八十七条', false],
      ['食品生产过程控制及出厂检验检查', '《中华人民共和国食品安全法》第一百一十条', false],
      ['特种设备使用安全检查', '《中华人民共和国特种设备安全法》第五十七条', false],
      ['产品质量监督抽查', '《中华人民共和国产品质量法》第十五条', false],
      ['明码标价及价格行为检查', '《中华人民共和国价格法》第三十四条', false],
      ['广告发布行为检查', '《中华人民共和国广告法》第四十九条', false],
      ['营业执照公示信息及年度报告检查', '《企业信息公示暂行条例》第十四条', true],
    ],
    causes: [
      ['FSL-126', '未按规定建立并遵守进货查验记录制度', 5000, 20000, 50000],
      ['FSL-124', '经营不符合食品安全标准的食品', 10000, 50000, 100000],
      ['PRL-42', '不执行明码标价规定', 1000, 3000, 5000],
      ['ADL-58', '发布违法广告', 5000, 30000, 100000],
    ],
  },
  {
    kind: 'fire', dept: '消防救援支队', style: 'fire', weight: 3, emergency: true,
    items: [
      ['消防安全责任制落实情况检查', '《中华人民共和国消防法》第十六条', false],
      ['消防设施、器材配置及完好有效检查', '《消防监督检查规定》第十条', false],
      ['疏散通道、安全出口畅通检查', '《中华人民共和国消防法》第二十八条', false],
      ['公众聚集场所投入使用、营业前消防安全检查', '《中华人民共和国消防法》第十五条', false],
      ['消防控制室值班情况检查', '《消防监督检查规定》第十条', false],
      ['电气线路及用火用电安全检查', '《中华人民共和国消防法》第二十七条', false],
    ],
    causes: [
      ['FPL-60', '消防设施、器材配置不符合标准或者占用、堵塞疏散通道', 5000, 20000, 50000],
      ['FPL-61', '生产、储存、经营易燃易爆危险品场所与居住场所设置在同一建筑物内', 5000, 20000, 50000],
      ['FPL-64', '违反规定使用明火作业', 500, 2000, 5000],
    ],
  },
  {
    kind: 'ecology', dept: '生态环境局', style: 'branch', weight: 2, emergency: true,
    items: [
      ['排污许可证执行情况检查', '《排污许可管理条例》第二十九条', false],
      ['大气污染防治设施运行检查', '《中华人民共和国大气污染防治法》第二十九条', false],
      ['水污染物排放检查', '《中华人民共和国水污染防治法》第三十条', false],
      ['危险废物贮存、转移检查', '《中华人民共和国固体废物污染环境防治法》第二十七条', false],
      ['建设项目环境影响评价执行情况检查', '《中华人民共和国环境影响评价法》第二十七条', true],
      ['工业噪声污染防治检查', '《中华人民共和国噪声污染防治法》第三十条', false],
    ],
    causes: [
      ['APL-99', '超过大气污染物排放标准排放大气污染物', 100000, 300000, 800000],
      ['WPL-83', '超过水污染物排放标准排放水污染物', 100000, 300000, 800000],
      ['SWL-112', '未按照规定贮存、转移危险废物', 100000, 300000, 1000000],
    ],
  },
  {
    kind: 'safety', dept: '应急管理局', style: 'department', weight: 2.5, emergency: true,
    items: [
      ['安全生产主体责任落实检查', '《中华人民共和国安全生产法》第六十五条', false],
      ['危险化学品储存、使用安全检查', '《危险化学品安全管理条例》第六条', false],
      ['安全生产教育和培训检查', '《中华人民共和国安全生产法》第二十八条', false],
      ['生产安全事故应急预案及演练检查', '《生产安全事故应急条例》第五条', true],
      ['有限空间作业安全检查', '《工贸企业有限空间作业安全规定》第二十条', false],
      ['粉尘防爆安全检查', '《工贸企业粉尘防爆安全规定》第二十五条', false],
    ],
    causes: [
      ['WSL-97', '未按照规定对从业人员进行安全生产教育和培训', 10000, 50000, 100000],
      ['WSL-99', '安全设备的安装、使用、检测、维修不符合标准', 10000, 50000, 150000],
      ['WSL-101', '未建立重大事故隐患排查治理制度', 10000, 30000, 100000],
    ],
  },
  {
    kind: 'health', dept: '卫生健康委员会', style: 'department', weight: 2, emergency: true,
    items: [
      ['公共场所卫生状况检查', '《公共场所卫生管理条例》第三条', false],
      ['生活饮用水卫生检查', '《中华人民共和国传染病防治法》第二十九条', false],
      ['医疗机构依法执业检查', '《医疗机构管理条例》第四十条', false],
      ['用人单位职业病危害防治检查', '《中华人民共和国职业病防治法》第六十二条', false],
      ['传染病防控措施落实检查', '《中华人民共和国传染病防治法》第五十三条', false],
      ['公共场所卫生信息公示检查', '《公共场所卫生管理条例实施细则》第二十一条', true],
    ],
    causes: [
      ['PHR-36', '未按照规定对公共场所进行卫生检测', 500, 2000, 5000],
      ['OCC-71', '未按照规定组织职业健康检查', 20000, 50000, 100000],
      ['MIR-44', '使用非卫生技术人员从事医疗卫生技术工作', 5000, 10000, 30000],
    ],
  },
  {
    kind: 'transport', dept: '交通运输局', style: 'department', weight: 1.5, emergency: false,
    items: [
      ['道路运输经营许可检查', '《中华人民共和国道路运输条例》第六十一条', false],
      ['机动车维修经营检查', '《中华人民共和国道路运输条例》第三十七条', false],
      ['危险货物道路运输安全检查', '《危险货物道路运输安全管理办法》第五十八条', false],
      ['客运车辆安全技术状况检查', '《道路旅客运输及客运站管理规定》第八十五条', false],
      ['超限超载源头治理检查', '《公路安全保护条例》第三十三条', false],
    ],
    causes: [
      ['RTR-63', '未取得道路运输经营许可擅自从事道路运输经营', 30000, 60000, 100000],
      ['RTR-68', '未按照规定维护和检测运输车辆', 1000, 3000, 5000],
      ['RTR-72', '机动车维修经营者使用假冒伪劣配件', 5000, 20000, 50000],
    ],
  },
  {
    kind: 'housing', dept: '住房和城乡建设局', style: 'department', weight: 1.5, emergency: false,
    items: [
      ['建筑施工安全检查', '《建设工程安全生产管理条例》第四十条', false],
      ['建设工程质量检查', '《建设工程质量管理条例》第四十七条', false],
      ['城镇燃气经营安全检查', '《城镇燃气管理条例》第二十九条', false],
      ['房地产经纪行为检查', '《房地产经纪管理办法》第三十五条', true],
      ['物业服务行为检查', '《物业管理条例》第五条', false],
    ],
    causes: [
      ['CSR-62', '未采取安全防护措施或者未对施工现场实行封闭围挡', 20000, 50000, 100000],
      ['GAS-45', '燃气经营者未按照规定进行安全检查', 10000, 30000, 100000],
      ['CQR-64', '施工单位在施工中偷工减料', 50000, 200000, 500000],
    ],
  },
  {
    kind: 'culture', dept: '文化广电和旅游局', style: 'department', weight: 1, emergency: false,
    items: [
      ['娱乐场所经营行为检查', '《娱乐场所管理条例》第三十条', false],
      ['旅行社经营行为检查', '《中华人民共和国旅游法》第八十三条', false],
      ['互联网上网服务营业场所检查', '《互联网上网服务营业场所管理条例》第五条', false],
      ['营业性演出活动检查', '《营业性演出管理条例》第三十五条', true],
    ],
    causes: [
      ['EPR-49', '娱乐场所未按照规定建立从业人员名簿、营业日志', 5000, 10000, 20000],
      ['TRL-95', '未经许可经营旅行社业务', 10000, 50000, 100000],
      ['IBR-31', '接纳未成年人进入互联网上网服务营业场所', 2000, 10000, 15000],
    ],
  },
  {
    kind: 'agriculture', dept: '农业农村局', style: 'department', weight: 1, emergency: false,
    items: [
      ['农药经营许可及台账检查', '《农药管理条例》第四十一条', false],
      ['兽药经营质量管理检查', '《兽药管理条例》第四十五条', false],
      ['农作物种子经营检查', '《中华人民共和国种子法》第五十条', false],
      ['农产品质量安全检查', '《中华人民共和国农产品质量安全法》第五十八条', false],
    ],
    causes: [
      ['PCR-55', '经营假农药', 5000, 20000, 50000],
      ['VDR-56', '经营假、劣兽药', 5000, 20000, 50000],
      ['SDL-75', '销售假种子', 5000, 20000, 50000],
    ],
  },
  {
    kind: 'urban', dept: '城市管理局', style: 'department', weight: 1.5, emergency: false,
    items: [
      ['户外广告设施设置检查', '《城市市容和环境卫生管理条例》第十一条', false],
      ['建筑垃圾处置检查', '《城市建筑垃圾管理规定》第十三条', false],
      ['餐饮服务油烟排放检查', '《中华人民共和国大气污染防治法》第八十一条', false],
      ['门前责任区市容环境卫生检查', '《城市市容和环境卫生管理条例》第九条', true],
    ],
    causes: [
      ['APL-118', '排放油烟的餐饮服务业经营者未安装油烟净化设施', 5000, 20000, 50000],
      ['CAR-34', '擅自设置大型户外广告', 500, 2000, 5000],
      ['CWR-26', '随意倾倒、抛撒建筑垃圾', 5000, 20000, 50000],
    ],
  },
  {
    kind: 'natural-resources', dept: '自然资源和规划局', style: 'branch', weight: 0.7, emergency: false,
    items: [
      ['土地利用及违法用地检查', '《中华人民共和国土地管理法》第六十七条', false],
      ['矿产资源开采秩序检查', '《中华人民共和国矿产资源法》第二十九条', false],
      ['建设工程规划许可执行检查', '《中华人民共和国城乡规划法》第五十三条', false],
    ],
    causes: [
      ['LAL-77', '未经批准非法占用土地', 20000, 100000, 300000],
      ['UPL-64', '未取得建设工程规划许可证进行建设', 10000, 50000, 200000],
      ['MRL-39', '未取得采矿许可证擅自采矿', 20000, 100000, 500000],
    ],
  },
  {
    kind: 'human-resources', dept: '人力资源和社会保障局', style: 'department', weight: 1, emergency: false,
    items: [
      ['劳动用工及工资支付检查', '《劳动保障监察条例》第十一条', false],
      ['社会保险登记及缴费检查', '《中华人民共和国社会保险法》第七十九条', false],
      ['人力资源服务机构经营检查', '《人力资源市场暂行条例》第三十六条', true],
    ],
    causes: [
      ['LSC-26', '克扣或者无故拖欠劳动者工资报酬', 2000, 5000, 20000],
      ['SIL-84', '用人单位不办理社会保险登记', 2000, 10000, 30000],
      ['HRM-42', '人力资源服务机构未明示有关事项', 1000, 5000, 10000],
    ],
  },
  {
    kind: 'medical-insurance', dept: '医疗保障局', style: 'department', weight: 0.7, emergency: false,
    items: [
      ['定点医药机构医保基金使用检查', '《医疗保障基金使用监督管理条例》第二十七条', false],
      ['医保药品进销存管理检查', '《医疗保障基金使用监督管理条例》第十五条', false],
    ],
    causes: [
      ['MIF-38', '分解住院、过度诊疗等造成医疗保障基金损失', 10000, 50000, 100000],
      ['MIF-40', '虚构医药服务项目骗取医疗保障基金', 20000, 100000, 300000],
    ],
  },
];

/** Order in which district-level agencies are created (round robin over districts). */
const DISTRICT_KIND_ORDER = [
  'market', 'fire', 'safety', 'ecology', 'health', 'urban', 'transport',
  'housing', 'culture', 'agriculture', 'human-resources', 'natural-resources', 'medical-insurance',
];

const MAX_AGENCIES = CITIES.reduce((n, c) => n + KINDS.length * (1 + c.districts.length), 0);

/** [industry, kinds that regulate it] */
const INDUSTRIES: [string, string[]][] = [
  ['餐饮服务', ['market', 'fire', 'health', 'urban']],
  ['食品销售', ['market', 'fire']],
  ['食品生产', ['market', 'ecology', 'safety', 'fire']],
  ['批发零售', ['market', 'fire']],
  ['居民服务', ['health', 'fire', 'market']],
  ['机动车维修', ['transport', 'ecology', 'fire']],
  ['医疗卫生', ['health', 'medical-insurance', 'fire']],
  ['药品零售', ['market', 'medical-insurance']],
  ['文化娱乐', ['culture', 'fire', 'health']],
  ['住宿', ['fire', 'health', 'market']],
  ['农资经营', ['agriculture', 'market']],
  ['制造业', ['safety', 'ecology', 'fire', 'market', 'human-resources']],
  ['建筑业', ['housing', 'safety', 'human-resources', 'natural-resources']],
  ['道路运输', ['transport', 'safety', 'fire']],
  ['危险化学品', ['safety', 'ecology', 'fire']],
  ['农业', ['agriculture', 'ecology', 'natural-resources']],
  ['燃气', ['housing', 'safety', 'fire']],
  ['房地产', ['housing', 'natural-resources']],
  ['人力资源服务', ['human-resources', 'market']],
];
const IND = Object.fromEntries(INDUSTRIES.map(([name], i) => [name, i])) as Record<string, number>;

/** 个体工商户: [shop, industry] */
const SHOPS: [string, number][] = [
  ['烩面馆', IND['餐饮服务']], ['灌汤包子铺', IND['餐饮服务']], ['羊肉汤馆', IND['餐饮服务']], ['胡辣汤店', IND['餐饮服务']],
  ['小吃部', IND['餐饮服务']], ['烧烤店', IND['餐饮服务']], ['快餐店', IND['餐饮服务']], ['炒凉粉店', IND['餐饮服务']],
  ['日用百货超市', IND['食品销售']], ['水果店', IND['食品销售']], ['烟酒商行', IND['食品销售']], ['便利店', IND['食品销售']],
  ['粮油店', IND['食品销售']], ['花生糕坊', IND['食品生产']], ['五金建材店', IND['批发零售']], ['服装店', IND['批发零售']],
  ['手机通讯店', IND['批发零售']], ['理发店', IND['居民服务']], ['美容美甲店', IND['居民服务']], ['洗浴中心', IND['居民服务']],
  ['汽车修理厂', IND['机动车维修']], ['电动车维修部', IND['机动车维修']], ['诊所', IND['医疗卫生']], ['大药房', IND['药品零售']],
  ['网吧', IND['文化娱乐']], ['歌舞厅', IND['文化娱乐']], ['宾馆', IND['住宿']], ['农资店', IND['农资经营']],
  ['家庭农场', IND['农业']],
];
const SHOP_OWNERS = [
  '老王', '老李', '张记', '李家', '小刘', '阿芳', '福源', '鑫旺', '老马', '赵记', '刘家', '陈记', '老杨', '二哥', '好运来',
  '兴旺', '老街', '胖子', '老孙', '周记', '吴记', '黄家', '老郑', '金凤', '顺心', '惠民', '乐家', '红梅', '大刚', '巧手',
];
/** 公司: [business, industry] */
const BUSINESSES: [string, number][] = [
  ['机械制造', IND['制造业']], ['食品', IND['食品生产']], ['餐饮管理', IND['餐饮服务']], ['建筑工程', IND['建筑业']],
  ['物流', IND['道路运输']], ['化工', IND['危险化学品']], ['纺织', IND['制造业']], ['商贸', IND['批发零售']],
  ['医药连锁', IND['药品零售']], ['汽车销售服务', IND['批发零售']], ['酒店管理', IND['住宿']], ['环保科技', IND['制造业']],
  ['新材料', IND['制造业']], ['农业科技', IND['农业']], ['建材', IND['制造业']], ['印务', IND['制造业']],
  ['家具', IND['制造业']], ['物业服务', IND['居民服务']], ['客运', IND['道路运输']], ['燃气', IND['燃气']],
  ['房地产开发', IND['房地产']], ['人力资源服务', IND['人力资源服务']], ['文化传媒', IND['文化娱乐']], ['超市连锁', IND['食品销售']],
  ['医院管理', IND['医疗卫生']], ['汽车维修服务', IND['机动车维修']], ['农资', IND['农资经营']], ['食品加工', IND['食品生产']],
  ['电器', IND['批发零售']], ['纸业', IND['制造业']],
];
const BRANDS = [
  '宏达', '鑫源', '永盛', '华宇', '汴梁', '大宋', '金明', '清明', '恒通', '瑞丰', '中原', '兴业', '豫丰', '天成', '博远',
  '嘉禾', '鼎盛', '万通', '富达', '汇通', '新世纪', '东方', '金桥', '远航', '盛世', '佳美', '宏远', '金鼎', '福瑞', '安泰',
  '德润', '和顺', '隆昌', '银河', '九州', '金太阳', '绿源', '康达', '宝丰', '信诚',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤';
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '华', '建国', '建华', '志强', '海燕', '晓东', '文博', '子涵', '浩然', '俊杰', '欣怡', '红霞', '国庆', '玉兰',
  '建军', '丽娟', '晓燕', '鹏', '飞', '斌', '宇', '鑫', '婷', '雪', '颖', '凯', '亮', '波', '振华', '春燕', '立新', '雅琴',
];
const PHONE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158',
  '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];
const PRAISE = [
  '执法人员态度很好，讲解耐心', '检查规范，指导到位', '出示证件，程序清楚', '帮我们发现了消防隐患，谢谢', '没有打扰正常营业',
  '一次联合检查就查完了，省心', '整改意见具体，可操作',
];
/** Complaints by the first flag ticked: repeated, inaction, excessive, other. */
const COMPLAINTS = [
  ['同一件事一个月内来查了两次', '刚查过又来查，重复检查'],
  ['举报了很久才来处理', '反映的问题没有人管'],
  ['检查时间太长，影响营业', '要求提供的材料太多', '一次检查查了十几项，和我们经营无关'],
  ['检查人员态度生硬', '没有出示执法证件', '整改要求不明确', '处罚太重，和别家不一样'],
];

// =============================================================================================
// PRNG
// =============================================================================================

/** mulberry32: small, fast, good enough for synthetic data; reseedable so no allocation per stream. */
class Rng {
  private s = 0;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  reseed(seed: number): void {
    this.s = seed | 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** murmur3 finaliser: a bijection on 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash3(a: number, b: number, c: number): number {
  return fmix32((fmix32((fmix32(a >>> 0) ^ b) >>> 0) + Math.imul(c, 0x9e3779b9)) >>> 0);
}

// =============================================================================================
// Time
// =============================================================================================

const DAY_MS = 86_400_000;
const DAYS = 730;
/** First day of the 365-day window ending at asOf. */
const WINDOW_START = DAYS - 365;
/** Slot start times in minutes after midnight: four working slots, two evening ones for emergencies. */
const SLOT_MINUTES = [510, 630, 840, 960, 1170, 1320];
const WORK_SLOTS = 4;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// =============================================================================================
// Output
// =============================================================================================

/** Buffers lines and writes them in chunks; `pending` tells the caller to await `drain()`. */
class JsonlWriter {
  private buffer = '';
  private readonly stream: WriteStream;
  private error: Error | null = null;
  pending = false;
  lines = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => {
      this.error = e;
    });
  }

  push<K extends ExchangeKind>(kind: K, record: ExchangeRecordMap[K]): void {
    this.buffer += JSON.stringify(serialiseRecord(kind, record)) + '\n';
    this.lines++;
    if (this.buffer.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.error) throw this.error;
    if (this.buffer.length === 0) return;
    if (!this.stream.write(this.buffer)) this.pending = true;
    this.buffer = '';
  }

  async drain(): Promise<void> {
    if (this.error) throw this.error;
    if (!this.pending) return;
    this.pending = false;
    // It may have drained already while the caller awaited another writer.
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.flush();
    await this.drain();
    this.stream.end();
    await finished(this.stream);
    if (this.error) throw this.error;
  }
}

// =============================================================================================
// The generator
// =============================================================================================

const S_NONE = 0;
const S_REPEATED = 1;
const S_UNMERGED = 2;
const S_FREQUENCY = 3;
const S_LOW_TOUCH = 4;
const S_NO_DISTURB = 5;
const S_UNCODED = 6;
const S_EMERGENCY_LATE = 7;
const S_HIGH_RISK = 8;
const S_OVERLAP = 9;
const S_PENALTY = 10;
/** Inspection records each scenario adds on top of the enterprise's regular ones. */
const SCENARIO_RECORDS = [0, 2, 2, 2, 1, 1, 1, 1, 0, 1, 1];

const GRADE_WEIGHT = [0.6, 1, 1.8, 3];
/** Minimum days between planned inspections of one agency so the grade's yearly cap (A 1, B 2, C 4) holds. */
const GRADE_PLANNED_SPACING = [366, 183, 92, 31];

interface Agency {
  id: string;
  index: number;
  kind: KindDef;
  kindIndex: number;
  city: number;
  /** Global district index, or -1 for a city-level agency. */
  district: number;
  firstOfficer: number;
  officers: number;
  itemIds: string[];
  itemNoDisturb: boolean[];
}

interface District {
  city: number;
  name: string;
  code: string;
  weight: number;
}

interface Eligible {
  agencies: number[];
  cumulative: number[];
  total: number;
  emergency: number[];
  emergencyCumulative: number[];
  emergencyTotal: number;
}

/** A reusable view of one enterprise, derived from its index. */
interface EnterpriseView {
  code: string;
  name: string;
  industry: number;
  district: number;
  phone: string | null;
  grade: number;
  lowTouch: boolean;
  weight: number;
}

interface PlannedEvent {
  day: number;
  size: number;
  trigger: InspectionTrigger | null;
  sameAs: PlannedEvent | null;
  notAs: PlannedEvent | null;
  uncoded: boolean;
  lateCode: boolean;
  noDisturb: boolean;
  forcedAgency: number;
  forcedOfficer: number;
  forcedSlot: number;
  /** Day of a planned follow-up by the same agency: the agency must have room under its cap then. */
  capDay: number;
  /** Agency chosen when processed (the first one of a joint inspection). */
  agency: number;
  scenario: number;
}

function newEvent(day: number, size: number): PlannedEvent {
  return {
    day, size, trigger: null, sameAs: null, notAs: null, uncoded: false, lateCode: false, noDisturb: false,
    forcedAgency: -1, forcedOfficer: -1, forcedSlot: -1, capDay: -1, agency: -1, scenario: S_NONE,
  };
}

function checkAsOf(asOf: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || shanghaiDate(`${asOf}T12:00:00+08:00`) !== asOf) {
    throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`);
  }
}

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

class DemoCity {
  private readonly rng: Rng;
  private readonly seed: number;
  private readonly asOf: string;
  private readonly dayZeroMs: number;
  private readonly endMs: number;
  private readonly weekdayOfDayZero: number;
  private readonly size: DemoCitySize;
  private readonly casesRatio: number;
  private readonly ratingsRatio: number;

  private readonly agencies: Agency[] = [];
  private readonly districts: District[] = [];
  private readonly cityAgencies: number[][] = [];
  private readonly districtAgencies: number[][] = [];
  private readonly officerNames: string[] = [];
  private readonly officerIds: string[] = [];
  private readonly activityList: number[] = [];
  /** Share of the agency's inspections each officer takes, relative to colleagues. */
  private activity!: Float64Array;
  private readonly agencyLines: ExchangeRecordMap['agencies'][] = [];
  private busy!: Uint8Array;
  private readonly eligibleCache = new Map<number, Eligible>();

  private plan!: Uint8Array;
  private readonly scenarioCounts = new Array<number>(PLANT_SCENARIOS.length).fill(0);
  private enterpriseDistrictCumulative: number[] = [];
  private enterpriseDistrictList: number[] = [];
  private enterpriseDistrictTotal = 0;
  private codeSalt = 0;

  private overloadAgency = 0;
  private overloadOfficer = 0;
  private lowSatisfactionAgency = 0;

  // counters
  private inspectionSeq = 0;
  private caseSeq = 0;
  private jointSeq = 0;
  private jointRecords = 0;
  private ratingCount = 0;
  private revoked = 0;
  private overtime = 0;
  private causeChanged = 0;
  private fineOutliers = 0;
  private penaltyPlants = 0;
  private unplannedOverlaps = 0;
  private readonly idWidth: number;

  // per-enterprise scratch
  private readonly ent: EnterpriseView = { code: '', name: '', industry: 0, district: 0, phone: null, grade: 0, lowTouch: false, weight: 1 };
  private pastAgency: number[] = [];
  private pastDay: number[] = [];
  private pastPlanned: boolean[] = [];
  private events: PlannedEvent[] = [];

  private inspectionsOut!: JsonlWriter;
  private casesOut!: JsonlWriter;
  private ratingsOut!: JsonlWriter;

  constructor(options: DemoCityOptions) {
    this.seed = (options.seed ?? 1) >>> 0;
    this.rng = new Rng(hash3(this.seed, 0x5eed, 0));
    this.asOf = options.asOf ?? shanghaiDate(Date.now());
    checkAsOf(this.asOf);
    const asOfStartMs = Date.parse(`${this.asOf}T00:00:00+08:00`);
    this.dayZeroMs = asOfStartMs - (DAYS - 1) * DAY_MS;
    this.endMs = asOfStartMs + DAY_MS - 1;
    this.weekdayOfDayZero = new Date(this.dayZeroMs + 8 * 3600_000).getUTCDay();
    this.size = {
      agencies: positiveInt('agencies', options.agencies ?? SIZE_CITY.agencies, 2),
      officersPerAgency: positiveInt('officersPerAgency', options.officersPerAgency ?? SIZE_CITY.officersPerAgency, 2),
      enterprises: positiveInt('enterprises', options.enterprises ?? SIZE_CITY.enterprises, 1),
      inspections: positiveInt('inspections', options.inspections ?? SIZE_CITY.inspections, 0),
    };
    if (this.size.agencies > MAX_AGENCIES) throw new RangeError(`agencies must be at most ${MAX_AGENCIES}`);
    if (this.size.enterprises > 2 ** 31) throw new RangeError('too many enterprises');
    this.casesRatio = options.casesRatio ?? 0.9;
    this.ratingsRatio = options.ratingsRatio ?? 0.85;
    if (!(this.casesRatio >= 0 && this.casesRatio <= 1)) throw new RangeError('casesRatio must be in [0, 1]');
    if (!(this.ratingsRatio >= 0 && this.ratingsRatio <= 1)) throw new RangeError('ratingsRatio must be in [0, 1]');
    this.idWidth = Math.max(6, String(this.size.inspections).length);
    this.codeSalt = hash3(this.seed, 0xc0de, 1);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private weekday(day: number): number {
    return (this.weekdayOfDayZero + day) % 7;
  }

  private isWeekend(day: number): boolean {
    const w = this.weekday(day);
    return w === 0 || w === 6;
  }

  private personName(rng: Rng): string {
    return SURNAMES[rng.int(SURNAMES.length)] + rng.pick(GIVEN);
  }

  private phone(rng: Rng): string {
    return rng.pick(PHONE_PREFIXES) + pad(rng.int(100_000_000), 8);
  }

  // ---- registers --------------------------------------------------------------------------

  private buildAgencies(): void {
    for (const city of CITIES) {
      for (const [name, code, weight] of city.districts) {
        this.districts.push({ city: CITIES.indexOf(city), name, code, weight });
      }
    }
    const kindIndex = new Map(KINDS.map((k, i) => [k.kind, i]));
    let districtBase = 0;
    for (let c = 0; c < CITIES.length && this.agencies.length < this.size.agencies; c++) {
      const city = CITIES[c];
      this.cityAgencies[c] = [];
      for (let k = 0; k < KINDS.length && this.agencies.length < this.size.agencies; k++) {
        this.addAgency(c, -1, k);
      }
      const n = city.districts.length;
      for (let j = 0; j < n * KINDS.length && this.agencies.length < this.size.agencies; j++) {
        const d = districtBase + (j % n);
        const k = kindIndex.get(DISTRICT_KIND_ORDER[Math.floor(j / n)])!;
        this.addAgency(c, d, k);
      }
      districtBase += n;
    }
  }

  private addAgency(city: number, district: number, kindIndex: number): void {
    const index = this.agencies.length;
    const kind = KINDS[kindIndex];
    const c = CITIES[city];
    let name: string;
    let region: string;
    if (district < 0) {
      name = `${c.name}市${kind.dept}`;
      region = `${c.code}00`;
    } else {
      const d = this.districts[district];
      region = d.code;
      const county = !d.name.endsWith('区');
      if (kind.style === 'fire') name = county ? `${d.name}消防救援大队` : `${c.name}市${d.name}消防救援大队`;
      else if (county) name = `${d.name}${kind.dept}`;
      else if (kind.style === 'branch') name = `${c.name}市${kind.dept}${d.name.replace(/(回族)?区$/, '')}分局`;
      else name = `${c.name}市${d.name}${kind.dept}`;
    }
    const agency: Agency = {
      id: `A${pad(index + 1, 3)}`,
      index,
      kind,
      kindIndex,
      city,
      district,
      firstOfficer: 0,
      officers: 0,
      itemIds: [],
      itemNoDisturb: [],
    };
    this.agencies.push(agency);
    if (district < 0) this.cityAgencies[city].push(index);
    else (this.districtAgencies[district] ??= []).push(index);
    this.agencyLines.push({ id: agency.id, name, kind: kind.kind, region });
  }

  private async writeRegisters(dir: string): Promise<void> {
    const rng = new Rng(hash3(this.seed, 0xa6e, 2));
    const agenciesOut = new JsonlWriter(join(dir, 'agencies.jsonl'));
    for (const line of this.agencyLines) agenciesOut.push('agencies', line);
    await agenciesOut.close();

    // Officers: between about half and 5/3 of the mean per agency; the first agency is large
    // (it holds the overloaded officer), one quiet agency small, so the workload rule sees both
    // sides of its 8-officer threshold.
    const mean = this.size.officersPerAgency;
    const lo = Math.max(2, Math.round(mean / 2));
    const hi = Math.min(999, Math.max(lo, Math.round((mean * 5) / 3), 8));
    // The small agency: the last of the least busy kind.
    let smallest = this.agencies.length - 1;
    for (const a of this.agencies) if (a.index > 0 && a.kind.weight <= this.agencies[smallest].kind.weight) smallest = a.index;
    // Busy agencies get at least the officers their expected workload needs (about one
    // inspection per officer and working day), so officers are rarely double-booked.
    const loads = this.expectedLoads();
    const officersOut = new JsonlWriter(join(dir, 'officers.jsonl'));
    let officerTotal = 0;
    for (const agency of this.agencies) {
      const busiest = agency.district < 0 && agency.kind.weight >= 3;
      const drawn =
        agency.index === 0 ? hi
        : agency.index === smallest ? lo
        : busiest ? rng.range(Math.round((lo + 2 * hi) / 3), hi)
        : rng.range(lo, hi);
      const needed = Math.ceil((loads[agency.index] * 2.05) / 500);
      const count = Math.min(9999, Math.max(drawn, needed));
      agency.firstOfficer = officerTotal;
      agency.officers = count;
      // Some officers inspect more than others (team leaders, desk duty ...): activity levels
      // spread evenly over 0.5–1.5 of the mean, in random order.
      const levels = Array.from({ length: count }, (_, k) => k);
      for (let k = count - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [levels[k], levels[j]] = [levels[j], levels[k]];
      }
      const city = CITIES[agency.city];
      for (let k = 0; k < count; k++) {
        let name = this.personName(rng);
        if (agency.index === 0 && k < 2) name = k === 0 ? '张建国' : '李秀梅';
        const phone = rng.chance(0.85) ? this.phone(rng) : null;
        officersOut.push('officers', {
          id: `${agency.id}-${pad(k + 1, 3)}`,
          agencyId: agency.id,
          name,
          certNo: `${city.plate}${pad(agency.index + 1, 3)}${pad(((k + 1) * 37 + agency.index) % 10_000, 4)}`,
          phone,
        });
        this.officerNames.push(name);
        this.activityList.push(0.5 + (levels[k] + 0.5) / count);
        this.officerIds.push(`${agency.id}-${pad(k + 1, 3)}`);
      }
      officerTotal += count;
    }
    await officersOut.close();
    this.busy = new Uint8Array(officerTotal * DAYS);
    this.activity = Float64Array.from(this.activityList);
    this.overloadAgency = 0;
    this.overloadOfficer = Math.min(4, this.agencies[0].officers - 1);
    // A busy agency: the first district-level one when there are any, else the second.
    this.lowSatisfactionAgency = this.agencies.length > KINDS.length ? KINDS.length : 1;

    const itemsOut = new JsonlWriter(join(dir, 'items.jsonl'));
    for (const agency of this.agencies) {
      agency.kind.items.forEach(([name, basis, listed], k) => {
        // The catalogue marks the 无事不扰 items; a few agencies add one more of their own.
        const noDisturb = listed || (k > 1 && rng.chance(0.03));
        const id = `${agency.id}-I${pad(k + 1, 2)}`;
        agency.itemIds.push(id);
        agency.itemNoDisturb.push(noDisturb);
        itemsOut.push('items', { id, agencyId: agency.id, name, basis, noDisturb });
      });
    }
    await itemsOut.close();
  }

  // ---- enterprises ------------------------------------------------------------------------

  /** Expected inspection records per agency, from the district and industry mix. */
  private expectedLoads(): Float64Array {
    const loads = new Float64Array(this.agencies.length);
    const mix = new Float64Array(INDUSTRIES.length);
    for (const [, industry] of SHOPS) mix[industry] += 0.6 / SHOPS.length;
    for (const [, industry] of BUSINESSES) mix[industry] += 0.4 / BUSINESSES.length;
    let previous = 0;
    for (let k = 0; k < this.enterpriseDistrictList.length; k++) {
      const share = (this.enterpriseDistrictCumulative[k] - previous) / this.enterpriseDistrictTotal;
      previous = this.enterpriseDistrictCumulative[k];
      for (let industry = 0; industry < INDUSTRIES.length; industry++) {
        if (mix[industry] === 0) continue;
        const e = this.eligible(this.enterpriseDistrictList[k], industry);
        for (let j = 0; j < e.agencies.length; j++) {
          const w = e.cumulative[j] - (j > 0 ? e.cumulative[j - 1] : 0);
          loads[e.agencies[j]] += (this.size.inspections * share * mix[industry] * w) / e.total;
        }
      }
    }
    return loads;
  }

  private prepareEnterpriseDistricts(): void {
    // Enterprises live in the districts of the cities that have agencies, in proportion to the
    // number of agencies of each city (so a city cut short by the agency count stays small).
    const perCity = new Map<number, number>();
    for (const a of this.agencies) perCity.set(a.city, (perCity.get(a.city) ?? 0) + 1);
    let total = 0;
    for (let d = 0; d < this.districts.length; d++) {
      const district = this.districts[d];
      const cityAgencies = perCity.get(district.city);
      if (!cityAgencies) continue;
      const cityWeight = CITIES[district.city].districts.reduce((s, x) => s + x[2], 0);
      total += (district.weight / cityWeight) * cityAgencies;
      this.enterpriseDistrictList.push(d);
      this.enterpriseDistrictCumulative.push(total);
    }
    this.enterpriseDistrictTotal = total;
  }

  private pickDistrict(rng: Rng): number {
    const x = rng.next() * this.enterpriseDistrictTotal;
    const cum = this.enterpriseDistrictCumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.enterpriseDistrictList[lo];
  }

  /** Fills `this.ent` with enterprise `i`; the same every time for the same seed. */
  private enterpriseAt(i: number, rng: Rng): EnterpriseView {
    rng.reseed(hash3(this.seed, i, 0xe7));
    const e = this.ent;
    const district = this.pickDistrict(rng);
    const d = this.districts[district];
    const city = CITIES[d.city];
    const company = rng.chance(0.4);
    let name: string;
    let industry: number;
    let prefix: string;
    if (company) {
      const [business, ind] = rng.pick(BUSINESSES);
      const place = rng.chance(0.15) ? '河南' : city.name;
      const form = rng.chance(0.9) ? '有限公司' : rng.chance(0.5) ? '有限责任公司' : '股份有限公司';
      name = `${place}${rng.pick(BRANDS)}${business}${form}`;
      industry = ind;
      prefix = `91${rng.chance(0.3) ? `${city.code}00` : d.code}`;
    } else {
      const [shop, ind] = rng.pick(SHOPS);
      const place = d.name.endsWith('区') ? `${city.name}市${d.name}` : d.name;
      name = `${place}${rng.pick(SHOP_OWNERS)}${shop}`;
      industry = ind;
      prefix = `92${d.code}`;
    }
    const phone = rng.chance(0.9) ? this.phone(rng) : null;
    const g = rng.next();
    let grade = g < 0.45 ? 0 : g < 0.85 ? 1 : g < 0.96 ? 2 : 3;
    let lowTouch = grade === 0 && rng.chance(0.11);
    const heavy = industry === IND['危险化学品'] || industry === IND['食品生产'] || industry === IND['燃气'];
    const scenario = this.plan[i];
    if (scenario === S_FREQUENCY) {
      grade = 0;
      lowTouch = false;
    } else if (scenario === S_LOW_TOUCH) {
      grade = 0;
      lowTouch = true;
    } else if (scenario === S_HIGH_RISK || scenario === S_OVERLAP) {
      // (The overlap's agency is forced by the officer's calendar; with no yearly cap on grade D
      // it cannot also exceed the planned-inspection cap.)
      grade = 3;
      lowTouch = false;
    } else if (scenario !== S_NONE) {
      lowTouch = false;
    }
    // Organisation body: a bijection of the index, so codes are unique; written in the 31
    // characters GB 32100 allows, so buildCreditCode always accepts it.
    let x = fmix32((i + this.codeSalt) >>> 0);
    let body = '';
    for (let k = 0; k < 8; k++) {
      body += USCC_CHARS[x % 31];
      x = Math.floor(x / 31);
    }
    e.code = buildCreditCode(prefix, body);
    e.name = name;
    e.industry = industry;
    e.district = district;
    e.phone = phone;
    e.grade = grade;
    e.lowTouch = lowTouch;
    e.weight = GRADE_WEIGHT[grade] * (lowTouch ? 0.25 : 1) * (company ? 1.3 : 1) * (heavy ? 1.5 : 1);
    // The overlap's enterprise is inspected rarely, so its forced agency stays clear of the others.
    if (scenario === S_OVERLAP) e.weight *= 0.2;
    return e;
  }

  private choosePlants(): void {
    const n = this.size.enterprises;
    this.plan = new Uint8Array(n);
    if (this.size.inspections < 300 || n < 40) return;
    // About 0.3% of the enterprises per scenario, at least 3; planted inspections stay under ~15%.
    const perScenario = Math.min(
      Math.max(3, Math.round(n * 0.003)),
      Math.max(3, Math.floor((this.size.inspections * 0.15) / 14)),
      Math.floor((n * 0.4) / (PLANT_SCENARIOS.length - 1)),
    );
    const lo = Math.floor(n / 4);
    for (let s = 1; s < PLANT_SCENARIOS.length; s++) {
      // The penalty group needs at least 5 decided cases of one clause and level.
      const count = s === S_PENALTY ? (this.casesRatio > 0 ? Math.max(6, perScenario) : 0) : perScenario;
      for (let k = 0; k < count; k++) {
        let i: number;
        do i = lo + this.rng.int(n - lo);
        while (this.plan[i] !== S_NONE);
        this.plan[i] = s;
        this.scenarioCounts[s]++;
      }
    }
  }

  private async writeEnterprises(dir: string): Promise<number> {
    const out = new JsonlWriter(join(dir, 'enterprises.jsonl'));
    const rng = new Rng(0);
    let totalWeight = 0;
    for (let i = 0; i < this.size.enterprises; i++) {
      const e = this.enterpriseAt(i, rng);
      totalWeight += e.weight;
      out.push('enterprises', {
        creditCode: e.code,
        name: e.name,
        industry: INDUSTRIES[e.industry][0],
        region: this.districts[e.district].code,
        phone: e.phone,
        creditGrade: CREDIT_GRADES[e.grade],
        lowTouch: e.lowTouch,
      });
      if (out.pending) await out.drain();
    }
    await out.close();
    return totalWeight;
  }

  // ---- agencies eligible for an enterprise -------------------------------------------------

  private eligible(district: number, industry: number): Eligible {
    const key = district * 64 + industry;
    let e = this.eligibleCache.get(key);
    if (e) return e;
    const relevant = INDUSTRIES[industry][1];
    const list = [...this.cityAgencies[this.districts[district].city], ...(this.districtAgencies[district] ?? [])];
    e = { agencies: [], cumulative: [], total: 0, emergency: [], emergencyCumulative: [], emergencyTotal: 0 };
    const local = new Set((this.districtAgencies[district] ?? []).map((a) => this.agencies[a].kind.kind));
    for (const a of list) {
      const agency = this.agencies[a];
      // Where a district branch exists it does most of the work; the city bureau much less.
      const level = agency.district >= 0 ? 1.5 : local.has(agency.kind.kind) ? 0.3 : 1;
      const w = agency.kind.weight * (relevant.includes(agency.kind.kind) ? 4 : 0.5) * level;
      e.total += w;
      e.agencies.push(a);
      e.cumulative.push(e.total);
      if (agency.kind.emergency && relevant.includes(agency.kind.kind)) {
        e.emergencyTotal += w;
        e.emergency.push(a);
        e.emergencyCumulative.push(e.emergencyTotal);
      }
    }
    this.eligibleCache.set(key, e);
    return e;
  }

  private pickWeighted(list: number[], cumulative: number[], total: number, rng: Rng): number {
    const x = rng.next() * total;
    for (let k = 0; k < list.length; k++) if (cumulative[k] > x) return list[k];
    return list[list.length - 1];
  }

  // ---- per-enterprise constraints -----------------------------------------------------------

  /** No inspection by the same agency in the 30 days before (repeated-inspection stays quiet). */
  private spacingOk(agency: number, day: number): boolean {
    for (let k = 0; k < this.pastAgency.length; k++) {
      if (this.pastAgency[k] === agency && Math.abs(day - this.pastDay[k]) <= 30) return false;
    }
    return true;
  }

  /** Planned inspections of one agency spaced so the credit grade's yearly cap holds. */
  private capOk(agency: number, day: number, grade: number): boolean {
    const spacing = GRADE_PLANNED_SPACING[grade];
    for (let k = 0; k < this.pastAgency.length; k++) {
      if (this.pastAgency[k] === agency && this.pastPlanned[k] && Math.abs(day - this.pastDay[k]) < spacing) return false;
    }
    return true;
  }

  private gapOk(day: number, except: PlannedEvent | null, minGap: number): boolean {
    for (const ev of this.events) {
      if (ev !== except && Math.abs(ev.day - day) < minGap) return false;
    }
    return true;
  }

  /** A weekday in [lo, hi] at least `minGap` days from every planned event but `except`; -1 if none found. */
  private findDay(lo: number, hi: number, rng: Rng, except: PlannedEvent | null = null, minGap = 8): number {
    if (hi < lo) return -1;
    for (let attempt = 0; attempt < 40; attempt++) {
      const d = rng.range(lo, hi);
      if (!this.isWeekend(d) && this.gapOk(d, except, minGap)) return d;
    }
    const start = rng.range(lo, hi);
    for (let k = 0; k <= hi - lo; k++) {
      const d = lo + ((start - lo + k) % (hi - lo + 1));
      if (!this.isWeekend(d) && this.gapOk(d, except, minGap)) return d;
    }
    return -1;
  }

  // ---- pass 2: inspections, cases, ratings ---------------------------------------------------

  private async writeActivity(dir: string, totalWeight: number): Promise<void> {
    this.inspectionsOut = new JsonlWriter(join(dir, 'inspections.jsonl'));
    this.casesOut = new JsonlWriter(join(dir, 'cases.jsonl'));
    this.ratingsOut = new JsonlWriter(join(dir, 'ratings.jsonl'));
    const n = this.size.enterprises;
    let plantedRecords = 0;
    for (let s = 1; s < PLANT_SCENARIOS.length; s++) plantedRecords += this.scenarioCounts[s] * SCENARIO_RECORDS[s];
    const regularTotal = Math.max(0, this.size.inspections - plantedRecords);
    const rngE = new Rng(0);
    const rng = new Rng(0);
    let cumulative = 0;
    let assigned = 0;
    for (let i = 0; i < n; i++) {
      const e = this.enterpriseAt(i, rngE);
      cumulative += e.weight;
      const upTo = i === n - 1 ? regularTotal : Math.round((regularTotal * cumulative) / totalWeight);
      const quota = upTo - assigned;
      assigned = upTo;
      rng.reseed(hash3(this.seed, i, 0x1a5));
      this.enterpriseActivity(e, this.plan[i], quota, rng);
      if (this.inspectionsOut.pending) await this.inspectionsOut.drain();
      if (this.casesOut.pending) await this.casesOut.drain();
      if (this.ratingsOut.pending) await this.ratingsOut.drain();
    }
    await Promise.all([this.inspectionsOut.close(), this.casesOut.close(), this.ratingsOut.close()]);
  }

  private enterpriseActivity(e: EnterpriseView, scenario: number, quota: number, rng: Rng): void {
    const eligible = this.eligible(e.district, e.industry);
    this.events = [];
    this.pastAgency.length = 0;
    this.pastDay.length = 0;
    this.pastPlanned.length = 0;

    // Regular events: single or joint, spread evenly over the two years (the high-risk scenario
    // keeps them all before the window), at least 8 days apart so inspections of different
    // agencies are not accidentally "unmerged".
    const sizes: number[] = [];
    for (let left = quota; left > 0; ) {
      let size = 1;
      if (left >= 2 && eligible.agencies.length >= 2 && rng.chance(0.088)) {
        size = Math.min(left, eligible.agencies.length, rng.chance(0.75) ? 2 : 3);
      }
      sizes.push(size);
      left -= size;
    }
    const lo = 0;
    const hi = scenario === S_HIGH_RISK ? WINDOW_START - 8 : DAYS - 1;
    const m = sizes.length;
    const span = hi - lo + 1;
    for (let j = 0; j < m; j++) {
      const segStart = lo + Math.floor((j * span) / m);
      const segEnd = lo + Math.floor(((j + 1) * span) / m) - 1;
      const len = segEnd - segStart + 1;
      let day: number;
      if (len >= 10) {
        day = segStart + rng.int(len - 9);
        while (this.isWeekend(day)) day++;
      } else {
        day = segStart + rng.int(Math.max(1, len));
      }
      this.events.push(newEvent(day, sizes[j]));
    }

    if (scenario !== S_NONE) this.plantScenario(e, scenario, eligible, rng);
    this.events.sort((a, b) => a.day - b.day);

    for (const ev of this.events) this.processEvent(e, ev, eligible, rng);

    // Now and then a case without an inspection (a complaint or a transfer from another authority).
    if (rng.chance(0.01)) {
      const agency = this.pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
      const a = this.agencies[agency];
      const day = rng.range(0, DAYS - 1);
      const filedAt = this.dayZeroMs + day * DAY_MS + (9 * 60 + rng.int(480)) * 60_000;
      const first = a.firstOfficer + rng.int(a.officers);
      const officers = [first];
      if (a.officers > 1) officers.push(a.firstOfficer + ((first - a.firstOfficer + 1 + rng.int(a.officers - 1)) % a.officers));
      this.makeCase(a, officers, e.code, null, filedAt, rng);
    }
  }

  private plantScenario(e: EnterpriseView, scenario: number, eligible: Eligible, rng: Rng): void {
    const windowLo = WINDOW_START;
    const last = DAYS - 1;
    const add = (day: number, trigger: InspectionTrigger | null): PlannedEvent => {
      const ev = newEvent(day >= 0 ? day : rng.range(windowLo, last), 1);
      ev.trigger = trigger;
      ev.scenario = scenario;
      this.events.push(ev);
      return ev;
    };
    switch (scenario) {
      case S_REPEATED: {
        // A complaint inspection, then a planned one by the same agency 10–25 days later.
        let anchorDay = -1;
        let partnerDay = -1;
        for (let attempt = 0; attempt < 30 && partnerDay < 0; attempt++) {
          anchorDay = this.findDay(windowLo, last - 26, rng);
          if (anchorDay < 0) break;
          const d = anchorDay + rng.range(10, 25);
          if (!this.isWeekend(d) && this.gapOk(d, null, 8)) partnerDay = d;
        }
        const anchor = add(anchorDay, 'complaint');
        const partner = add(partnerDay >= 0 ? partnerDay : Math.min(last, anchor.day + 12), 'planned');
        partner.sameAs = anchor;
        anchor.capDay = partner.day;
        break;
      }
      case S_UNMERGED: {
        // Two agencies 1–6 days apart on the same enterprise, each on its own.
        const anchor = add(this.findDay(windowLo, last - 7, rng, null, 15), 'planned');
        const partner = add(Math.min(last, anchor.day + rng.range(1, 6)), 'planned');
        partner.notAs = anchor;
        break;
      }
      case S_FREQUENCY: {
        // A grade-A enterprise planned twice by one agency within the year (cap 1), 31+ days apart.
        const anchor = add(this.findDay(windowLo, last - 40, rng), 'planned');
        let d = this.findDay(anchor.day + 31, Math.min(last, anchor.day + 200), rng);
        if (d < 0) d = Math.min(last, anchor.day + 31);
        const partner = add(d, 'planned');
        partner.sameAs = anchor;
        break;
      }
      case S_LOW_TOUCH:
        add(this.findDay(windowLo, last, rng), 'planned');
        break;
      case S_NO_DISTURB:
        add(this.findDay(windowLo, last, rng), 'planned').noDisturb = true;
        break;
      case S_UNCODED:
        add(this.findDay(windowLo, last, rng), 'planned').uncoded = true;
        break;
      case S_EMERGENCY_LATE:
        add(this.findDay(windowLo, last - 3, rng), 'emergency').lateCode = true;
        break;
      case S_OVERLAP: {
        // An officer already busy on another enterprise at that hour (booked by an enterprise
        // generated earlier) is put on this one as well.
        // Kept a month away from the enterprise's other inspections when possible, so the
        // forced agency does not also make a repeated inspection.
        const ev = add(this.findDay(windowLo, last, rng), 'planned');
        let found = false;
        for (let attempt = 0; attempt < 60 && !found; attempt++) {
          const a = this.agencies[this.pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng)];
          const officer = a.firstOfficer + rng.int(a.officers);
          const start = rng.int(365);
          const minGap = attempt < 40 ? 31 : 8;
          for (let k = 0; k < 365 && !found; k++) {
            const day = windowLo + ((start + k) % 365);
            const slots = this.busy[officer * DAYS + day] & 0x0f;
            if (slots !== 0 && this.gapOk(day, ev, minGap)) {
              ev.day = day;
              ev.forcedAgency = a.index;
              ev.forcedOfficer = officer;
              ev.forcedSlot = 31 - Math.clz32(slots & -slots);
              found = true;
            }
          }
        }
        break;
      }
      case S_PENALTY: {
        // A complaint-triggered inspection by the market regulator ending in a case of its most
        // common clause and level, decided in the window: together they make a group of 5+ for
        // 同案不同罚, and every third one is fined far off. A month clear of the enterprise's other
        // inspections when possible, as the agency is forced.
        let day = this.findDay(windowLo, last - 100, rng, null, 31);
        if (day < 0) day = this.findDay(windowLo, last - 100, rng);
        add(day, 'complaint');
        break;
      }
      default:
        break;
    }
  }

  private drawTrigger(rng: Rng): InspectionTrigger {
    const x = rng.next();
    if (x < 0.78) return 'planned';
    if (x < 0.88) return 'complaint';
    if (x < 0.92) return 'superior';
    if (x < 0.94) return 'undercover';
    if (x < 0.975) return 'other';
    return 'emergency';
  }

  /** Picks an agency respecting same-agency spacing (and the cap when planned); downgrades a planned trigger when only the cap is in the way. */
  private chooseAgency(
    e: EnterpriseView,
    eligible: Eligible,
    trigger: InspectionTrigger,
    day: number,
    exclude: readonly number[],
    rng: Rng,
    capDay = -1,
  ): { agency: number; trigger: InspectionTrigger } {
    let fallback = -1;
    for (let attempt = 0; attempt < 12; attempt++) {
      const a = this.pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
      if (exclude.includes(a) || !this.spacingOk(a, day)) continue;
      if (capDay >= 0 && !this.capOk(a, capDay, e.grade)) continue;
      if (trigger === 'planned' && !this.capOk(a, day, e.grade)) {
        if (fallback < 0) fallback = a;
        continue;
      }
      return { agency: a, trigger };
    }
    const n = eligible.agencies.length;
    const start = rng.int(n);
    for (let k = 0; k < n; k++) {
      const a = eligible.agencies[(start + k) % n];
      if (
        !exclude.includes(a) && this.spacingOk(a, day) &&
        (trigger !== 'planned' || this.capOk(a, day, e.grade)) && (capDay < 0 || this.capOk(a, capDay, e.grade))
      ) {
        return { agency: a, trigger };
      }
    }
    if (fallback >= 0) return { agency: fallback, trigger: rng.chance(0.5) ? 'complaint' : 'other' };
    for (const a of eligible.agencies) if (!exclude.includes(a)) return { agency: a, trigger };
    return { agency: eligible.agencies[0], trigger };
  }

  private processEvent(e: EnterpriseView, ev: PlannedEvent, eligible: Eligible, rng: Rng): void {
    const forced = ev.trigger !== null;
    let trigger: InspectionTrigger = ev.trigger ?? this.drawTrigger(rng);
    if (ev.size > 1 && trigger === 'emergency') trigger = 'planned';
    if (!forced && e.lowTouch && trigger === 'planned') trigger = rng.chance(0.6) ? 'complaint' : rng.chance(0.5) ? 'superior' : 'other';

    const agencies: number[] = [];
    if (ev.forcedAgency >= 0) {
      agencies.push(ev.forcedAgency);
    } else if (ev.sameAs !== null && ev.sameAs.agency >= 0) {
      agencies.push(ev.sameAs.agency);
    } else if (trigger === 'emergency') {
      if (eligible.emergency.length > 0) {
        agencies.push(this.pickWeighted(eligible.emergency, eligible.emergencyCumulative, eligible.emergencyTotal, rng));
      } else {
        trigger = 'complaint';
      }
    } else if (ev.scenario === S_PENALTY) {
      const market = eligible.agencies.filter((a) => this.agencies[a].kindIndex === 0);
      const quiet = market.filter((a) => this.spacingOk(a, ev.day) && this.capOk(a, ev.day, e.grade));
      if (quiet.length > 0) agencies.push(rng.pick(quiet));
      else if (market.length > 0) agencies.push(rng.pick(market));
    } else if (ev.noDisturb) {
      const withListed = eligible.agencies.filter((a) => this.agencies[a].itemNoDisturb.includes(true));
      const quiet = withListed.filter((a) => this.spacingOk(a, ev.day) && this.capOk(a, ev.day, e.grade));
      if (quiet.length > 0) agencies.push(rng.pick(quiet));
      else if (withListed.length > 0) agencies.push(rng.pick(withListed));
    }
    if (agencies.length === 0) {
      const exclude = ev.notAs !== null && ev.notAs.agency >= 0 ? [ev.notAs.agency] : [];
      const chosen = this.chooseAgency(e, eligible, trigger, ev.day, exclude, rng, ev.capDay);
      agencies.push(chosen.agency);
      if (!forced) trigger = chosen.trigger;
      // A joint inspection: further agencies that may inspect the enterprise that day.
      for (let k = 1; k < ev.size; k++) {
        let next = -1;
        for (let attempt = 0; attempt < 12 && next < 0; attempt++) {
          const a = this.pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
          if (agencies.includes(a) || !this.spacingOk(a, ev.day)) continue;
          if (trigger === 'planned' && !this.capOk(a, ev.day, e.grade)) continue;
          next = a;
        }
        if (next < 0) {
          for (const a of eligible.agencies) {
            if (!agencies.includes(a) && this.spacingOk(a, ev.day) && (trigger !== 'planned' || this.capOk(a, ev.day, e.grade))) {
              next = a;
              break;
            }
          }
        }
        if (next < 0) {
          // Every agency inspected recently: join anyway (the record count is a promise).
          for (const a of eligible.agencies) {
            if (!agencies.includes(a)) {
              next = a;
              break;
            }
          }
        }
        agencies.push(next);
      }
    }
    ev.agency = agencies[0];

    // Officers and the hour: a slot in which every officer is free, so nobody is in two places
    // (unless this is the planted overlap).
    const emergency = trigger === 'emergency';
    const slotCount = emergency ? SLOT_MINUTES.length : WORK_SLOTS;
    const officerSets: number[][] = [];
    let slot = -1;
    if (ev.forcedSlot >= 0) {
      slot = ev.forcedSlot;
      const a = this.agencies[agencies[0]];
      const set = [ev.forcedOfficer];
      this.pickFreeOfficers(a, ev.day, slot, this.officersWanted(a, rng) - 1, set, rng);
      officerSets.push(set);
    } else {
      const firstSlot = rng.int(slotCount);
      for (let s = 0; s < slotCount && slot < 0; s++) {
        const candidate = (firstSlot + s) % slotCount;
        officerSets.length = 0;
        let ok = true;
        for (const agencyIndex of agencies) {
          const a = this.agencies[agencyIndex];
          const set: number[] = [];
          this.pickFreeOfficers(a, ev.day, candidate, this.officersWanted(a, rng), set, rng);
          if (set.length === 0) {
            ok = false;
            break;
          }
          officerSets.push(set);
        }
        if (ok) slot = candidate;
      }
      if (slot < 0) {
        // Nobody free in any slot: double-book (counted, so benchmarks can report it).
        slot = firstSlot;
        officerSets.length = 0;
        for (const agencyIndex of agencies) {
          const a = this.agencies[agencyIndex];
          officerSets.push([a.firstOfficer + rng.int(a.officers)]);
        }
        this.unplannedOverlaps++;
      }
    }
    for (const set of officerSets) {
      for (const o of set) {
        this.busy[o * DAYS + ev.day] |= 1 << slot;
      }
    }

    const startMs = this.dayZeroMs + ev.day * DAY_MS + SLOT_MINUTES[slot] * 60_000 + rng.int(1200) * 1000;
    const durationMs = (35 * 60 + rng.int(3600)) * 1000;
    const jointId = agencies.length > 1 ? `J${pad(++this.jointSeq, this.idWidth)}` : null;
    if (jointId !== null) this.jointRecords += agencies.length;

    for (let k = 0; k < agencies.length; k++) {
      const a = this.agencies[agencies[k]];
      const officers = officerSets[k];
      // Items: never a 无事不扰 item on a planned inspection, except the planted one.
      const itemIds: string[] = [];
      const want = rng.chance(0.45) ? 1 : rng.chance(0.73) ? 2 : 3;
      for (let attempt = 0; attempt < 8 && itemIds.length < want; attempt++) {
        const j = rng.int(a.itemIds.length);
        if (trigger === 'planned' && a.itemNoDisturb[j]) continue;
        if (!itemIds.includes(a.itemIds[j])) itemIds.push(a.itemIds[j]);
      }
      if (ev.noDisturb && k === 0) {
        const j = a.itemNoDisturb.indexOf(true);
        if (j >= 0 && !itemIds.includes(a.itemIds[j])) itemIds.push(a.itemIds[j]);
      }
      if (itemIds.length === 0) itemIds.push(a.itemIds[a.itemNoDisturb.indexOf(false)] ?? a.itemIds[0]);

      let coded = true;
      let codedAt: number | null = null;
      if (emergency) {
        // 先检查后补码: the code is filed afterwards, usually within the 24-hour deadline.
        coded = false;
        const x = rng.next();
        if (ev.lateCode) codedAt = x < 0.7 ? startMs + (30 + rng.int(30)) * 3600_000 : null;
        else if (x < 0.82) codedAt = startMs + (1800 + rng.int(20 * 3600)) * 1000;
        else if (x < 0.94) codedAt = startMs + (25 + rng.int(48)) * 3600_000;
        else codedAt = null;
        if (codedAt !== null && codedAt > this.endMs) codedAt = null;
      } else if (ev.uncoded) {
        coded = false;
        codedAt = rng.chance(0.5) ? startMs + (2 + rng.int(72)) * 3600_000 : null;
        if (codedAt !== null && codedAt > this.endMs) codedAt = null;
      }

      const r = rng.next();
      const penalty = ev.scenario === S_PENALTY && k === 0 && a.kindIndex === 0;
      const result: InspectionResult = penalty
        ? 'case'
        : r < (emergency ? 0.5 : 0.72) ? 'pass' : r < (emergency ? 0.75 : 0.9) ? 'rectify' : 'case';
      const finishMs = startMs + durationMs - (k === 0 ? 0 : rng.int(600) * 1000);
      const id = `X${pad(++this.inspectionSeq, this.idWidth)}`;
      const officerIds = officers.map((o) => this.officerId(o));
      this.inspectionsOut.push('inspections', {
        id,
        agencyId: a.id,
        officerIds,
        creditCode: e.code,
        itemIds,
        trigger,
        jointId,
        startedAt: new Date(startMs),
        finishedAt: new Date(finishMs),
        coded,
        codedAt: codedAt === null ? null : new Date(codedAt),
        result,
      });
      this.pastAgency.push(a.index);
      this.pastDay.push(ev.day);
      this.pastPlanned.push(trigger === 'planned');

      if (result === 'case' && (rng.chance(this.casesRatio) || (penalty && this.casesRatio > 0))) {
        const filedAt = finishMs + (2 * 3600 + rng.int(5 * 86400)) * 1000;
        const plant = penalty ? (this.penaltyPlants++ % 3 === 1 ? 2 : 1) : 0;
        if (filedAt <= this.endMs) this.makeCase(a, officers, e.code, id, filedAt, rng, plant);
      }
      if (rng.chance(this.ratingsRatio)) this.makeRating(a, id, finishMs, ev.scenario, rng);
    }
  }

  private officersWanted(a: Agency, rng: Rng): number {
    const x = rng.next();
    return Math.min(a.officers, x < 0.1 ? 1 : x < 0.85 ? 2 : 3);
  }

  /** Adds up to `want` officers of `a` free in `slot` on `day` to `set`; the overloaded officer often. */
  private pickFreeOfficers(a: Agency, day: number, slot: number, want: number, set: number[], rng: Rng): void {
    if (want <= 0) return;
    const bit = 1 << slot;
    const busy = this.busy;
    if (a.index === this.overloadAgency && rng.chance(0.6)) {
      const o = a.firstOfficer + this.overloadOfficer;
      if (!set.includes(o) && (busy[o * DAYS + day] & bit) === 0) set.push(o);
    }
    // Free officers, drawn in proportion to their activity.
    for (let attempt = 0; attempt < want * 8 && set.length < want; attempt++) {
      const o = a.firstOfficer + rng.int(a.officers);
      if (rng.next() * 1.5 < this.activity[o] && !set.includes(o) && (busy[o * DAYS + day] & bit) === 0) set.push(o);
    }
    if (set.length === 0) {
      const start = rng.int(a.officers);
      for (let k = 0; k < a.officers; k++) {
        const o = a.firstOfficer + ((start + k) % a.officers);
        if ((busy[o * DAYS + day] & bit) === 0) {
          set.push(o);
          return;
        }
      }
    }
  }

  private officerId(globalIndex: number): string {
    return this.officerIds[globalIndex];
  }

  private dayOf(ms: number): number {
    return Math.floor((ms + 8 * 3600_000 - (this.dayZeroMs + 8 * 3600_000)) / DAY_MS);
  }

  /** `plant`: 0 an ordinary case; 1 a planted case of the common group; 2 the same, fined far from the rest. */
  private makeCase(
    a: Agency,
    officers: number[],
    creditCode: string,
    inspectionId: string | null,
    filedAt: number,
    rng: Rng,
    plant = 0,
  ): void {
    const causes = a.kind.causes;
    const c = rng.next();
    const causeIndex = plant > 0 ? 0 : Math.min(c < 0.6 ? 0 : c < 0.88 ? 1 : 2, causes.length - 1);
    const cause = causes[causeIndex];
    const l = rng.next();
    const levelIndex = plant > 0 ? 1 : l < 0.2 ? 0 : l < 0.87 ? 1 : 2;
    const level: DiscretionLevel = levelIndex === 0 ? 'light' : levelIndex === 1 ? 'general' : 'severe';
    const filedDay = this.dayOf(filedAt);

    // Traits, by chance, and forced on the first eligible cases until each has a few in the window.
    const revoke =
      plant === 0 && filedDay >= WINDOW_START && filedDay <= DAYS - 10 && (rng.chance(0.015) || this.revoked < 3);
    const overtime =
      plant === 0 && !revoke && filedDay >= WINDOW_START - 90 && filedDay <= DAYS - 92 && (rng.chance(0.03) || this.overtime < 3);
    const extension = plant === 0 && !revoke && !overtime && rng.chance(0.02);
    const change =
      filedDay >= WINDOW_START && filedDay <= DAYS - 10 && (rng.chance(0.025) || this.causeChanged < 3);

    let status: CaseStatus;
    let decidedAt: number | null = null;
    let closedAt: number | null = null;
    let revokedAt: number | null = null;
    let fine = 0;
    let extendedDays = 0;
    if (revoke) {
      this.revoked++;
      status = 'revoked';
      revokedAt = Math.min(this.endMs, filedAt + rng.range(5, 40) * DAY_MS + rng.int(8 * 3600) * 1000);
    } else {
      let days: number;
      if (overtime) {
        this.overtime++;
        days = rng.range(95, 160);
      } else if (extension) {
        extendedDays = 30;
        days = rng.range(92, 118);
      } else {
        days = rng.range(12, 75);
      }
      const decided = filedAt + days * DAY_MS + rng.int(8 * 3600) * 1000;
      if (decided > this.endMs) {
        status = 'filed';
      } else {
        decidedAt = decided;
        const [, , light, general, severe] = cause;
        const base = levelIndex === 0 ? light : levelIndex === 1 ? general : severe;
        let factor = 0.85 + rng.next() * 0.33;
        const decidedDay = this.dayOf(decided);
        const common = causeIndex === 0 && levelIndex === 1;
        if (plant === 2 || (plant === 0 && decidedDay >= WINDOW_START && common && rng.chance(0.02))) {
          this.fineOutliers++;
          factor = rng.chance(0.7) ? 3 + rng.next() : 0.25 + rng.next() * 0.1;
        }
        const step = base >= 10_000 ? 500 : base >= 1000 ? 100 : 10;
        fine = Math.max(step, Math.round((base * factor) / step) * step) * 100;
        const closing = decided + rng.range(10, 60) * DAY_MS;
        if (closing <= this.endMs && rng.chance(0.9)) {
          closedAt = closing;
          status = 'closed';
        } else {
          status = 'decided';
        }
      }
    }

    const causeChanges: CauseChange[] = [];
    if (change) {
      const at = filedAt + rng.range(3, 9) * DAY_MS;
      const limit = Math.min(this.endMs, decidedAt ?? revokedAt ?? this.endMs);
      if (at <= limit) {
        this.causeChanged++;
        const others = causes.filter((x) => x !== cause);
        // Now and then a change that names the same clause (a correction): not a finding.
        const sameClause = this.causeChanged > 3 && rng.chance(0.1);
        const from = sameClause || others.length === 0 ? cause[0] : rng.pick(others)[0];
        causeChanges.push({ from, to: cause[0], at: new Date(at) });
      }
    }

    const record: CaseRecord = {
      id: `C${pad(++this.caseSeq, this.idWidth)}`,
      agencyId: a.id,
      officerIds: officers.map((o) => this.officerId(o)),
      creditCode,
      inspectionId,
      cause: cause[0],
      discretionLevel: level,
      fine,
      status,
      filedAt: new Date(filedAt),
      decidedAt: decidedAt === null ? null : new Date(decidedAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
      causeChanges,
      extendedDays,
      coercive: levelIndex === 2 ? rng.chance(0.4) : levelIndex === 1 ? rng.chance(0.04) : false,
    };
    this.casesOut.push('cases', record);
  }

  private makeRating(a: Agency, inspectionId: string, finishMs: number, scenario: number, rng: Rng): void {
    const ratedAt = finishMs + (3600 + rng.int(72 * 3600)) * 1000;
    if (ratedAt > this.endMs) return;
    const unhappy =
      a.index === this.lowSatisfactionAgency ? 0.3 : scenario === S_REPEATED || scenario === S_FREQUENCY ? 0.5 : 0.025;
    const disapprove = rng.chance(unhappy);
    const score = (): number => {
      const x = rng.next();
      if (disapprove) return x < 0.25 ? 1 : x < 0.65 ? 2 : x < 0.95 ? 3 : 4;
      return x < 0.6 ? 5 : x < 0.92 ? 4 : 3;
    };
    const language = score();
    const procedure = score();
    const manner = score();
    const fairness = score();
    let flags: RatingFlag[] = [];
    let comment: string | null = null;
    if (disapprove) {
      let mask = 0;
      if (scenario === S_REPEATED || scenario === S_FREQUENCY) mask |= 1;
      const count = rng.chance(0.7) ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const x = rng.next();
        mask |= x < 0.3 ? 1 : x < 0.45 ? 2 : x < 0.7 ? 4 : 8;
      }
      flags = RATING_FLAG_ORDER.filter((_, k) => mask & (1 << k));
      if (rng.chance(0.7)) comment = rng.pick(COMPLAINTS[31 - Math.clz32(mask & -mask)]);
    } else if (rng.chance(0.15)) {
      comment = rng.pick(PRAISE);
    }
    this.ratingCount++;
    this.ratingsOut.push('ratings', {
      inspectionId,
      agencyId: a.id,
      language,
      procedure,
      manner,
      fairness,
      verdict: disapprove ? 'disapprove' : 'approve',
      flags,
      comment,
      ratedAt: new Date(ratedAt),
    });
  }

  // ---- run ----------------------------------------------------------------------------------

  async run(dir: string): Promise<DemoCityCounts> {
    mkdirSync(dir, { recursive: true });
    this.buildAgencies();
    this.prepareEnterpriseDistricts();
    await this.writeRegisters(dir);
    this.choosePlants();
    const totalWeight = await this.writeEnterprises(dir);
    await this.writeActivity(dir, totalWeight);
    const scenarios: Record<string, number> = {};
    for (let s = 1; s < PLANT_SCENARIOS.length; s++) scenarios[PLANT_SCENARIOS[s]] = this.scenarioCounts[s];
    const overloaded = this.agencies[this.overloadAgency];
    return {
      asOf: this.asOf,
      seed: this.seed,
      agencies: this.agencies.length,
      officers: this.officerNames.length,
      items: this.agencies.reduce((n, a) => n + a.itemIds.length, 0),
      enterprises: this.size.enterprises,
      inspections: this.inspectionSeq,
      jointInspections: this.jointRecords,
      cases: this.caseSeq,
      ratings: this.ratingCount,
      planted: {
        scenarios,
        overloadedOfficer: `${overloaded.id}-${pad(this.overloadOfficer + 1, 3)}`,
        lowSatisfactionAgency: this.agencies[this.lowSatisfactionAgency].id,
        revokedCases: this.revoked,
        overtimeCases: this.overtime,
        causeChangedCases: this.causeChanged,
        fineOutlierCases: this.fineOutliers,
        unplannedOverlaps: this.unplannedOverlaps,
      },
    };
  }
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const RATING_FLAG_ORDER: readonly RatingFlag[] = RATING_FLAGS;

/**
 * Writes a demo city into `dir` (created if missing; the seven files are overwritten) and
 * returns what it wrote. Deterministic: the same options give byte-identical files.
 */
export async function generateDemoCity(dir: string, options: DemoCityOptions = {}): Promise<DemoCityCounts> {
  return new DemoCity(options).run(dir);
}
